"""Counts and pages over the link tables, for lists that show their size first (web pages, API totals).

Kept apart from ``link_reads`` so its queries stay as they are; every value is a parameter.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from . import entity_lists
from .link_reads import STATEMENT_SELECT
from .queries import FOLD

# Both start from the entity's members (indexed by entity), never from a scan of every statement:
# the keys of the statements come first, and the statement rows are joined to them.
# CROSS JOIN keeps this order: members, their mentions (by entity), then the statements around them.
_ABOUT_KEYS = """SELECT DISTINCT st.document_id, st.id FROM link_members AS am
    CROSS JOIN mentions AS m ON m.document_id = am.document_id AND m.entity = am.local_id
    CROSS JOIN statements AS st ON st.document_id = am.document_id
      AND m.start >= st.content_start AND m."end" <= st.content_end
    WHERE am.entity_id = :entity"""
_SAID_KEYS = """SELECT document_id, statement_id FROM link_statements WHERE entity_id = :entity
    UNION
    SELECT st.document_id, st.id FROM link_members AS mm JOIN statements AS st
      ON st.document_id = mm.document_id AND st.source_entity = mm.local_id
    WHERE mm.entity_id = :entity"""
_SAID = "coalesce(ls.entity_id, lm.entity_id) = :entity"


def _keyed(keys: str, where: str = "1 = 1") -> str:
    """The statement rows of ``keys`` (document id, statement id), oldest first, each with the
    ``listed_total`` of rows, so one query gives a page and the count."""
    return (
        f"WITH keys(document_id, statement_id) AS ({keys}), "
        f"found AS ({STATEMENT_SELECT} JOIN keys AS k ON k.document_id = s.document_id "
        f"AND k.statement_id = s.id WHERE {where}) "
        "SELECT *, count(*) OVER () AS listed_total FROM found ORDER BY published IS NULL, published, "
        "ingested_at, document_id, content_start, statement_id"
    )


def count_entities(conn: sqlite3.Connection, *, type_: str | None, query: str | None) -> int:
    """How many entities ``link_reads.entities`` would list over every page."""
    needle = query.casefold() if query else None
    row = conn.execute(
        f"""SELECT count(*) FROM link_entities AS e
        WHERE (:type IS NULL OR e.type = :type)
          AND (:needle IS NULL OR EXISTS (SELECT 1 FROM link_entity_names AS n
               WHERE n.entity_id = e.id
                 AND (instr({FOLD}(n.name), :needle) > 0 OR instr(n.key, :needle) > 0)))""",
        {"type": type_, "needle": needle},
    ).fetchone()
    return int(row[0])


def count_clusters(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM link_clusters").fetchone()[0])


def count_stories(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM link_stories").fetchone()[0])


def said_by(conn: sqlite3.Connection, entity_id: str, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """One page of what an entity said, oldest first; each row's ``listed_total`` counts them all."""
    return _page(_keyed(_SAID_KEYS, _SAID), conn, entity_id, limit, offset)


def said_about(conn: sqlite3.Connection, entity_id: str, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """One page of the statements whose content mentions an entity, oldest first (with ``listed_total``)."""
    return _page(_keyed(_ABOUT_KEYS), conn, entity_id, limit, offset)


def count_said_by(conn: sqlite3.Connection, entity_id: str) -> int:
    return _count(
        f"""WITH keys(document_id, statement_id) AS ({_SAID_KEYS})
        SELECT count(*) FROM keys AS k
        JOIN statements AS s ON s.document_id = k.document_id AND s.id = k.statement_id
        LEFT JOIN link_statements AS ls ON ls.document_id = s.document_id AND ls.statement_id = s.id
        LEFT JOIN link_members AS lm ON lm.document_id = s.document_id AND lm.local_id = s.source_entity
        WHERE {_SAID}""",
        conn,
        entity_id,
    )


def count_said_about(conn: sqlite3.Connection, entity_id: str) -> int:
    return _count(f"SELECT count(*) FROM ({_ABOUT_KEYS}) AS k", conn, entity_id)


def entity_documents(
    conn: sqlite3.Connection, entity_id: str, *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of the documents that mention an entity, oldest first (a range of its list)."""
    return entity_lists.documents(conn, entity_id, limit=limit, offset=offset)


def entity_members(conn: sqlite3.Connection, entity_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """The document entities an entity is made of, oldest first: their names, aliases (JSON), types
    and documents (the first ``limit``, read from its first documents)."""
    return entity_lists.members(conn, entity_id, limit)


def entity_role_counts(conn: sqlite3.Connection, entity_id: str) -> list[dict[str, Any]]:
    """Each role of an entity with how many documents give it and its first and last dates (an
    aggregate in SQL: a page shows the numbers, not the documents), in ``link_reads.entity_roles``'s order."""
    cursor = conn.execute(
        """SELECT role AS text, count(*) AS document_count, min(published) AS first, max(published) AS last
        FROM link_roles WHERE entity_id = ? GROUP BY role ORDER BY role""",
        (entity_id,),
    )
    return [dict(row) for row in cursor]


def _page(
    sql: str, conn: sqlite3.Connection, entity_id: str, limit: int, offset: int
) -> list[dict[str, Any]]:
    cursor = conn.execute(
        f"{sql} LIMIT :limit OFFSET :offset", {"entity": entity_id, "limit": limit, "offset": offset}
    )
    return [dict(row) for row in cursor]


def _count(sql: str, conn: sqlite3.Connection, entity_id: str) -> int:
    return int(conn.execute(sql, {"entity": entity_id}).fetchone()[0])


def merge_decisions(conn: sqlite3.Connection, cls: str, name_key: str) -> dict[str, tuple[str, str]]:
    """Name keys a user merged into the entity keyed ``name_key`` -> (when, who; '' when unknown)."""
    rows = conn.execute(
        """SELECT other, decided_at, who FROM link_decisions
        WHERE action = 'merge' AND class = ? AND name = ? ORDER BY id""",
        (cls, name_key),
    )
    return {row["other"]: (row["decided_at"], row["who"]) for row in rows}
