"""A psycopg connection that the store's SQLite-shaped code can use as it uses ``sqlite3``.

``PGConnection.execute(sql, params)`` takes the store's SQL (``?``/``:name`` placeholders, the few
SQLite idioms ``pg_sql`` rewrites) and returns a cursor whose rows read by index and by name,
like ``sqlite3.Row``. ``BEGIN IMMEDIATE`` takes the database's write lock (an advisory lock held
to the end of the transaction), so writers take turns as they do on SQLite and linking from two
processes never races. Errors are raised as the ``sqlite3`` exception classes the store's callers
already handle (``IntegrityError`` for a constraint, ``OperationalError`` for the rest).

Parameters are bound client-side (psycopg's ``ClientCursor``): ``:x IS NULL`` and ``LIMIT -1``
need no type casts, and PostgreSQL plans each query with its values.

Inside a write transaction the connection is in libpq's pipeline mode: a statement whose rows
nobody reads (an INSERT, an UPDATE) is sent without waiting for its answer, so linking a document
costs a round trip per read, not per statement. A write's error therefore surfaces at the next
read, ``RELEASE`` or ``COMMIT`` at the latest (at the next statement when its answer is back by then;
still inside the savepoint or transaction that wrote it); a
``COMMIT`` that fails rolls the transaction back, as SQLite's does. A committed write transaction
adds one to the database's change counter (``hearsay_changes``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import psycopg
from psycopg import ClientCursor, pq
from psycopg.adapt import Loader

from . import pg_sql

# The key of the advisory lock that makes writers take turns (any constant; "hearsay" in ASCII).
WRITE_LOCK = 0x68656172736179


class Row(tuple[Any, ...]):
    """One result row: by position (``row[0]``) or by column name (``row["id"]``), and ``dict(row)``."""

    _names: dict[str, int]
    _keys: list[str]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._keys)


_ROW_CLASSES: dict[tuple[str, ...], type[Row]] = {}


def _row_maker(cursor: Any) -> Any:
    description = cursor.description
    if description is None:
        return tuple
    keys = tuple(column.name for column in description)
    row_class = _ROW_CLASSES.get(keys)
    if row_class is None:
        names: dict[str, int] = {}
        for index, name in enumerate(keys):
            names.setdefault(name, index)
        row_class = _ROW_CLASSES[keys] = type("Row", (Row,), {"_names": names, "_keys": list(keys)})
    return row_class


class _NumberLoader(Loader):
    """``numeric`` (what ``sum()`` of integers returns) as int when whole, else float; never Decimal."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        try:
            return int(text)
        except ValueError:
            return float(text)


class Cursor:
    """The executed statement's rows, as ``sqlite3.Cursor`` gives them."""

    def __init__(self, cursor: ClientCursor[Any], connection: PGConnection) -> None:
        self._cursor = cursor
        self._connection = connection

    @property
    def rowcount(self) -> int:
        self._connection.settle(self._cursor)
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> None:
        return None  # PostgreSQL has none: the store's inserts say RETURNING instead

    @property
    def description(self) -> Any:
        self._connection.settle(self._cursor)
        return self._cursor.description

    def fetchone(self) -> Any:
        return self._fetch(lambda cursor: cursor.fetchone(), None)

    def fetchall(self) -> list[Any]:
        rows: list[Any] = self._fetch(lambda cursor: cursor.fetchall(), [])
        return rows

    def fetchmany(self, size: int = 1) -> list[Any]:
        rows: list[Any] = self._fetch(lambda cursor: cursor.fetchmany(size), [])
        return rows

    def _fetch(self, fetch: Any, nothing: Any) -> Any:
        # In pipeline mode the rows arrive here (psycopg sends what is queued and waits).
        try:
            return fetch(self._cursor)
        except psycopg.ProgrammingError as err:
            if err.sqlstate is None:  # psycopg's own "the last operation didn't produce records"
                return nothing
            raise _as_sqlite_error(err) from err
        except psycopg.Error as err:
            raise _as_sqlite_error(err) from err

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    def close(self) -> None:
        self._cursor.close()


