"""Cross-document entities scored on ECB+: each topic ingested and linked as hearsay does it.

Per topic, the documents of both sub-topics (ECB and ECB+) are extracted, stored in a fresh
temporary SQLite store and linked with ``link_corpus``, the code behind ``hearsay ingest`` and
``hearsay link``. hearsay's global entities are then scored against ECB+'s entity chains.

Which mentions are scored (only the annotated sentences of ``ECBplus_coreference_sentences.csv``):

* gold: entity markables (``HUMAN_PART_*``, ``NON_HUMAN_PART*``, ``LOC_*``; not times or actions);
* predicted: hearsay's mentions (names only: hearsay does not resolve pronouns or common nouns);
* a predicted mention *matches* the gold mention it shares the most tokens with (Dice of the two
  token sets; at least half of the predicted tokens inside the gold mention; overlapping the
  gold head, its words before a preposition, comma or conjunction, and not only premodifying
  it: "Paris" is not "a boutique in Paris", "Texas" not "a Texas inmate"), one to one, best
  pairs first. Coreference is scored on the matched mentions only, gold chains against hearsay's
  entities, with singletons; mention recall is matched / named gold mentions (those whose head
  ends in a capitalised word, outside title-case headlines, and those matched), and predicted
  mentions that match no gold entity mention are counted, not scored.

Merge precision: of the pairs of matched mentions in different documents that hearsay put in
one entity, the share that are in one gold chain.
"""

from __future__ import annotations

import bisect
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest.identity import document_id
from ..model import Document, Reading
from .coref_metrics import conll
from .ecbplus_corpus import EcbDocument, GoldMention, annotated_sentences, digest, read_document, topic_files
from .error_lines import write_error_lines

DEFAULT_TOPICS = tuple(range(1, 36))
MATCH_RULE = (
    "a hearsay mention matches the gold entity mention sharing the most tokens with it (Dice), "
    "with at least half of its tokens inside, overlapping the gold head (the words before a "
    "preposition, comma or conjunction) and not only premodifying it; one to one"
)
# Words that end the head of a gold mention: "the Promises Treatment Center [in Malibu]".
HEAD_ENDS = frozenset(
    {
        "in",
        "at",
        "on",
        "near",
        "from",
        "outside",
        "for",
        "with",
        ",",
        "(",
        "and",
        "or",
        "-",
        "–",
        "who",
        "which",
        "that",
        "where",
    }
)


@dataclass(frozen=True, slots=True)
class Predicted:
    document: str
    tokens: tuple[int, ...]
    entity: str  # the global entity id, or "<document>#<local id>" when it was not linked
    text: str


@dataclass(frozen=True, slots=True)
class Scored:
    gold: GoldMention
    predicted: Predicted
    topic: int


def load_topics(data_dir: str | Path, topics: Iterable[int]) -> dict[int, list[EcbDocument]]:
    selected = annotated_sentences(data_dir)
    return {
        topic: [read_document(path, selected.get(path.name.removesuffix(".xml"), set())) for path in paths]
        for topic, paths in topic_files(data_dir, topics).items()
    }


def as_document(ecb: EcbDocument) -> Document:
    return Document(id=document_id(ecb.text), text=ecb.text, language="en", source_path=ecb.name)


def link_topic(documents: list[EcbDocument], readings: list[Reading]) -> dict[tuple[str, str], str]:
    """Store the topic's readings in a fresh SQLite store and link them: (document id, local id) -> entity."""
    from ..link import link_corpus
    from ..store import Store

    with (
        tempfile.TemporaryDirectory(prefix="hearsay-ecbplus-") as folder,
        Store(Path(folder) / "topic.db") as store,
    ):
        for ecb, reading in zip(documents, readings, strict=True):
            store.put(reading.document or as_document(ecb), reading)
        link_corpus(store)
        rows = store._conn.execute("SELECT document_id, local_id, entity_id FROM link_members").fetchall()
    return {(row["document_id"], row["local_id"]): row["entity_id"] for row in rows}


