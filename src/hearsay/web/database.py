"""The server's access to the store: read-only connections per thread, and one writer thread.

Reads open the SQLite file with ``mode=ro``, one connection per worker thread (a sqlite3
connection belongs to the thread that made it). Every write (an upload, re-linking) runs in
one dedicated thread holding the only writable connection, so writes never race each other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError
from ..store import SQLiteStore

T = TypeVar("T")


class Database:
    """Read-only stores for requests, and a single writer for uploads."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._writer: ThreadPoolExecutor | None = None
        self._write_store: SQLiteStore | None = None
        # Opening for writing creates and migrates the file, so read-only opens then succeed.
        # A file we may not write stays readable: writes answer with this reason instead.
        self.write_error: str | None = None
        try:
            self._start_writer()
        except StoreError as err:
            if not Path(self.path).exists():
                raise
            SQLiteStore(self.path, read_only=True).close()  # not even readable: refuse to start
            self.write_error = str(err)

    def _start_writer(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._writer is None:
                writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearsay-writer")
                try:
                    writer.submit(self._open_writer).result()
                except BaseException:
                    writer.shutdown()
                    raise
                self._writer = writer
            return self._writer

    def _open_writer(self) -> None:
        self._write_store = SQLiteStore(self.path)

    def reader(self) -> SQLiteStore:
        """This thread's read-only store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = SQLiteStore(self.path, read_only=True)
            self._local.store = store
        return store

    def write(self, work: Callable[..., T], *args: Any) -> T:
        """Run ``work(writable_store, *args)`` in the writer thread and wait for its result."""
        if self.write_error is not None:
            raise StoreError(f"writes are unavailable: {self.write_error}")
        writer = self._start_writer()
        return writer.submit(lambda: work(self._write_store, *args)).result()

    def close(self) -> None:
        """Close the writable connection and stop its thread; a later write starts them again."""
        with self._lock:
            writer, self._writer = self._writer, None
        if writer is None:
            return

        def close_writer() -> None:
            if self._write_store is not None:
                self._write_store.close()
                self._write_store = None

        writer.submit(close_writer).result()
        writer.shutdown(wait=True)
