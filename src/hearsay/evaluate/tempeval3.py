"""TempEval-3 Task A (time expressions): hearsay's times scored against TimeML TIMEX3 annotations.

Each document's TEXT is read by hearsay with its creation date (DCT) as the publication date.
Scoring follows UzZaman et al. (2013), "SemEval-2013 Task 1: TempEval-3", section 4.1
(ACL Anthology S13-2001):

- extraction precision, recall and F1, with a *strict* match (the same extent) and a *relaxed*
  match (any overlap); each expression matches at most one on the other side;
- for an attribute (type, value): accuracy = matched pairs whose attribute agrees / matched pairs,
  precision and recall = agreeing pairs over system / reference expressions, and attribute F1
  their harmonic mean, which equals relaxed extraction F1 x attribute accuracy. *Value F1*, the
  task's ranking figure, is this for the value attribute on relaxed matches.

The DCT TIMEX3 is outside the TEXT and is not scored. Values are compared as strings.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest.identity import document_id
from ..model import Document, TimeExpression
from .error_lines import write_error_lines
from .gate import files_sha256
from .timeml import GoldTimex, TimemlDocument, read_timeml, timeml_files

SOURCE = "UzZaman et al. 2013, SemEval-2013 Task 1 (TempEval-3), section 4.1"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Match:
    gold: GoldTimex
    predicted: TimeExpression

    @property
    def strict(self) -> bool:
        return (self.gold.start, self.gold.end) == (self.predicted.start, self.predicted.end)


def overlaps(gold: GoldTimex, predicted: TimeExpression) -> int:
    return min(gold.end, predicted.end) - max(gold.start, predicted.start)


def match(gold: Iterable[GoldTimex], predicted: Iterable[TimeExpression]) -> list[Match]:
    """One-to-one relaxed matches: exact extents first, then the largest overlaps."""
    pairs = [(g, p) for g in gold for p in predicted if overlaps(g, p) > 0]
    pairs.sort(key=lambda gp: (Match(*gp).strict, overlaps(*gp), -gp[0].start), reverse=True)
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matches = []
    for g, p in pairs:
        if id(g) in used_gold or id(p) in used_predicted:
            continue
        used_gold.add(id(g))
        used_predicted.add(id(p))
        matches.append(Match(g, p))
    return sorted(matches, key=lambda m: m.gold.start)


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, gold: list[GoldTimex], predicted: list[TimeExpression], matches: list[Match]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.relaxed += len(matches)
        self.strict += sum(m.strict for m in matches)
        self.type_correct += sum(m.gold.type == m.predicted.type for m in matches)
        self.value_correct += sum(m.gold.value == m.predicted.value for m in matches)
        for g in gold:
            self._type(g.type)["gold"] += 1
        for m in matches:
            row = self._type(m.gold.type)
            row["found"] += 1
            row["value_correct"] += m.gold.value == m.predicted.value
        for p in predicted:
            self._type(p.type)["predicted"] += 1

    def _type(self, name: str) -> dict[str, int]:
        return self.by_type.setdefault(name, {"gold": 0, "found": 0, "value_correct": 0, "predicted": 0})

    def to_dict(self) -> dict[str, Any]:
        relaxed = prf(self.relaxed, self.predicted, self.gold)
        type_accuracy = ratio(self.type_correct, self.relaxed)
        value_accuracy = ratio(self.value_correct, self.relaxed)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "strict": prf(self.strict, self.predicted, self.gold),
            "relaxed": relaxed,
            "type": {"accuracy": type_accuracy, "f1": round(relaxed["f1"] * type_accuracy, 4)},
            "value": {"accuracy": value_accuracy, "f1": round(relaxed["f1"] * value_accuracy, 4)},
            "by_type": {
                name: {
                    **row,
                    "recall": ratio(row["found"], row["gold"]),
                    "value_accuracy": ratio(row["value_correct"], row["found"]),
                }
                for name, row in sorted(self.by_type.items(), key=lambda kv: _type_order(kv[0]))
            },
        }


def _type_order(name: str) -> int:
    return TYPES.index(name) if name in TYPES else len(TYPES)


def ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    precision, recall = matched / predicted if predicted else 0.0, matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "matched": matched,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def errors_of(doc: TimemlDocument, predicted: list[TimeExpression], matches: list[Match]) -> Iterator[dict]:
    """One record per miss, false positive, wrong extent, wrong type or wrong value."""
    found = {id(m.gold) for m in matches}
    used = {id(m.predicted) for m in matches}

    def record(error: str, at: GoldTimex | TimeExpression, **timexes: GoldTimex | TimeExpression) -> dict:
        shown = {role: _timex(timex) for role, timex in timexes.items()}
        return {"doc": doc.name, "error": error, **shown, "context": _context(doc.text, at.start, at.end)}

    for g in doc.timexes:
        if id(g) not in found:
            yield record("missed", g, gold=g)
    for p in predicted:
        if id(p) not in used:
            yield record("spurious", p, predicted=p)
    for m in matches:
        problems = [
            name
            for name, wrong in (
                ("extent", not m.strict),
                ("type", m.gold.type != m.predicted.type),
                ("value", m.gold.value != m.predicted.value),
            )
            if wrong
        ]
        if problems:
            yield record("+".join(problems), m.gold, gold=m.gold, predicted=m.predicted)


def _timex(t: GoldTimex | TimeExpression) -> dict[str, Any]:
    return {"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value}


def _context(text: str, start: int, end: int, width: int = 80) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def as_document(doc: TimemlDocument) -> Document:
    return Document(
        id=document_id(doc.text), text=doc.text, published=doc.created, language="en", source_path=doc.name
    )


def read_times(docs: list[TimemlDocument], batch_size: int = 16) -> Iterator[list[TimeExpression]]:
    """hearsay's time expressions for each document, through the product's batch path."""
    from ..extract.pipeline import extract_many

    for reading in extract_many((as_document(d) for d in docs), batch_size=batch_size):
        yield list(reading.times)


def digest(docs: list[TimemlDocument]) -> str:
    """sha256 over the names and bytes of the files scored."""
    return files_sha256(doc.path for doc in docs)


def split_name(docs: list[TimemlDocument]) -> str:
    """``train`` for TempEval-3's training set (TBAQ-cleaned), else the folder the files share."""
    parents = {part for doc in docs for part in doc.path.parts}
    if "TBAQ-cleaned" in parents:
        return "train"
    return docs[0].path.parent.name if docs else ""


def load_documents(data_dir: str | Path, limit: int | None = None) -> list[TimemlDocument]:
    files = timeml_files(data_dir)
    return [read_timeml(path) for path in files[:limit]]


def evaluate_tempeval3(
    data_dir: str | Path,
    limit: int | None = None,
    errors_path: str | Path | None = None,
) -> dict[str, Any]:
    """Read every TimeML file under ``data_dir`` with hearsay and score its time expressions."""
    started = time.perf_counter()
    docs = load_documents(data_dir, limit)
    counts = Counts()
    errors: list[dict[str, Any]] = []
    for doc, predicted in zip(docs, read_times(docs), strict=True):
        matches = match(doc.timexes, predicted)
        counts.add(list(doc.timexes), predicted, matches)
        errors += errors_of(doc, predicted, matches)
    if errors_path is not None:
        write_error_lines(errors_path, errors)
    return {
        "dataset": "tempeval3",
        "data": str(data_dir),
        "split": split_name(docs),
        "documents": len(docs),
        "definition": SOURCE,
        "data_sha256": digest(docs),
        **counts.to_dict(),
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
