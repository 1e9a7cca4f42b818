"""Claim clusters (propositions) and the stories that group them, assigned incrementally.

A statement joins a cluster only when its content states the cluster's proposition or its
negation (``joins``: ``same_proposition`` against the cluster's founding wording or its title,
and the entities linked in both contents agree: each naming one the other does not is two
claims). The cluster's candidates come from shared keys (global entities and content words) in
``link_cluster_keys``, ranked by the topical score below; at most ``COMPARED`` of them, scoring
``CANDIDATE_FLOOR`` or more, are compared.

A statement that founds a cluster is given a story: the story of the best candidate cluster
by the topical score, when it reaches ``JOIN_THRESHOLD`` and the document is dated within
``STORY_WINDOW_DAYS`` of the story's dates; else a new story. The topical score is the mean of
the cosines between the content's embedding and a candidate's centroid and founding wording
(for a story: its centroid and its best candidate cluster's), plus ``WORD_WEIGHT`` times the
share of its content words the cluster has, plus ``ENTITY_BONUS`` when they share an entity
mentioned in the content (not a nationality: "Russian" says little). A statement and a cluster
that both name entities, none in common, are never one story: MiniLM scores "the bridge in
Kalosk was closed" and "the bridge in Venmisk was closed" above 0.8.

Contents too vague to state a proposition by themselves ("these inquiries", "weightless
allegations": fewer than ``MIN_WORDS`` content words and no entity) join no cluster; the
evidence view connects them to the claims of their own document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..handed import Handed
from ..model import Reading, Statement
from ..relation import same_proposition as relation_same_proposition
from ..relation.words import raw_stem
from ..store.links import LinkTables
from .across import MultilingualVectors
from .embeddings import from_bytes, to_bytes, unit
from .entity_lookups import EntityLookups
from .institutions import generic_institution, qualified_key
from .names import name_key, person_name
from .propositions import restates_with_detail
from .summaries import is_negative
from .titles import as_clause, clause_score, title_of

# Tuned on tests/data/linking and the sample article (benchmarks/link_quality.py): MiniLM gives
# paraphrases of one claim 0.55-0.9 when they name different places or people ("the port of
# Valmora will remain closed" / "the port would stay closed": 0.66) and different claims of one
# story up to 0.61 ("drones attacked airports" / "Kazakhstan supplied drone components"), so
# the share of the statement's content words found in the cluster counts too.
# That score was the join threshold of topical clusters; it now joins a new cluster to a story.
JOIN_THRESHOLD = 0.70
STORY_THRESHOLD = JOIN_THRESHOLD
WORD_WEIGHT = 0.2
ENTITY_BONUS = 0.04
STORY_WINDOW_DAYS = 60
PLAIN = ("assert", "report")
MIN_WORDS = 3
# The topical score only ranks the candidates for the word-by-word comparison: restatements in
# tests/data/linking score 0.70-0.92, and the floor leaves room for wordings sharing fewer words.
CANDIDATE_FLOOR = 0.45
COMPARED = 8
# A paraphrase shares at least one of the rarer words of what it restates; looking candidates up
# by the four rarest keeps the lookup small when common words ("said", "people") have thousands
# of clusters. The share of words in the score still counts all of them.
BLOCK_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+")


def content_words(text: str) -> list[str]:
    """Lower-case words of a content that carry meaning, as crude stems ("leaked" -> "leak")."""
    return list(_given_stems.get(text) or _content_stems(text))


STEMS_KEPT = 8192
STEMS_GIVEN = 20_000  # as many as the helper may send (contents only)
_given_stems: Handed[str, tuple[str, ...]] = Handed(STEMS_GIVEN)  # the linker's helper's (``framed``)


def remember_stems(stems: list[tuple[str, tuple[str, ...]]]) -> None:
    """Take (content, stems) pairs computed elsewhere: ``content_words`` answers them as computed here."""
    _given_stems.take(stems)


@lru_cache(maxsize=STEMS_KEPT)  # a statement's content is read for its keys and its vagueness
def _content_stems(text: str) -> tuple[str, ...]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return tuple(raw_stem(w) for w in words if len(w) > 2 and w not in STOP_WORDS)


def cluster_id_for(document_id: str, statement_id: str) -> str:
    return "c-" + hashlib.sha1(f"{document_id}:{statement_id}".encode()).hexdigest()[:12]


def story_id_for(document_id: str, statement_id: str) -> str:
    return "st-" + hashlib.sha1(f"story:{document_id}:{statement_id}".encode()).hexdigest()[:12]


@lru_cache(maxsize=65536)  # a cluster's wording meets the same contents again in copies of a report
def same_proposition(a: str, b: str) -> tuple[bool, bool]:
    """``hearsay.relation.same_proposition``, or else one wording restating the other with detail.

    On tests/data/linking the relation's test alone leaves the short denials of the tanker's leak
    apart from the claim they deny (cluster pairwise recall 0.64), the restatement test alone "the
    port would reopen on Friday" apart from "the port would stay closed until Friday" (0.91);
    together 1.00, precision 1.00 in all three.
    """
    same, opposite = relation_same_proposition(a, b)
    return (same, opposite) if same else restates_with_detail(a, b)


def joins(text: str, entities: int, cluster: sqlite3.Row, common_entities: int) -> bool | None:
    """Whether a content joins a cluster: None when it does not, else whether it states the negation.

    ``entities`` is how many linked entities the content names, ``common_entities`` how many of
    those the cluster has; ``cluster`` a candidate row (founding wording, title, entity count).
    """
    if entities > common_entities and cluster["entities"] > common_entities:
        return None  # each names someone or somewhere the other does not
    same, opposite = same_proposition(text, cluster["representative"])
    if same:
        return opposite
    if cluster["title"] and cluster["size"] > 1:
        same, opposite = same_proposition(text, cluster["title"])
        if same:
            return opposite != bool(cluster["title_opposite"])
    return None


def entities_in(reading: Reading, statement: Statement, mapping: dict[str, str]) -> set[str]:
    """Global ids of the entities mentioned inside the statement's content."""
    start, end = statement.content.start, statement.content.end
    return {
        mapping[m.entity]
        for m in reading.mentions
        if m.entity in mapping and m.start >= start and m.end <= end and m.label != "NORP"
    }


