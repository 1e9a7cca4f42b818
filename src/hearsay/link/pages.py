"""Totals and single pages of the linked lists, for views that show a list's size before its items.

    count_entities(store, type="PERSON")                  # 1,000: every page's total, not this page's
    entity_statements(store, "e-…", "said", limit=10, offset=20)

Like ``queries``, these answer an empty store (or one never linked) with 0 and [] instead of an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..store import entity_statements as entity_rows
from ..store import link_pages, link_reads
from .queries import _ready, find_entity_id
from .summaries import statement_dict

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

Direction = Literal["said", "said_about"]


def count_entities(store: SQLiteStore, *, type: str | None = None, query: str | None = None) -> int:
    if not _ready(store):
        return 0
    return link_pages.count_entities(store._conn, type_=type.upper() if type else None, query=query)


def count_clusters(store: SQLiteStore) -> int:
    return link_pages.count_clusters(store._conn) if _ready(store) else 0


def count_stories(store: SQLiteStore) -> int:
    from ..store.link_reads import has_story_tables

    return link_pages.count_stories(store._conn) if _ready(store) and has_story_tables(store._conn) else 0


def entity_statements(
    store: SQLiteStore, entity_id: str, direction: Direction, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of what an entity said (or what was said about it) and how many there are in all:
    a range of the entity's list and its running total (``store/entity_lists.py``), whatever its size."""
    if not _ready(store):
        return [], 0
    conn = store._conn
    rows = entity_rows.first_rows(conn, entity_id, direction, max(limit, 0), offset)
    # Callers may mark the rows (``corrections.marks``): fresh dicts, never shared.
    return [statement_dict(r) for r in rows], entity_rows.total(conn, entity_id, direction)


def entity_documents(store: SQLiteStore, entity_id: str, *, limit: int, offset: int) -> list[dict[str, Any]]:
    if not _ready(store):
        return []
    return link_pages.entity_documents(store._conn, entity_id, limit=limit, offset=offset)


def entity_members(store: SQLiteStore, entity_id: str) -> list[dict[str, Any]]:
    return link_pages.entity_members(store._conn, entity_id) if _ready(store) else []


def entity_summary(store: SQLiteStore, id_or_name: str) -> dict[str, Any] | None:
    """An entity's names, type, roles (each with its ``document_count``, first and last dates) and
    counts, without its lists (``entity_detail`` has them)."""
    entity_id = find_entity_id(store, id_or_name)
    row = link_reads.entity(store._conn, entity_id) if entity_id else None
    if row is None:
        return None
    conn = store._conn
    return {
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "variants": link_reads.entity_variants(conn, row["id"]),
        "documents_count": row["documents"],
        "mentions": row["mentions"],
        "roles": link_pages.entity_role_counts(conn, row["id"]),
    }
