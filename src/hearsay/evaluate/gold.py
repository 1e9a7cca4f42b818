"""Scores a reading against a hand-made reference reading (the ``*.gold.json`` format).

Matching rule (DESIGN.md): a predicted statement matches a reference statement when its source
resolves to the same entity (or both are anonymous) and its content covers at least half of the
reference content's word tokens. Matching is one to one, best overlap first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Entity, Reading, Statement
from .error_lines import write_error_lines
from .fields import FieldTally, gold_fields

_WORD = re.compile(r"\w+")
PRONOUNS = {"he", "she", "him", "her", "they", "it"}


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def coverage(reference: str, predicted: str) -> float:
    """Share of the reference's word tokens that the prediction contains (multiset)."""
    ref, pred = words(reference), words(predicted)
    if not ref:
        return 0.0
    pool: dict[str, int] = {}
    for word in pred:
        pool[word] = pool.get(word, 0) + 1
    hits = 0
    for word in ref:
        if pool.get(word, 0) > 0:
            pool[word] -= 1
            hits += 1
    return hits / len(ref)


@dataclass
class GoldScore:
    statements_gold: int = 0
    statements_predicted: int = 0
    statements_matched: int = 0
    factuality_agree: dict[str, int] = field(
        default_factory=lambda: {"certainty": 0, "polarity": 0, "stance": 0}
    )
    entities_gold: int = 0
    entities_found: int = 0
    entity_misses: list[str] = field(default_factory=list)
    times_gold: int = 0
    times_found: int = 0
    variants_merged: bool = False
    unmatched_gold: list[str] = field(default_factory=list)
    unmatched_predicted: list[str] = field(default_factory=list)
    fields: FieldTally = field(default_factory=lambda: FieldTally(()))

    @property
    def precision(self) -> float:
        return self.statements_matched / self.statements_predicted if self.statements_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.statements_matched / self.statements_gold if self.statements_gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        matched = self.statements_matched or 1
        return {
            "statements": {
                "gold": self.statements_gold,
                "predicted": self.statements_predicted,
                "matched": self.statements_matched,
                "precision": round(self.precision, 3),
                "recall": round(self.recall, 3),
            },
            "factuality_accuracy_on_matched": {
                k: round(v / matched, 3) for k, v in self.factuality_agree.items()
            },
            "entities": {
                "gold": self.entities_gold,
                "found_with_type": self.entities_found,
                "missed": self.entity_misses,
            },
            "times": {"gold": self.times_gold, "found_with_value": self.times_found},
            "spelling_variants_merged": self.variants_merged,
            "unmatched_gold": self.unmatched_gold,
            "unmatched_predicted": self.unmatched_predicted,
            "fields": self.fields.to_dict(),
        }

    def errors(self) -> list[dict[str, Any]]:
        """One record per missed and extra statement and per wrong field of a matched one."""
        return [
            *({"error": "miss", "statement": line} for line in self.unmatched_gold),
            *({"error": "extra", "statement": line} for line in self.unmatched_predicted),
            *self.fields.errors,
        ]


