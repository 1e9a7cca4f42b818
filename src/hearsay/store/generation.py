"""The store's generation: a number every committed write transaction raises by one.

Answers computed from the store (the evidence views that ``link.evidence_answers`` keeps on disk) are
valid while the generation they were computed at is still the store's. Every write goes through one of
three transactions: ``SQLiteStore.put`` (a document), ``SQLiteStore.transaction`` (corrections, a
reading replaced, summaries) and ``LinkTables.transaction`` (linking, decisions, rebuilds); each calls
``BUMP`` just before it commits, so the raise commits with the write, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import sqlite3

# Migration 0011_cluster_summaries creates the table with its one row.
GENERATION_TABLES: tuple[str, ...] = (
    """CREATE TABLE store_state (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    )""",
    "INSERT INTO store_state (name, value) VALUES ('generation', 0)",
)

BUMP = "UPDATE store_state SET value = value + 1 WHERE name = 'generation'"


def bump(conn: sqlite3.Connection) -> None:
    """Raise the generation; call it inside the write transaction, before its COMMIT."""
    conn.execute(BUMP)


def current(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM store_state WHERE name = 'generation'").fetchone()
    return int(row[0]) if row else 0
