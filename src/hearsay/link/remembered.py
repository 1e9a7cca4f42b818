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

A PostgreSQL database has no file: its answers are kept under its change counter, a row that every
committed write transaction of every process (server workers, a CLI beside them) moves, read once
per asking; an answer computed while the counter moved is not kept.
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
        return _remembered_on_server(store, key, compute)
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
    _keep(path, before, key, answer)
    return answer


def _server_signature(store: SQLiteStore) -> Signature | None:
    count = getattr(store, "change_count", None)
    if count is None:
        return None
    try:
        return (int(count()),)
    except sqlite3.Error:
        return None


def _remembered_on_server(store: SQLiteStore, key: Hashable, compute: Callable[[], T]) -> T:
    """``remembered`` for a server database: kept under its change counter, which every committed
    write transaction of any process moves (PostgreSQL's ``hearsay_changes``; one query per asking)."""
    before = _server_signature(store)
    if before is None or store._conn.in_transaction:  # its own uncommitted writes: not for others
        return compute()
    with _LOCK:
        kept = _DATABASES.get(store.path)
        if kept is not None and kept.signature == before and key in kept.answers:
            kept.answers.move_to_end(key)
            return kept.answers[key]  # type: ignore[no-any-return]
    answer = compute()
    if _server_signature(store) != before:
        return answer  # a write committed while it was computed: not kept
    _keep(store.path, before, key, answer)
    return answer


def _keep(place: str, signature_: Signature, key: Hashable, answer: Any) -> None:
    with _LOCK:
        kept = _DATABASES.get(place)
        if kept is None or kept.signature != signature_:
            _DATABASES.pop(place, None)
            kept = _DATABASES[place] = _Kept(signature_)
            while len(_DATABASES) > DATABASES:
                del _DATABASES[next(iter(_DATABASES))]  # the oldest
        kept.answers[key] = answer
        while len(kept.answers) > ENTRIES:
            kept.answers.popitem(last=False)
