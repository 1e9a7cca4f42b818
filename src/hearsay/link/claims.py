"""Claim clusters: statements whose contents state one proposition, across documents.

A statement joins the open cluster with the best score above ``JOIN_THRESHOLD``, or founds a
new one. The score is the mean of the cosines between its content's embedding and the cluster's
centroid and representative, plus ``WORD_WEIGHT`` times the share of its content words the
cluster has, plus ``ENTITY_BONUS`` when they share an entity mentioned in the content (not a
nationality: "Russian" says little about the proposition), less ``TIME_PENALTY``
when the document is dated more than ``TIME_WINDOW_DAYS`` from the cluster's dates.
A statement and a cluster that both name entities, none in common, never join: MiniLM scores
"the bridge in Kalosk was closed" and "the bridge in Venmisk was closed" above 0.8.
Candidates come from shared keys (global entities and content words) in
``link_cluster_keys``, so a statement is compared with tens of clusters, not all of them.

Contents too vague to state a proposition by themselves ("these inquiries", "weightless
allegations": fewer than ``MIN_WORDS`` content words and no entity) join no cluster; the
evidence view connects them to the claims of their own document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Reading, Statement
from ..store.links import LinkTables
from .embeddings import from_bytes, to_bytes, unit
from .names import name_key, person_name

# Tuned on tests/data/linking and the sample article (benchmarks/link_quality.py): MiniLM gives
# paraphrases of one claim 0.55-0.9 when they name different places or people ("the port of
# Valmora will remain closed" / "the port would stay closed": 0.66) and different claims of one
# story up to 0.61 ("drones attacked airports" / "Kazakhstan supplied drone components"), so
# the share of the statement's content words found in the cluster counts too.
JOIN_THRESHOLD = 0.70
WORD_WEIGHT = 0.2
ENTITY_BONUS = 0.04
TIME_PENALTY = 0.1
TIME_WINDOW_DAYS = 120
MIN_WORDS = 3
# A paraphrase shares at least one of the rarer words of what it restates; looking candidates up
# by the four rarest keeps the lookup small when common words ("said", "people") have thousands
# of clusters. The share of words in the score still counts all of them.
BLOCK_WORDS = 4
STEM = 6
_WORD = re.compile(r"[^\W\d_]+")


def content_words(text: str) -> list[str]:
    """Lower-case words of a content that carry meaning, as crude stems ("leaked" -> "leak")."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return [_stem(w) for w in words if len(w) > 2 and w not in STOP_WORDS]


def _stem(word: str) -> str:
    if word.endswith("ied") and len(word) > 5:
        return (word[:-3] + "y")[:STEM]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:STEM]


_SUFFIXES = ("ing", "ed", "es", "s")


def cluster_id_for(document_id: str, statement_id: str) -> str:
    return "c-" + hashlib.sha1(f"{document_id}:{statement_id}".encode()).hexdigest()[:12]


def entities_in(reading: Reading, statement: Statement, mapping: dict[str, str]) -> set[str]:
    """Global ids of the entities mentioned inside the statement's content."""
    start, end = statement.content.start, statement.content.end
    return {
        mapping[m.entity]
        for m in reading.mentions
        if m.entity in mapping and m.start >= start and m.end <= end and m.label != "NORP"
    }


def source_entity(
    tables: LinkTables, reading: Reading, statement: Statement, mapping: dict[str, str]
) -> str | None:
    """The global entity of a statement's source: its resolved entity, else the entity its words name.

    "Mills said" names the document's "Georgia Mills" by surname; "Harbour Watch said", where
    the model found no entity, names the linked entity called "Harbour Watch".
    """
    local = statement.source.entity
    if local in mapping:
        return mapping[local]
    text = statement.source.text
    if not text:
        return None
    key = name_key(text)
    if not key:
        return None
    if " " not in key:
        for entity in reading.entities:
            if entity.id in mapping and entity.type == "PERSON":
                parsed = person_name(entity.name)
                if parsed is not None and parsed.surname == key:
                    return mapping[entity.id]
    found = tables.entities_named(key)
    return found[0] if found else None


def is_vague(text: str, entities: set[str]) -> bool:
    return not entities and len(set(content_words(text))) < MIN_WORDS


def _days_apart(published: str | None, first: str | None, last: str | None) -> int:
    if not published or not first:
        return 0
    day = dt.date.fromisoformat(published)
    low, high = dt.date.fromisoformat(first), dt.date.fromisoformat(last or first)
    if low <= day <= high:
        return 0
    return min(abs((day - low).days), abs((day - high).days))