def source_entity(
    tables: LinkTables,
    reading: Reading,
    statement: Statement,
    mapping: dict[str, str],
    lookups: EntityLookups | None = None,
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
    generic = generic_institution(key)
    if generic is not None and generic[1] is not None:
        key = qualified_key(generic[0], generic[1])  # "Russia's Defence Ministry said"
    if " " not in key:
        for entity in reading.entities:
            if entity.id in mapping and entity.type == "PERSON":
                parsed = person_name(entity.name)
                if parsed is not None and parsed.surname == key:
                    return mapping[entity.id]
    if lookups is not None and len(named := lookups.named(key)) <= 1:
        return next(iter(named), None)  # (no order to read from the store)
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
class Candidate:
    """A candidate cluster for one statement, with its topical score."""

    row: sqlite3.Row
    score: float
    wording: float  # the cosine with the cluster's founding wording
    rest: float  # the score's word share and entity bonus
    common_entities: int
    other_entities: bool  # both name entities, none in common


@dataclass(slots=True)
class Clusterer:
    """Assigns the statements of one document to clusters and stories, given their content vectors.

    The key counts of a document are read in one query and written in one batch at its end; a
    statement sees the counts of the statements before it, in its document too.
    """

    tables: LinkTables
    lookups: EntityLookups | None = None  # the resolver's, for sources named by their words
    counts: dict[str, int] = field(default_factory=dict)  # key -> statements before this document
    counted: dict[str, int] = field(default_factory=dict)  # key -> statements of this document so far
    across: MultilingualVectors = field(init=False)

    def __post_init__(self) -> None:
        self.across = MultilingualVectors(self.tables)

    def assign(
        self,
        reading: Reading,
        mapping: dict[str, str],
        vectors: dict[str, np.ndarray],
        hashes: dict[str, str],
    ) -> int:
        """Cluster every statement with a vector; returns how many new clusters were founded.

        The clusters a document founds go to one story, the document's: the story most of its
        other statements' clusters are in, else the best story by the topical score, else a new one.
        """
        published = reading.published.isoformat() if reading.published else None
        self._read_counts(reading, mapping, hashes)
        founders: list[tuple[str, list[Candidate], np.ndarray, str, str]] = []
        members: list[tuple[str, str | None, np.ndarray, float]] = []  # cluster, its story, vector, weight
        self.across.cache_other_scripts([s.content.text for s in reading.statements if s.id in hashes])
        for statement in reading.statements:
            text_hash = hashes.get(statement.id)
            if text_hash is None:
                continue
            entities = entities_in(reading, statement, mapping)
            text = statement.content.text
            source = source_entity(self.tables, reading, statement, mapping, self.lookups)
            if is_vague(text, entities):
                self.tables.add_statement(reading.document_id, statement.id, None, source, 0.0, text_hash, ())
                continue
            keys = [f"e:{e}" for e in sorted(entities)] + [f"w:{w}" for w in sorted(set(content_words(text)))]
            vector = vectors[text_hash]
            # The same words again (a syndicated copy, a wire story retold) state the same claim.
            exact = self.tables.cluster_of_text(text_hash)
            candidates: list[Candidate] = []
            best: sqlite3.Row | None
            if exact is not None:
                best, score, opposite = exact, 1.0, bool(exact["opposite"])
            else:
                candidates = self._candidates(vector, keys)
                best, score, opposite = self._proposition(text, len(entities), candidates)
                if best is None:  # a report in another language (module ``across``)
                    best, score, opposite = self.across.join(text, len(entities), candidates) or (
                        None,
                        0.0,
                        False,
                    )
            plainly = not opposite and not is_negative(_row_of(statement)) and statement.stance in PLAIN
            worded = as_clause(text, statement.source.text, statement.cue.text)
            title_score = clause_score(worded, plainly_stated=plainly)
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
                    None,
                    title_of(worded),
                    title_score,
                )
                founders.append((cluster_id, candidates, vector, statement.id, title_of(worded)))
                members.append((cluster_id, None, vector, _weight(1, title_score)))
                similarity = 1.0
            else:
                cluster_id, similarity = best["id"], score
                self.tables.grow_cluster(
                    cluster_id, to_bytes(from_bytes(best["centroid"]) + vector), published
                )
                if title_score > best["title_score"]:
                    self.tables.retitle_cluster(cluster_id, title_of(worded), title_score, opposite)
                weight = _weight(best["size"] + 1, max(title_score, best["title_score"]))
                members.append((cluster_id, best["story_id"], vector, weight))
            self.tables.add_statement(
                reading.document_id,
                statement.id,
                cluster_id,
                source,
                float(similarity),
                text_hash,
                keys,
                opposite,
            )
        self.tables.count_keys_by(self.counted)
        self._tell_stories(reading.document_id, published, founders, members)
        return len(founders)

    def _read_counts(self, reading: Reading, mapping: dict[str, str], hashes: dict[str, str]) -> None:
        """The counts of every key the document's statements may look up, in one query."""
        keys: set[str] = set()
        for statement in reading.statements:
            if statement.id in hashes:
                keys.update(f"e:{e}" for e in entities_in(reading, statement, mapping))
                keys.update(f"w:{w}" for w in content_words(statement.content.text))
        self.counts = self.tables.key_counts(sorted(keys))
        self.counted = {}

    def _tell_stories(
        self, document_id: str, published: str | None, founders: list[Any], members: list[Any]
    ) -> None:
        """Put the document's new clusters in its story; add every statement to its cluster's story."""
        new = {cluster_id for cluster_id, *_ in founders}
        story_id = None
        if founders:
            story_id = self._document_story(members, founders, published)
            if story_id is None:
                cluster_id, _candidates, vector, statement_id, title = founders[0]
                story_id = story_id_for(document_id, statement_id)
                self.tables.create_story(
                    story_id, title, cluster_id, to_bytes(np.zeros_like(vector)), document_id, published
                )
            self.tables.set_story(sorted(new), story_id)
        grown: dict[str, tuple[np.ndarray, int]] = {}
        largest: dict[str, tuple[float, str]] = {}
        for cluster_id, story_of_cluster, vector, weight in members:
            story = story_id if cluster_id in new or story_of_cluster is None else story_of_cluster
            if story is None:
                continue  # a cluster linked before stories existed
            total, count = grown.get(story, (0.0, 0))
            grown[story] = (vector + total, count + 1)
            largest[story] = max(largest.get(story, (0.0, "")), (weight, cluster_id))
        rows = self.tables.stories(list(grown))
        for story, (total, count) in grown.items():
            centroid = from_bytes(rows[story]["centroid"]) + total
            weight, cluster_id = largest[story]
            titled_after = (cluster_id, weight) if weight > rows[story]["title_weight"] else None
            self.tables.grow_story(story, to_bytes(centroid), published, count, titled_after)

    def _document_story(self, members: list[Any], founders: list[Any], published: str | None) -> str | None:
        """The story of a document's new clusters (see ``assign``), or None for a new story."""
        votes: dict[str, int] = {}
        for _cluster, story, _vector, _size in members:
            if story is not None:
                votes[story] = votes.get(story, 0) + 1
        if votes:
            stories = self.tables.stories(list(votes))
            for story in sorted(votes, key=lambda s: (-votes[s], s)):
                row = stories.get(story)
                if row is not None and _within(published, row):
                    return story
        best, best_score = None, STORY_THRESHOLD
        for _cluster, candidates, vector, _statement, _title in founders:
            story, score = self._story(candidates, vector, published)
            if story is not None and score >= best_score:
                best, best_score = story, score
        return best

    def _blocking(self, keys: list[str]) -> list[str]:
        """The keys to look candidates up by: every entity, and the ``BLOCK_WORDS`` rarest words."""
        counts = {k: self.counts.get(k, 0) + self.counted.get(k, 0) for k in keys}
        for key in keys:
            self.counted[key] = self.counted.get(key, 0) + 1
        words = sorted((k for k in keys if k.startswith("w:")), key=lambda k: (counts.get(k, 0), k))
        return [k for k in keys if k.startswith("e:")] + words[:BLOCK_WORDS]

    def _candidates(self, vector: np.ndarray, keys: list[str]) -> list[Candidate]:
        """The clusters sharing a key, best topical score first."""
        rows = self.tables.cluster_candidates(self._blocking(keys), counting=keys)
        if not rows:
            return []
        word_count = max(1, sum(key.startswith("w:") for key in keys))
        has_entities = any(key.startswith("e:") for key in keys)
        centroids = np.frombuffer(b"".join(r["centroid"] for r in rows), dtype=np.float32)
        centroids = centroids.reshape(len(rows), -1)
        representatives = np.frombuffer(
            b"".join(r["representative_vector"] for r in rows), dtype=np.float32
        ).reshape(len(rows), -1)
        norms = np.maximum(np.linalg.norm(centroids, axis=1), 1e-12)
        wordings = representatives @ vector
        scores = ((centroids @ vector) / norms + wordings) / 2
        result = []
        for row, cosine, wording in zip(rows, scores.tolist(), wordings.tolist(), strict=True):
            common, common_entities = row["common"], row["common_entities"]
            rest = WORD_WEIGHT * (common - common_entities) / word_count + (
                ENTITY_BONUS if common_entities else 0
            )
            other = bool(has_entities and row["entities"] and not common_entities)
            result.append(Candidate(row, cosine + rest, wording, rest, common_entities, other))
        result.sort(key=lambda c: -c.score)
        return result

    def _proposition(
        self, text: str, entities: int, candidates: list[Candidate]
    ) -> tuple[sqlite3.Row | None, float, bool]:
        """The first candidate whose proposition the content states: (row, score, opposite)."""
        for candidate in candidates[:COMPARED]:
            if candidate.score < CANDIDATE_FLOOR:
                break
            opposite = joins(text, entities, candidate.row, candidate.common_entities)
            if opposite is not None:
                return candidate.row, candidate.score, opposite
        return None, 0.0, False

    def _story(
        self, candidates: list[Candidate], vector: np.ndarray, published: str | None
    ) -> tuple[str | None, float]:
        """The best story for a new cluster by the topical score: (story id, score), or (None, 0)."""
        best_of: dict[str, Candidate] = {}
        for candidate in candidates:
            story_id = candidate.row["story_id"]
            if story_id is None or candidate.other_entities or candidate.score < CANDIDATE_FLOOR:
                continue
            best_of.setdefault(story_id, candidate)
        stories = self.tables.stories(list(best_of))
        best: str | None = None
        best_score = 0.0
        for story_id, candidate in best_of.items():
            story = stories.get(story_id)
            if story is None or not _within(published, story):
                continue
            # The story's centroid stands for the incident as a whole, the cluster for one claim of it.
            on_story = (float(unit(from_bytes(story["centroid"])) @ vector) + candidate.wording) / 2
            score = max(candidate.score, on_story + candidate.rest)
            if score > best_score:
                best, best_score = story_id, score
        return best, best_score


def _weight(size: int, title_score: float) -> float:
    """What a story's title is chosen by: its largest cluster, of equals the best titled."""
    return size + max(title_score, 0.0) / 10


def _within(published: str | None, story: sqlite3.Row) -> bool:
    return _days_apart(published, story["first_published"], story["last_published"]) <= STORY_WINDOW_DAYS


def _row_of(statement: Statement) -> dict[str, Any]:
    return {"polarity": statement.polarity, "stance": statement.stance}
