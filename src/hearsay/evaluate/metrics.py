"""Scores predicted attributions against annotated ones in one document, and sums over documents.

Per role (source, cue, content): the distinct spans of each side are matched one to one by token
overlap (greedy, best first); a matched pair counts as an exact hit when both spans have the same
word tokens, and as an overlap hit at threshold t when their overlap is at least t.

Whole attributions: predicted and annotated attributions whose contents share a word token are
matched one to one, the pair with the largest sum of content, cue and source overlaps first
(greedy). A matched pair is *found* at threshold t when content overlap >= t, the cues share a
word token, and the source agrees: both have no source, or the sources share a word token, or
the annotated source names the predicted source's entity (see ``same_entity``). Exact: content,
cue and source spans all have the same tokens.

Source resolution: over pairs whose content overlap is at least 0.3 and whose annotated
attribution has a source, the share whose predicted source is the same entity.

Fields on matched attributions: over pairs matched on content (overlap >= 0.3) and cue (a shared
word token), the share whose source is right (``source_entity``; both without a source counts as
right). When hearsay's statements name the rules that produced them, each rule counts the
attributions it found (``right``) and its false positives and near misses (``errors``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .brat import ROLES, Attribution
from .cue_types import SOURCE_KINDS, TYPES, attribution_type, source_kind
from .overlap import TokenIndex, Tokens, match_one_to_one, overlap

THRESHOLDS = (0.3, 0.8)
LEVELS = ("exact", *(f"overlap_{t}" for t in THRESHOLDS))
RESOLUTION_THRESHOLD = 0.3
_WORD = re.compile(r"\w+")
# Words that do not name anybody: a source that shares only these with a name is not that entity.
NON_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "he",
        "she",
        "him",
        "her",
        "his",
        "hers",
        "they",
        "them",
        "their",
        "it",
        "its",
        "i",
        "we",
        "you",
        "who",
        "that",
        "this",
        "these",
        "those",
        "former",
        "president",
        "senator",
    ]
)


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted attribution and what hearsay's reading knows about its source's entity."""

    attribution: Attribution
    entity_mentions: tuple[tuple[int, int], ...] = ()
    entity_names: tuple[str, ...] = ()
    entity: str | None = None
    rules: tuple[str, ...] = ()


@dataclass(slots=True)
class _Side:
    tokens: dict[str, Tokens]

    @classmethod
    def of(cls, index: TokenIndex, attribution: Attribution) -> _Side:
        return cls({r: index.tokens(p.ranges) if (p := attribution.part(r)) else frozenset() for r in ROLES})


