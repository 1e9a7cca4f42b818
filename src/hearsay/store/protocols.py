"""The store's interfaces: what every backend offers, checked by mypy against SQLite's and PostgreSQL's.

``DocumentStore`` is the document and reading store (ingest, queries, exports, the web app's
lists); ``LinkedStore`` adds what the link layer needs besides its tables: the nearest-neighbour
index of content vectors. Code that takes any store can be typed with these instead of a class;
``SQLiteStore`` and ``PostgresStore`` both satisfy them (the check at the end of this module).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from ..model import Document, Reading

if TYPE_CHECKING:
    from .postgres import PostgresStore
    from .sqlite import SQLiteStore


class DocumentStore(Protocol):
    """Documents and their readings: stored once each, read back, filtered, searched, counted."""

    path: str  # a file path, or the database URL with its password hidden
    read_only: bool

    def close(self) -> None: ...

    def put(self, document: Document, reading: Reading) -> bool: ...

    def replace_reading(self, reading: Reading) -> None: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def has(self, document_id: str) -> bool: ...

    def resolve(self, id_or_prefix: str) -> str: ...

    def document(self, id_or_prefix: str) -> Document: ...

    def reading(self, document_id: str) -> Reading: ...

    def documents_by_id(self, document_ids: Sequence[str]) -> dict[str, Document]: ...

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Document]: ...

    def iter_readings(self, page_size: int = ...) -> Iterator[Reading]: ...

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
    ) -> list[dict[str, Any]]: ...

    def count_statements(
        self,
        *,
        source: str | None = None,
        about: str | None = None,
        stance: str | None = None,
        document_id: str | None = None,
        **filters: str | None,
    ) -> int: ...

    def entity_documents(self, name: str, type: str) -> list[dict[str, Any]]: ...

    def entities(self, *, type: str | None = None) -> list[dict[str, Any]]: ...

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        marks: tuple[str, str] = ("[", "]"),
        offset: int = 0,
        kinds: Collection[str] = ("documents", "statements"),
    ) -> dict[str, Any]: ...

    def count_matches(
        self, query: str, kinds: Collection[str] = ("documents", "statements")
    ) -> dict[str, int]: ...

    def counts(self) -> dict[str, int]: ...


class LinkedStore(DocumentStore, Protocol):
    """A document store the link layer can link: its vectors' nearest-neighbour index besides."""

    def nearest_contents(self, vector: Any, limit: int) -> list[tuple[float, str]]: ...

    def sync_vector_index(self, *, force: bool = False) -> int: ...


if TYPE_CHECKING:

    def _both_backends_conform(sqlite: SQLiteStore, postgres: PostgresStore) -> list[LinkedStore]:
        return [sqlite, postgres]  # mypy reports here any method either backend lacks or types otherwise
