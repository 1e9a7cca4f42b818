"""Each linked entity's lists in time order, written when linked: what it said, what was said about
it, the documents that name it (migration ``0010_entity_lists``; issues 17 and 18).

``link_entity_lists`` holds one row per (entity, list, item), keyed by the entity, the list and
the item's place in time order (``link_reads.TIME_ORDER``: undated documents last, then the
document's date, its ingest time, its id, the statement's place in it, the statement id), so a
page of a list is a range of the primary key read with LIMIT/OFFSET, whatever the entity's size.
A document row has ``content_start`` 0 and ``statement_id`` ''. ``link_entity_list_counts``
keeps each list's length, changed by the same writes.

The rows are a function of one document's statements, mentions, members and linked statements
(the rules of ``link_reads``: said is ``coalesce(ls.entity_id, lm.entity_id)``, said about is a
member's mention inside the content), so ``refresh(conn, documents)`` recomputes those
documents' rows and moves the counts by the difference. Whoever changes those inputs calls it:
the linker for the documents of each page it links (``LinkTables.end_page``; nothing reads the
lists while it links), ``LinkTables.move_members`` (merges and splits) for the documents whose
members moved, ``CorrectionTable.sync_links`` for a corrected reading. Every value is a
parameter; the SQL is portable (SQLite and PostgreSQL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

LISTS = ("said", "said_about", "documents")
COLUMNS = "entity_id, list, undated, published, ingested_at, document_id, content_start, statement_id"
# "published" is quoted: it is never NULL here ('' when undated, after ``undated``), so PostgreSQL
# orders it as its primary key does, not with SQLite's place for NULL dates (``pg_sql.nulls_as_sqlite``).
ORDER = 'undated, "published", ingested_at, document_id, content_start, statement_id'

_DATED = "CASE WHEN d.published IS NULL THEN 1 ELSE 0 END, coalesce(d.published, '')"
_STATEMENT_PLACE = f"{_DATED}, coalesce(s.ingested_at, ''), s.document_id, s.content_start, s.id"
# The rows of each list for the documents that ``{where}`` keeps (``{column}`` names their id).
_ROWS = {
    "said": (
        "s.document_id",
        f"""SELECT coalesce(ls.entity_id, lm.entity_id), 'said', {_STATEMENT_PLACE}
        FROM statements AS s JOIN documents AS d ON d.id = s.document_id
        LEFT JOIN link_statements AS ls ON ls.document_id = s.document_id AND ls.statement_id = s.id
        LEFT JOIN link_members AS lm ON lm.document_id = s.document_id AND lm.local_id = s.source_entity
        WHERE {{where}} AND coalesce(ls.entity_id, lm.entity_id) IS NOT NULL""",
    ),
    "said_about": (
        "am.document_id",
        f"""SELECT DISTINCT am.entity_id, 'said_about', {_STATEMENT_PLACE}
        FROM link_members AS am
        JOIN mentions AS m ON m.document_id = am.document_id AND m.entity = am.local_id
        JOIN statements AS s ON s.document_id = m.document_id
            AND m.start >= s.content_start AND m."end" <= s.content_end
        JOIN documents AS d ON d.id = s.document_id
        WHERE {{where}}""",
    ),
    "documents": (
        "am.document_id",
        f"""SELECT DISTINCT am.entity_id, 'documents', {_DATED}, coalesce(d.ingested_at, ''), d.id, 0, ''
        FROM link_members AS am JOIN documents AS d ON d.id = am.document_id
        WHERE {{where}}""",
    ),
}

ENTITY_LISTS: tuple[str, ...] = (
    """CREATE TABLE link_entity_lists (
        entity_id TEXT NOT NULL,
        list TEXT NOT NULL,
        undated INTEGER NOT NULL,
        published TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        content_start INTEGER NOT NULL,
        statement_id TEXT NOT NULL,
        PRIMARY KEY (
            entity_id, list, undated, published, ingested_at, document_id, content_start, statement_id
        )
    ) WITHOUT ROWID""",
    "CREATE INDEX link_entity_lists_document ON link_entity_lists(document_id)",
    """CREATE TABLE link_entity_list_counts (
        entity_id TEXT NOT NULL,
        list TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (entity_id, list)
    ) WITHOUT ROWID""",
    # Filled for a store linked before: every document at once.
    *(f"INSERT INTO link_entity_lists ({COLUMNS}) {sql.format(where='1 = 1')}" for _c, sql in _ROWS.values()),
    """INSERT INTO link_entity_list_counts (entity_id, list, count)
        SELECT entity_id, list, count(*) FROM link_entity_lists GROUP BY entity_id, list""",
)

# The documents that name an entity, in time order: a range of its "documents" list.
_DOCUMENTS = f"""SELECT l.document_id, d.title, d.published, d.outlet
    FROM link_entity_lists AS l JOIN documents AS d ON d.id = l.document_id
    WHERE l.entity_id = ? AND l.list = 'documents'
    ORDER BY l.{ORDER.replace(", ", ", l.")} LIMIT ? OFFSET ?"""
# The document entities an entity is made of, in time order, from its first ``limit`` documents
# (each holds at least one of them): the first ``limit`` members without reading them all.
_MEMBERS = f"""SELECT m.document_id, m.local_id, m.name, m.type, m.mentions, d.title, d.published,
        coalesce(e.aliases, '[]') AS aliases
    FROM (SELECT document_id, undated, published, ingested_at FROM link_entity_lists
          WHERE entity_id = :entity AND list = 'documents'
          ORDER BY {ORDER} LIMIT :limit) AS l
    JOIN link_members AS m ON m.document_id = l.document_id AND m.entity_id = :entity
    JOIN documents AS d ON d.id = m.document_id
    LEFT JOIN entities AS e ON e.document_id = m.document_id AND e.id = m.local_id
    ORDER BY l.undated, l."published", l.ingested_at, l.document_id, m.local_id LIMIT :limit"""


CHUNK = 200


# The entity each list's row is about, to rewrite only some entities' rows (``refresh(entities=)``).
_ENTITY = {
    "said": "coalesce(ls.entity_id, lm.entity_id)",
    "said_about": "am.entity_id",
    "documents": "am.entity_id",
}


def refresh(
    conn: sqlite3.Connection, document_ids: Sequence[str], entities: Sequence[str] | None = None
) -> None:
    """Recompute the list rows of these documents from what is stored now, and the counts with them
    (inside the caller's transaction). With ``entities``, only the rows of those entities: enough
    after members moved between them (a merge), which leaves every other entity's rows as they were."""
    unique = sorted(set(document_ids))
    only = None if entities is None else sorted(set(entities))
    for start in range(0, len(unique), CHUNK):
        _refresh(conn, unique[start : start + CHUNK], only)


def _refresh(conn: sqlite3.Connection, ids: list[str], entities: list[str] | None) -> None:
    marks = ", ".join("?" * len(ids))
    kept: list[str] = [] if entities is None else entities
    among = "" if entities is None else f" AND entity_id IN ({', '.join('?' * len(kept))})"
    before = _counted(conn, [*ids, *kept], marks, among)
    conn.execute(f"DELETE FROM link_entity_lists WHERE document_id IN ({marks}){among}", [*ids, *kept])
    for name, (column, sql) in _ROWS.items():
        where = f"{column} IN ({marks})"
        if entities is not None:
            where += f" AND {_ENTITY[name]} IN ({', '.join('?' * len(kept))})"
        conn.execute(f"INSERT INTO link_entity_lists ({COLUMNS}) {sql.format(where=where)}", [*ids, *kept])
    after = _counted(conn, [*ids, *kept], marks, among)
    changed = {key: after.get(key, 0) - before.get(key, 0) for key in before.keys() | after.keys()}
    changed = {key: n for key, n in changed.items() if n}
    if not changed:
        return
    conn.executemany(
        """INSERT INTO link_entity_list_counts (entity_id, list, count) VALUES (?, ?, ?)
        ON CONFLICT (entity_id, list) DO UPDATE SET count = link_entity_list_counts.count + excluded.count""",
        [(entity_id, name, n) for (entity_id, name), n in sorted(changed.items())],
    )
    conn.executemany(
        "DELETE FROM link_entity_list_counts WHERE entity_id = ? AND list = ? AND count = 0",
        sorted(changed),
    )


def _counted(
    conn: sqlite3.Connection, params: list[str], marks: str, among: str = ""
) -> dict[tuple[str, str], int]:
    rows = conn.execute(
        f"""SELECT entity_id, list, count(*) FROM link_entity_lists WHERE document_id IN ({marks}){among}
        GROUP BY entity_id, list""",
        params,
    )
    return {(row[0], row[1]): int(row[2]) for row in rows}


def count(conn: sqlite3.Connection, entity_id: str, name: str) -> int:
    """How many items an entity's list holds."""
    row = conn.execute(
        "SELECT count FROM link_entity_list_counts WHERE entity_id = ? AND list = ?", (entity_id, name)
    ).fetchone()
    return int(row[0]) if row else 0


def keys(
    conn: sqlite3.Connection, entity_id: str, name: str, limit: int, offset: int = 0
) -> list[tuple[str, str]]:
    """(document id, statement id) of items ``offset`` to ``offset + limit`` of an entity's list in
    time order (all from ``offset`` on when ``limit`` is negative): a range of the primary key."""
    rows = conn.execute(
        f"""SELECT document_id, statement_id FROM link_entity_lists WHERE entity_id = ? AND list = ?
        ORDER BY {ORDER} LIMIT ? OFFSET ?""",
        (entity_id, name, limit, offset),
    )
    return [(row[0], row[1]) for row in rows]


def documents(
    conn: sqlite3.Connection, entity_id: str, *, limit: int, offset: int = 0
) -> list[dict[str, Any]]:
    """One page of the documents that name an entity, oldest first: id, title, published, outlet."""
    rows = conn.execute(_DOCUMENTS, (entity_id, limit, offset))
    return [{"document_id": row[0], "title": row[1], "published": row[2], "outlet": row[3]} for row in rows]


def members(conn: sqlite3.Connection, entity_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """The first ``limit`` document entities an entity is made of, oldest first: their names,
    aliases (JSON), types, mentions and documents."""
    return [dict(row) for row in conn.execute(_MEMBERS, {"entity": entity_id, "limit": limit})]
