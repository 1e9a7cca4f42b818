"""One page of a list for a request, shared by the HTTP API and the HTML pages: entities, claims, stories."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from ..link import cluster_list, story_list
from ..link import pages as link_pages
from ..model import Proposition, Story
from . import entities as entity_views
from .paging import one_more
from .state import state


def entity_page(
    request: Request, type: str | None, query: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Entities, most mentioned first, of a ``type`` given in any case, whose names contain ``query``."""
    return entity_views.entity_page(
        state(request).db.reader(),
        type=type.upper() if type else None,
        query=query,
        limit=limit,
        offset=offset,
    )


def cluster_page(
    request: Request, query: str | None, limit: int, offset: int
) -> tuple[list[Proposition], int]:
    """Claim clusters (propositions), biggest first, whose wording contains every word of ``query``.

    Without ``query`` the total is every cluster; with one, it is known only as "more follow"
    (counting every match would cost as much as listing them).
    """
    store = state(request).db.reader()
    if not query:
        items = cluster_list(store, limit=limit, offset=offset)
        return items, link_pages.count_clusters(store)

    def fetch(count: int) -> list[Proposition]:
        return cluster_list(store, query=query, limit=count, offset=offset)

    return one_more(fetch, limit, offset)


def story_page(request: Request, limit: int, offset: int) -> tuple[list[Story], int]:
    """Stories, most statements first, and how many there are."""
    store = state(request).db.reader()
    return story_list(store, limit=limit, offset=offset), link_pages.count_stories(store)
