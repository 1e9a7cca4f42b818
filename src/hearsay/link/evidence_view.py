"""The evidence view: which stored statements support a proposition, which refute it, which discuss it.

1. **Candidates.** Documents whose statements share words with the proposition (full-text search,
   ranked) or come close to it in meaning (content embeddings), at most ``MAX_DOCUMENTS``; for a
   stored cluster, its members' documents too.
2. **Relations.** Every statement of each candidate document goes through the relation scorer
   (``hearsay.relation``) with its neighbours, so "these allegations" or "adding ..." are read
   against the claim their document raises. Statements ``unrelated`` to the proposition drop out.
3. **Sides.** supports / refutes / discusses, each in time order, with its number of independent
   sources (``summaries.origin``: a syndicated copy or a spokesperson quoted by five outlets counts
   once) and its first appearance; the verdict line follows from those counts (``model.verdict_of``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..model import (
    RELATIONS,
    SIDES,
    Evidence,
    EvidenceItem,
    EvidenceSide,
    LinkedStatement,
    Relation,
    Strength,
    Verdict,
    one_of,
    verdict_of,
)
from ..relation import Claim, default_scorer, proposition_frame
from ..relation.words import is_content_word, tokens
from ..store import link_reads
from .embeddings import load_embedder, unit
from .summaries import independent_group, origin, time_key

if TYPE_CHECKING:
    from ..corrections.records import Correction
    from ..store.sqlite import SQLiteStore

MAX_DOCUMENTS = 300
# The strength an analyst's relation takes from the statement's certainty when hearsay read another.
STRENGTH_OF: dict[str, Strength] = {"certain": "certain", "probable": "probable", "possible": "possible"}
FTS_HITS = 600
# Statements this close in meaning bring their document in even without a shared word.
NEAR = 0.45
NEAR_HITS = 300


def evidence(
    store: SQLiteStore, *, cluster_id: str | None = None, proposition: str | None = None, limit: int = 100
) -> Evidence:
    """The evidence for a free-text proposition, or for a stored cluster's proposition.

    ``limit`` caps the statements listed on each side; counts and independent sources cover all.
    """
    conn = store._conn
    empty = Evidence(proposition=proposition or "", verdict="no evidence", sides=_sides([], limit))
    if not link_reads.has_link_tables(conn):
        return empty
    members: list[str] = []
    if cluster_id is not None:
        found = link_reads.cluster(conn, cluster_id)
        if found is None:
            return empty
        proposition = proposition or found.get("title") or found["representative"]
        members = [r["document_id"] for r in link_reads.statements_of_cluster(conn, cluster_id, limit=2000)]
    if not proposition or not proposition.strip():
        return empty
    decisions = _decisions(store, proposition)
    members = [*members, *(document_id for document_id, _s in decisions)]
    documents = _candidate_documents(store, proposition, members)
    items = list(_relations(conn, proposition, documents, decisions))
    return Evidence(
        proposition=proposition,
        verdict=_verdict(items),
        sides=_sides(items, limit),
        clusters=(cluster_id,) if cluster_id else _clusters(items),
        candidates=len(documents),
    )


def _candidate_documents(store: SQLiteStore, proposition: str, members: Sequence[str]) -> list[str]:
    ranked: dict[str, float] = {d: 0.0 for d in members}
    for rank, document_id in enumerate(_full_text(store._conn, proposition)):
        ranked.setdefault(document_id, 1.0 + rank)
    for score, document_id in _near(store, proposition):
        ranked[document_id] = min(ranked.get(document_id, 1e9), 1.0 - score)
    return sorted(ranked, key=lambda d: (ranked[d], d))[:MAX_DOCUMENTS]


def _full_text(conn: sqlite3.Connection, proposition: str) -> list[str]:
    words = sorted({t.casefold() for t in tokens(proposition) if is_content_word(t) or t[:1].isdigit()})
    if not words:
        return []
    query = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
    rows = conn.execute(
        "SELECT document_id FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, FTS_HITS),
    ).fetchall()
    seen: dict[str, None] = {}
    for row in rows:
        seen.setdefault(row[0], None)
    return list(seen)


def _near(store: SQLiteStore, proposition: str) -> list[tuple[float, str]]:
    """Documents with a content close in meaning, best first, from the nearest-neighbour index."""
    vector = unit(load_embedder().encode([proposition])[0])
    best = [(score, h) for score, h in store.nearest_contents(vector, NEAR_HITS) if score >= NEAR]
    documents = link_reads.documents_of_texts(store._conn, [h for _s, h in best])
    return sorted(((score, d) for score, h in best for d in documents.get(h, [])), reverse=True)


def _decisions(store: SQLiteStore, proposition: str) -> dict[tuple[str, str], Correction]:
    """Analysts' relation decisions about this proposition (the latest per statement)."""
    from ..corrections.service import proposition_key
    from ..store.corrections import CorrectionTable

    found = CorrectionTable(store).relations_for(proposition_key(proposition))
    return {(c.document_id, c.statement_id or ""): c for c in found}


