"""FNC-1 (Fake News Challenge, stage 1): does an article body agree with a headline, dispute it, discuss it?

Layout: ``DIR/train_bodies.csv`` (``Body ID,articleBody``) and ``DIR/train_stances.csv``
(``Headline,Body ID,Stance``), the stance one of agree, disagree, discuss, unrelated.

FNC-1 ships no development set, so one is split off by body: a body goes to ``dev`` when the
sha1 of its Body ID (the decimal string, as in the file) is 0 modulo 5, else to ``train``. A
body's headlines all fall on its side, the rule looks at no label, and it keeps about a fifth of
the bodies. Files named with ``bodies`` and ``stances`` are read whole, without a split.

Each body is read once, as ``hearsay read`` reads a text file; each (headline, body) pair is then
judged by ``hearsay.relation.relate_document`` and its relation mapped to FNC-1's label. Readings
are cached as JSON lines keyed by the body text's sha256, in a file named after the extractor (its
version, the spaCy model setting and a digest of hearsay's extraction code), so that re-scoring
after a change to the relation rules takes seconds.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, ModelError
from ..model import Document, Reading, Relation
from ..user_cache import cache_dir
from .classes import class_scores
from .error_lines import write_error_lines
from .gate import files_sha256

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset({"agree", "disagree", "discuss"})
LABEL_OF_RELATION = {
    "supports": "agree",
    "refutes": "disagree",
    "discusses": "discuss",
    "unrelated": "unrelated",
}
BODIES_FILE = "train_bodies.csv"
STANCES_FILE = "train_stances.csv"
SPLITS = ("train", "dev")
DEV_MODULUS = 5
SPLIT_RULE = "dev: sha1 of the Body ID is 0 modulo 5; train: the rest; a body's headlines stay on its side"
BODY_COLUMNS = ("Body ID", "articleBody")
STANCE_COLUMNS = ("Headline", "Body ID")


@dataclass(frozen=True, slots=True)
class Pair:
    """One row of a stances file: a headline, the body it is paired with, and its label (if labelled)."""

    headline: str
    body_id: str
    stance: str | None


def split_of(body_id: str) -> str:
    """``dev`` or ``train``: the side of the split a body (and every headline paired with it) is on."""
    digest = int(hashlib.sha1(body_id.strip().encode("utf-8")).hexdigest(), 16)
    return "dev" if digest % DEV_MODULUS == 0 else "train"


def _rows(path: Path, columns: Sequence[str]) -> Iterator[dict[str, str]]:
    """The rows of a CSV file with a header naming at least ``columns``; InputError naming ``path``."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, strict=True)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                raise InputError(
                    f"lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                    f"(its header: {','.join(header) or 'none'}); is it an FNC-1 CSV file?",
                    where=str(path),
                )
            for row in reader:
                if None in row or any(value is None for value in row.values()):
                    raise InputError(
                        f"line {reader.line_num}: the row's fields do not match the header's {len(header)}",
                        where=str(path),
                    )
                yield row
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror or error}", where=str(path)) from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"is not UTF-8 text ({error.reason} at byte {error.start})", where=str(path)
        ) from None
    except csv.Error as error:
        raise InputError(f"is not a well-formed CSV file: {error}", where=str(path)) from None


def load_bodies(path: str | Path) -> dict[str, str]:
    """Body ID -> article body, in file order."""
    path = Path(path)
    bodies: dict[str, str] = {}
    for row in _rows(path, BODY_COLUMNS):
        body_id = row["Body ID"].strip()
        if not body_id:
            raise InputError("has a row without a Body ID", where=str(path))
        if body_id in bodies:
            raise InputError(f"has Body ID {body_id} twice", where=str(path))
        bodies[body_id] = row["articleBody"]
    if not bodies:
        raise InputError("holds no bodies", where=str(path))
    return bodies


