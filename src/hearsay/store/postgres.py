"""The PostgreSQL store: ``SQLiteStore``'s methods over a psycopg connection (``pg_connection``).

    with SQLiteStore("postgresql://hearsay@db.example.org/news") as store:   # or open_store(url)
        store.put(document, reading)

Everything but the connection, the schema (``pg_schema``), full-text search (tsvector, ranked
with ``ts_rank`` and cut with ``ts_headline``) and the place of the nearest-neighbour index is
``SQLiteStore``'s own code and SQL. Writers take turns through an advisory lock, so several
processes (ingest workers, server workers, a CLI beside a server) write one database safely.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Collection
from pathlib import Path
from typing import Any, cast

from ..errors import StoreError
from ..user_cache import cache_dir
from . import keys, pg_name_pages, queries, vector_index
from .database_url import shown, without_passwords
from .migrations import migrate, pending
from .pg_connection import PGConnection
from .pg_schema import MIGRATIONS_PG
from .sqlite import SQLiteStore

CONNECT_TIMEOUT_S = 10

# Every query hearsay asks is short and index-driven: compiling one with LLVM (jit, on by default when
# the server has it) took 30 ms of a 40 ms story list at 10,000 documents, and the default cost of a
# random page read (4, for spinning disks) made PostgreSQL scan all linked statements once per story
# instead of looking up each claim's (2 s -> 42 ms). 1.1 is the usual value for SSDs and cached data.
SESSION_SETTINGS = ("SET jit = off", "SET random_page_cost = 1.1")

# The matches are ranked and cut to the page on the full-text table alone; only the page's rows are
# joined to their statements and documents and cut into headlines (``ts_headline`` parses the text).
_SEARCH_SQL = {
    "documents": """
SELECT f.document_id, d.title, d.outlet, d.published,
       ts_headline('hearsay', d.text, q, %(options)s) AS snippet, f.rank
FROM (
    SELECT document_id, -ts_rank(tsv, q) AS rank
    FROM documents_fts CROSS JOIN hearsay_tsquery(%(query)s) AS q
    WHERE tsv @@ q
    ORDER BY rank, document_id
    LIMIT %(limit)s OFFSET %(offset)s
) AS f CROSS JOIN hearsay_tsquery(%(query)s) AS q
JOIN documents AS d ON d.id = f.document_id
ORDER BY f.rank, f.document_id""",
    "statements": """
SELECT f.document_id, d.title, f.statement_id, s.source_name AS source, s.cue_text AS cue,
       s.content_text AS content, s.stance, s.certainty, s.polarity,
       ts_headline('hearsay', s.content_text, q, %(options)s) AS snippet, f.rank
FROM (
    SELECT document_id, statement_id, -ts_rank(tsv, q) AS rank
    FROM statements_fts CROSS JOIN hearsay_tsquery(%(query)s) AS q
    WHERE tsv @@ q
    ORDER BY rank, document_id, statement_id
    LIMIT %(limit)s OFFSET %(offset)s
) AS f CROSS JOIN hearsay_tsquery(%(query)s) AS q
JOIN statements AS s ON s.document_id = f.document_id AND s.id = f.statement_id
JOIN documents AS d ON d.id = f.document_id
ORDER BY f.rank, f.document_id, f.statement_id""",
}


def vector_cache_dir() -> Path:
    """Where the nearest-neighbour index of a PostgreSQL store is kept: $HEARSAY_VECTOR_CACHE,
    else ~/.cache/hearsay/vectors (rebuilt from the database when missing or stale)."""
    explicit = os.environ.get("HEARSAY_VECTOR_CACHE")
    if explicit:
        return Path(explicit)
    return cache_dir("vectors")


class PostgresStore(SQLiteStore):
    """Documents and their readings in a PostgreSQL database, migrated on open."""

    # pg_trgm's GIN index returns a name's rows in no order: they carry their places in the list
    # instead, and pages walk the statements or sort the rows (pg_name_pages.py).
    _KEY_ROWS_IN_ORDER = False
    _KEY_ROWS_CARRY_PLACES = True

    def _name_page(self, table: str, params: dict[str, Any], key: str) -> list[Any]:
        total = keys.counts(self._conn).get("statements", 0)
        return pg_name_pages.page(self._conn, table, params, key, total)

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self._url = url
        super().__init__(shown(url), read_only=read_only)

    def _connect(self) -> Any:
        import psycopg

        try:
            raw = psycopg.connect(self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except (psycopg.Error, ValueError) as err:
            reason = without_passwords((str(err).strip().splitlines() or [type(err).__name__])[0])
            raise StoreError(f"cannot connect to PostgreSQL: {reason}", where=self.path) from None
        conn = PGConnection(raw)
        try:
            self._prepare_pg(conn)
        except StoreError as err:
            conn.close()
            raise StoreError(err.message, where=self.path) from None
        except sqlite3.Error as err:
            conn.close()
            raise StoreError(f"cannot prepare the database: {err}", where=self.path) from None
        return conn

    def _prepare_pg(self, conn: PGConnection) -> None:
        # PGConnection offers the part of sqlite3.Connection's surface that the store's code uses.
        shaped = cast(sqlite3.Connection, conn)
        for setting in SESSION_SETTINGS:
            conn.execute(setting)
        if self.read_only:
            conn.execute("SET default_transaction_read_only = on")
            if pending(shaped, MIGRATIONS_PG):
                raise StoreError("the database needs migrating; open it once for writing (hearsay ingest)")
            return
        migrate(shaped, MIGRATIONS_PG)
        conn.counts_changes = True

    def change_count(self) -> int:
        """How many write transactions the database has committed (any process's), since migration."""
        row = self._conn.execute("SELECT n FROM hearsay_changes").fetchone()
        return int(row[0])

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"PostgresStore({self.path!r}{mode})"

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        marks: tuple[str, str] = ("[", "]"),
        offset: int = 0,
        kinds: Collection[str] = ("documents", "statements"),
    ) -> dict[str, Any]:
        """Full-text search (see ``SQLiteStore.search``), through the tsvector columns."""
        match = queries.fts_query(query)
        result: dict[str, Any] = {"query": query, "documents": [], "statements": []}
        if match is None:
            return result
        options = (
            f'StartSel="{_option(marks[0])}", StopSel="{_option(marks[1])}", MaxWords=16, MinWords=6, '
            'MaxFragments=1, FragmentDelimiter="…"'
        )
        params = {"query": match, "limit": limit, "offset": offset, "options": options}
        raw = cast(PGConnection, self._conn).raw
        try:
            for key, sql in _SEARCH_SQL.items():
                if key not in kinds:
                    continue
                cursor = raw.cursor()
                cursor.execute(sql, params)
                names = [column.name for column in cursor.description or ()]
                result[key] = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except Exception as err:  # psycopg's errors: one line, the query named
            raise StoreError(f"search for {query!r} failed: {err}", where=self.path) from None
        return result

    def _vector_index(self) -> vector_index.VectorIndex:
        name = hashlib.sha256(self.path.encode()).hexdigest()[:24]
        return vector_index.index_for(self._conn, str(vector_cache_dir() / name), cache=True)

    def nearest_contents(self, vector: Any, limit: int) -> list[tuple[float, str]]:
        return self._vector_index().nearest(self._conn, vector, limit)

    def sync_vector_index(self, *, force: bool = False) -> int:
        return self._vector_index().sync(self._conn, force=force)


def _option(mark: str) -> str:
    return mark.replace('"', "")
