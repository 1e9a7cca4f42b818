"""Answers of the linked layer remembered for a database file until it changes.

A claim page, the document read against that claim and the API's evidence of the same cluster
all ask ``evidence_view.evidence`` the same question; every reload of a page or of the claim list
asks again, often through another of the server's connections (one per worker thread). These
answers are functions of the stored rows (documents, statements, links, analysts' decisions), so an
answer is kept for the database file under its signature, which changes with any committed write:
the size and modification time of the file and of its write-ahead log (a commit appends to the log;
a checkpoint rewrites the file), whichever connection or process wrote it. Besides, a connection
that sees a commit (SQLite's ``PRAGMA data_version``, its own ``total_changes``) drops what is kept.
An in-memory database is never answered from memory. The first asking pays in full.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

# Answers kept per database, the least recently used dropped first: most are a page of rows; an
# evidence view holds at most ``limit`` statements a side (500 on a claim page), about a megabyte.
ENTRIES = 64
DATABASES = 4

T = TypeVar("T")
Signature = tuple[int, ...]


class _Kept:
    def __init__(self, signature: Signature) -> None:
        self.signature = signature
        self.answers: OrderedDict[Hashable, Any] = OrderedDict()


_DATABASES: dict[str, _Kept] = {}
_SEEN: weakref.WeakKeyDictionary[SQLiteStore, tuple[int, int]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def signature(path: str) -> Signature | None:
    """Size and modification time of the database file and its log; None for an in-memory one."""
    if path == ":memory:" or not path:
        return None
    found: list[int] = []
    for name in (path, f"{path}-wal"):
        try:
            status = os.stat(name)
        except OSError:
            found += [-1, -1]
            continue
        found += [status.st_size, status.st_mtime_ns]
    return tuple(found) if found[0] >= 0 else None


def _connection_stamp(conn: sqlite3.Connection) -> tuple[int, int] | None:
    try:
        row = conn.execute("PRAGMA data_version").fetchone()
    except sqlite3.Error:
        return None
    return (int(row[0]), conn.total_changes) if row else None


def remembered(store: SQLiteStore, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its answer kept for ``key`` while the database has not changed."""
    if "://" in store.path:
        return compute()  # a server database (PostgreSQL): no file signature to trust
    path = str(Path(store.path).resolve()) if store.path != ":memory:" else ":memory:"
    before, stamp = signature(path), _connection_stamp(store._conn)
    if before is None or stamp is None:
        return compute()
    with _LOCK:
        seen, _SEEN[store] = _SEEN.get(store), stamp
        if seen is not None and seen != stamp:
            _DATABASES.pop(path, None)  # this connection saw a commit
        kept = _DATABASES.get(path)
        if kept is not None and kept.signature == before and key in kept.answers:
            kept.answers.move_to_end(key)
            return kept.answers[key]  # type: ignore[no-any-return]
    answer = compute()
    if signature(path) != before or _connection_stamp(store._conn) != stamp:
        return answer  # changed while it was computed: not kept
    with _LOCK:
        kept = _DATABASES.get(path)
        if kept is None or kept.signature != before:
            _DATABASES.pop(path, None)
            kept = _DATABASES[path] = _Kept(before)
            while len(_DATABASES) > DATABASES:
                del _DATABASES[next(iter(_DATABASES))]  # the oldest
        kept.answers[key] = answer
        while len(kept.answers) > ENTRIES:
            kept.answers.popitem(last=False)
    return answer
