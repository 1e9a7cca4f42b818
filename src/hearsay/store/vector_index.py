"""Approximate nearest neighbours of the stored content vectors: a usearch HNSW index beside the database.

Each vector of ``link_embeddings`` has an integer key in ``link_vector_keys`` (assigned in the
transaction that stores the vector, ascending). The index file ``<database>.vectors.usearch``
holds the vectors up to a key recorded in ``<database>.vectors.json`` together with that key's
text hash. Vectors stored after that key (up to ``TAIL_LIMIT``) are compared one by one when
searched; once there are that many, ``sync()`` adds them and saves the file, so the index grows
with ``hearsay link`` runs, one more document never rewrites it, and it never needs a rebuild.
A missing, unreadable or foreign file (its first or last key names another text) is rebuilt
from the table. Vectors are added on one thread, so the graph,
and with it every answer, is the same for the same store; an index of at most ``EXACT_LIMIT``
vectors is searched exhaustively (exact answers on small stores; a scan of a few thousand
vectors in memory is under a millisecond).

Why usearch: a 2 MB wheel with no dependency beyond numpy, cosine/inner-product HNSW with
incremental ``add``, save and a memory-mapped ``view`` of the file (a search reads only the pages
it visits); hnswlib ships no wheels
for current Pythons (a compiler at install time) and faiss-cpu is a 30 MB wheel whose HNSW
cannot be memory-mapped.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import numpy as np

DIMENSIONS = 384
EXACT_LIMIT = 2000
CONNECTIVITY = 16
EXPANSION_ADD = 64
EXPANSION_SEARCH = 320
PAGE = 5000
# Vectors stored after the index's last key are compared one by one when searched, up to this many;
# then the next link run (or search) adds them to the index and saves it.
TAIL_LIMIT = 1000
FORMAT = 1

# One index per database file and process: a server answers every request from the same one.
_OPEN: dict[str, VectorIndex] = {}
_LOCK = threading.Lock()


def index_for(conn: sqlite3.Connection, db_path: str, *, cache: bool = False) -> VectorIndex:
    """The index of the database at ``db_path``; with ``cache``, ``db_path`` is where a server
    database's index file is kept (the folder is created; the file is checked against the table)."""
    with _LOCK:
        # A database removed and created anew at the same path is another file (inode).
        key = f":memory:{id(conn)}"
        if cache:
            key = db_path
            with contextlib.suppress(OSError):  # no cache folder: the index lives in memory only
                Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        elif db_path != ":memory:":
            key = f"{Path(db_path).resolve()}:{os.stat(db_path).st_ino}"
        found = _OPEN.get(key)
        if found is None:
            found = _OPEN[key] = VectorIndex(db_path)
        return found


