"""What an entity said, and what was said about it, read a few documents at a time in time order.

A popular entity is named in thousands of statements; its page shows the first few hundred. A
statement's place in time order (``link_reads.TIME_ORDER``) is its document's place (published,
then ingested, then id: ``statements.ingested_at`` is its document's) and then its place in the
document. So the entity's documents are listed in that order first (thin index reads), and the
statements are looked for in the earliest documents, a growing batch at a time, until the page is
full: the rows are exactly those of reading every statement and sorting, without reading them all.
Every value is a parameter; the SQL is portable.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Literal

from .link_reads import statements_by_keys

Direction = Literal["said", "said_about"]

# The documents an entity may have said something in (its members' documents, and those whose
# statements were given its id as their source) or be named in (its members' documents).
_DOCUMENTS = {
    "said": """SELECT d.id, d.published, d.ingested_at FROM documents AS d WHERE d.id IN (
        SELECT document_id FROM link_members WHERE entity_id = :entity
        UNION SELECT document_id FROM link_statements WHERE entity_id = :entity)
        ORDER BY d.published IS NULL, d.published, d.ingested_at, d.id""",
    "said_about": """SELECT d.id, d.published, d.ingested_at FROM documents AS d WHERE d.id IN (
        SELECT document_id FROM link_members WHERE entity_id = :entity)
        ORDER BY d.published IS NULL, d.published, d.ingested_at, d.id""",
}
_THIN = "s.document_id, s.id AS statement_id, d.published, s.ingested_at, s.content_start"
# The same rules as ``link_reads`` (its _SAID_BY and _ABOUT), within the documents ``{marks}``.
_KEYS = {
    "said": f"""SELECT {_THIN} FROM statements AS s JOIN documents AS d ON d.id = s.document_id
        LEFT JOIN link_statements AS ls ON ls.document_id = s.document_id AND ls.statement_id = s.id
        LEFT JOIN link_members AS lm ON lm.document_id = s.document_id AND lm.local_id = s.source_entity
        WHERE s.document_id IN ({{marks}}) AND coalesce(ls.entity_id, lm.entity_id) = ?""",
    "said_about": f"""SELECT DISTINCT {_THIN} FROM link_members AS am
        JOIN mentions AS m ON m.document_id = am.document_id AND m.entity = am.local_id
        JOIN statements AS s ON s.document_id = m.document_id
            AND m.start >= s.content_start AND m."end" <= s.content_end
        JOIN documents AS d ON d.id = s.document_id
        WHERE am.document_id IN ({{marks}}) AND am.entity_id = ?""",
}
FIRST_BATCH = 16
LARGEST_BATCH = 500


def _time_key(row: Any) -> tuple[Any, ...]:
    return (row[2] is None, row[2] or "", row[3] or "", row[0], row[4], row[1])


def first_keys(
    conn: sqlite3.Connection, entity_id: str, direction: Direction, count: int
) -> list[tuple[str, str]]:
    """(document id, statement id) of the entity's first ``count`` statements in time order
    (all of them when ``count`` is negative)."""
    documents = [row[0] for row in conn.execute(_DOCUMENTS[direction], {"entity": entity_id})]
    keys: list[tuple[str, str]] = []
    start, batch = 0, FIRST_BATCH
    while start < len(documents) and (count < 0 or len(keys) < count):
        chunk = documents[start : start + batch]
        sql = _KEYS[direction].format(marks=", ".join("?" * len(chunk)))
        rows = sorted(conn.execute(sql, [*chunk, entity_id]).fetchall(), key=_time_key)
        keys += [(row[0], row[1]) for row in rows]
        start += len(chunk)
        # Enough documents for the rest at the rate seen so far, a quarter more, within bounds.
        rate = max(len(keys), 1) / start
        wanted = (count - len(keys)) / rate * 1.25 if count >= 0 else LARGEST_BATCH
        batch = max(FIRST_BATCH, min(LARGEST_BATCH, int(wanted) + 1))
    return keys if count < 0 else keys[:count]


def first_rows(
    conn: sqlite3.Connection, entity_id: str, direction: Direction, count: int, offset: int = 0
) -> list[dict[str, Any]]:
    """Full statement rows (``link_reads.STATEMENT_SELECT``) of the entity's statements
    ``offset`` to ``offset + count`` in time order."""
    keys = first_keys(conn, entity_id, direction, offset + count if count >= 0 else -1)[offset:]
    position = {key: i for i, key in enumerate(keys)}
    rows = statements_by_keys(conn, keys)
    rows.sort(key=lambda r: position[(r["document_id"], r["statement_id"])])
    return rows
