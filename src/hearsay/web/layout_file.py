"""Graphviz layouts kept beside the database, by the content of the graph they lay out.

A claim page's provenance graph is laid out by ``dot`` (``graph_layout``), a process of its own that
takes a tenth of a second for a large claim. Its output is a function of its input alone, so it is
kept under a hash of the dot source and of the dot program (path, size, modification time): a
restart, or a write that leaves a claim's graph as it was, finds the layout without running dot.
A graph that changed has another source, hence another key; nothing is ever stale.

What is kept is dot's JSON layout, never SVG: the page's SVG is drawn from it each time by the same
code as from a fresh layout (coordinates read as numbers, every text escaped from the graph's own
data), and a kept layout that cannot be drawn is laid out again. The file is SQLite,
``<database>.layouts`` (for PostgreSQL, in the vector cache folder beside its ``.answers``); where it
cannot be written, nothing is kept.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..link.evidence_answers import answers_file

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

SUFFIX = ".layouts"
KEEP = 500  # layouts kept per file, the least recently kept dropped first (1-40 kB each: 20 MB at most)
_SCHEMA = """CREATE TABLE IF NOT EXISTS layouts (
    source TEXT PRIMARY KEY,
    layout TEXT NOT NULL,
    kept_at INTEGER NOT NULL
)"""
_LOCK = threading.Lock()


def layouts_file(store: SQLiteStore) -> Path | None:
    """Where this store's layouts are kept (beside its answers); None for an in-memory database."""
    answers = answers_file(store)
    return answers.with_suffix(SUFFIX) if answers is not None else None


def key(dot: str, source: str) -> str:
    """The key of ``source`` laid out by the program at ``dot`` (another build lays out anew)."""
    try:
        status = os.stat(dot)
        program = f"{dot}:{status.st_size}:{status.st_mtime_ns}"
    except OSError:
        program = dot
    return hashlib.sha256(f"{program}\n{source}".encode()).hexdigest()


def recall(path: Path | None, asked: str) -> str | None:
    """The layout kept under ``asked``, else None (also when the file cannot be read)."""
    if path is None or not path.exists():
        return None
    try:
        with _LOCK, _open(path) as conn:
            row = conn.execute("SELECT layout FROM layouts WHERE source = ?", (asked,)).fetchone()
    except (sqlite3.Error, OSError):
        return None
    return str(row[0]) if row else None


def keep(path: Path | None, asked: str, layout: str) -> None:
    """Keep ``layout`` under ``asked``; never raises (a file that cannot be written keeps nothing)."""
    if path is None:
        return
    try:
        with _LOCK, _open(path) as conn:
            conn.execute("BEGIN IMMEDIATE")
            stamp = conn.execute("SELECT coalesce(max(kept_at), 0) + 1 FROM layouts").fetchone()[0]
            conn.execute(
                "INSERT INTO layouts (source, layout, kept_at) VALUES (?, ?, ?) "
                "ON CONFLICT (source) DO UPDATE SET layout = excluded.layout, kept_at = excluded.kept_at",
                (asked, layout, stamp),
            )
            conn.execute("DELETE FROM layouts WHERE kept_at <= ?", (stamp - KEEP,))
            conn.execute("COMMIT")
    except (sqlite3.Error, OSError):
        return


class _open:
    """A short-lived connection to the layouts file (a claim page lays out at most one graph)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=0.2, isolation_level=None)
        try:
            self.conn.execute(_SCHEMA)
        except sqlite3.Error:
            self.conn.close()
            raise
        return self.conn

    def __exit__(self, *exc: object) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self.conn.close()
