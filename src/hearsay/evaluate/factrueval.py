"""factRuEval-2016 Track 1: Russian person, location and organisation mentions.

The data is the shared task's standoff layout (any folder with ``*.txt``, ``*.tokens``, ``*.spans``,
``*.objects``, like its devset or testset). Scoring follows the task's own comparator
(dialent/task1/eval.py, "locorg disabled" mode), restated here:

- each annotated object is the set of its spans' tokens; LocOrg counts as a location;
- annotated objects inside another annotated object ("Москвы" in "мэрии Москвы") and objects
  without a name span (only a descriptor or job) are ignored whether found or not;
- annotated and predicted mentions of one type are paired one to one, best first (the comparator
  solves the assignment exactly; best-first gives the same pairs when overlaps do not compete);
- a pair earns ``tp / (tp + fn + fp)`` where tp and fn count the annotated object's name tokens
  (descriptors such as "мэрии" and jobs weigh nothing) and fp the predicted tokens outside it;
- precision = earned / (pairs + unpaired predicted), recall = earned / (pairs + unpaired annotated).

hearsay's labels map as PERSON → PER, GPE/LOC → LOC, ORG/OUTLET → ORG.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document, Reading

TYPES = ("PER", "LOC", "ORG")
GOLD_TYPES = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}
PREDICTED_TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "OUTLET": "ORG"}
NAME_SPANS = frozenset({"name", "surname", "patronymic", "nickname", "org_name", "loc_name", "prj_name"})


@dataclass(frozen=True, slots=True)
class GoldMention:
    type: str
    tokens: frozenset[int]
    named: frozenset[int]  # the tokens of its name spans (the ones that weigh)


@dataclass(slots=True)
class GoldDocument:
    name: str
    text: str
    tokens: list[tuple[int, int]]  # (start, end) per token id order
    token_ids: list[int]
    mentions: list[GoldMention]


@dataclass(slots=True)
class TypeScore:
    earned: float = 0.0
    pairs: int = 0
    unpaired_gold: int = 0
    unpaired_predicted: int = 0

    def figures(self) -> dict[str, float | int]:
        predicted = self.pairs + self.unpaired_predicted
        gold = self.pairs + self.unpaired_gold
        precision = self.earned / predicted if predicted else 0.0
        recall = self.earned / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "gold": gold,
            "predicted": predicted,
        }


@dataclass(slots=True)
class FactRuScore:
    by_type: dict[str, TypeScore] = field(default_factory=lambda: {t: TypeScore() for t in TYPES})

    def to_dict(self) -> dict[str, Any]:
        total = TypeScore()
        for score in self.by_type.values():
            total.earned += score.earned
            total.pairs += score.pairs
            total.unpaired_gold += score.unpaired_gold
            total.unpaired_predicted += score.unpaired_predicted
        return {**{t.lower(): s.figures() for t, s in self.by_type.items()}, "overall": total.figures()}


def load_document(txt: Path) -> GoldDocument:
    """One document of the standoff layout: its text, tokens and Track 1 objects."""
    stem = txt.with_suffix("")
    text = txt.read_text(encoding="utf-8")
    ids, spans = [], []
    for line in stem.with_suffix(".tokens").read_text(encoding="utf-8").splitlines():
        cells = line.split()
        if len(cells) >= 3:
            ids.append(int(cells[0]))
            spans.append((int(cells[1]), int(cells[1]) + int(cells[2])))
    span_tokens: dict[str, tuple[str, list[int]]] = {}
    for line in stem.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        cells = line.split("#")[0].split()
        if len(cells) >= 6:
            first = ids.index(int(cells[4]))
            span_tokens[cells[0]] = (cells[1], ids[first : first + int(cells[5])])
    mentions = []
    for line in stem.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        cells = line.split("#")[0].split()
        if len(cells) >= 3 and cells[1] in GOLD_TYPES:
            parts = [span_tokens[s] for s in cells[2:] if s in span_tokens]
            tokens = frozenset(t for _, ts in parts for t in ts)
            named = frozenset(t for kind, ts in parts if kind in NAME_SPANS for t in ts)
            mentions.append(GoldMention(GOLD_TYPES[cells[1]], tokens, named))
    return GoldDocument(stem.name, text, spans, ids, mentions)


def load_folder(folder: Path, limit: int | None = None) -> list[GoldDocument]:
    files = sorted(folder.glob("*.txt"), key=lambda p: (len(p.stem), p.stem))
    files = [f for f in files if f.with_suffix(".objects").is_file()]
    if not files:
        raise InputError("holds no *.txt with *.tokens, *.spans and *.objects beside it", where=str(folder))
    return [load_document(f) for f in files[:limit]]


def predicted_mentions(gold: GoldDocument, reading: Reading) -> list[tuple[str, frozenset[int]]]:
    """The reading's name mentions as (type, token ids of the gold tokenisation)."""
    found = []
    for mention in reading.mentions:
        kind = PREDICTED_TYPES.get(mention.label)
        if kind is None or mention.text.lower() in ("он", "она", "они"):
            continue
        tokens = frozenset(
            gold.token_ids[k] for k, (s, e) in enumerate(gold.tokens) if s < mention.end and mention.start < e
        )
        if tokens:
            found.append((kind, tokens))
    return found


