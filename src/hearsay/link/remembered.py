"""Answers of the linked layer remembered by each open store until its database changes.

A claim page, the document read against that claim and the API's evidence of the same cluster
all ask ``evidence_view.evidence`` the same question; every reload of a page or of the claim list
asks again. These answers are functions of the stored rows (documents, statements, links, analysts'
decisions), so an answer is kept, per open store, under a stamp that changes with any committed
write: SQLite's ``PRAGMA data_version`` (another connection committed: a link run, an ingest, a
correction, a rebuild, from this process or another) and the connection's own ``total_changes``.
A store that cannot give a stamp is never answered from memory. The first asking pays in full.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

# Answers kept per open store (a server has one per worker thread): evidence views hold at most
# ``limit`` statements a side and claim lists one page, so this is a few megabytes at most.
ENTRIES = 64

T = TypeVar("T")


class _Remembered:
    def __init__(self) -> None:
        self.stamp: tuple[int, int] | None = None
        self.answers: OrderedDict[Hashable, Any] = OrderedDict()


_STORES: weakref.WeakKeyDictionary[SQLiteStore, _Remembered] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def stamp(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """What changes whenever the database does, as this connection sees it; None when unknown."""
    try:
        row = conn.execute("PRAGMA data_version").fetchone()
    except sqlite3.Error:
        return None
    return (int(row[0]), conn.total_changes) if row else None


def remembered(store: SQLiteStore, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its answer kept for ``key`` while the database has not changed."""
    now = stamp(store._conn)
    if now is not None:
        with _LOCK:
            kept = _STORES.get(store)
            if kept is not None and kept.stamp == now and key in kept.answers:
                kept.answers.move_to_end(key)
                return kept.answers[key]  # type: ignore[no-any-return]
    answer = compute()
    if now is None or stamp(store._conn) != now:
        return answer  # changed while it was computed: not kept
    with _LOCK:
        kept = _STORES.setdefault(store, _Remembered())
        if kept.stamp != now:
            kept.stamp, kept.answers = now, OrderedDict()
        kept.answers[key] = answer
        while len(kept.answers) > ENTRIES:
            kept.answers.popitem(last=False)
    return answer