def prf(hits_predicted: int, predicted: int, hits_gold: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 rounded to 4 places; 0.0 where a count is zero."""
    precision = hits_predicted / predicted if predicted else 0.0
    recall = hits_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass(slots=True)
class Totals:
    """Counts summed over documents; ``to_dict`` turns them into figures."""

    gold: int = 0
    predicted: int = 0
    role_gold: Counter = field(default_factory=Counter)
    role_predicted: Counter = field(default_factory=Counter)
    role_hits: Counter = field(default_factory=Counter)  # (role, level) -> matched pairs
    whole_hits: Counter = field(default_factory=Counter)  # level -> found attributions
    resolved: int = 0
    resolvable: int = 0
    type_gold: Counter = field(default_factory=Counter)  # type -> annotated
    type_found: Counter = field(default_factory=Counter)  # type -> annotated found at 0.3
    type_predicted: Counter = field(default_factory=Counter)
    type_correct: Counter = field(default_factory=Counter)  # type -> predicted that found one at 0.3
    field_matched: int = 0  # pairs matched on content and cue
    source_right: int = 0  # of those, with the right source
    rule_right: Counter = field(default_factory=Counter)  # rule -> attributions found
    rule_errors: Counter = field(default_factory=Counter)  # rule -> false positives and near misses

    def add(self, other: Totals) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.resolved += other.resolved
        self.resolvable += other.resolvable
        self.field_matched += other.field_matched
        self.source_right += other.source_right
        for name in (
            "role_gold",
            "role_predicted",
            "role_hits",
            "whole_hits",
            "type_gold",
            "type_found",
            "type_predicted",
            "type_correct",
            "rule_right",
            "rule_errors",
        ):
            getattr(self, name).update(getattr(other, name))

    def to_dict(self) -> dict[str, Any]:
        whole = {
            level: prf(self.whole_hits[level], self.predicted, self.whole_hits[level], self.gold)
            for level in LEVELS
        }
        for level in LEVELS:
            whole[level]["found"] = self.whole_hits[level]
        roles = {
            role: {
                "gold": self.role_gold[role],
                "predicted": self.role_predicted[role],
                **{
                    level: prf(
                        self.role_hits[role, level],
                        self.role_predicted[role],
                        self.role_hits[role, level],
                        self.role_gold[role],
                    )
                    for level in LEVELS
                },
            }
            for role in ROLES
        }
        by_type = {}
        for name in (*TYPES, *(f"source_{k}" for k in SOURCE_KINDS)):
            gold, found = self.type_gold[name], self.type_found[name]
            predicted, correct = self.type_predicted[name], self.type_correct[name]
            by_type[name] = {
                "gold": gold,
                "found": found,
                "recall": round(found / gold, 4) if gold else 0.0,
                "predicted": predicted,
                "correct": correct,
                "precision": round(correct / predicted, 4) if predicted else 0.0,
            }
        return {
            "gold_attributions": self.gold,
            "predicted_attributions": self.predicted,
            "whole": whole,
            "roles": roles,
            "source_resolution": {
                "accuracy": round(self.resolved / self.resolvable, 4) if self.resolvable else 0.0,
                "resolved": self.resolved,
                "of": self.resolvable,
            },
            "by_type": by_type,
            "fields": self.fields(),
        }

    def fields(self) -> dict[str, Any]:
        matched = self.field_matched
        rules = sorted(set(self.rule_right) | set(self.rule_errors))
        return {
            "matched": matched,
            "source_entity": {
                "right": self.source_right,
                "of": matched,
                "accuracy": round(self.source_right / matched, 4) if matched else 0.0,
            },
            "errors_by_field": {"source_entity": matched - self.source_right},
            "by_rule": {r: {"right": self.rule_right[r], "errors": self.rule_errors[r]} for r in rules},
        }


def types_of(attribution: Attribution, text: str) -> tuple[str, str]:
    """The primary type and the ``source_<kind>`` of an attribution."""
    return attribution_type(attribution, text), f"source_{source_kind(attribution)}"


def same_entity(
    index: TokenIndex, gold_source: Tokens, predicted: Predicted, predicted_source: Tokens
) -> bool:
    """Whether the annotated source names the predicted source's entity.

    True when the annotated source span shares a word token with the predicted source span or
    with any mention of the predicted entity in hearsay's reading (its names and the pronouns it
    resolved), or when every name word of the annotated source (titles and pronouns left out)
    is a word of the entity's name or aliases.
    """
    if gold_source & predicted_source:
        return True
    mentions = index.tokens(predicted.entity_mentions)
    if gold_source & mentions:
        return True
    names = {w.lower() for name in predicted.entity_names for w in _WORD.findall(name)}
    gold_words = {w for w in index.words(gold_source) if w not in NON_NAMES}
    return bool(names and gold_words) and gold_words <= names


@dataclass(slots=True)
class DocumentScore:
    """The counts of one document and its errors (misses, false positives, near misses)."""

    totals: Totals
    errors: list[dict[str, Any]]


def score_document(text: str, gold: list[Attribution], predicted: list[Predicted]) -> DocumentScore:
    """Score ``predicted`` against ``gold`` over one document's ``text``."""
    index = TokenIndex(text)
    totals = Totals(gold=len(gold), predicted=len(predicted))
    gold_sides = [_Side.of(index, a) for a in gold]
    predicted_sides = [_Side.of(index, p.attribution) for p in predicted]
    _score_roles(totals, gold_sides, predicted_sides)

    def pair_score(g: int, p: int) -> tuple[float, ...]:
        gs, ps = gold_sides[g].tokens, predicted_sides[p].tokens
        content, cue, source = (overlap(gs[role], ps[role]) for role in ("content", "cue", "source"))
        return (content + cue + source if content else 0.0, content, cue)

    matches = match_one_to_one(range(len(gold)), range(len(predicted)), pair_score)
    found_gold: set[int] = set()
    found_predicted: set[int] = set()
    errors: list[dict[str, Any]] = []
    for g, p, (_, content, cue) in matches:
        gs, ps = gold_sides[g].tokens, predicted_sides[p].tokens
        source_ok = _source_agrees(index, gs["source"], predicted[p], ps["source"])
        for level, ok in _levels(gs, ps, content, cue, source_ok).items():
            totals.whole_hits[level] += ok
        found = content >= THRESHOLDS[0] and cue > 0 and source_ok
        if content >= THRESHOLDS[0] and cue > 0:
            totals.field_matched += 1
            totals.source_right += source_ok
        if found:
            found_gold.add(g)
            found_predicted.add(p)
        if content >= RESOLUTION_THRESHOLD and gs["source"]:
            totals.resolvable += 1
            totals.resolved += bool(ps["source"]) and same_entity(
                index, gs["source"], predicted[p], ps["source"]
            )
        if not found:
            totals.rule_errors.update(predicted[p].rules)
            wrong = {"field": "source_entity"} if content >= THRESHOLDS[0] and cue > 0 else {}
            errors.append(
                _error(
                    "near_miss",
                    text,
                    gold[g],
                    predicted[p],
                    content=content,
                    cue=cue,
                    source_ok=source_ok,
                    **wrong,
                )
            )
    matched_predicted = {p for _, p, _ in matches}
    matched_gold = {g for g, _, _ in matches}
    for g, attribution in enumerate(gold):
        for name in types_of(attribution, text):
            totals.type_gold[name] += 1
            totals.type_found[name] += g in found_gold
        if g not in matched_gold:
            errors.append(_error("miss", text, attribution, None))
    for p, item in enumerate(predicted):
        for name in types_of(item.attribution, text):
            totals.type_predicted[name] += 1
            totals.type_correct[name] += p in found_predicted
        if p in found_predicted:
            totals.rule_right.update(item.rules)
        if p not in matched_predicted:
            totals.rule_errors.update(item.rules)
            errors.append(_error("false_positive", text, None, item))
    return DocumentScore(totals, errors)