class VectorIndex:
    """The HNSW index of one database's content vectors (see the module's docstring)."""

    def __init__(self, db_path: str, exact_limit: int = EXACT_LIMIT, tail_limit: int = TAIL_LIMIT) -> None:
        self.exact_limit = exact_limit
        self.tail_limit = tail_limit
        self.file = None if db_path == ":memory:" else Path(f"{db_path}.vectors.usearch")
        self.meta = None if self.file is None else Path(f"{db_path}.vectors.json")
        self.index: Any = None  # None until searched or grown; a memory-mapped view until grown
        self.writable = False
        self.last_key = -1  # the last key in the index (file or memory); -1: not read yet
        self.lock = threading.Lock()

    def _new(self) -> Any:
        from usearch.index import Index

        return Index(
            ndim=DIMENSIONS,
            metric="ip",
            dtype="f32",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION_SEARCH,
        )

    def sync(self, conn: sqlite3.Connection, *, force: bool = False) -> int:
        """Add the committed vectors the index lacks, once there are ``tail_limit`` of them (or
        with ``force``); returns how many were added. Fewer are compared one by one when searched,
        so one more document never rewrites the file."""
        with self.lock:
            return self._sync(conn, force)

    def _sync(self, conn: sqlite3.Connection, force: bool) -> int:
        if self.last_key < 0:
            self.last_key = self._file_key(conn)
        newest = conn.execute("SELECT coalesce(max(key), 0) FROM link_vector_keys").fetchone()[0]
        if newest <= self.last_key or (newest - self.last_key < self.tail_limit and not force):
            return 0
        if not self.writable:
            self.last_key = self._file_key(conn)  # another process may have grown the file meanwhile
            self.index, self.writable = self._new(), True
            if self.last_key > 0 and self.file is not None:
                self.index.load(str(self.file))
        added = 0
        for keys, vectors in _pages_after(conn, self.last_key):
            self.index.add(keys, vectors, threads=1)
            self.last_key = int(keys[-1])
            added += len(keys)
        if added:
            self._save(conn)
        return added

    def nearest(self, conn: sqlite3.Connection, vector: np.ndarray, count: int) -> list[tuple[float, str]]:
        """Up to ``count`` (cosine, text hash) of the stored contents closest to ``vector``, best first:
        the index's nearest, and the few vectors stored after it compared one by one."""
        query = np.asarray(vector, dtype=np.float32)
        with self.lock:  # never a search while another thread adds
            self._sync(conn, force=False)
            if self.index is None:
                self._view()
            scores: dict[int, float] = {}
            if len(self.index):
                found = self.index.search(query, count, threads=1, exact=len(self.index) <= self.exact_limit)
                scores = {int(k): 1.0 - float(d) for k, d in zip(found.keys, found.distances, strict=True)}
            for keys, vectors in _pages_after(conn, self.last_key):  # at most tail_limit of them
                scores.update(zip(keys.tolist(), (vectors @ query).tolist(), strict=True))
        best = sorted(scores, key=lambda k: -scores[k])[:count]
        hashes = _hashes_of(conn, best)
        return sorted(((scores[k], hashes[k]) for k in best if k in hashes), reverse=True)

    # --- the file -----------------------------------------------------------------------

    def _file_key(self, conn: sqlite3.Connection) -> int:
        """The last key of the index file, 0 when there is none or it is another database's."""
        if self.file is None or self.meta is None or not self.file.exists() or not self.meta.exists():
            return 0
        try:
            meta = json.loads(self.meta.read_text(encoding="utf-8"))
            last_key = int(meta["last_key"])
            known = _hashes_of(conn, [1, last_key])
            if meta.get("format") != FORMAT or (known.get(1), known.get(last_key)) != (
                meta["first_hash"],
                meta["last_hash"],
            ):
                return 0  # another database's index (its first or last key names another text)
            return last_key
        except (OSError, ValueError, KeyError):
            return 0  # unreadable: rebuilt from the table

    def _view(self) -> None:
        """The index file memory-mapped (nothing read until searched), or an empty index."""
        self.index, self.writable = self._new(), False
        if self.last_key > 0 and self.file is not None:
            try:
                self.index.view(str(self.file))
            except (OSError, RuntimeError, ValueError):
                self.index, self.last_key = self._new(), 0

    def _save(self, conn: sqlite3.Connection) -> None:
        if self.file is None or self.meta is None:
            return
        known = _hashes_of(conn, [1, self.last_key])
        meta = {
            "format": FORMAT,
            "first_hash": known.get(1),
            "last_key": self.last_key,
            "last_hash": known.get(self.last_key),
            "count": len(self.index),
        }
        try:
            temporary = self.file.with_name(self.file.name + f".{os.getpid()}.tmp")
            self.index.save(str(temporary))
            os.replace(temporary, self.file)
            self.meta.write_text(json.dumps(meta), encoding="utf-8")
        except OSError:
            pass  # a read-only folder: the index lives in this process's memory only


def _pages_after(conn: sqlite3.Connection, last_key: int) -> Any:
    while True:
        rows = conn.execute(
            """SELECT k.key, e.vector FROM link_vector_keys AS k
            JOIN link_embeddings AS e ON e.text_hash = k.text_hash
            WHERE k.key > ? ORDER BY k.key LIMIT ?""",
            (last_key, PAGE),
        ).fetchall()
        if not rows:
            return
        keys = np.array([r[0] for r in rows], dtype=np.uint64)
        vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
        yield keys, vectors
        last_key = int(rows[-1][0])


def _hashes_of(conn: sqlite3.Connection, keys: list[int]) -> dict[int, str]:
    result: dict[int, str] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        cursor = conn.execute(f"SELECT key, text_hash FROM link_vector_keys WHERE key IN ({marks})", chunk)
        result.update((row[0], row[1]) for row in cursor)
    return result