def load_pairs(path: str | Path, bodies: dict[str, str]) -> list[Pair]:
    """The (headline, body, stance) rows, in file order; the Stance column may be left out (unlabelled)."""
    path = Path(path)
    pairs = []
    for row in _rows(path, STANCE_COLUMNS):
        body_id = row["Body ID"].strip()
        if body_id not in bodies:
            raise InputError(
                f"pairs a headline with Body ID {body_id!r}, which the bodies lack", where=str(path)
            )
        stance = row.get("Stance")
        if stance is not None:
            stance = stance.strip().lower()
            if stance not in LABELS:
                raise InputError(
                    f"has the stance {stance!r}; FNC-1's are {', '.join(LABELS)}", where=str(path)
                )
        pairs.append(Pair(row["Headline"], body_id, stance))
    if not pairs:
        raise InputError("holds no headline pairs", where=str(path))
    return pairs


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str  # the split, or "all" for files read whole
    bodies: dict[str, str]  # Body ID -> text, only those the pairs use
    pairs: list[Pair]
    files: tuple[Path, ...]
    limit: int | None = None  # the first N pairs only: other data, with another digest

    @property
    def labelled(self) -> bool:
        return all(p.stance is not None for p in self.pairs)

    def digest(self) -> str:
        first = f"split={self.name}\nrule={SPLIT_RULE}\n" + (f"limit={self.limit}\n" if self.limit else "")
        return files_sha256(self.files, first=first.encode())


def load_dataset(
    data_dir: str | Path | None = None,
    split: str = "dev",
    *,
    bodies_path: str | Path | None = None,
    stances_path: str | Path | None = None,
    limit: int | None = None,
) -> Dataset:
    """A split of the FNC-1 folder ``data_dir``, or the files ``bodies_path`` and ``stances_path`` whole."""
    if bodies_path is not None or stances_path is not None:
        if bodies_path is None or stances_path is None:
            raise InputError("name both the bodies and the stances file", where="fnc1")
        files, name = (Path(bodies_path), Path(stances_path)), "all"
    else:
        if data_dir is None:
            raise InputError("name the FNC-1 data folder", where="fnc1")
        if split not in SPLITS:
            raise InputError(
                f"has no split {split!r}; the splits are {', '.join(SPLITS)}", where=str(data_dir)
            )
        folder = Path(data_dir)
        files, name = (folder / BODIES_FILE, folder / STANCES_FILE), split
        for file in files:
            if not file.is_file():
                raise InputError(f"has no {file.name}; is it the FNC-1 data folder?", where=str(folder))
    bodies = load_bodies(files[0])
    pairs = load_pairs(files[1], bodies)
    if name != "all":
        pairs = [p for p in pairs if split_of(p.body_id) == name]
    if limit is not None:
        pairs = pairs[:limit]
    used = {p.body_id for p in pairs}
    return Dataset(name, {i: text for i, text in bodies.items() if i in used}, pairs, files, limit)


