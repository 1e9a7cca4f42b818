"""What an entity said and what was said about it, a page at a time.

A page is a range of ``link_entity_lists`` (``entity_lists``: each entity's lists in time order,
written when linked), read with LIMIT/OFFSET, then the full rows of just those statements: the
rows, their order and the totals are those of reading every statement and sorting
(``link_reads.statements_said_by`` / ``statements_about``, which tests compare), at a cost that
does not grow with the entity. Every value is a parameter; the SQL is portable.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Literal

from . import entity_lists
from .link_reads import statements_by_keys

Direction = Literal["said", "said_about"]


def first_rows(
    conn: sqlite3.Connection, entity_id: str, direction: Direction, count: int, offset: int = 0
) -> list[dict[str, Any]]:
    """Full statement rows (``link_reads.STATEMENT_SELECT``) of the entity's statements
    ``offset`` to ``offset + count`` in time order (all from ``offset`` on when ``count`` is negative)."""
    keys = entity_lists.keys(conn, entity_id, direction, count, offset)
    position = {key: i for i, key in enumerate(keys)}
    rows = statements_by_keys(conn, keys)
    rows.sort(key=lambda r: position[(r["document_id"], r["statement_id"])])
    return rows


def total(conn: sqlite3.Connection, entity_id: str, direction: Direction) -> int:
    """How many statements the entity said (or were said about it)."""
    return entity_lists.count(conn, entity_id, direction)
