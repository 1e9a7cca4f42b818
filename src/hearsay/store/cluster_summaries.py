"""Each claim cluster's summary, kept so that the claim list never reads every member of what it shows.

A row holds what ``link.summaries.proposition`` derives from a cluster's members: how many statements,
documents, sources and independent sources, the independent sources on each side (as if the cluster's
title stated its founding wording: ``link.summaries`` swaps supports and refutes for a title stating the
negation, so retitling a cluster leaves its row right), the stances and the first appearance.

A row is only ever right or absent. Every write that can change a member's summary fields deletes the
rows of the clusters it touches, in its own transaction: a statement joining or leaving a cluster
(``LinkTables.add_statement``; while the linker links a page, once for the page at its end:
``LinkTables.end_page``), a source entity's members moving to another entity (merges, splits,
decisions), a document's members written again, a corrected or re-read reading (``sync_links``), and a
rebuild (the table is derived). ``hearsay link`` then fills the missing rows (``fill``), so does a server
at start; a reader computes the clusters without a row from their members, as before. Every value is a
parameter; the SQL is portable.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

TABLE = "link_cluster_summaries"

# Migration 0011_cluster_summaries.
SUMMARY_TABLES: tuple[str, ...] = (
    f"""CREATE TABLE {TABLE} (
        cluster_id TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        sources INTEGER NOT NULL,
        independent_sources INTEGER NOT NULL,
        supports INTEGER NOT NULL,
        refutes INTEGER NOT NULL,
        discusses INTEGER NOT NULL,
        stances TEXT NOT NULL,
        first_appearance TEXT
    )""",
)

_COLUMNS = (
    "cluster_id",
    "size",
    "documents",
    "sources",
    "independent_sources",
    "supports",
    "refutes",
    "discusses",
    "stances",
    "first_appearance",
)


def read(conn: sqlite3.Connection, cluster_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored summaries of these clusters (those without a row are left out), JSON fields parsed."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(cluster_ids), 500):
        chunk = list(cluster_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        cursor = conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM {TABLE} WHERE cluster_id IN ({marks})", chunk
        )
        for row in cursor:
            summary = dict(zip(_COLUMNS, row, strict=True))
            summary["stances"] = json.loads(summary["stances"])
            first = summary["first_appearance"]
            summary["first_appearance"] = json.loads(first) if first is not None else None
            found[summary.pop("cluster_id")] = summary
    return found


def write(conn: sqlite3.Connection, summaries: Iterable[dict[str, Any]]) -> None:
    """Store summaries (each with ``cluster_id`` and the fields ``read`` returns), replacing older ones."""
    rows = [
        (
            s["cluster_id"],
            s["size"],
            s["documents"],
            s["sources"],
            s["independent_sources"],
            s["supports"],
            s["refutes"],
            s["discusses"],
            json.dumps(s["stances"]),
            json.dumps(s["first_appearance"]) if s["first_appearance"] is not None else None,
        )
        for s in summaries
    ]
    updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
    conn.executemany(
        f"INSERT INTO {TABLE} ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))}) "
        f"ON CONFLICT (cluster_id) DO UPDATE SET {updates}",
        rows,
    )


def missing(conn: sqlite3.Connection) -> list[str]:
    """Ids of the clusters without a summary, in id order."""
    cursor = conn.execute(
        f"""SELECT c.id FROM link_clusters AS c
        WHERE NOT EXISTS (SELECT 1 FROM {TABLE} AS s WHERE s.cluster_id = c.id) ORDER BY c.id"""
    )
    return [row[0] for row in cursor]


# --- forgetting: each write that can change a cluster's summary calls one of these first ------------


def forget_cluster(conn: sqlite3.Connection, cluster_id: str | None) -> None:
    if cluster_id is not None:
        conn.execute(f"DELETE FROM {TABLE} WHERE cluster_id = ?", (cluster_id,))


def forget_statement(conn: sqlite3.Connection, document_id: str, statement_id: str) -> None:
    """The cluster a statement is in now (before it is linked again or leaves it)."""
    conn.execute(
        f"""DELETE FROM {TABLE} WHERE cluster_id IN (SELECT ls.cluster_id FROM link_statements AS ls
        WHERE ls.document_id = ? AND ls.statement_id = ?)""",
        (document_id, statement_id),
    )


def forget_documents(conn: sqlite3.Connection, document_ids: Iterable[str]) -> None:
    """The clusters of every linked statement of these documents."""
    for document_id in sorted(set(document_ids)):
        conn.execute(
            f"""DELETE FROM {TABLE} WHERE cluster_id IN (SELECT ls.cluster_id FROM link_statements AS ls
            WHERE ls.document_id = ?)""",
            (document_id,),
        )


def forget_sources(conn: sqlite3.Connection, members: Iterable[tuple[str, str]]) -> None:
    """The clusters of the statements whose source is one of these (document, local entity) members."""
    conn.executemany(
        f"""DELETE FROM {TABLE} WHERE cluster_id IN (SELECT ls.cluster_id FROM link_statements AS ls
        JOIN statements AS s ON s.document_id = ls.document_id AND s.id = ls.statement_id
        WHERE s.document_id = ? AND s.source_entity = ?)""",
        sorted(set(members)),
    )
