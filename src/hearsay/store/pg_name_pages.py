"""A page of statements by one name filter (``source`` or ``about`` alone) on PostgreSQL.

pg_trgm's GIN index finds a name's key rows in no order, and PostgreSQL cannot tell how many there
are (it guesses the same share for every needle). So each key row carries its statement's place in
the list (``ingested_at``, ``content_start``; migration ``0019_postgresql_name_keys_in_order``, the
counterpart of SQLite's rows kept in list order by rowid, ``name_pages.py``), a name's matches are
sorted on the key table alone, and a page is read in steps:

0. Read the name's key rows through an index, at most two walks' worth (below). If that is all of
   them, the name is rare: the page is theirs, sorted by their places.
1. Walk the ``statements_order`` index, checking each statement against the name, and stop at the
   page's end: about ``wanted / share`` statements, where ``share`` is the part of all statements
   the name matches. The walk is bounded to ``1.5 × sqrt(wanted × statements)`` (at least ``MIN_WALK``).
2. When the page is not full by then: the name's matching key rows, sorted by their place in the
   list on the key table, and only the page's statements read.

The index: pg_trgm's when the needle has three word characters in a row ("ministry"); else a GIN
index of each name's two-character pieces (``hearsay_bigrams``: "uk", "u.s.", "at&t", which give
pg_trgm no trigram to look up); a needle of one character has none and its matches are scanned.

Either way the work per page grows with the square root of the store, not with it, and the page is
exactly ``statements_sql``'s answer: the first matches in list order.
"""

from __future__ import annotations

import math
import re
import sqlite3
from typing import Any

from . import queries
from .migrations import Migration

KEY_TABLES = ("statement_sources", "statement_about")

NAME_KEYS_IN_ORDER = Migration(
    "0019_postgresql_name_keys_in_order",
    (
        """CREATE FUNCTION hearsay_bigrams(value text) RETURNS text[]
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT coalesce(array_agg(DISTINCT substr(value, i, 2)), '{}')
                  FROM generate_series(1, length(value) - 1) AS i $$""",
        *(
            sql
            for table in KEY_TABLES
            for sql in (
                f"""ALTER TABLE {table}
                    ADD COLUMN ingested_at TEXT COLLATE "C", ADD COLUMN content_start BIGINT""",
                f"""UPDATE {table} AS k SET ingested_at = s.ingested_at, content_start = s.content_start
                    FROM statements AS s WHERE s.document_id = k.document_id AND s.id = k.statement_id""",
                f"CREATE INDEX {table}_bigram ON {table} USING gin (hearsay_bigrams(name))",
            )
        ),
    ),
)

MIN_WALK = 1000
# Measured at 10,000 documents: a statement walked costs about 3.5 µs, a key row matched and sorted
# 2-4 µs (a statement has two or three). The worst page is a name just too common for step 0 whose
# walk fails: about ``few`` key rows read twice and a whole walk, with ``few`` enough key rows that a
# name with more fills its page within the walk (``wanted × statements / walk`` statements' worth).
# Both grow with ``sqrt(wanted × statements)``; over the 200 most mentioned names at 10,000 documents
# p95 by about was 12.0-15.3 ms for walks of 1-2 roots and ``few`` of 1-3 walks (within the noise of
# a shared machine), and these are the middle.
WALK_FACTOR = 1.5
FEW_SHARE = 2

_TRIGRAM = re.compile(r"\w{3}")
# pg_trgm's lookup costs grow with the needle's trigrams (11.7 against 3.1 ms for "ford motor company"
# against "ford motor" at 10,000 documents), so a long needle is looked up by its last characters
# (over the 50 longest of the 200 most mentioned names, p95 9.4 ms; the whole needle's 19.9, the first
# twelve's 13.1) and checked whole.
LOOKUP_CHARS = 12


def _index_match(table: str, key: str, needle: str) -> str | None:
    """The condition that finds ``needle``'s key rows through an index (None: no index can); its
    parameter ``:{key}_like`` comes from ``lookup_pattern``."""
    if _TRIGRAM.search(needle):
        return f"name LIKE :{key}_like AND "
    if len(needle) >= 2:
        return f"hearsay_bigrams(name) @> hearsay_bigrams(:{key}) AND "
    return None


def with_lookup(params: dict[str, Any], key: str) -> dict[str, Any]:
    """``params`` with the LIKE pattern ``_index_match``'s condition reads."""
    return {**params, f"{key}_like": lookup_pattern(params[key])}


def lookup_pattern(needle: str) -> str:
    """The LIKE pattern pg_trgm looks ``needle`` up by: its last ``LOOKUP_CHARS`` characters when they
    hold three word characters in a row, else all of it."""
    part = needle[-LOOKUP_CHARS:]
    if not _TRIGRAM.search(part):
        part = needle
    return "%" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# ``OFFSET 0`` keeps the check a lookup per statement walked: without it PostgreSQL may turn it into
