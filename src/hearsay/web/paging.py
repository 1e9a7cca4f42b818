"""Paging a list that gives no total: ask for one item more than the page shows.

The total reported (``offset`` + what came back) then exceeds ``offset + limit`` exactly when a next page
exists, which is all the API's ``next`` link and the pages' pager need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Item = TypeVar("Item")


def one_more(fetch: Callable[[int], list[Item]], limit: int, offset: int) -> tuple[list[Item], int]:
    """``fetch(limit + 1)`` cut to ``limit`` items, with the total that tells whether more follow."""
    items = fetch(limit + 1)
    return items[:limit], offset + len(items)
