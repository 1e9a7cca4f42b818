"""A page of statements by one name filter (``source`` or ``about`` alone) on PostgreSQL.

pg_trgm's GIN index finds a name's rows in no order, and PostgreSQL cannot tell how many there are (it
guesses the same share for every needle), so left to plan ``statements_sql`` it either sorts every
match of a common name (thousands of rows for a page of 50) or walks every statement in list order
checking a rare one (a whole-table walk for 50 that are not there). So a page is read in steps:

0. A needle of three characters or more: read the name's key rows through the trigram index, at most
   half a walk's worth (below). If that is all of them, the name is rare: go to 2 with them.
1. Walk the ``statements_order`` index, checking each statement against the name, and stop at the
   page's end: about ``wanted / share`` statements, where ``share`` is the part of all statements
   the name matches. The walk is bounded to ``2 × sqrt(wanted × statements)`` (at least ``MIN_WALK``).
2. When the page is not full by then: the name's matching keys (the trigram index, or for a needle
   under three characters a scan of the folded names), then only those statements, read and sorted.

Either way the work per page grows with the square root of the store, not with it, and the page is
exactly ``statements_sql``'s answer: the first matches in list order.
"""

from __future__ import annotations

import math
import sqlite3
from typing import Any

from . import queries

MIN_WALK = 1000
# A statement walked costs about a fifth of a match read and sorted in step 2 (3 against 15 µs at
# 10,000 documents), so the walk that balances the two steps' worst cases is about twice the root.
WALK_FACTOR = 2
# A name whose key rows, read through the trigram index, number under half the walk is sorted without
# walking: most names are that rare (181 of the 200 most mentioned at 10,000 documents miss the walk).
# Over those 200 names at 10,000 documents, p95 of about / source: 19 / 10 ms (a fourth: 31 / 10; none,
# walking first: 27 / 22).
FEW_SHARE = 2


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


def walk_length(wanted: int, statements: int) -> int:
    """How many statements a page of ``wanted`` rows (offset included) walks at most."""
    return max(MIN_WALK, WALK_FACTOR * math.isqrt(max(wanted, 1) * max(statements, 0)))


def page(
    conn: sqlite3.Connection, table: str, params: dict[str, Any], key: str, statements: int
) -> list[Any]:
    """``statements_sql(params)``'s rows when ``key`` is the only filter. ``statements``: about how
    many the store holds (it bounds the walk's work, never the answer)."""
    indexed = params[f"{key}_match"] is not None
    found: list[Any] | None = None
    if indexed:  # a rare name's matches are all found before the walk would be done
        few = walk_length(params["offset"] + params["limit"], statements) // FEW_SHARE
        found = conn.execute(_matches_sql(table, key, indexed) + f" LIMIT {few + 1}", params).fetchall()
        if len(found) > few:
            found = None
    if found is None:
        rows = walked(conn, table, params, key, statements)
        if rows is not None:
            return rows
        found = conn.execute(_matches_sql(table, key, indexed), params).fetchall()
    if not found:
        return []
    unique = list(dict.fromkeys((row[0], row[1]) for row in found))
    keys = {"documents": [k[0] for k in unique], "statements": [k[1] for k in unique]}
    return conn.execute(_PAGE_OF_MATCHES, {**params, **keys}).fetchall()


def walked(
    conn: sqlite3.Connection, table: str, params: dict[str, Any], key: str, statements: int
) -> list[Any] | None:
    """Step 1: the page when it fills within the walk, else None."""
    walk = walk_length(params["offset"] + params["limit"], statements)
    rows = conn.execute(_walk_sql(table, key), {**params, "walk": walk}).fetchall()
    return rows if len(rows) == params["limit"] else None


def _matches_sql(table: str, key: str, indexed: bool) -> str:
    """The key rows matching the name (a statement once per name of it that matches)."""
    match = f"{table} MATCH :{key}_match AND " if indexed else ""
    return f"SELECT document_id, statement_id FROM {table} WHERE {match}instr(name, :{key}) > 0"


_PAGE_OF_MATCHES = f"""SELECT {queries.STATEMENT_COLUMNS}
FROM unnest(CAST(:documents AS TEXT[]), CAST(:statements AS TEXT[])) AS k(document_id, statement_id)
JOIN statements AS s ON s.document_id = k.document_id COLLATE "C" AND s.id = k.statement_id COLLATE "C"
JOIN documents AS d ON d.id = s.document_id
ORDER BY s.ingested_at, s.document_id, s.content_start, s.id
LIMIT :limit OFFSET :offset"""
