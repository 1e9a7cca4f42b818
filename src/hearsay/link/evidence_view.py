"""The evidence view: which stored statements support a proposition, which refute it, which discuss it.

1. **Candidates.** Documents whose statements share words with the proposition (full-text search,
   ranked) or come close to it in meaning (content embeddings: MiniLM, and the multilingual
   encoder's vectors of the contents in other scripts, so an English proposition finds Russian
   statements and the reverse), at most ``MAX_DOCUMENTS``; for a stored cluster, its members'
   documents too.
2. **Relations.** Every statement of each candidate document goes through the relation scorer
   (``hearsay.relation``) with its neighbours, so "these allegations" or "adding ..." are read
   against the claim their document raises. A statement the English rules cannot read (another
   script than the proposition's) is related by meaning instead (``relation.crosslingual``).
   Statements ``unrelated`` to the proposition drop out.
   The members in another script of the clusters the found statements take a side in are related too
   (a Russian proposition finds the Russian report; its cluster holds the English retelling).
3. **Sides.** supports / refutes / discusses, each in time order, with its number of independent
   sources (``summaries.origin``: a syndicated copy or a spokesperson quoted by five outlets counts
   once) and its first appearance; the verdict line follows from those counts (``model.verdict_of``).
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

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
from ..relation import Claim, RuleScorer, default_scorer, proposition_frame
from ..relation.crosslingual import ABOUT, relate_by_meaning
from ..relation.frame import FRAMES_KEPT, frame
from ..relation.words import is_content_word, needs_meaning, tokens
from ..store import evidence_reads, link_reads
from ..store.links import LinkTables
from . import evidence_answers
from .embeddings import (
    MULTILINGUAL_PREFIX,
    from_bytes,
    load_embedder,
    load_multilingual,
    multilingual_key,
    unit,
)
from .remembered import remembered
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
# Contents whose documents are read at a time (``_near``).
NEAR_BATCH = 8
# A side-taking cluster's members in another script join the candidates (``_other_script_kin``).
KIN_CLUSTERS = 10
KIN_MEMBERS = 200
# What ``warm_up`` parses and embeds to load the models (any sentence does).
WARM_PROPOSITION = "The ministry said the port was closed."


def evidence(
    store: SQLiteStore, *, cluster_id: str | None = None, proposition: str | None = None, limit: int = 100
) -> Evidence:
    """The evidence for a free-text proposition, or for a stored cluster's proposition.

    ``limit`` caps the statements listed on each side; counts and independent sources cover all.
    The same question asked again of an unchanged store is answered from memory (``remembered``),
    whatever its ``limit``: every side is kept whole and cut for each caller (a claim page lists
    500 a side, the API 100: one computation serves both).
    """
    scorer = default_scorer()
    name = f"{type(scorer).__module__}.{type(scorer).__qualname__}"
    key = ("evidence", cluster_id, proposition, name)
    whole = remembered(store, key, lambda: _kept_or_computed(store, cluster_id, proposition, name))
    return limited(whole, limit)


def _kept_or_computed(
    store: SQLiteStore, cluster_id: str | None, proposition: str | None, scorer: str
) -> Evidence:
    """The whole answer as kept on disk for the store's present state (``evidence_answers``), else
    computed and kept. The state is read before computing, so a write meanwhile leaves it stale."""
    if not isinstance(default_scorer(), RuleScorer) or not link_reads.has_link_tables(store._conn):
        return _evidence(store, cluster_id=cluster_id, proposition=proposition, limit=None)
    asked = evidence_answers.question(cluster_id, proposition, scorer)
    now = evidence_answers.state(store)
    found = evidence_answers.recall(store, asked, now)
    if found is None:
        found = _evidence(store, cluster_id=cluster_id, proposition=proposition, limit=None)
        evidence_answers.keep(store, asked, now, found)
    return found


def limited(found: Evidence, limit: int | None) -> Evidence:
    """``found`` with at most ``limit`` statements listed on each side (its counts unchanged)."""
    if limit is None or all(len(side.items) <= limit for side in found.sides):
        return found
    return replace(found, sides=tuple(replace(side, items=side.items[:limit]) for side in found.sides))


def warm_up(store: SQLiteStore) -> None:
    """Load what the first evidence question of a process would wait for: the English parser of
    propositions, the content embedder and this store's nearest-neighbour index, the multilingual
    encoder when the store holds vectors in other scripts, the analysts' decisions module, and the word
    frames of the newest stored contents.

    A server calls it before it answers (``create_app(warm=True)``), so the first claim page after a
    start costs what every later one does. Answers do not change: these are the same loads, earlier.
    """
    from ..corrections import service as _service  # noqa: F401 - imported by ``_decisions``

    conn = store._conn
    if not link_reads.has_link_tables(conn):
        return
    proposition_frame(WARM_PROPOSITION)
    vector = unit(load_embedder().encode([WARM_PROPOSITION])[0])
    store.nearest_contents(vector, 1)
    end = MULTILINGUAL_PREFIX[:-1] + chr(ord(MULTILINGUAL_PREFIX[-1]) + 1)
    other_scripts = conn.execute(
        "SELECT 1 FROM link_embeddings WHERE text_hash >= ? AND text_hash < ? LIMIT 1",
        (MULTILINGUAL_PREFIX, end),
    ).fetchone()
    if other_scripts is not None:
        load_multilingual().encode([WARM_PROPOSITION])
    evidence_answers.code_version()  # hashes hearsay's files once
    _frame_newest_contents(conn)


def _frame_newest_contents(conn: Any) -> None:
    """The word frames of the newest stored contents, as many as a process keeps: the first question after
    a start then frames only the candidates it has not seen (framing was a quarter of its CPU)."""
    rows = conn.execute(
        "SELECT s.content_text FROM documents d JOIN statements s ON s.document_id = d.id"
        " ORDER BY d.ingested_at DESC, d.id DESC LIMIT ?",
        (FRAMES_KEPT,),
    )
    for (text,) in rows:
        frame(text)


def _evidence(
    store: SQLiteStore, *, cluster_id: str | None, proposition: str | None, limit: int | None
) -> Evidence:
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
        members = evidence_reads.cluster_documents(conn, cluster_id, limit=2000)
    if not proposition or not proposition.strip():
        return empty
    decisions = _decisions(store, proposition)
    members = [*members, *(document_id for document_id, _s in decisions)]
    documents = _candidate_documents(store, proposition, members)
    items = list(_relations(store, proposition, documents, decisions))
    # Kin only fill the room the candidates leave (none once they are MAX_DOCUMENTS).
    kin = (
        _other_script_kin(conn, proposition, items, set(documents)) if len(documents) < MAX_DOCUMENTS else []
    )
    if kin:
        items += _relations(store, proposition, kin, decisions)
        documents += kin
    return Evidence(
        proposition=proposition,
        verdict=_verdict(items),
        sides=_sides(items, limit),
        clusters=(cluster_id,) if cluster_id else _clusters(items),
        candidates=len(documents),
    )


def _candidate_documents(store: SQLiteStore, proposition: str, members: Sequence[str]) -> list[str]:
    """Members first, then documents with a content close in meaning (closest first), then those
    sharing words (best ranked first); ties by document id; at most ``MAX_DOCUMENTS``."""
    ranked: dict[str, float] = {d: 0.0 for d in members}
    for score, document_id in _near(store, proposition, set(members)):
        ranked[document_id] = min(ranked.get(document_id, 1e9), 1.0 - score)
    # A document only sharing words ranks 1.0 or more, after every member (0) and near one (1 - cosine,
    # under 0.55): once those fill the candidates, none could be chosen, and ranking the words (every
    # document with any of them) is skipped.
    if len(ranked) < MAX_DOCUMENTS:
        for rank, document_id in enumerate(_full_text(store._conn, proposition)):
            ranked.setdefault(document_id, 1.0 + rank)
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


def _near(store: SQLiteStore, proposition: str, members: set[str]) -> list[tuple[float, str]]:
    """Documents with a content close in meaning, best first: MiniLM's vectors from the
    nearest-neighbour index, and the multilingual vectors of contents in another script.

    A syndicated content is in many documents: the contents' documents are read closest content
    first, only until, with ``members``, there are ``MAX_DOCUMENTS`` (and the contents as close as
    the last one read), since the documents of a farther content cannot be among the candidates.
    """
    vector = unit(load_embedder().encode([proposition])[0])
    best = [(score, h) for score, h in store.nearest_contents(vector, NEAR_HITS) if score >= NEAR]
    best += _near_in_other_scripts(store._conn, proposition)
    best.sort(key=lambda entry: entry[0], reverse=True)
    found: list[tuple[float, str]] = []
    enough = set(members)
    start = 0
    while start < len(best) and (
        len(enough) < MAX_DOCUMENTS or (start and best[start][0] == best[start - 1][0])
    ):
        end = start + 1
        while end < len(best) and end - start < NEAR_BATCH and len(enough) < MAX_DOCUMENTS:
            end += 1
        chunk = best[start:end]
        documents = link_reads.documents_of_texts(store._conn, [h for _s, h in chunk])
        for score, text_hash in chunk:
            for document_id in documents.get(text_hash, []):
                found.append((score, document_id))
                enough.add(document_id)
        start = end
    return sorted(found, reverse=True)


def _near_in_other_scripts(conn: sqlite3.Connection, proposition: str) -> list[tuple[float, str]]:
    """Contents in another script close in meaning (their multilingual vectors, ``u:`` keys only)."""
    end = MULTILINGUAL_PREFIX[:-1] + chr(ord(MULTILINGUAL_PREFIX[-1]) + 1)
    rows = conn.execute(
        "SELECT text_hash, vector FROM link_embeddings WHERE text_hash >= ? AND text_hash < ?",
        (MULTILINGUAL_PREFIX, end),
    ).fetchall()
    if not rows:
        return []
    wanted = load_multilingual().encode([proposition])[0]
    matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), -1)
    scores = matrix @ wanted
    found = [
        (float(scores[i]), rows[int(i)][0].removeprefix(MULTILINGUAL_PREFIX))
        for i in np.nonzero(scores >= ABOUT)[0]
    ]
    return heapq.nlargest(NEAR_HITS, found)


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
    store: SQLiteStore,
    proposition: str,
    documents: list[str],
    decisions: dict[tuple[str, str], Correction] | None = None,
) -> Iterator[tuple[EvidenceItem, dict[str, Any]]]:
    conn = store._conn
    wanted = proposition_frame(proposition)
    scorer = default_scorer()
    texts = _texts(conn, documents)
    by_document: dict[str, list[dict[str, Any]]] = {}
    for row in evidence_reads.claims_of_documents(conn, documents):
        by_document.setdefault(row["document_id"], []).append(row)
    related: list[tuple[dict[str, Any], Claim, Any]] = []
    for document_id, members in by_document.items():
        members.sort(key=lambda r: (r["content_start"], r["statement_id"]))
        claims = [Claim.of_row(r) for r in members]
        relations = scorer.relate_claims(wanted, claims, texts.get(document_id))
        related.extend(zip(members, claims, relations, strict=True))
    foreign = [i for i, (_r, claim, _rel) in enumerate(related) if needs_meaning(proposition, claim.content)]
    if foreign:
        cosines = _cosines(store, proposition, [related[i][1].content for i in foreign])
        for index, cosine in zip(foreign, cosines, strict=True):
            row, claim, _relation = related[index]
            related[index] = (row, claim, relate_by_meaning(proposition, claim, cosine))
    kept = []
    for row, _claim, scored in related:
        decision = (decisions or {}).get((row["document_id"], row["statement_id"]))
        relation = scored if decision is None else _decided(scored, decision, row["certainty"])
        if relation.relation != "unrelated":
            kept.append(((row["document_id"], row["statement_id"]), relation))
    full = {
        (r["document_id"], r["statement_id"]): r
        for r in link_reads.statements_by_keys(conn, [k for k, _ in kept])
    }
    for key, relation in kept:
        row = full[key]
        yield (
            EvidenceItem(
                statement=LinkedStatement.from_row(row),
                relation=relation,
                independent_group=independent_group(row),
                origin=origin(row),
            ),
            row,
        )


def _other_script_kin(
    conn: sqlite3.Connection,
    proposition: str,
    items: list[tuple[EvidenceItem, dict[str, Any]]],
    seen: set[str],
) -> list[str]:
    """Documents of the members in another script of the clusters the found statements take a side in.

    A Russian proposition finds the Russian report by its words; the report's cluster holds the
    English retelling, which no Russian word and no cached multilingual vector may reach.
    """
    clusters = _clusters(items)[:KIN_CLUSTERS]
    found: dict[str, None] = {}
    for cluster_id in clusters:
        for document_id, content in evidence_reads.cluster_contents(conn, cluster_id, KIN_MEMBERS):
            if document_id not in seen and needs_meaning(proposition, content or ""):
                found.setdefault(document_id, None)
    return list(found)[: max(0, MAX_DOCUMENTS - len(seen))]


def _cosines(store: SQLiteStore, proposition: str, contents: list[str]) -> list[float]:
    """Multilingual cosines of the proposition with each content (the linker's cached vectors reused)."""
    tables = LinkTables(store)
    keys = [multilingual_key(c) for c in contents]
    cached = {k: from_bytes(v) for k, v in tables.cached_vectors(sorted(set(keys))).items()}
    missing = sorted({k: c for k, c in zip(keys, contents, strict=True) if k not in cached}.items())
    encoder = load_multilingual()
    if missing:  # contents linked before the encoder was used on them; not written back (a read)
        encoded = encoder.encode([c for _k, c in missing])
        cached.update({k: encoded[i] for i, (k, _c) in enumerate(missing)})
    wanted = encoder.encode([proposition])[0]
    return [float(cached[k] @ wanted) for k in keys]


def _texts(conn: sqlite3.Connection, documents: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for start in range(0, len(documents), 500):
        chunk = documents[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk):
            result[row[0]] = row[1]
    return result


def _sides(pairs: list[Any], limit: int | None) -> tuple[EvidenceSide, ...]:
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
