"""The evidence view: who asserts, reports, questions, denies or refuses to comment on a proposition.

For a free-text proposition, its embedding is compared with every linked statement's (streamed
page by page, so memory stays flat); statements at ``MATCH`` or above are matches, and the
other members of their clusters come along. For a cluster, its members are the matches.

Reports answer a claim in words that do not restate it ("left these inquiries to experts",
"dismissed weightless allegations"), so in each document with a match, a statement is taken
as a response when it

* names the claim with a claim noun ("allegations", "inquiries", "narrative", ...), or
* is a denial, refusal or question too short to state a proposition of its own, or
* comes from the same source as a match there and scores ``SAME_SOURCE`` or more, or
* mentions an entity named in the proposition and scores ``SAME_ENTITY`` or more.

Every item is a statement dict (grounded: document id and offsets) with ``relation``
("match", "cluster" or "response"), ``similarity`` and ``independent_group``, sorted by time.
"""

from __future__ import annotations

import heapq
import re

import numpy as np

from ..store import link_reads
from .claims import content_words, is_vague
from .embeddings import from_bytes, load_embedder, unit
from .names import name_key
from .summaries import contradiction, independent_group, origin, statement_dict, time_key

# Measured on the sample article and tests/data/linking: restatements of a proposition score
# 0.6-0.95, other claims of the same story 0.2-0.5.
MATCH = 0.55
# Below this, a match must also share a word with what the proposition says (not only a name):
# MiniLM puts "the goals were for the fishermen of Valmora" at 0.56 from "the tanker leaked fuel
# into Valmora harbour".
SURE_MATCH = 0.7
SAME_SOURCE = 0.4
SAME_ENTITY = 0.35
MAX_MATCHES = 200
STANCE_GROUPS = ("assert", "report", "question", "deny", "refuse_to_comment")
CLAIM_NOUNS = re.compile(
    r"\b(allegations?|accusations?|claims?|inquir(?:y|ies)|questions?|complaints?|narratives?|speculation|"
    r"rumou?rs?|charges?|suggestions?|reports?|involvement)\b",
    re.IGNORECASE,
)


def evidence(
    store, *, cluster_id: str | None = None, proposition: str | None = None, limit: int = 100
) -> dict:
    """The evidence for a cluster or a proposition (see the module docstring)."""
    conn = store._conn
    result = {
        "proposition": proposition or "",
        "clusters": [],
        "contradiction": False,
        "groups": {g: [] for g in STANCE_GROUPS},
        "items": [],
    }
    if not link_reads.has_link_tables(conn):
        return result
    if cluster_id is not None:
        found = link_reads.cluster(conn, cluster_id)
        if found is None:
            return result
        result["proposition"] = proposition or found["representative"]
        vector = _vector_of_cluster(conn, cluster_id)
        if vector is None:
            return result
        matches = {}
        clusters = [cluster_id]
    elif proposition and proposition.strip():
        vector = load_embedder().encode([proposition])[0]
        matches = _matches(conn, vector, _topic_words(proposition))
        best: dict[str, float] = {}
        for score, cluster in matches.values():
            if cluster:
                best[cluster] = max(best.get(cluster, 0.0), score)
        clusters = sorted(best, key=lambda c: (-best[c], c))
    else:
        return result
    rows = _collect(conn, vector, matches, clusters, proposition or "")
    rows.sort(key=time_key)
    items = [_item(r) for r in rows[:limit]]
    result["clusters"] = clusters
    result["items"] = items
    result["contradiction"] = contradiction(rows)
    for item in items:
        result["groups"].setdefault(item["stance"], []).append(item)
    return result


def _vector_of_cluster(conn, cluster_id: str) -> np.ndarray | None:
    row = conn.execute("SELECT centroid FROM link_clusters WHERE id = ?", (cluster_id,)).fetchone()
    return unit(from_bytes(row[0])) if row else None


def _topic_words(proposition: str) -> set[str]:
    """The proposition's content words that are not names: what it says, not whom it is about."""
    return set(content_words(" ".join(w for w in proposition.split() if not w[:1].isupper())))


