"""Russian quotations with source, cue and content tags per token (the ADAQ corpus's Russian part).

The data is a folder with ``ru_sentences.tsv`` (sentence, sentence_id) and ``ru_tokens.tsv``
(lemmas, text, sentence_num, index_of_token_sent, tags; tags are source, cue, content or None).
Each sentence is read alone as a Russian document; a token takes the role of the statement span
it lies in (cue over source over content when spans nest). Precision, recall and F1 are over
tokens, per role.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document, Reading

ROLES = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    id: str
    text: str
    tokens: tuple[tuple[str, str], ...]  # (text, tag) in order


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(
            "is missing; the folder must hold ru_sentences.tsv and ru_tokens.tsv", where=str(path)
        )
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def load_sentences(folder: Path, limit: int | None = None) -> list[TaggedSentence]:
    """The tagged sentences of ``folder``, in the order of ru_sentences.tsv."""
    texts = {row["sentence_id"]: row["sentences"] for row in _rows(folder / "ru_sentences.tsv")}
    tokens: dict[str, list[tuple[int, str, str]]] = {}
    for row in _rows(folder / "ru_tokens.tsv"):
        tokens.setdefault(row["sentence_num"], []).append(
            (int(row["index_of_token_sent"]), row["text"], row["tags"])
        )
    sentences = [
        TaggedSentence(sid, text, tuple((t, tag) for _, t, tag in sorted(tokens[sid])))
        for sid, text in texts.items()
        if sid in tokens
    ]
    return sentences[:limit]


def token_offsets(sentence: TaggedSentence) -> list[tuple[int, int] | None]:
    """Where each tagged token is in the sentence text (None when it cannot be found)."""
    offsets: list[tuple[int, int] | None] = []
    position = 0
    for text, _ in sentence.tokens:
        found = sentence.text.find(text, position)
        if found < 0 or found - position > 20:
            offsets.append(None)
            continue
        offsets.append((found, found + len(text)))
        position = found + len(text)
    return offsets


def predicted_tags(sentence: TaggedSentence, reading: Reading) -> list[str]:
    """Each token's role in the reading's statements: cue, source, content or None."""
    tags = []
    for offset in token_offsets(sentence):
        tag = "None"
        if offset is not None:
            start, end = offset
            for statement in reading.statements:
                spans = {
                    "cue": (statement.cue.start, statement.cue.end),
                    "source": (statement.source.start, statement.source.end),
                    "content": (statement.content.start, statement.content.end),
                }
                for role in ("cue", "source", "content"):
                    a, b = spans[role]
                    if a is not None and b is not None and a <= start and end <= b:
                        tag = role if tag == "None" or ROLES.index(role) < ROLES.index(tag) else tag
                        break
        tags.append(tag)
    return tags


def score_readings(sentences: Iterable[TaggedSentence], readings: Iterable[Reading]) -> dict[str, Any]:
    """Token precision, recall and F1 for source, cue and content."""
    counts = {role: [0, 0, 0] for role in ROLES}  # true positives, predicted, gold
    for sentence, reading in zip(sentences, readings, strict=True):
        for (_, gold), predicted in zip(sentence.tokens, predicted_tags(sentence, reading), strict=True):
            for role in ROLES:
                counts[role][0] += gold == role and predicted == role
                counts[role][1] += predicted == role
                counts[role][2] += gold == role
    return {role: _prf(*counts[role]) for role in ROLES}


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "gold": gold}


def as_document(sentence: TaggedSentence) -> Document:
    digest = hashlib.sha256(sentence.text.encode("utf-8")).hexdigest()
    return Document(id=digest, text=sentence.text, language="ru", source_path=sentence.id)


def evaluate_adaq(folder: Path, limit: int | None = None) -> dict[str, Any]:
    """Read every sentence with the Russian pipeline and score its token roles."""
    from ..lang import language_package

    sentences = load_sentences(folder, limit)
    readings = list(language_package("ru").extract_many(as_document(s) for s in sentences))
    digest = hashlib.sha256("\n".join(s.text for s in sentences).encode("utf-8")).hexdigest()
    return {
        "dataset": "adaq",
        "data": str(folder),
        "sentences": len(sentences),
        "data_sha256": digest,
        **score_readings(sentences, readings),
    }
