"""What a set of statements says as a whole: sources, independent sources, contradiction, first appearance.

Independence: each statement has an origin, and statements with one origin count once.

* a source resolved to a global entity is one origin wherever it is quoted (five outlets
  quoting one spokesperson are one source);
* a source known only by its words ("port officials") is one origin per group of
  near-duplicate documents, as is an anonymous one: a syndicated copy adds nothing.

A proposition is contradicted when one statement gives it positive polarity (asserted or
reported, not questioned) and another negative polarity or a denial.

A cluster's ``Proposition`` record takes its verdict from its members' sides: a member whose
content states the cluster's proposition supports it, unless its source denies it (negative
polarity, a denial); a member stating the negation refutes it, unless denied; a question or a
refusal to comment discusses it. The sides are counted in independent sources (``origin``).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..model import Proposition, verdict_of
from ..store import cluster_summaries, link_reads
from .names import name_key
from .titles import title_of

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

HIDDEN = ("ingested_at",)


def statement_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A statement row as the contract shapes it (the row's keys, less the internal ones)."""
    return {k: v for k, v in row.items() if k not in HIDDEN}


def _group(row: dict[str, Any]) -> str:
    group: str = row.get("duplicate_of") or row["document_id"]
    return group


def origin(row: dict[str, Any]) -> str:
    if row.get("entity_id"):
        return f"e:{row['entity_id']}"
    text = row.get("source_text") or row.get("source")
    if text:
        return f"t:{_group(row)}:{name_key(text)}"
    return f"d:{_group(row)}"


def source_key(row: dict[str, Any]) -> str:
    if row.get("entity_id"):
        return f"e:{row['entity_id']}"
    text = row.get("source_text") or row.get("source")
    return f"t:{row['document_id']}:{name_key(text)}" if text else f"d:{row['document_id']}"


def independent_group(row: dict[str, Any]) -> str:
    return "g-" + hashlib.sha1(origin(row).encode()).hexdigest()[:10]


def is_positive(row: dict[str, Any]) -> bool:
    return bool(row["polarity"] == "pos" and row["stance"] in ("assert", "report"))


def is_negative(row: dict[str, Any]) -> bool:
    return bool(row["polarity"] == "neg" or row["stance"] == "deny")


def contradiction(rows: Iterable[dict[str, Any]]) -> bool:
    rows = list(rows)
    return any(map(is_positive, rows)) and any(map(is_negative, rows))


def time_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row.get("published") is None,
        row.get("published") or "",
        row.get("ingested_at") or "",
        row["document_id"],
        row.get("content_start") or 0,
    )


def first_appearance(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not rows:
        return None
    first = min(rows, key=time_key)
    return {
        "document_id": first["document_id"],
        "statement_id": first["statement_id"],
        "published": first.get("published"),
        "outlet": first.get("outlet"),
        "title": first.get("title"),
    }


DISCUSSING = ("question", "refuse_to_comment")


def side_of(row: dict[str, Any], title_opposite: bool = False) -> str:
    """The side a member statement takes on its cluster's titled proposition (module docstring)."""
    if row["stance"] in DISCUSSING:
        return "discusses"
    negation = bool(row.get("opposite")) != bool(title_opposite)
    return "refutes" if is_negative(row) != negation else "supports"


def proposition(cluster: dict[str, Any], rows: list[dict[str, Any]]) -> Proposition:
    """The ``Proposition`` record of a cluster from its row and its member statements."""
    return from_summary(cluster, summary_of(rows))


def summary_of(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What a cluster's record takes from its members (time-ordered rows), the stored form of
    ``store.cluster_summaries``: the sides as if its title stated its founding wording."""
    sides: dict[str, set[str]] = {"supports": set(), "refutes": set(), "discusses": set()}
    for row in rows:
        sides[side_of(row)].add(origin(row))
    return {
        "size": len(rows),
        "documents": len({r["document_id"] for r in rows}),
        "sources": len({source_key(r) for r in rows}),
        "independent_sources": len({origin(r) for r in rows}),
        **{side: len(origins) for side, origins in sides.items()},
        "stances": _count(r["stance"] for r in rows),
        "first_appearance": first_appearance(rows),
    }


def from_summary(cluster: dict[str, Any], summary: dict[str, Any]) -> Proposition:
    """The ``Proposition`` record of a cluster from its row and its members' ``summary_of``.

    A title stating the negation of the founding wording turns every side-taking member around
    (``side_of``): its supports and refutes are the summary's refutes and supports.
    """
    supports, refutes = summary["supports"], summary["refutes"]
    if cluster.get("title_opposite"):
        supports, refutes = refutes, supports
    counts = {"supports": supports, "refutes": refutes, "discusses": summary["discusses"]}
    return Proposition(
        id=cluster["id"],
        title=cluster.get("title") or title_of(cluster["representative"]),
        representative=cluster["representative"],
        size=summary["size"],
        documents=summary["documents"],
        sources=summary["sources"],
        independent_sources=summary["independent_sources"],
        verdict=verdict_of(counts["supports"], counts["refutes"], counts["discusses"]),
        story_id=cluster.get("story_id"),
        first_appearance=summary["first_appearance"],
        stances=dict(summary["stances"]),
        sides=counts,
    )


def _count(values: Iterable[str]) -> dict[str, int]:
    result: dict[str, int] = {}
    for value in values:
        result[value] = result.get(value, 0) + 1
    return result


FILL_BATCH = 200


def missing_summaries(store: SQLiteStore) -> bool:
    """Whether a cluster of this store has no stored summary."""
    return link_reads.has_link_tables(store._conn) and bool(cluster_summaries.missing(store._conn))


def fill_summaries(store: SQLiteStore) -> int:
    """Store the summary of every cluster that has none (``store.cluster_summaries``), in one
    transaction; returns how many."""
    with store.transaction() as conn:
        return fill_in_transaction(conn)


def fill_in_transaction(conn: sqlite3.Connection) -> int:
    """``fill_summaries`` inside the caller's write transaction (``hearsay link``'s, after linking)."""
    ids = cluster_summaries.missing(conn)
    for start in range(0, len(ids), FILL_BATCH):
        chunk = ids[start : start + FILL_BATCH]
        members = link_reads.members_of_clusters(conn, chunk)
        cluster_summaries.write(conn, [{"cluster_id": c, **summary_of(members[c])} for c in chunk])
    return len(ids)