def predicted_mentions(
    ecb: EcbDocument, reading: Reading, entities: dict[tuple[str, str], str]
) -> list[Predicted]:
    """hearsay's mentions in the annotated sentences, as token positions, with their global entity."""
    starts = [token.start for token in ecb.tokens]
    found = []
    for mention in reading.mentions:
        first = max(bisect.bisect_right(starts, mention.start) - 1, 0)
        tokens = tuple(
            i
            for i in range(first, len(ecb.tokens))
            if ecb.tokens[i].start < mention.end and ecb.tokens[i].end > mention.start
        )
        if not tokens or ecb.tokens[tokens[0]].sentence not in ecb.sentences:
            continue
        entity = entities.get((reading.document_id, mention.entity), f"{ecb.name}#{mention.entity}")
        found.append(Predicted(ecb.name, tokens, entity, mention.text))
    return found


def match(ecb: EcbDocument, predicted: list[Predicted]) -> list[tuple[GoldMention, Predicted]]:
    """One-to-one pairs of gold and predicted mentions of one document, best overlap first."""
    gold = list(ecb.mentions)
    heads = [head_tokens(ecb, mention) for mention in gold]
    options = []
    for p, mention in enumerate(predicted):
        mine = set(mention.tokens)
        for g, other in enumerate(gold):
            shared = len(mine & set(other.tokens))
            if shared and 2 * shared >= len(mine) and _names_head(ecb, mention, heads[g]):
                options.append((2 * shared / (len(mine) + len(other.tokens)), -g, p, g))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _dice, _order, p, g in sorted(options, reverse=True):
        if p in used_predicted or g in used_gold:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((gold[g], predicted[p]))
    return pairs


def head_tokens(ecb: EcbDocument, mention: GoldMention) -> tuple[int, ...]:
    """The gold mention up to its first post-modifier: "a boutique [in Paris]", "Italy [and Egypt]"."""
    tokens = mention.tokens
    for n, i in enumerate(tokens[1:], start=1):
        token = ecb.tokens[i]
        if ecb.text[token.start : token.end].lower() in HEAD_ENDS:
            return tokens[:n]
    return tokens


def _names_head(ecb: EcbDocument, mention: Predicted, head: tuple[int, ...]) -> bool:
    """The predicted name overlaps the head and is not only its premodifier ("Texas [inmate]")."""
    if not set(mention.tokens) & set(head):
        return False
    after = [i for i in head if i > mention.tokens[-1]]
    return not any(ecb.text[ecb.tokens[i].start : ecb.tokens[i].end].islower() for i in after)


def is_named(ecb: EcbDocument, mention: GoldMention, headlines: set[int]) -> bool:
    """The gold head ends in a capitalised word: "Tara Reid", "the Betty Ford Center", not "a
    Paris boutique"; in a headline written in capitals, where every word is, none counts."""
    head = head_tokens(ecb, mention)
    if ecb.tokens[head[0]].sentence in headlines:
        return False
    words = [ecb.text[ecb.tokens[i].start : ecb.tokens[i].end] for i in head]
    words = [w for w in words if any(c.isalpha() for c in w)]
    return bool(words) and words[-1][0].isupper() and words[-1] != "I"


def headline_sentences(ecb: EcbDocument) -> set[int]:
    """Sentences written in title case or capitals: most of their words start with a capital."""
    words: dict[int, list[str]] = defaultdict(list)
    for token in ecb.tokens:
        word = ecb.text[token.start : token.end]
        if word.isalpha() and len(word) > 3:
            words[token.sentence].append(word)
    return {
        n
        for n, found in words.items()
        if len(found) >= 3 and sum(w[0].isupper() for w in found) >= 0.7 * len(found)
    }


def read_topics(topics: dict[int, list[EcbDocument]], batch_size: int = 16) -> Iterator[Reading]:
    from ..extract.pipeline import extract_many

    ordered = (as_document(ecb) for documents in topics.values() for ecb in documents)
    yield from extract_many(ordered, batch_size=batch_size)