def _source_agrees(index: TokenIndex, gold: Tokens, predicted: Predicted, predicted_tokens: Tokens) -> bool:
    if not gold:
        return not predicted_tokens
    return bool(predicted_tokens) and same_entity(index, gold, predicted, predicted_tokens)


def _levels(gs: dict[str, Tokens], ps: dict[str, Tokens], content: float, cue: float, source_ok: bool):
    exact = all(gs[role] == ps[role] for role in ROLES) and bool(gs["content"])
    levels = {"exact": exact}
    for threshold in THRESHOLDS:
        levels[f"overlap_{threshold}"] = content >= threshold and cue > 0 and source_ok
    return levels


def _score_roles(totals: Totals, gold_sides: list[_Side], predicted_sides: list[_Side]) -> None:
    for role in ROLES:
        gold = _distinct(side.tokens[role] for side in gold_sides)
        predicted = _distinct(side.tokens[role] for side in predicted_sides)
        totals.role_gold[role] += len(gold)
        totals.role_predicted[role] += len(predicted)
        for g, p, (value,) in match_one_to_one(gold, predicted, lambda a, b: (overlap(a, b),)):
            totals.role_hits[role, "exact"] += gold[g] == predicted[p]
            for threshold in THRESHOLDS:
                totals.role_hits[role, f"overlap_{threshold}"] += value >= threshold


def _distinct(token_sets) -> list[Tokens]:
    """Non-empty token sets, each once, in first-seen order."""
    return list(dict.fromkeys(t for t in token_sets if t))


def _error(
    kind: str, text: str, gold: Attribution | None, predicted: Predicted | None, **details: Any
) -> dict[str, Any]:
    record: dict[str, Any] = {"error": kind}
    if gold is not None:
        record["type"], record["source_kind"] = types_of(gold, text)
        record["gold"] = gold.to_dict()
    if predicted is not None:
        record["predicted_type"] = attribution_type(predicted.attribution, text)
        record["predicted"] = predicted.attribution.to_dict()
        if predicted.rules:
            record["rules"] = list(predicted.rules)
    for key, value in details.items():
        record[key] = round(value, 3) if isinstance(value, float) else value
    return record
