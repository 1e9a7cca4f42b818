"""A psycopg connection that the store's SQLite-shaped code can use as it uses ``sqlite3``.

``PGConnection.execute(sql, params)`` takes the store's SQL (``?``/``:name`` placeholders, the few
SQLite idioms ``pg_sql`` rewrites) and returns a cursor whose rows read by index and by name,
like ``sqlite3.Row``. ``BEGIN IMMEDIATE`` takes the database's write lock (an advisory lock held
to the end of the transaction), so writers take turns as they do on SQLite and linking from two
processes never races. Errors are raised as the ``sqlite3`` exception classes the store's callers
already handle (``IntegrityError`` for a constraint, ``OperationalError`` for the rest).

Parameters are bound client-side (psycopg's ``ClientCursor``): ``:x IS NULL`` and ``LIMIT -1``
need no type casts, and PostgreSQL plans each query with its values.
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


def _row_maker(cursor: Any) -> Any:
    description = cursor.description
    if description is None:
        return tuple
    keys = [column.name for column in description]
    names: dict[str, int] = {}
    for index, name in enumerate(keys):
        names.setdefault(name, index)
    row_class = type("Row", (Row,), {"_names": names, "_keys": keys})
    return lambda values: row_class(values)


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

    def __init__(self, cursor: ClientCursor[Any]) -> None:
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> None:
        return None  # PostgreSQL has none: the store's inserts say RETURNING instead

    @property
    def description(self) -> Any:
        return self._cursor.description

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description is not None else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor.description is not None else []

    def fetchmany(self, size: int = 1) -> list[Any]:
        return self._cursor.fetchmany(size) if self._cursor.description is not None else []

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
        self.total_changes = 0  # rows inserted, updated or deleted, as sqlite3's counter
        self._translated: dict[str, tuple[str, bool]] = {}
        self._tables: dict[str, tuple[list[str], list[str]]] = {}

    # --- sqlite3.Connection's surface ------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = ()) -> Cursor:
        cursor = ClientCursor(self.raw, row_factory=_row_maker)
        if sql.strip().upper() == "BEGIN IMMEDIATE":
            self._run(cursor, "BEGIN", None)
            self._run(cursor, f"SELECT pg_advisory_xact_lock({WRITE_LOCK})", None)
            return Cursor(cursor)
        text, positional = self._translate(sql)
        self._run(cursor, text, _named(parameters, positional))
        return Cursor(cursor)

    def executemany(self, sql: str, seq_of_parameters: Iterable[Sequence[Any] | Mapping[str, Any]]) -> Cursor:
        cursor = ClientCursor(self.raw, row_factory=_row_maker)
        text, positional = self._translate(sql)
        batch = [_named(parameters, positional) for parameters in seq_of_parameters]
        if batch:
            try:
                cursor.executemany(text, batch)
            except psycopg.Error as err:
                raise _as_sqlite_error(err) from err
            self.total_changes += max(cursor.rowcount, 0)
        return Cursor(cursor)

    def close(self) -> None:
        self.raw.close()

    # --- translation ----------------------------------------------------------------

    def _run(self, cursor: ClientCursor[Any], text: str, parameters: dict[str, Any] | None) -> None:
        try:
            # Always a mapping (maybe empty) for translated SQL, so that its %% reads as one %.
            cursor.execute(text, parameters)
        except psycopg.Error as err:
            raise _as_sqlite_error(err) from err
        if cursor.description is None and cursor.rowcount > 0:
            self.total_changes += cursor.rowcount

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