@dataclass(slots=True)
class Clusterer:
    """Assigns the statements of one document to clusters, given their content vectors."""

    tables: LinkTables

    def assign(
        self,
        reading: Reading,
        mapping: dict[str, str],
        vectors: dict[str, np.ndarray],
        hashes: dict[str, str],
    ) -> int:
        """Cluster every statement with a vector; returns how many new clusters were founded."""
        published = reading.published.isoformat() if reading.published else None
        founded = 0
        for statement in reading.statements:
            text_hash = hashes.get(statement.id)
            if text_hash is None:
                continue
            entities = entities_in(reading, statement, mapping)
            text = statement.content.text
            source = source_entity(self.tables, reading, statement, mapping)
            if is_vague(text, entities):
                self.tables.add_statement(reading.document_id, statement.id, None, source, 0.0, text_hash, ())
                continue
            keys = [f"e:{e}" for e in sorted(entities)] + [f"w:{w}" for w in sorted(set(content_words(text)))]
            vector = vectors[text_hash]
            # The same words again (a syndicated copy, a wire story retold) state the same claim.
            best, score = self.tables.cluster_of_text(text_hash), 1.0
            if best is None:
                best, score = self._best(vector, keys, published)
            if best is None:
                cluster_id = cluster_id_for(reading.document_id, statement.id)
                self.tables.create_cluster(
                    cluster_id,
                    text,
                    text_hash,
                    to_bytes(vector),
                    reading.document_id,
                    statement.id,
                    published,
                )
                similarity = 1.0
                founded += 1
            else:
                cluster_id, similarity = best["id"], score
                self._grow(best, vector, text, text_hash, published)
            self.tables.add_statement(
                reading.document_id, statement.id, cluster_id, source, float(similarity), text_hash, keys
            )
        return founded

    def _blocking(self, keys: list[str]) -> list[str]:
        """The keys to look candidates up by: every entity, and the ``BLOCK_WORDS`` rarest words."""
        counts = self.tables.key_counts(keys)
        self.tables.count_keys(keys)
        words = sorted((k for k in keys if k.startswith("w:")), key=lambda k: (counts.get(k, 0), k))
        return [k for k in keys if k.startswith("e:")] + words[:BLOCK_WORDS]

    def _best(
        self, vector: np.ndarray, keys: list[str], published: str | None
    ) -> tuple[sqlite3.Row | None, float]:
        rows = self.tables.cluster_candidates(self._blocking(keys))
        if not rows:
            return None, 0.0
        word_count = max(1, sum(key.startswith("w:") for key in keys))
        has_entities = any(key.startswith("e:") for key in keys)
        centroids = np.frombuffer(b"".join(r["centroid"] for r in rows), dtype=np.float32)
        centroids = centroids.reshape(len(rows), -1)
        representatives = np.frombuffer(
            b"".join(r["representative_vector"] for r in rows), dtype=np.float32
        ).reshape(len(rows), -1)
        norms = np.maximum(np.linalg.norm(centroids, axis=1), 1e-12)
        # The centroid of a large cluster is close to everything on its topic; the representative
        # member keeps the comparison to one wording of the proposition.
        scores = ((centroids @ vector) / norms + representatives @ vector) / 2
        shared = self.tables.shared_keys([r["id"] for r in rows], keys)
        best: sqlite3.Row | None = None
        best_score = JOIN_THRESHOLD
        for row, cosine in zip(rows, scores.tolist(), strict=True):
            common, common_entities = shared.get(row["id"], (0, 0))
            score = cosine + WORD_WEIGHT * (common - common_entities) / word_count
            if common_entities:
                score += ENTITY_BONUS
            elif has_entities and row["entities"]:
                continue  # both name who or where, and not the same ones: different claims
            if score < best_score:
                continue
            if _days_apart(published, row["first_published"], row["last_published"]) > TIME_WINDOW_DAYS:
                score -= TIME_PENALTY
            if score >= best_score:
                best, best_score = row, score
        return best, best_score

    def _grow(self, row: sqlite3.Row, vector: np.ndarray, text: str, text_hash: str, published: str | None) -> None:
        centroid = from_bytes(row["centroid"]) + vector
        direction = unit(centroid)
        representative = None
        if float(direction @ vector) > float(direction @ from_bytes(row["representative_vector"])):
            representative = (text, text_hash, to_bytes(vector))
        self.tables.grow_cluster(row["id"], to_bytes(centroid), published, representative)