def _matches(conn, vector: np.ndarray, topic: set[str]) -> dict[tuple[str, str], tuple[float, str | None]]:
    best: list[tuple[float, str, str, str | None]] = []
    for page in link_reads.iter_vectors(conn):
        matrix = np.frombuffer(b"".join(r["vector"] for r in page), dtype=np.float32).reshape(len(page), -1)
        scores = matrix @ vector
        for index in np.nonzero(scores >= MATCH)[0]:
            row = page[int(index)]
            if scores[index] < SURE_MATCH and topic and not topic & set(content_words(row["content"])):
                continue  # close only through a shared name ("... of Valmora")
            entry = (float(scores[index]), row["document_id"], row["statement_id"], row["cluster_id"])
            if len(best) < MAX_MATCHES:
                heapq.heappush(best, entry)
            else:
                heapq.heappushpop(best, entry)
    return {(d, s): (score, c) for score, d, s, c in best}


def _collect(conn, vector, matches, clusters, proposition: str) -> list[dict]:
    chosen: dict[tuple[str, str], dict] = {}
    for row in link_reads.statements_by_keys(conn, list(matches)):
        row["relation"] = "match"
        chosen[(row["document_id"], row["statement_id"])] = row
    for cluster in clusters:
        for row in link_reads.statements_of_cluster(conn, cluster, limit=500):
            key = (row["document_id"], row["statement_id"])
            if key not in chosen:
                row["relation"] = "cluster" if matches else "match"
                chosen[key] = row
    entities = _named_entities(conn, proposition)
    documents = sorted({d for d, _s in chosen})
    candidates = [
        r
        for r in link_reads.statements_of_documents(conn, documents)
        if (r["document_id"], r["statement_id"]) not in chosen
    ]
    vectors = link_reads.vectors_of(conn, [(r["document_id"], r["statement_id"]) for r in candidates])
    mentioned = _mentioned(conn, entities, documents)
    sources = {(r["document_id"], r.get("entity_id")) for r in chosen.values() if r.get("entity_id")}
    for row in candidates:
        key = (row["document_id"], row["statement_id"])
        raw = vectors.get(key)
        similarity = float(from_bytes(raw) @ vector) if raw is not None else 0.0
        if _responds(row, similarity, sources, mentioned):
            row["relation"], row["similarity"] = "response", round(similarity, 3)
            chosen[key] = row
    scored = link_reads.vectors_of(conn, [k for k, r in chosen.items() if "similarity" not in r])
    for key, row in chosen.items():
        if "similarity" not in row:
            raw = scored.get(key)
            row["similarity"] = round(float(from_bytes(raw) @ vector), 3) if raw is not None else None
    return list(chosen.values())


def _responds(row: dict, similarity: float, sources: set, mentioned: set) -> bool:
    content = row["content"] or ""
    if CLAIM_NOUNS.search(content):
        return True
    if row["stance"] in ("deny", "refuse_to_comment", "question") and is_vague(content, set()):
        return True
    if (
        row.get("entity_id")
        and (row["document_id"], row["entity_id"]) in sources
        and similarity >= SAME_SOURCE
    ):
        return True
    key = (row["document_id"], row["statement_id"])
    return key in mentioned and similarity >= SAME_ENTITY


def _named_entities(conn, proposition: str) -> set[str]:
    """Global entities whose name is a word or a phrase (up to three words) of the proposition."""
    words = proposition.split()
    found: set[str] = set()
    for size in (1, 2, 3):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size]).strip(".,;:!?\"'")
            if phrase and phrase[0].isupper():
                key = name_key(phrase)
                if key and content_words(phrase):
                    found.update(link_reads.entity_ids_named(conn, key)[:3])
    return found


def _mentioned(conn, entities: set[str], documents: list[str]) -> set[tuple[str, str]]:
    """(document, statement) keys of the statements whose content mentions one of ``entities``."""
    result: set[tuple[str, str]] = set()
    if not entities or not documents:
        return result
    spans = [m for e in entities for m in link_reads.mention_spans(conn, e, documents)]
    for row in link_reads.statements_of_documents(conn, documents):
        for span in spans:
            if (
                span["document_id"] == row["document_id"]
                and span["start"] >= row["content_start"]
                and span["end"] <= row["content_end"]
            ):
                result.add((row["document_id"], row["statement_id"]))
                break
    return result


def _item(row: dict) -> dict:
    item = statement_dict(row)
    item["independent_group"] = independent_group(row)
    item["origin"] = origin(row)
    return item
