"""Event-factuality regression splits (Jiang & de Marneffe 2021's JSONL): MAE and Pearson r.

Each line is ``{"text", "targets": [{"span1": [i, j], "label": -3..3, "span_text"}]}``; ``text`` is
tokenized with single spaces and ``span1`` counts those tokens (end exclusive), so a target's
character span is rebuilt from the token positions. hearsay's certainty and polarity for the
target predicate map onto the scale as MEANTIME's values do: 3 certain, 1.5 probable, 0.75
possible, 0 underspecified, negative when the polarity is negative, 0 when it is underspecified.
Held-out parts are never scored: only train and dev, and of MEANTIME only its dev topics (``dev_parts``).
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .dev_parts import check_split, dev_topic_sentences, sentence_key
from .error_lines import write_error_lines

SETS = ("UW", "MEANTIME", "UDS_IH2", "CB")
SCALE = {"certain": 3.0, "probable": 1.5, "possible": 0.75, "underspecified": 0.0}
SIGN = {"pos": 1.0, "neg": -1.0, "underspecified": 0.0}


@dataclass(frozen=True, slots=True)
class Target:
    start: int
    end: int
    label: float


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    targets: tuple[Target, ...]


def scale_value(certainty: str, polarity: str) -> float:
    """A certainty and polarity as a number on the -3..3 scale."""
    return SCALE[certainty] * SIGN[polarity]


def _token_offsets(text: str) -> list[tuple[int, int]]:
    offsets, position = [], 0
    for token in text.split(" "):
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return offsets


def _sentence(record: dict[str, Any]) -> Sentence:
    text = record["text"]
    offsets = _token_offsets(text)
    targets = []
    for target in record["targets"]:
        i, j = target["span1"]
        if not 0 <= i < j <= len(offsets):
            raise ValueError(f"span1 {i}:{j} outside the sentence's {len(offsets)} tokens")
        targets.append(Target(offsets[i][0], offsets[j - 1][1], float(target["label"])))
    return Sentence(text, tuple(targets))


def read_split(path: str | Path) -> list[Sentence]:
    """The sentences of one JSONL split, or InputError naming the file and line."""
    path = Path(path)
    if not path.is_file():
        raise InputError("does not exist; name the factuality data folder with --data DIR", where=str(path))
    sentences = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                sentences.append(_sentence(json.loads(line)))
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(
                    f"line {number} is not a factuality record: {error}", where=str(path)
                ) from None
    if not sentences:
        raise InputError("has no sentences", where=str(path))
    return sentences


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def _predictions(sentences: list[Sentence]) -> Iterator[tuple[Target, Any]]:
    """Each target with the factuality hearsay reads for it, from one parse per sentence."""
    from ..extract.predicate_factuality import read_with_events
    from ..ingest.identity import document_id
    from ..model import Document

    documents = (
        (Document(id=document_id(s.text), text=s.text), [(t.start, t.end) for t in s.targets])
        for s in sentences
    )
    for sentence, (_, events) in zip(sentences, read_with_events(documents), strict=True):
        yield from zip(sentence.targets, events, strict=True)


def dev_part(sentences: list[Sentence], dataset: str, meantime_dir: Path) -> list[Sentence]:
    """The sentences that may be scored: MEANTIME's only when they are sentences of its dev topics."""
    if dataset != "MEANTIME":
        return sentences
    keys = dev_topic_sentences(meantime_dir)
    return [s for s in sentences if sentence_key(s.text.split(" ")) in keys]


def evaluate_factuality(
    data_dir: str | Path,
    dataset: str = "UW",
    split: str = "dev",
    errors_path: str | Path | None = None,
    meantime_dir: str | Path | None = None,
) -> dict[str, Any]:
    """Predict every target of ``DIR/<dataset>/<split>.jsonl`` and score MAE and Pearson r.

    Only the train and dev splits are read. MEANTIME's splits hold sentences of every topic: only
    those of the dev topics' CAT files under ``meantime_dir`` (default: ``meantime`` beside
    ``data_dir``, as in ../shared/data) are scored, the rest dropped unread (``dev_parts``).
    """
    started = time.perf_counter()
    check_split(split)
    path = Path(data_dir) / dataset / f"{split}.jsonl"
    every = read_split(path)
    sentences = dev_part(every, dataset, Path(meantime_dir or Path(data_dir).parent / "meantime"))
    if not sentences:
        raise InputError("has no sentences of the dev topics", where=str(path))
    gold, predicted, errors = [], [], []
    for target, reading in _predictions(sentences):
        value = scale_value(reading.certainty, reading.polarity)
        gold.append(target.label)
        predicted.append(value)
        if abs(value - target.label) >= 1.5:
            errors.append(
                {
                    "event": reading.text,
                    "gold": target.label,
                    "predicted": value,
                    "cues": [c.text for c in reading.cues],
                    "span": [target.start, target.end],
                }
            )
    if errors_path is not None:
        write_error_lines(errors_path, errors)
    n = len(gold)
    constant = [3.0] * n
    return {
        "dataset": "factuality",
        "set": dataset,
        "split": split,
        "sentences": len(sentences),
        "left_out_sentences": len(every) - len(sentences),  # held-out topics (MEANTIME)
        "targets": n,
        "mae": round(sum(abs(g - p) for g, p in zip(gold, predicted, strict=True)) / n, 4),
        "pearson_r": round(pearson(gold, predicted), 4),
        "baseline_all_certain_pos": {
            "mae": round(sum(abs(g - 3.0) for g in gold) / n, 4),
            "pearson_r": round(pearson(gold, constant), 4),
        },
        "data_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
