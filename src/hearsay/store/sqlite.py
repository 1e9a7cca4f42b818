"""The SQLite store: one transaction per document, read-only connections for reading.

    with SQLiteStore("hearsay.db") as store:
        store.put(document, reading)        # False, and nothing changes, if already stored
        store.statements(source="Smadiyarov", stance="deny")

Interruption safety comes from the transaction: a process killed in the middle of ``put``
leaves the previous documents complete and no part of the current one, and putting the
same batch again stores only what is missing.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Document, Reading
from . import database_url, generation, keys, name_pages, queries, rows, vector_index
from .migrations import migrate, now, pending

# How long a write waits for another process's write lock before giving up ("database is
# locked"). One document's transaction takes milliseconds, but a page of linking (200 documents)
# can hold the lock for seconds on a large store; 60 s rides it out instead of failing falsely.
BUSY_TIMEOUT_MS = 60_000
# Readings fetched per query while streaming; bounds memory whatever the corpus size.
PAGE_SIZE = 100
# SQLite's page cache per connection, in KiB (its default is 2 MiB): the link tables' indexes of a
# store of 10,000 documents stay in memory instead of being read back from the OS for each lookup.
CACHE_KIB = 65_536
# Prepared statements kept per connection (Python's default is 128). Linking asks queries whose
# text varies with the number of keys (``IN (?, ?, ...)``, one ``UNION ALL`` per key): a few hundred
# texts, each parsed and planned again whenever it fell out of the smaller cache.
STATEMENT_CACHE = 1024


class NotStored(StoreError, LookupError):
    """No stored document has that id (or the id prefix matches several)."""


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    # Only our own column names are formatted in; every value is a named parameter.
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + c for c in columns)})"


_INSERT_DOCUMENT = _insert_sql("documents", (*rows.DOCUMENT_COLUMNS, "ingested_at"))
_INSERT_READING = _insert_sql("readings", ("document_id", "schema_version", "extractor", "json"))
_INSERT_ENTITY = _insert_sql("entities", rows.ENTITY_COLUMNS)
_INSERT_MENTION = _insert_sql("mentions", rows.MENTION_COLUMNS)
_INSERT_STATEMENT = _insert_sql("statements", rows.STATEMENT_COLUMNS)
_INSERT_TIME = _insert_sql("times", rows.TIME_COLUMNS)
_INSERT_DOCUMENT_FTS = "INSERT INTO documents_fts (title, text, document_id) VALUES (?, ?, ?)"
_INSERT_STATEMENT_FTS = (
    "INSERT INTO statements_fts (content_text, source_name, cue_text, document_id, statement_id) "
    "VALUES (:content_text, :source_name, :cue_text, :document_id, :id)"
)
_DOCUMENT_SELECT = f"SELECT {', '.join(rows.DOCUMENT_COLUMNS)} FROM documents"


class SQLiteStore:
    """Documents and their readings in one SQLite file, with the schema migrated on open."""

    def __new__(cls, path: str | Path, *, read_only: bool = False) -> SQLiteStore:
        # A postgresql:// URL opens the PostgreSQL store, wherever a SQLite path is accepted.
        if cls is SQLiteStore and database_url.is_postgres(path):
            from .postgres import PostgresStore

            cls = PostgresStore
        return object.__new__(cls)

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._conn = self._connect()

    # --- connection -------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = self._open()
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the database: {err}", where=self.path) from None
        try:
            self._prepare(conn)
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(f"not a SQLite database ({err})", where=self.path) from None
        except StoreError as err:
            conn.close()
            raise StoreError(err.message, where=self.path) from None
        return conn

    def _open(self) -> sqlite3.Connection:
        # isolation_level=None: the store issues BEGIN/COMMIT itself, one transaction per document.
        if self.read_only:
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            return sqlite3.connect(uri, uri=True, isolation_level=None, cached_statements=STATEMENT_CACHE)
        return sqlite3.connect(self.path, isolation_level=None, cached_statements=STATEMENT_CACHE)

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB:d}")
        queries.register_functions(conn)
        if self.read_only:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # fails on a non-database
            if pending(conn):
                raise StoreError("the database needs migrating; open it once for writing (hearsay ingest)")
            return
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable against a killed process in WAL mode; only a power cut may lose
        # the last commits, and the database stays consistent either way.
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"SQLiteStore({self.path!r}{mode})"

    # --- writing ----------------------------------------------------------------------

    def put(self, document: Document, reading: Reading) -> bool:
        """Store a document with its reading in one transaction; False if it is already stored.

        Re-ingesting is a no-op: a stored document id changes nothing. On any error the
        transaction is rolled back and a StoreError names the document.
        """
        if self.read_only:
            raise StoreError(f"cannot store document {document.id}: opened read-only", where=self.path)
        if reading.document_id != document.id:
            raise StoreError(
                f"cannot store document {document.id}: the reading is of document {reading.document_id}",
                where=self.path,
            )
        if self.has(document.id):
            return False  # the common re-ingest case, without taking the write lock
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise StoreError(f"cannot store document {document.id}: {err}", where=self.path) from None
        try:
            added = not self.has(document.id)
            if added:
                self._insert(document, reading)
                generation.bump(self._conn)
            self._conn.execute("COMMIT" if added else "ROLLBACK")
        except BaseException as err:
            if self._conn.in_transaction:  # SQLite may have rolled back already (disk full)
                self._conn.execute("ROLLBACK")
            if isinstance(err, Exception):
                message = f"cannot store document {document.id}: {type(err).__name__}: {err}"
                raise StoreError(message, where=self.path) from err
            raise
        return added

    def _insert(self, document: Document, reading: Reading) -> None:
        conn, doc_id, ingested_at = self._conn, document.id, now()
        conn.execute(_INSERT_DOCUMENT, {**rows.document_row(document), "ingested_at": ingested_at})
        conn.execute(_INSERT_DOCUMENT_FTS, (document.title or "", document.text, doc_id))
        conn.execute(
            "UPDATE documents SET outlet_key = ? WHERE id = ?", (queries.fold(document.outlet), doc_id)
        )
        self._insert_reading(doc_id, reading, ingested_at, new_document=True)

    def replace_reading(self, reading: Reading) -> None:
        """Replace a stored document's reading and its queryable rows (the document stays).

        For a re-read with a newer extractor and for analysts' corrections; call it inside
        ``transaction()`` together with whatever else must change with it.
        """
        if self.read_only:
            raise StoreError(f"cannot replace the reading of {reading.document_id}: opened read-only")
        doc_id = reading.document_id
        row = self._conn.execute("SELECT ingested_at FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotStored(f"no stored document has the id {doc_id!r}", where=self.path)
        keys.remove(self._conn, doc_id)
        for table in ("readings", "entities", "mentions", "statements", "times", "statements_fts"):
            self._conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
        self._insert_reading(doc_id, reading, row[0], new_document=False)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error)."""
        if self.read_only:
            raise StoreError("cannot write: the database is opened read-only", where=self.path)
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise StoreError(f"cannot write: {err}", where=self.path) from None
        try:
            yield self._conn
            generation.bump(self._conn)
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _insert_reading(self, doc_id: str, reading: Reading, ingested_at: str, *, new_document: bool) -> None:
        conn = self._conn
        conn.execute(
            _INSERT_READING,
            {
                "document_id": doc_id,
                "schema_version": reading.schema_version,
                "extractor": reading.extractor,
                "json": rows.to_json(reading.to_dict(with_document=False)),
            },
        )
        conn.executemany(_INSERT_ENTITY, [rows.entity_row(doc_id, e) for e in reading.entities])
        conn.executemany(_INSERT_MENTION, [rows.mention_row(doc_id, m) for m in reading.mentions])
        statement_rows = [rows.statement_row(reading, s) for s in reading.statements]
        conn.executemany(_INSERT_STATEMENT, statement_rows)
        conn.executemany(_INSERT_TIME, [rows.time_row(doc_id, t) for t in reading.times])
        conn.executemany(_INSERT_STATEMENT_FTS, statement_rows)
        keys.write(
            conn,
            reading,
            ingested_at,
            new_document=new_document,
            in_order=self._KEY_ROWS_IN_ORDER,
            places=self._KEY_ROWS_CARRY_PLACES,
        )

    # --- documents and readings -------------------------------------------------------

    def has(self, document_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None

    def resolve(self, id_or_prefix: str) -> str:
        """The full id of the one stored document whose id is or starts with ``id_or_prefix``."""
        prefix = id_or_prefix.strip().lower()
        if prefix and self.has(prefix):
            return prefix
        # A range on the primary key: the index finds the prefix without a scan.
        cursor = self._conn.execute(
            "SELECT id FROM documents WHERE id > :p AND id < :p || char(1114111) ORDER BY id LIMIT 2",
            {"p": prefix},
        )
        found: list[str] = [row[0] for row in cursor] if prefix else []
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotStored(f"no stored document has the id {id_or_prefix!r}", where=self.path)
        shown = ", ".join(i[: len(prefix) + 6] + "…" for i in found)
        raise NotStored(
            f"the id prefix {id_or_prefix!r} matches several documents ({shown}); give more characters",
            where=self.path,
        )

    def document(self, id_or_prefix: str) -> Document:
        """The stored document whose id is, or uniquely starts with, ``id_or_prefix``."""
        document_id = self.resolve(id_or_prefix)
        row = self._conn.execute(f"{_DOCUMENT_SELECT} WHERE id = ?", (document_id,)).fetchone()
        return Document.from_dict(dict(row))

    def reading(self, document_id: str) -> Reading:
        """The stored reading of a document (id or unique prefix), with ``.document`` attached."""
        document = self.document(document_id)
        row = self._conn.execute("SELECT json FROM readings WHERE document_id = ?", (document.id,)).fetchone()
        if row is None:
            raise NotStored(f"document {document.id} has no stored reading", where=self.path)
        return dataclasses.replace(Reading.from_dict(json.loads(row["json"])), document=document)

    def documents_by_id(self, document_ids: Sequence[str]) -> dict[str, Document]:
        """The stored documents with these exact ids (one query per 500), by id; unknown ids are left out."""
        found: dict[str, Document] = {}
        unique = list(dict.fromkeys(document_ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self._conn.execute(f"{_DOCUMENT_SELECT} WHERE id IN ({marks})", chunk):
                document = Document.from_dict(dict(row))
                found[document.id] = document
        return found

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Document]:
        """Stored documents in the order they were ingested."""
        cursor = self._conn.execute(
            f"{_DOCUMENT_SELECT} ORDER BY ingested_at, id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        return [Document.from_dict(dict(row)) for row in cursor]

    def iter_readings(self, page_size: int = PAGE_SIZE) -> Iterator[Reading]:
        """Every stored reading with its document, in ingest order, ``page_size`` at a time.

        Pages by keyset (ingested_at, id), so no cursor stays open between pages and memory
        holds one page whatever the size of the store.
        """
        after: tuple[str, str] = ("", "")
        while True:
            page = self._conn.execute(
                f"""SELECT {", ".join("d." + c for c in rows.DOCUMENT_COLUMNS)}, d.ingested_at, r.json
                FROM documents AS d JOIN readings AS r ON r.document_id = d.id
                WHERE (d.ingested_at, d.id) > (?, ?)
                ORDER BY d.ingested_at, d.id LIMIT ?""",
                (*after, page_size),
            ).fetchall()
            for row in page:
                document = Document.from_dict(dict(row))
                yield dataclasses.replace(Reading.from_dict(json.loads(row["json"])), document=document)
            if len(page) < page_size:
                return
            after = (page[-1]["ingested_at"], page[-1]["id"])

    # --- queries ----------------------------------------------------------------------

    def statements(
        self,
        *,
        source: str | None = None,
        about: str | None = None,
        stance: str | None = None,
        document_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        **filters: str | None,
    ) -> list[dict[str, Any]]:
        """Stored statements, filtered; each a dict of the statement and its document's title.

        ``source`` matches the source entity's name or aliases or the source's own words,
        ``about`` a mention inside the content or the content's words (both case-insensitive
        substrings); ``stance`` is exact; ``document_id`` may be a unique prefix. ``filters``
        may add ``certainty`` (exact), ``outlet`` (the document's, case-insensitive),
        ``published_from``/``published_to`` (ISO dates, inclusive) and ``text`` (full-text words).
        """
        params = self._statement_params(source, about, stance, document_id, filters, limit, offset)
        key = self._name_page_key(params)
        if key is not None:
            table = {"source": "statement_sources", "about": "statement_about"}[key]
            walked = self._name_page(table, params, key)
            if walked is not None:
                return [dict(row) for row in walked]
        if params["match"] is not None and self._matches(params["match"]) >= queries.COMMON_MATCHES:
            params["match_common"], params["match"] = params["match"], None
        return [dict(row) for row in self._execute(queries.statements_sql(params), params)]

    def _matches(self, match: str) -> int:
        """How many statements the full-text query ``match`` finds (its index counts them)."""
        return int(self._execute(queries.COUNT_MATCHES_SQL["statements"], {"query": match}).fetchone()[0])

    # SQLite's key tables return a name's rows by rowid, in list order (name_pages.py); the
    # documents written out of that order are noted as they are stored.
    _KEY_ROWS_IN_ORDER = True
    _KEY_ROWS_CARRY_PLACES = False

    def _name_page(self, table: str, params: dict[str, Any], key: str) -> list[Any] | None:
        """A page by one name filter without sorting every match (None: sort them)."""
        return name_pages.page(self._conn, table, params, key)

    @staticmethod
    def _name_page_key(params: dict[str, Any]) -> str | None:
        """ "source" or "about" when it is the only filter of a page, else None."""
        if params["limit"] < 0:
            return None
        active = {k for k, v in params.items() if v is not None and not k.endswith("_match")}
        active -= {"limit", "offset"}
        return "source" if active == {"source"} else "about" if active == {"about"} else None

    def count_statements(
        self,
        *,
        source: str | None = None,
        about: str | None = None,
        stance: str | None = None,
        document_id: str | None = None,
        **filters: str | None,
    ) -> int:
        """How many statements ``statements()`` with the same filters and no limit returns."""
        params = self._statement_params(source, about, stance, document_id, filters, None, 0)
        active = {key for key, value in params.items() if value is not None} - {"limit", "offset"}
        if active <= {"stance"}:  # the running totals answer without counting
            name = "statements" if stance is None else keys.STANCE_COUNT + stance
            return keys.counts(self._conn).get(name, 0)
        if active == {"match"}:  # words only: the full-text index has one row per statement
            return self._matches(params["match"])
        count: int = self._execute(queries.count_statements_sql(params), params).fetchone()[0]
        return count

    _STATEMENT_FILTERS = frozenset({"certainty", "outlet", "published_from", "published_to", "text"})

    def _statement_params(
        self,
        source: str | None,
        about: str | None,
        stance: str | None,
        document_id: str | None,
        filters: dict[str, str | None],
        limit: int | None,
        offset: int,
    ) -> dict[str, Any]:
        unknown = set(filters) - self._STATEMENT_FILTERS
        if unknown:
            raise TypeError(f"unknown statement filter: {', '.join(sorted(unknown))}")
        if document_id is not None:
            document_id = self.resolve(document_id)
        return queries.statement_params(
            source=source,
            about=about,
            stance=stance,
            document_id=document_id,
            limit=limit,
            offset=offset,
            **filters,
        )

    def _execute(self, sql: str, params: dict[str, Any]) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, params)
        except sqlite3.OperationalError as err:
            raise StoreError(f"query failed: {err}", where=self.path) from None

    def entity_documents(self, name: str, type: str) -> list[dict[str, Any]]:
        """The documents an entity (exact name and type) occurs in, oldest first, with aliases and roles."""
        found = []
        for row in self._execute(queries.ENTITY_DOCUMENTS_SQL, {"name": name, "type": type}):
            entry = dict(row)
            entry["aliases"] = json.loads(entry["aliases"])
            entry["roles"] = json.loads(entry["roles"])
            found.append(entry)
        return found

    def entities(self, *, type: str | None = None) -> list[dict[str, Any]]:
        """Entities merged across documents by (name, type), most mentioned first."""
        rows_ = self._conn.execute(queries.ENTITIES_SQL, {"type": type}).fetchall()
        return queries.aggregate_entities(rows_)

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        marks: tuple[str, str] = ("[", "]"),
        offset: int = 0,
        kinds: Collection[str] = ("documents", "statements"),
    ) -> dict[str, Any]:
        """Full-text search of document titles and texts and of statements.

        Returns ``{"query", "documents": [...], "statements": [...]}``, best first, each hit
        with a ``snippet`` whose matched words sit between ``marks``. The user's words are
        quoted, so FTS5 syntax in them is searched for literally and never raises. Only the
        ``kinds`` asked for are ranked (the others stay empty): ranking a common word is not free.
        """
        match = queries.fts_query(query)
        result: dict[str, Any] = {"query": query, "documents": [], "statements": []}
        if match is None:
            return result
        params = {
            "query": match,
            "limit": limit,
            "offset": offset,
            "open": marks[0],
            "close": marks[1],
            "words": 16,
        }
        try:
            for key, sql in queries.SEARCH_SQL.items():
                if key in kinds:
                    result[key] = [dict(row) for row in self._conn.execute(sql, params)]
        except sqlite3.OperationalError as err:
            raise StoreError(f"search for {query!r} failed: {err}", where=self.path) from None
        return result

    def count_matches(
        self, query: str, kinds: Collection[str] = ("documents", "statements")
    ) -> dict[str, int]:
        """How many documents and statements ``search(query)`` finds in all (only the ``kinds``
        asked for are counted; the others are 0)."""
        match = queries.fts_query(query)
        if match is None:
            return {"documents": 0, "statements": 0}
        return {
            key: self._execute(sql, {"query": match}).fetchone()[0] if key in kinds else 0
            for key, sql in queries.COUNT_MATCHES_SQL.items()
        }

    def nearest_contents(self, vector: Any, limit: int) -> list[tuple[float, str]]:
        """Up to ``limit`` (cosine, text hash) of stored statement contents nearest ``vector``, best first.

        Through the approximate nearest-neighbour index beside the database (``vector_index``),
        which first takes in the vectors linked since it was saved.
        """
        return vector_index.index_for(self._conn, self.path).nearest(self._conn, vector, limit)

    def sync_vector_index(self, *, force: bool = False) -> int:
        """Add the newly linked content vectors to the nearest-neighbour index once there are enough
        of them (``vector_index.TAIL_LIMIT``; any number with ``force``); returns how many."""
        return vector_index.index_for(self._conn, self.path).sync(self._conn, force=force)

    def counts(self) -> dict[str, int]:
        """How many documents, statements, entities, mentions and time expressions are stored."""
        totals = keys.counts(self._conn)  # kept at write time: no table is counted
        return {table: totals.get(table, 0) for table in keys.COUNTED_TABLES}
