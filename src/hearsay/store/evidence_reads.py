"""Reads for the evidence view (``hearsay.link.evidence_view``) that fetch only what it uses.

The view relates every statement of a few hundred candidate documents and lists the few that
bear on the proposition: the relation rules need a statement's words, stance and offsets
(``CLAIM_SELECT``), the listed ones their full row (``link_reads.STATEMENT_SELECT``). Every value is
a parameter; the SQL is portable.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from .link_reads import TIME_ORDER

# What ``relation.Claim.of_row`` reads of a statement, and the keys to fetch its full row.
CLAIM_SELECT = """
SELECT s.document_id, s.id AS statement_id, s.source_name AS source, s.source_entity, s.source_text,
       s.cue_text AS cue, s.cue_lemma, s.cue_start, s.cue_end,
       s.content_text AS content, s.content_start, s.content_end,
       s.certainty, s.polarity, s.stance, s.target_text,
       coalesce(ls.entity_id, lm.entity_id) AS entity_id
FROM statements AS s
LEFT JOIN link_statements AS ls ON ls.document_id = s.document_id AND ls.statement_id = s.id
LEFT JOIN link_members AS lm ON lm.document_id = s.document_id AND lm.local_id = s.source_entity
"""


def claims_of_documents(conn: sqlite3.Connection, document_ids: Sequence[str]) -> list[dict[str, Any]]:
    """``CLAIM_SELECT`` rows of every statement of the documents, in no particular order."""
    rows: list[dict[str, Any]] = []
    for start in range(0, len(document_ids), 500):
        chunk = list(document_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        cursor = conn.execute(f"{CLAIM_SELECT} WHERE s.document_id IN ({marks})", chunk)
        names = [c[0] for c in cursor.description]
        rows += [dict(zip(names, row, strict=True)) for row in cursor]
    return rows


def cluster_documents(conn: sqlite3.Connection, cluster_id: str, limit: int) -> list[str]:
    """The documents of a cluster's first ``limit`` members in time order, one per member
    (``[r["document_id"] for r in statements_of_cluster(conn, cluster_id, limit)]``)."""
    cursor = conn.execute(
        f"""SELECT s.document_id FROM link_statements AS ls
        JOIN statements AS s ON s.document_id = ls.document_id AND s.id = ls.statement_id
        JOIN documents AS d ON d.id = s.document_id
        WHERE ls.cluster_id = ? {TIME_ORDER} LIMIT ?""",
        (cluster_id, limit),
    )
    return [row[0] for row in cursor]


def cluster_contents(conn: sqlite3.Connection, cluster_id: str, limit: int) -> list[tuple[str, str]]:
    """(document, content) of a cluster's first ``limit`` members in time order (the order and rows of
    ``statements_of_cluster(conn, cluster_id, limit)``, without the rest of each row)."""
    cursor = conn.execute(
        f"""SELECT s.document_id, s.content_text FROM link_statements AS ls
        JOIN statements AS s ON s.document_id = ls.document_id AND s.id = ls.statement_id
        JOIN documents AS d ON d.id = s.document_id
        WHERE ls.cluster_id = ? {TIME_ORDER} LIMIT ?""",
        (cluster_id, limit),
    )
    return [(row[0], row[1]) for row in cursor]