def evaluate_ecbplus(
    data_dir: str | Path, topics: Iterable[int] = DEFAULT_TOPICS, errors_path: str | Path | None = None
) -> dict[str, Any]:
    """Extract, link and score the ECB+ topics; optionally write one JSON line per error."""
    started = time.perf_counter()
    loaded = load_topics(data_dir, topics)
    readings = read_topics(loaded)
    scored: list[Scored] = []
    counts: defaultdict[str, int] = defaultdict(int)
    missed: list[dict[str, Any]] = []
    for topic, documents in loaded.items():
        topic_readings = [next(readings) for _ in documents]
        entities = link_topic(documents, topic_readings)
        for ecb, reading in zip(documents, topic_readings, strict=True):
            predicted = predicted_mentions(ecb, reading, entities)
            pairs = match(ecb, predicted)
            matched = {gold.id for gold, _ in pairs}
            headlines = headline_sentences(ecb)
            named = [m for m in ecb.mentions if m.id in matched or is_named(ecb, m, headlines)]
            counts["documents"] += 1
            counts["gold_mentions"] += len(ecb.mentions)
            counts["named_gold_mentions"] += len(named)
            counts["predicted_mentions"] += len(predicted)
            counts["matched"] += len(pairs)
            scored += [Scored(gold, mine, topic) for gold, mine in pairs]
            missed += [_missed(ecb, m) for m in named if m.id not in matched]
    figures = score(scored)
    errors = [*merge_errors(scored), *missed]
    if errors_path is not None:
        write_error_lines(errors_path, errors)
    paths = [ecb.path for documents in loaded.values() for ecb in documents]
    return {
        "dataset": "ecbplus",
        "data": str(data_dir),
        "topics": sorted(loaded),
        "documents": counts["documents"],
        "match_rule": MATCH_RULE,
        "mentions": {
            "gold_entity_mentions": counts["gold_mentions"],
            "named_gold_mentions": counts["named_gold_mentions"],
            "predicted": counts["predicted_mentions"],
            "scored": counts["matched"],
            "unmatched_predicted": counts["predicted_mentions"] - counts["matched"],
            "recall": _ratio(counts["matched"], counts["named_gold_mentions"]),
        },
        **figures,
        "data_sha256": digest(paths, data_dir),
        "elapsed_s": round(time.perf_counter() - started, 1),
    }


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def score(scored: list[Scored]) -> dict[str, Any]:
    """CoNLL scores on the scored mentions, the merge precision, and chain counts."""
    key = _clusters(scored, lambda s: (s.topic, s.gold.chain))
    response = _clusters(scored, lambda s: (s.topic, s.predicted.entity))
    pairs = correct = 0
    by_entity: dict[Any, list[Scored]] = defaultdict(list)
    for item in scored:
        by_entity[(item.topic, item.predicted.entity)].append(item)
    for items in by_entity.values():
        for i, one in enumerate(items):
            for other in items[i + 1 :]:
                if one.predicted.document != other.predicted.document:
                    pairs += 1
                    correct += one.gold.chain == other.gold.chain
    return {
        "coreference": conll(key, response),
        "merges": {"cross_document_pairs": pairs, "correct": correct, "precision": _ratio(correct, pairs)},
        "chains": {
            "gold": len(key),
            "predicted": len(response),
            "gold_singletons": sum(len(c) == 1 for c in key),
        },
    }


def _clusters(scored: list[Scored], by) -> list[frozenset[str]]:
    groups: dict[Any, set[str]] = defaultdict(set)
    for item in scored:
        groups[by(item)].add(item.gold.id)
    return [frozenset(members) for members in groups.values()]


def merge_errors(scored: list[Scored]) -> Iterator[dict[str, Any]]:
    """One record per hearsay entity that mixes gold chains and per gold chain hearsay split."""
    for kind, by, other in (
        ("wrong_merge", lambda s: (s.topic, s.predicted.entity), lambda s: s.gold.chain),
        ("split_chain", lambda s: (s.topic, s.gold.chain), lambda s: s.predicted.entity),
    ):
        groups: dict[Any, list[Scored]] = defaultdict(list)
        for item in scored:
            groups[by(item)].append(item)
        for (topic, name), members in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
            parts: dict[str, list[str]] = defaultdict(list)
            for item in members:
                parts[other(item)].append(f"{item.predicted.text} ({item.predicted.document})")
            if len(parts) > 1:
                yield {"kind": kind, "topic": topic, "group": name, "parts": dict(parts)}


def _missed(ecb: EcbDocument, mention: GoldMention) -> dict[str, Any]:
    start, end = ecb.tokens[mention.tokens[0]].start, ecb.tokens[mention.tokens[-1]].end
    return {"kind": "missed_mention", "document": ecb.name, "type": mention.type, "text": ecb.text[start:end]}
