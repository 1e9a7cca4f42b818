"""Evidence views remembered by each open store until its database changes.

A claim page, the document read against that claim and the API's evidence of the same cluster
all ask ``evidence_view.evidence`` the same question; so does every reload of a page. The view is
a function of the stored rows (documents, statements, links, analysts' relation decisions) and
the relation scorer, so an answer is kept, per open store, under a stamp that changes with any
committed write: SQLite's ``PRAGMA data_version`` (another connection committed: a link run, an
ingest, a correction, a rebuild, from this process or another) and the connection's own
``total_changes``. A store that cannot give a stamp is never served from memory.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Evidence
    from ..store.sqlite import SQLiteStore

# Views kept per open store (a server has one per worker thread); each holds at most ``limit``
# statements a side, so this is a few megabytes at most.
ENTRIES = 64

Key = tuple[str | None, str | None, int, str]


class _Remembered:
    def __init__(self) -> None:
        self.stamp: tuple[int, int] | None = None
        self.views: OrderedDict[Key, Evidence] = OrderedDict()


_STORES: weakref.WeakKeyDictionary[SQLiteStore, _Remembered] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def stamp(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """What changes whenever the database does, as this connection sees it; None when unknown."""
    try:
        row = conn.execute("PRAGMA data_version").fetchone()
    except sqlite3.Error:
        return None
    return (int(row[0]), conn.total_changes) if row else None


def recall(store: SQLiteStore, key: Key) -> Evidence | None:
    """The view remembered for ``key`` if the database has not changed since it was computed."""
    now = stamp(store._conn)
    with _LOCK:
        remembered = _STORES.get(store)
        if now is None or remembered is None or remembered.stamp != now:
            return None
        found = remembered.views.get(key)
        if found is not None:
            remembered.views.move_to_end(key)
        return found


def keep(store: SQLiteStore, key: Key, view: Evidence, computed_at: tuple[int, int] | None) -> None:
    """Remember ``view``, computed when the database's stamp was ``computed_at``."""
    if computed_at is None or stamp(store._conn) != computed_at:
        return  # changed while it was computed: not kept
    with _LOCK:
        remembered = _STORES.setdefault(store, _Remembered())
        if remembered.stamp != computed_at:
            remembered.stamp, remembered.views = computed_at, OrderedDict()
        remembered.views[key] = view
        while len(remembered.views) > ENTRIES:
            remembered.views.popitem(last=False)