def _as_sqlite_error(err: psycopg.Error) -> sqlite3.Error:
    first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    if isinstance(err, psycopg.errors.IntegrityError):
        return sqlite3.IntegrityError(first_line)
    return sqlite3.OperationalError(first_line)


class PGConnection:
    """The store's connection to PostgreSQL (see the module's docstring)."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.raw = conn
        conn.adapters.register_loader("numeric", _NumberLoader)
        self._translated: dict[str, tuple[str, bool]] = {}
        self._tables: dict[str, tuple[list[str], list[str]]] = {}
        self._shapes: dict[str, pg_sql.InsertShape | None] = {}
        self._changes = 0
        self._writes = 0
        # Set once the database has its change counter (migration 0000_postgresql_changes).
        self.counts_changes = False
        # While a write transaction is open: the pipeline, and the writes whose answers are still due.
        self._pipeline: psycopg.Pipeline | None = None
        self._pipeline_context: Any = None
        self._unsettled: list[tuple[ClientCursor[Any], bool]] = []  # (cursor, executemany)

    # --- sqlite3.Connection's surface ------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        if self._pipeline is not None:
            return True  # the pipeline is open from BEGIN IMMEDIATE to COMMIT or ROLLBACK
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    @property
    def total_changes(self) -> int:
        """Rows inserted, updated or deleted so far, as ``sqlite3``'s counter (waits for due answers)."""
        if self._unsettled:
            self._sync()
        return self._changes

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> Cursor:
        cursor = ClientCursor(self.raw, row_factory=_row_maker)
        head = sql.lstrip()[:12].upper()
        command = sql.strip().upper() if not head.startswith(("SELECT", "INSERT", "UPDATE")) else head
        if not head.startswith("SELECT"):
            self._writes += 1
        if command == "BEGIN IMMEDIATE":
            self._run(cursor, "BEGIN", None)
            self._run(cursor, f"SELECT pg_advisory_xact_lock({WRITE_LOCK})", None)
            self._enter_pipeline()
            return Cursor(cursor, self)
        if self._pipeline is not None:
            if command in ("COMMIT", "END", "ROLLBACK"):
                self._end(command)
                return Cursor(cursor, self)
            if command.startswith("ROLLBACK TO"):
                self._sync(quietly=True)  # leave the pipeline's aborted state (the error was raised)
            elif command.startswith("RELEASE"):
                self._sync()  # the savepoint's writes' errors surface before it is released
        text, positional = self._translate(sql)
        self._run(cursor, text, _named(parameters, positional))
        return Cursor(cursor, self)

    def writes_sent(self) -> int:
        """How many statements that may write were sent so far (a change means: read again)."""
        return self._writes

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any] | Mapping[str, Any]]) -> Cursor:
        cursor = ClientCursor(self.raw, row_factory=_row_maker)
        self._writes += 1
        text, positional = self._translate(sql)
        batch = [_named(parameters, positional) for parameters in seq_of_parameters]
        statements = self._multi_row(text, batch)
        if statements is not None:  # one statement (a round trip, a plan) instead of one per row
            for statement, params in statements:
                cursor = ClientCursor(self.raw, row_factory=_row_maker)
                self._run(cursor, statement, params)
            return Cursor(cursor, self)
        if batch:
            try:
                cursor.executemany(text, batch)
            except psycopg.Error as err:
                raise _as_sqlite_error(err) from err
            if self._pipeline is not None:
                self._unsettled.append((cursor, True))  # its rows' answers are still due
            else:
                self._changes += max(cursor.rowcount, 0)
        return Cursor(cursor, self)

    def _multi_row(self, text: str, batch: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]] | None:
        if len(batch) < 2:
            return None
        if text not in self._shapes:
            self._shapes[text] = pg_sql.insert_shape(text, self._table_columns)
        shape = self._shapes[text]
        if shape is None:
            return None
        statements = []
        for start in range(0, len(batch), pg_sql.MAX_ROWS):
            statement = pg_sql.multi_row(shape, batch[start : start + pg_sql.MAX_ROWS])
            if statement is None:
                return None
            statements.append(statement)
        return statements

    def close(self) -> None:
        if self._pipeline is not None:
            self._leave_pipeline(quietly=True)
        self.raw.close()

    def settle(self, cursor: ClientCursor[Any]) -> None:
        """Wait for ``cursor``'s answer when the pipeline still owes it (for its rowcount, description)."""
        if self._pipeline is not None and cursor.pgresult is None:
            self._sync()

    # --- the pipeline of a write transaction ------------------------------------------

    def _enter_pipeline(self) -> None:
        self._pipeline_context = self.raw.pipeline()
        self._pipeline = self._pipeline_context.__enter__()

    def _leave_pipeline(self, *, quietly: bool = False) -> None:
        self._pipeline = None
        try:
            self._pipeline_context.__exit__(None, None, None)
        except psycopg.Error as err:
            if not quietly:
                raise _as_sqlite_error(err) from err
        finally:
            self._settled()

    def _sync(self, *, quietly: bool = False) -> None:
        if self._pipeline is None:
            return
        try:
            self._pipeline.sync()
        except psycopg.Error as err:
            if not quietly:
                raise _as_sqlite_error(err) from err
        finally:
            self._settled()

    def _settled(self) -> None:
        for cursor, many in self._unsettled:
            if many or (cursor.pgresult is not None and cursor.description is None):
                self._changes += max(cursor.rowcount, 0)
        self._unsettled = []

    def _end(self, command: str) -> None:
        """COMMIT (rolled back when a write failed, as SQLite does) or ROLLBACK, leaving the pipeline."""
        if command == "ROLLBACK":
            self._leave_pipeline(quietly=True)
            self._run(ClientCursor(self.raw), "ROLLBACK", None)
            return
        try:
            self._sync()
        except sqlite3.Error:
            self._leave_pipeline(quietly=True)
            self._run(ClientCursor(self.raw), "ROLLBACK", None)
            raise
        if self.counts_changes:
            self._run(ClientCursor(self.raw), "UPDATE hearsay_changes SET n = n + 1", None)
        self._run(ClientCursor(self.raw), "COMMIT", None)
        self._leave_pipeline()

    # --- translation ----------------------------------------------------------------

    def _run(self, cursor: ClientCursor[Any], text: str, parameters: dict[str, Any] | None) -> None:
        try:
            # Always a mapping (maybe empty) for translated SQL, so that its %% reads as one %.
            cursor.execute(text, parameters)
        except psycopg.Error as err:
            raise _as_sqlite_error(err) from err
        self._count(cursor)

    def _count(self, cursor: ClientCursor[Any]) -> None:
        if self._pipeline is not None and cursor.pgresult is None:
            self._unsettled.append((cursor, False))  # its answer is still due
        elif cursor.description is None and cursor.rowcount > 0:
            self._changes += cursor.rowcount

    def _translate(self, sql: str) -> tuple[str, bool]:
        found = self._translated.get(sql)
        if found is None:
            found = self._translated[sql] = pg_sql.translate(sql, self._table_columns)
        return found

    def _table_columns(self, table: str) -> tuple[list[str], list[str]]:
        """A table's columns in order and its primary key's, from the catalog (for upserts)."""
        found = self._tables.get(table)
        if found is None:
            cursor = self.raw.cursor()
            cursor.execute(
                """SELECT a.attname, coalesce(a.attnum = ANY(i.indkey), false)
                FROM pg_attribute AS a
                LEFT JOIN pg_index AS i ON i.indrelid = a.attrelid AND i.indisprimary
                WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum""",
                (table,),
            )
            rows = cursor.fetchall()
            found = self._tables[table] = ([r[0] for r in rows], [r[0] for r in rows if r[1]])
        return found


def _named(parameters: Sequence[Any] | Mapping[str, Any], positional: bool) -> dict[str, Any]:
    if isinstance(parameters, Mapping):
        return dict(parameters)
    if positional or parameters:
        return {f"p{i}": value for i, value in enumerate(parameters)}
    return {}