# a join that reads the whole key table first.
def _walk_sql(table: str, key: str) -> str:
    return f"""SELECT {queries.STATEMENT_COLUMNS}
FROM (
    SELECT w.* FROM (
        SELECT ingested_at, document_id, content_start, id FROM statements
        ORDER BY ingested_at, document_id, content_start, id LIMIT :walk
    ) AS w
    WHERE EXISTS (
        SELECT 1 FROM {table} AS k
        WHERE k.document_id = w.document_id AND k.statement_id = w.id AND instr(k.name, :{key}) > 0
        OFFSET 0
    )
    ORDER BY w.ingested_at, w.document_id, w.content_start, w.id
    LIMIT :limit OFFSET :offset
) AS found
JOIN statements AS s ON s.document_id = found.document_id AND s.id = found.id
JOIN documents AS d ON d.id = s.document_id
ORDER BY s.ingested_at, s.document_id, s.content_start, s.id"""


def _sorted_sql(table: str, key: str, match: str) -> str:
    """Step 2: the page among the name's key rows, sorted by the places they carry."""
    return f"""SELECT {queries.STATEMENT_COLUMNS}
FROM (
    SELECT ingested_at, document_id, content_start, statement_id FROM {table}
    WHERE {match}instr(name, :{key}) > 0
    GROUP BY ingested_at, document_id, content_start, statement_id
    ORDER BY ingested_at, document_id, content_start, statement_id
    LIMIT :limit OFFSET :offset
) AS k
JOIN statements AS s ON s.document_id = k.document_id AND s.id = k.statement_id
JOIN documents AS d ON d.id = s.document_id
ORDER BY s.ingested_at, s.document_id, s.content_start, s.id"""


def walk_length(wanted: int, statements: int) -> int:
    """How many statements a page of ``wanted`` rows (offset included) walks at most."""
    return max(MIN_WALK, int(WALK_FACTOR * math.isqrt(max(wanted, 1) * max(statements, 0))))


def page(
    conn: sqlite3.Connection, table: str, params: dict[str, Any], key: str, statements: int
) -> list[Any]:
    """``statements_sql(params)``'s rows when ``key`` is the only filter. ``statements``: about how
    many the store holds (it bounds the walk's work, never the answer)."""
    match = _index_match(table, key, params[key])
    if match is not None:
        rare = rare_page(conn, table, params, key, match, statements)
        if rare is not None:
            if not rare:
                return []
            keys = {"documents": [k[0] for k in rare], "statements": [k[1] for k in rare]}
            return conn.execute(_PAGE_OF_KEYS, {**params, **keys}).fetchall()
    rows = walked(conn, table, params, key, statements)
    if rows is not None:
        return rows
    return conn.execute(_sorted_sql(table, key, match or ""), with_lookup(params, key)).fetchall()


def rare_page(
    conn: sqlite3.Connection, table: str, params: dict[str, Any], key: str, match: str, statements: int
) -> list[tuple[str, str]] | None:
    """Step 0: the page's (document, statement) keys, in order, when the name has at most
    ``FEW_SHARE`` walks' worth of key rows (one read of the index, sorted in the database), else None."""
    few = int(walk_length(params["offset"] + params["limit"], statements) * FEW_SHARE)
    sql = f"""WITH found AS MATERIALIZED (
    SELECT ingested_at, document_id, content_start, statement_id FROM {table}
    WHERE {match}instr(name, :{key}) > 0 LIMIT {few + 1}
), counted AS (SELECT count(*) AS n FROM found)
SELECT counted.n, p.document_id, p.statement_id FROM counted LEFT JOIN LATERAL (
    SELECT ingested_at, document_id, content_start, statement_id FROM found WHERE counted.n <= {few}
    GROUP BY ingested_at, document_id, content_start, statement_id
    ORDER BY ingested_at, document_id, content_start, statement_id
    LIMIT :limit OFFSET :offset
) AS p ON true"""
    rows = conn.execute(sql, with_lookup(params, key)).fetchall()
    if int(rows[0][0]) > few:
        return None
    return [(row[1], row[2]) for row in rows if row[1] is not None]


def walked(
    conn: sqlite3.Connection, table: str, params: dict[str, Any], key: str, statements: int
) -> list[Any] | None:
    """Step 1: the page when it fills within the walk, else None."""
    walk = walk_length(params["offset"] + params["limit"], statements)
    rows = conn.execute(_walk_sql(table, key), {**params, "walk": walk}).fetchall()
    return rows if len(rows) == params["limit"] else None


_PAGE_OF_KEYS = f"""SELECT {queries.STATEMENT_COLUMNS}
FROM unnest(CAST(:documents AS TEXT[]), CAST(:statements AS TEXT[])) AS k(document_id, statement_id)
JOIN statements AS s ON s.document_id = k.document_id COLLATE "C" AND s.id = k.statement_id COLLATE "C"
JOIN documents AS d ON d.id = s.document_id
ORDER BY s.ingested_at, s.document_id, s.content_start, s.id"""