# --- scoring -----------------------------------------------------------------------------------


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """The FNC-1 score: 0.25 for each pair whose related/unrelated call is right, and 0.75 more
    for a related pair whose label is right; ``relative`` is its share of the best possible."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 1.0 if g in RELATED else 0.25
        if (g in RELATED) == (p in RELATED):
            score += 0.25
            if g in RELATED and g == p:
                score += 0.75
    return {"score": score, "best": best, "relative": round(score / best, 4) if best else 0.0}


def score_labels(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """FNC score, macro-F1 over the four labels, per-label P/R/F1, related/unrelated accuracy, confusion."""
    scores = class_scores(gold, predicted, LABELS)
    cells = Counter(zip(gold, predicted, strict=True))
    related_right = sum((g in RELATED) == (p in RELATED) for g, p in zip(gold, predicted, strict=True))
    return {
        "fnc_score": fnc_score(gold, predicted),
        "macro_f1": scores["macro_f1"],
        "accuracy": scores["accuracy"],
        "related_accuracy": round(related_right / len(gold), 4) if gold else 0.0,
        "classes": scores["classes"],
        "disagree_f1": scores["classes"]["disagree"]["f1"],
        "confusion": {g: {p: cells[(g, p)] for p in LABELS} for g in LABELS},  # gold -> predicted -> pairs
        "gold_counts": {label: sum(g == label for g in gold) for label in LABELS},
        "predicted_counts": {label: sum(p == label for p in predicted) for label in LABELS},
    }


# --- reading the bodies, with a cache ------------------------------------------------------------


def default_cache_dir() -> Path:
    return cache_dir("fnc1")


def extractor_key() -> str:
    """What a cached reading depends on besides the text: hearsay's version, spaCy's and the model
    setting, and the bytes of the extraction code and lexicons (so that any rule change re-reads)."""
    import spacy

    from .. import __version__
    from ..settings import load_settings

    package = Path(__file__).resolve().parents[1]
    files = sorted(
        p
        for folder in ("extract", "ingest")
        for p in (package / folder).rglob("*")
        if p.is_file() and p.suffix in {".py", ".tsv", ".txt", ".json"}
    )
    hasher = hashlib.sha256(f"{__version__}|{spacy.__version__}|{load_settings().model}\n".encode())
    hasher.update(files_sha256([package / "model.py", *files]).encode())
    return hasher.hexdigest()[:16]


class ReadingCache:
    """Readings of body texts in one JSON Lines file: ``{"text_sha256": ..., "reading": {...}}``."""

    def __init__(self, folder: str | Path | None) -> None:
        self.path = None if folder is None else Path(folder) / f"readings-{extractor_key()}.jsonl"
        self._lines: dict[str, dict[str, Any]] = {}
        if self.path is not None and self.path.is_file():
            with self.path.open(encoding="utf-8") as handle:
                for line in handle:
                    try:
                        entry = json.loads(line)
                        self._lines[entry["text_sha256"]] = entry["reading"]
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by an interrupted run: read that body again

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, text: str) -> Reading | None:
        data = self._lines.get(self.key(text))
        return None if data is None else Reading.from_dict(data)

    def put(self, text: str, reading: Reading) -> None:
        data = reading.to_dict()
        self._lines[self.key(text)] = data
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps({"text_sha256": self.key(text), "reading": data}, ensure_ascii=False))
                handle.write("\n")
        except OSError as error:
            raise InputError(
                f"cannot write the reading cache: {error.strerror or error}", where=str(self.path)
            ) from None


def body_document(body_id: str, text: str) -> Document | None:
    """The Document of one body, as ``hearsay read`` makes it from a text file; None for an empty body."""
    from ..ingest.text import read_text

    if not text.strip():
        return None
    document = next(read_text(text, f"FNC-1 body {body_id}"))
    return document if isinstance(document, Document) else None


def _extract_batch(documents: list[Document]) -> list[Reading | None]:
    """Readings of one batch; when the batch fails each document is tried alone (None if it fails)."""
    from ..extract.pipeline import extract, extract_many

    try:
        return list(extract_many(documents, batch_size=len(documents)))
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - find the body that broke the batch
        pass
    readings: list[Reading | None] = []
    for document in documents:
        try:
            readings.append(extract(document))
        except ModelError:
            raise
        except Exception:  # noqa: BLE001 - that body counts as unread
            readings.append(None)
    return readings


def read_bodies(
    bodies: dict[str, str], cache: ReadingCache, batch_size: int = 16
) -> tuple[dict[str, Reading], dict[str, int]]:
    """Body ID -> its reading (from the cache or read now), and how many were cached, read, unread."""
    readings: dict[str, Reading] = {}
    counts = {"cached": 0, "read": 0, "unread": 0}
    waiting: list[tuple[str, Document]] = []

    def flush() -> None:
        readings_now = _extract_batch([document for _, document in waiting])
        for (body_id, _), reading in zip(waiting, readings_now, strict=True):
            if reading is None:
                counts["unread"] += 1
                continue
            cache.put(bodies[body_id], reading)
            readings[body_id] = reading
            counts["read"] += 1
        waiting.clear()

    for body_id, text in bodies.items():
        cached = cache.get(text)
        if cached is not None:
            readings[body_id] = cached
            counts["cached"] += 1
            continue
        document = body_document(body_id, text)
        if document is None:
            counts["unread"] += 1
            continue
        waiting.append((body_id, document))
        if len(waiting) >= batch_size:
            flush()
    if waiting:
        flush()
    return readings, counts


# --- judging the pairs ------------------------------------------------------------------------


def predict(pairs: Sequence[Pair], readings: dict[str, Reading]) -> list[Relation | None]:
    """The relation of each pair's body to its headline, in order; None where the body could not be read.

    The pairs are judged body by body (the relation rules cache what they make of a body's sentences).
    """
    from .. import relation

    framed: dict[str, Any] = {}  # each headline is parsed once, however many bodies it is paired with
    frame = getattr(relation, "proposition_frame", None)
    judged: list[Relation | None] = [None] * len(pairs)
    for index in sorted(range(len(pairs)), key=lambda i: pairs[i].body_id):
        pair = pairs[index]
        reading = readings.get(pair.body_id)
        if reading is None:
            continue
        if pair.headline not in framed:
            framed[pair.headline] = frame(pair.headline) if frame is not None else pair.headline
        judged[index] = relation.relate_document(framed[pair.headline], reading)
    return judged


def label_of(judged: Relation | None) -> str:
    """FNC-1's label for a relation; a body that could not be read is unrelated to every headline."""
    return "unrelated" if judged is None else LABEL_OF_RELATION[judged.relation]


def rule_of(judged: Relation | None) -> str:
    return "unread body" if judged is None else (judged.rule or judged.relation)


def rule_counts(pairs: Sequence[Pair], judged: Sequence[Relation | None]) -> dict[str, dict[str, int]]:
    """How many pairs each rule decided and (when labelled) how many it got right; most used first."""
    decided: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for pair, relation in zip(pairs, judged, strict=True):
        decided[rule_of(relation)] += 1
        right[rule_of(relation)] += pair.stance == label_of(relation)
    return {rule: {"pairs": n, "right": right[rule]} for rule, n in decided.most_common()}


def error_records(pairs: Sequence[Pair], judged: Sequence[Relation | None]) -> Iterator[dict[str, Any]]:
    """One record per wrongly labelled pair: the pair, both labels, and the rule and reason that decided."""
    for index, (pair, relation) in enumerate(zip(pairs, judged, strict=True)):
        predicted = label_of(relation)
        if pair.stance is None or predicted == pair.stance:
            continue
        yield {
            "row": index,
            "headline": pair.headline,
            "body_id": pair.body_id,
            "gold": pair.stance,
            "predicted": predicted,
            "rule": rule_of(relation),
            "reason": relation.reason if relation else "",
            "match": round(relation.match, 3) if relation else 0.0,
        }


def write_predictions(path: str | Path, pairs: Sequence[Pair], labels: Sequence[str]) -> None:
    """One row per pair, in the input's order: ``Headline,Body ID,Stance`` (FNC-1's submission format)."""
    path = Path(path)
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(("Headline", "Body ID", "Stance"))
            writer.writerows((p.headline, p.body_id, label) for p, label in zip(pairs, labels, strict=True))
    except OSError as error:
        raise InputError(f"cannot be written: {error.strerror or error}", where=str(path)) from None


def evaluate_fnc1(
    data_dir: str | Path | None = None,
    split: str = "dev",
    *,
    bodies_path: str | Path | None = None,
    stances_path: str | Path | None = None,
    limit: int | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    predictions_path: str | Path | None = None,
    errors_path: str | Path | None = None,
) -> dict[str, Any]:
    """Read the bodies, judge every (headline, body) pair and score the labels (when the file has them)."""
    started = time.perf_counter()
    dataset = load_dataset(data_dir, split, bodies_path=bodies_path, stances_path=stances_path, limit=limit)
    cache = ReadingCache((cache_dir or default_cache_dir()) if use_cache else None)
    readings, counts = read_bodies(dataset.bodies, cache)
    read_s = round(time.perf_counter() - started, 1)
    judged = predict(dataset.pairs, readings)
    labels = [label_of(j) for j in judged]
    if errors_path is not None:
        write_error_lines(errors_path, error_records(dataset.pairs, judged))
    if predictions_path is not None:
        write_predictions(predictions_path, dataset.pairs, labels)
    figures: dict[str, Any] = {
        "dataset": "fnc1",
        "data": str(data_dir) if bodies_path is None else f"{bodies_path} + {stances_path}",
        "split": dataset.name,
        "split_rule": SPLIT_RULE if dataset.name != "all" else "none: the files are read whole",
        "bodies": len(dataset.bodies),
        "pairs": len(dataset.pairs),
        "labelled": dataset.labelled,
        "readings": counts,
        "cache": str(cache.path) if cache.path else None,
        "data_sha256": dataset.digest(),
    }
    if dataset.labelled:
        figures.update(score_labels([p.stance or "" for p in dataset.pairs], labels))
    else:
        figures["predicted_counts"] = {label: labels.count(label) for label in LABELS}
    figures["rules"] = rule_counts(dataset.pairs, judged)
    figures["read_s"] = read_s
    figures["elapsed_s"] = round(time.perf_counter() - started, 1)
    return figures
