"""A list on a page that shows its size first and one page of its items, paged by its own parameter.

Several lists share a page (an entity's statements, what was said about it, its documents); each
keeps its page in a query parameter of its own (``said_page=2``), so links work without
JavaScript and leave the other lists where they were.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import urls

PER_PAGE = 10


@dataclass(frozen=True, slots=True)
class Section:
    """``count`` items in all; ``items`` is page ``page`` of ``pages``."""

    name: str
    count: int
    items: list[Any]
    page: int
    pages: int
    previous_href: str | None
    next_href: str | None
    per_page: int = PER_PAGE

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.items) - 1


def page_count(count: int, per_page: int = PER_PAGE) -> int:
    return max(1, -(-count // per_page))


def section(
    name: str,
    count: int,
    fetch: Callable[[int, int], list[Any]],
    requested: Mapping[str, int],
    path: str,
    *,
    per_page: int = PER_PAGE,
    anchor: str | None = None,
) -> Section:
    """Page ``requested[name + "_page"]`` (clamped to the last) of a list of ``count`` items.

    ``fetch(limit, offset)`` gives the items; ``requested`` holds every list's page on this page,
    so the links change only this list's.
    """
    parameter = f"{name}_page"
    pages = page_count(count, per_page)
    page = min(max(requested.get(parameter, 1), 1), pages)
    items = fetch(per_page, (page - 1) * per_page) if count else []
    kept = {k: v for k, v in requested.items() if v != 1}

    def href(number: int) -> str:
        params = {**kept, parameter: number}
        if number == 1:
            params.pop(parameter)
        link = urls.with_query(path, **params)
        return link + (f"#{anchor}" if anchor else "")

    return Section(
        name=name,
        count=count,
        items=items,
        page=page,
        pages=pages,
        previous_href=href(page - 1) if page > 1 else None,
        next_href=href(page + 1) if page < pages else None,
        per_page=per_page,
    )


def sliced(items: list[Any]) -> Callable[[int, int], list[Any]]:
    """``fetch`` over a list already in memory."""
    return lambda limit, offset: items[offset : offset + limit]
