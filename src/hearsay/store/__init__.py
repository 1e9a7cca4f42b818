"""Where documents and their readings are kept: SQLite by default, or PostgreSQL given its URL.

from hearsay.store import open_store
with open_store("hearsay.db", read_only=True) as store:
    store.statements(source="Smadiyarov")
with open_store("postgresql://hearsay@db.example.org/news") as store:   # PostgresStore
    ...

``DocumentStore`` and ``LinkedStore`` (``protocols``) are the interfaces both backends satisfy.
"""

from __future__ import annotations

from pathlib import Path

from .protocols import DocumentStore, LinkedStore
from .sqlite import NotStored, SQLiteStore

Store = SQLiteStore

__all__ = ["DocumentStore", "LinkedStore", "NotStored", "SQLiteStore", "Store", "open_store"]


def open_store(path: str | Path, read_only: bool = False) -> SQLiteStore:
    """Open (creating and migrating, unless ``read_only``) the store at ``path``: a SQLite file, or a
    PostgreSQL database given as ``postgresql://user[:password]@host[:port]/database``."""
    return SQLiteStore(path, read_only=read_only)
