"""A page of statements by one name filter (``source`` or ``about`` alone), read in list order and
stopped once the page is full (SQLite).

The rows of ``statement_sources`` / ``statement_about`` (keys.py) are written document by document as
documents are stored, and ``put`` stamps each document with the current time, so for every document
stored after all others in the list's order (ingest time, then id) its rows' rowids are above every
earlier document's. An FTS5 lookup returns a name's rows by rowid, so walking them and stopping at the
end of the document that fills the page reads about a page's worth of matches, however common the
name (``statements_sql`` sorts every match: a name in 5,000 statements was 5,000 rows read and sorted
for 50). A document stored out of that order (a replaced reading keeps its ingest time) is listed in
``statement_keys_late`` with its rows' rowid range in each table, and its matches are read by range.
The page is the list order's first rows among what was read: exactly ``statements_sql``'s answer.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from . import queries

KEY_TABLES = ("statement_sources", "statement_about")
# More documents stored out of order than this: sort every match instead (a store whose readings
# were mostly replaced; migration 0016 puts the rows in order again, as a later one may).
LATE_LIMIT = 200

LATE_TABLE: tuple[str, ...] = (
    """CREATE TABLE statement_keys_late (
        document_id TEXT NOT NULL,
        key_table TEXT NOT NULL,
        low INTEGER NOT NULL,
        high INTEGER NOT NULL,
        PRIMARY KEY (document_id, key_table)
    )""",
)


def reorder(table: str) -> tuple[str, ...]:
    """Statements rewriting ``table``'s rows in list order, document by document (a migration's)."""
    return (
        f"""CREATE TABLE statement_keys_reorder AS
        SELECT k.name AS name, k.document_id AS document_id, k.statement_id AS statement_id
        FROM {table} AS k JOIN documents AS d ON d.id = k.document_id
        ORDER BY d.ingested_at, d.id, k.rowid""",
        f"DELETE FROM {table}",
        f"""INSERT INTO {table} (name, document_id, statement_id)
        SELECT name, document_id, statement_id FROM statement_keys_reorder ORDER BY rowid""",
        "DROP TABLE statement_keys_reorder",
    )


def last_rowid(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT 1").fetchone()
    return int(row[0]) if row is not None else 0


def is_late(conn: sqlite3.Connection, document_id: str, ingested_at: str) -> bool:
    """Whether another document's statements come after this document's in the list order."""
    later = conn.execute(
        "SELECT 1 FROM statements WHERE (ingested_at, document_id) > (?, ?) LIMIT 1",
        (ingested_at, document_id),
    ).fetchone()
    return later is not None


def note_late(conn: sqlite3.Connection, document_id: str, before: dict[str, int]) -> None:
    """Record the rowid ranges of a late document's rows (written after ``before[table]``)."""
    for table in KEY_TABLES:
        low, high = conn.execute(
            f"SELECT min(rowid), max(rowid) FROM {table} WHERE rowid > ?", (before[table],)
        ).fetchone()
        if low is not None:
            conn.execute(
                "INSERT INTO statement_keys_late (document_id, key_table, low, high) VALUES (?, ?, ?, ?)",
                (document_id, table, low, high),
            )


def forget(conn: sqlite3.Connection, document_id: str) -> None:
    conn.execute("DELETE FROM statement_keys_late WHERE document_id = ?", (document_id,))


def page(conn: sqlite3.Connection, table: str, params: dict[str, Any], key: str) -> list[sqlite3.Row] | None:
    """``statements_sql(params)``'s rows when ``key`` ("source" or "about") is the only filter;
    None when too many documents are stored out of order (the caller sorts every match)."""
    late = conn.execute(
        "SELECT document_id, low, high FROM statement_keys_late WHERE key_table = ? LIMIT ?",
        (table, LATE_LIMIT + 1),
    ).fetchall()
    if len(late) > LATE_LIMIT:
        return None
    match = f"{table} MATCH :{key}_match AND " if params.get(f"{key}_match") is not None else ""
    matches = f"SELECT document_id, statement_id FROM {table} WHERE {match}instr(name, :{key}) > 0"
    found = _in_order(
        conn, f"{matches} ORDER BY rowid", params, {r[0] for r in late}, params["offset"] + params["limit"]
    )
    for _, low, high in late:
        rows = conn.execute(f"{matches} AND rowid BETWEEN {int(low)} AND {int(high)}", params)
        found.update((document_id, statement_id) for document_id, statement_id in rows)
    return conn.execute(_PAGE_SQL, {**params, "keys": json.dumps(sorted(found))}).fetchall()


def _in_order(
    conn: sqlite3.Connection, sql: str, params: dict[str, Any], late: set[str], wanted: int
) -> set[tuple[str, str]]:
    """The matching statements of the documents in order, up to the end of the document that
    brings them to ``wanted``; every later document's come after them in the list."""
    found: set[tuple[str, str]] = set()
    current = None
    cursor = conn.execute(sql, params)
    try:
        for document_id, statement_id in cursor:
            if document_id in late:
                continue
            if document_id != current and len(found) >= wanted:
                break
            current = document_id
            found.add((document_id, statement_id))
    finally:
        cursor.close()
    return found


_PAGE_SQL = f"""SELECT {queries.STATEMENT_COLUMNS}
FROM statements AS s JOIN documents AS d ON d.id = s.document_id
WHERE (s.document_id, s.id) IN (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(:keys)
)
ORDER BY s.ingested_at, s.document_id, s.content_start, s.id
LIMIT :limit OFFSET :offset"""