def score_document(gold: GoldDocument, reading: Reading, score: FactRuScore) -> None:
    """Add one document's pairs to ``score`` (the comparator's rules, module docstring)."""
    ignored = {m for m in gold.mentions if not m.named or _embedded(m, gold.mentions)}
    for kind in TYPES:
        annotated = [m for m in gold.mentions if m.type == kind]
        predicted = [tokens for t, tokens in predicted_mentions(gold, reading) if t == kind]
        pairs = _pair(annotated, predicted)
        target = score.by_type[kind]
        paired_gold = {id(m) for m, _ in pairs}
        for mention, tokens in pairs:
            if mention in ignored:
                continue
            target.earned += _quality(mention, tokens)
            target.pairs += 1
        target.unpaired_gold += sum(1 for m in annotated if id(m) not in paired_gold and m not in ignored)
        target.unpaired_predicted += len(predicted) - len(pairs)


def _embedded(mention: GoldMention, mentions: list[GoldMention]) -> bool:
    return any(other is not mention and mention.tokens < other.tokens for other in mentions)


def _pair(
    annotated: list[GoldMention], predicted: list[frozenset[int]]
) -> list[tuple[GoldMention, frozenset[int]]]:
    candidates = []
    for a, mention in enumerate(annotated):
        for p, tokens in enumerate(predicted):
            shared = len(mention.tokens & tokens)
            if shared:
                candidates.append((shared / len(mention.tokens | tokens), a, p))
    pairs, used_a, used_p = [], set(), set()
    for _, a, p in sorted(candidates, reverse=True):
        if a not in used_a and p not in used_p:
            used_a.add(a)
            used_p.add(p)
            pairs.append((annotated[a], predicted[p]))
    return pairs


def _quality(mention: GoldMention, tokens: frozenset[int]) -> float:
    weighed = mention.named
    tp = len(weighed & tokens)
    fn = len(weighed - tokens)
    fp = len(tokens - mention.tokens)
    return tp / (tp + fn + fp) if tp + fn + fp else 0.0


def score_readings(golds: Iterable[GoldDocument], readings: Iterable[Reading]) -> dict[str, Any]:
    """PER / LOC / ORG precision, recall and F1 of readings against their annotated documents."""
    score = FactRuScore()
    for gold, reading in zip(golds, readings, strict=True):
        score_document(gold, reading, score)
    return score.to_dict()


def as_document(gold: GoldDocument) -> Document:
    """The annotated text as a Russian document, character for character (offsets must hold)."""
    digest = hashlib.sha256(gold.text.encode("utf-8")).hexdigest()
    return Document(id=digest, text=gold.text, language="ru", source_path=gold.name)


def evaluate_factrueval(folder: Path, limit: int | None = None) -> dict[str, Any]:
    """Read every document of ``folder`` with the Russian pipeline and score its names."""
    from ..lang import language_package

    golds = load_folder(folder, limit)
    readings = list(language_package("ru").extract_many(as_document(g) for g in golds))
    digest = hashlib.sha256()
    for gold in golds:
        digest.update(gold.text.encode("utf-8"))
    return {
        "dataset": "factrueval",
        "data": str(folder),
        "documents": len(golds),
        "data_sha256": digest.hexdigest(),
        "matching": "factRuEval-2016 Track 1 comparator rules, LocOrg as LOC (docs/languages.md)",
        **score_readings(golds, readings),
    }