def load_gold(path: str | Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _gold_type(entity: dict[str, Any]) -> str:
    return "OUTLET" if entity.get("kind") == "outlet" else entity["type"]


def _names(entity: Entity) -> set[str]:
    return {a for a in (entity.name, *entity.aliases) if a.lower() not in PRONOUNS}


class _Matcher:
    def __init__(self, gold: dict[str, Any], reading: Reading) -> None:
        self.gold_entities = gold.get("entities", [])
        self.reading = reading

    def gold_entity_of(self, predicted: Entity | None) -> dict[str, Any] | None:
        if predicted is None:
            return None
        names = _names(predicted)
        return next((g for g in self.gold_entities if names & {a for a in g["aliases"]}), None)

    def source_matches(self, gold_source: str | None, statement: Statement) -> bool:
        predicted = self.reading.entity(statement.source.entity)
        if gold_source is None:
            return predicted is None and statement.source.text is None
        gold_entity = next((g for g in self.gold_entities if gold_source in g["aliases"]), None)
        if gold_entity is not None:
            return self.gold_entity_of(predicted) is gold_entity
        return predicted is None and coverage(gold_source, statement.source.text or "") >= 0.5


def score_reading(gold: dict[str, Any], reading: Reading) -> GoldScore:
    """Statement precision/recall, factuality agreement, fields on matched statements, entities, times.

    Statements match in two passes: first with the same source (the matching rule the figures
    report), then, for the reference statements left, on content alone, so that a statement found
    with the wrong source counts as a wrong ``source_entity`` field rather than disappearing.
    """
    matcher = _Matcher(gold, reading)
    score = GoldScore(statements_gold=len(gold["statements"]), statements_predicted=len(reading.statements))
    score.fields = FieldTally(gold_fields(gold))
    free = list(reading.statements)
    left = []
    for item in gold["statements"]:
        best = _best(item, free, lambda s, item=item: matcher.source_matches(item["source"], s))
        if best is None:
            left.append(item)
            continue
        free.remove(best)
        score.statements_matched += 1
        for key in ("certainty", "polarity", "stance"):
            score.factuality_agree[key] += int(getattr(best, key) == item[key])
        score.fields.add(item, best, source_right=True)
    score.unmatched_predicted = [f"{s.source.text} | {s.cue.text} | {s.content.text}" for s in free]
    for item in left:
        score.unmatched_gold.append(f"{item['source']} | {item['cue']} | {item['content']}")
        best = _best(item, free, lambda s: True)
        if best is not None:
            free.remove(best)
            score.fields.add(item, best, source_right=False)
    for statement in free:
        score.fields.extra(statement)
    _score_entities(gold, reading, matcher, score)
    _score_times(gold, reading, score)
    return score


def _best(item: dict[str, Any], free: list[Statement], allowed) -> Statement | None:
    """The free statement covering at least half of ``item``'s content best, among the ``allowed``."""
    candidates = [(coverage(item["content"], s.content.text), s) for s in free if allowed(s)]
    candidates = [(c, s) for c, s in candidates if c >= 0.5]
    return max(candidates, key=lambda pair: pair[0])[1] if candidates else None


def _score_entities(gold: dict[str, Any], reading: Reading, matcher: _Matcher, score: GoldScore) -> None:
    score.entities_gold = len(gold.get("entities", []))
    for entity in gold.get("entities", []):
        wanted_type = _gold_type(entity)
        found = [e for e in reading.entities if matcher.gold_entity_of(e) is entity and e.type == wanted_type]
        if found:
            score.entities_found += 1
        else:
            score.entity_misses.append(f"{entity['canonical']} ({_gold_type(entity)})")
        names = _distinct_forms(entity["aliases"])
        if len(names) >= 2 and any(names <= _names(e) for e in reading.entities):
            score.variants_merged = True


def _distinct_forms(aliases: list[str]) -> set[str]:
    """Aliases that are neither pronouns nor part of a longer alias ("Smadiyarov" in "Aybek Smadiyarov")."""
    names = {a for a in aliases if a.lower() not in PRONOUNS}
    return {a for a in names if not any(a != b and a in b for b in names)}


def _score_times(gold: dict[str, Any], reading: Reading, score: GoldScore) -> None:
    score.times_gold = len(gold.get("times", []))
    predicted = {(t.text, t.value) for t in reading.times}
    score.times_found = sum((t["text"], t["value"]) in predicted for t in gold.get("times", []))


def evaluate_gold(
    gold_path: str | Path,
    published: dt.date | None = None,
    evidence_path: str | Path | None = None,
    errors_path: str | Path | None = None,
) -> dict[str, Any]:
    """Read the article a ``*.gold.json`` names (beside it) and score hearsay's reading of it.

    ``published`` overrides the reference reading's own date (relative dates are read against it).
    The evidence gold (``evidence_path``, else ``*.evidence.json`` beside the gold) is scored too.
    ``errors_path`` gets one JSON line per missed or extra statement and per wrong field.
    """
    from ..errors import InputError
    from ..extract.pipeline import extract
    from ..ingest.identity import make_document
    from .evidence_gold import evidence_gold_beside, load_evidence_gold, score_evidence

    path = Path(gold_path)
    try:
        gold = load_gold(path)
        article = path.parent / gold["document"]
        text = article.read_text(encoding="utf-8")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(
            f"is not a readable reference reading with its article: {error}", where=str(path)
        ) from None
    if published is None and gold.get("published"):
        published = dt.date.fromisoformat(gold["published"])
    reading = extract(make_document(text, published=published, source_path=str(article)))
    digest = hashlib.sha256(path.read_bytes() + b"\n" + article.read_bytes()).hexdigest()
    scored = score_reading(gold, reading)
    if errors_path is not None:
        write_error_lines(errors_path, scored.errors())
    figures = {
        "dataset": "gold",
        "gold": str(path),
        "document": str(article),
        "data_sha256": digest,
        **scored.to_dict(),
    }
    evidence_file = Path(evidence_path) if evidence_path else evidence_gold_beside(path)
    if evidence_file is not None:
        try:
            evidence_gold = load_evidence_gold(evidence_file)
        except (OSError, ValueError) as error:
            raise InputError(f"is not a readable evidence gold: {error}", where=str(evidence_file)) from None
        figures["evidence_gold"] = str(evidence_file)
        figures["evidence"] = score_evidence(evidence_gold, reading, _Matcher(gold, reading).source_matches)
    return figures
