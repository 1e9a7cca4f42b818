"""A page of statements by one name filter (``source`` or ``about`` alone) on PostgreSQL: the
statements walked in list order, each checked against the name, stopped at the page's end.

pg_trgm's GIN index finds a name's rows in no order, so ``statements_sql`` reads and sorts every
match to keep a page: for a name in thousands of statements that is thousands of rows for 50.
Walking the ``statements_order`` index instead reads about ``wanted / share`` statements, where
``share`` is the part of all statements the name matches: cheap for a common name, a whole-table
walk for a rare one, whose matches the index finds cheaply. So the walk is bounded: it looks at
no more than ``sqrt(wanted × statements)`` statements (at least ``MIN_WALK``), and when the page is
not full by then the caller sorts every match, a name in under about ``sqrt(wanted × statements)``
statements. Either way the work per page grows with the square root of the store, not with it.
The page walked is exactly ``statements_sql``'s answer: the first matches in list order.
"""

from __future__ import annotations

import math
import sqlite3
from typing import Any

from . import queries

MIN_WALK = 1000


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
    return max(MIN_WALK, math.isqrt(max(wanted, 1) * max(statements, 0)))


def page(
    conn: sqlite3.Connection, table: str, params: dict[str, Any], key: str, statements: int
) -> list[Any] | None:
    """``statements_sql(params)``'s rows when ``key`` is the only filter and the page fills within
    the walk; None when it does not (the caller sorts every match). ``statements``: about how
    many the store holds (an estimate: it bounds the work, never the answer)."""
    walk = walk_length(params["offset"] + params["limit"], statements)
    rows = conn.execute(_walk_sql(table, key), {**params, "walk": walk}).fetchall()
    return rows if len(rows) == params["limit"] else None