def _decided(relation: Relation, decision: Correction, certainty: str) -> Relation:
    kind = one_of(decision.after["relation"], RELATIONS, "relation")
    strength = relation.strength if kind == relation.relation else STRENGTH_OF.get(certainty)
    note = f": {decision.note}" if decision.note else ""
    reason = f"{decision.who} decided it {kind} this claim{note} (hearsay read: {relation.relation})"
    return Relation(relation=kind, strength=strength, reason=reason, match=relation.match, rule="analyst")


def _relations(
    conn: sqlite3.Connection,
    proposition: str,
    documents: list[str],
    decisions: dict[tuple[str, str], Correction] | None = None,
) -> Iterator[tuple[EvidenceItem, dict[str, Any]]]:
    wanted = proposition_frame(proposition)
    scorer = default_scorer()
    texts = _texts(conn, documents)
    rows = link_reads.statements_of_documents(conn, documents)
    by_document: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_document.setdefault(row["document_id"], []).append(row)
    for document_id, members in by_document.items():
        members.sort(key=lambda r: (r["content_start"], r["statement_id"]))
        claims = [Claim.of_row(r) for r in members]
        relations = scorer.relate_claims(wanted, claims, texts.get(document_id))
        for row, scored in zip(members, relations, strict=True):
            decision = (decisions or {}).get((document_id, row["statement_id"]))
            relation = scored if decision is None else _decided(scored, decision, row["certainty"])
            if relation.relation != "unrelated":
                yield (
                    EvidenceItem(
                        statement=LinkedStatement.from_row(row),
                        relation=relation,
                        independent_group=independent_group(row),
                        origin=origin(row),
                    ),
                    row,
                )


def _texts(conn: sqlite3.Connection, documents: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for start in range(0, len(documents), 500):
        chunk = documents[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk):
            result[row[0]] = row[1]
    return result


def _sides(pairs: list[Any], limit: int) -> tuple[EvidenceSide, ...]:
    sides = []
    for relation in SIDES:
        chosen = sorted(
            (p for p in pairs if p[0].relation.relation == relation), key=lambda p: time_key(p[1])
        )
        items = tuple(item for item, _row in chosen)
        sides.append(
            EvidenceSide(
                relation=relation,
                items=items[:limit],
                total=len(items),
                independent_sources=len({item.origin for item in items}),
                first=items[0] if items else None,
            )
        )
    return tuple(sides)


def _verdict(pairs: list[Any]) -> Verdict:
    def sources(relation: str) -> int:
        return len({item.origin for item, _row in pairs if item.relation.relation == relation})

    return verdict_of(sources("supports"), sources("refutes"), sources("discusses"))


def _clusters(pairs: list[Any]) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for item, _row in pairs:
        if item.statement.cluster_id and item.relation.relation in ("supports", "refutes"):
            counts[item.statement.cluster_id] = counts.get(item.statement.cluster_id, 0) + 1
    return tuple(sorted(counts, key=lambda c: (-counts[c], c)))
