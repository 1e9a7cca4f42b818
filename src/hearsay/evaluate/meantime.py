"""MEANTIME (English, CAT XML) read by hearsay: event factuality, and reporting events as attributions.

Only sentences 0-5 of each article (title, dateline, four body sentences) are annotated, so only
they are read. Each annotated event mention gets hearsay's certainty and polarity
(``predicate_factuality.read_with_events``, the rules statement contents get, returned as records
beside the article's reading), scored by macro-F1 over the classes. The reporting events
(instances of class ``SPEECH_COGNITIVE``) with their ``Arg0`` participant are an independent
check of hearsay's attribution: cue recall (a statement's cue overlaps the reporting event)
and source accuracy (that statement's source overlaps the Arg0 mention, or is an entity one
of whose mentions does).

MEANTIME: Minard et al., LREC 2016, CC BY 4.0 (Fondazione Bruno Kessler, VU University
Amsterdam, Universidad del Pais Vasco).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..ingest.identity import document_id
from ..model import Document, Reading
from .cat import CatDocument, Mention, read_cat
from .classes import class_scores
from .dev_parts import DEV_TOPICS, TOPIC_PREFIX, dev_topic_files, topic_of
from .error_lines import write_error_lines
from .gate import files_sha256

if TYPE_CHECKING:
    from ..extract.predicate_factuality import PredicateFactuality

ANNOTATED_SENTENCES = 6
CERTAINTY = ("CERTAIN", "PROBABLE", "POSSIBLE", "UNDERSPECIFIED")
POLARITY = ("POS", "NEG", "UNDERSPECIFIED")
REPORTING_CLASS = "SPEECH_COGNITIVE"
# MEANTIME's release has the intra-document annotation (with factuality) in this sub-folder.
INTRA_DOC = "intra-doc_annotation"


def article_files(data_dir: str | Path) -> list[Path]:
    """The CAT XML files of the dev topics under ``data_dir`` (its intra-document annotation when it has
    one), sorted; other topics' files are held out and never read (``dev_parts``)."""
    root = Path(data_dir)
    if not root.is_dir():
        raise InputError("is not a folder; name the MEANTIME data folder with --data DIR", where=str(root))
    folder = root / INTRA_DOC if (root / INTRA_DOC).is_dir() else root
    files = sorted(dev_topic_files(folder.rglob("*.xml")), key=lambda p: (p.parent.name, p.name))
    if not files:
        raise InputError(
            f"has no CAT XML files in dev-topic folders ({', '.join(TOPIC_PREFIX + t for t in DEV_TOPICS)}); "
            "is it a MEANTIME data folder?",
            where=str(root),
        )
    return files


def load_articles(data_dir: str | Path, limit: int | None = None) -> list[CatDocument]:
    files = article_files(data_dir)[:limit]
    return [read_cat(path, sentences=ANNOTATED_SENTENCES) for path in files]


def digest(articles: list[CatDocument]) -> str:
    return files_sha256(article.path for article in articles)


def scored_events(article: CatDocument) -> list[Mention]:
    """Event mentions with a certainty and a polarity from the schemes (a few have none)."""
    return [
        m
        for m in article.events()
        if m.attributes.get("certainty") in CERTAINTY and m.attributes.get("polarity") in POLARITY
    ]


def _as_document(article: CatDocument) -> Document:
    return Document(id=document_id(article.text), text=article.text, language="en", source_path=article.name)


def _read(articles: list[CatDocument]) -> Iterator[tuple[Reading, list[PredicateFactuality]]]:
    """hearsay's reading of each article and the factuality of its scored event mentions, in order."""
    from ..extract.predicate_factuality import read_with_events

    yield from read_with_events(
        (_as_document(a), [(m.start, m.end) for m in scored_events(a)]) for a in articles
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _sentence_of(article: CatDocument, mention: Mention) -> str:
    tokens = [t for t in article.tokens.values() if t.sentence == mention.sentence]
    return article.text[tokens[0].start : tokens[-1].end]


def _factuality(
    article: CatDocument, events: list[PredicateFactuality], errors: list[dict[str, Any]]
) -> list[tuple[str, str, str, str]]:
    """(gold certainty, predicted certainty, gold polarity, predicted polarity) per scored event."""
    rows = []
    for mention, predicted in zip(scored_events(article), events, strict=True):
        gold = (mention.attributes["certainty"], mention.attributes["polarity"])
        guess = (predicted.certainty.upper(), predicted.polarity.upper())
        rows.append((gold[0], guess[0], gold[1], guess[1]))
        if gold != guess:
            errors.append(
                {
                    "article": article.name,
                    "layer": "factuality",
                    "event": predicted.text,
                    "span": [mention.start, mention.end],
                    "gold": list(gold),
                    "predicted": list(guess),
                    "cues": [c.text for c in predicted.cues],
                    "sentence": _sentence_of(article, mention),
                }
            )
    return rows


def reporting_events(article: CatDocument) -> list[tuple[Mention, list[Mention]]]:
    """Each reporting event mention with its Arg0 participant mentions."""
    arg0: dict[str, list[Mention]] = {}
    for event, participant, role in article.participants:
        if role == "Arg0" and participant in article.mentions:
            arg0.setdefault(event, []).append(article.mentions[participant])
    return [
        (m, arg0.get(m.id, []))
        for m in article.events()
        if article.instance_class.get(m.id) == REPORTING_CLASS
    ]


def _source_hits(reading: Reading, statement: Any, speakers: list[Mention]) -> bool:
    source = statement.source
    spans = []
    if source.start is not None and source.end is not None and source.end > source.start:
        spans.append((source.start, source.end))
    if source.entity:
        spans += [(m.start, m.end) for m in reading.mentions if m.entity == source.entity]
    return any(_overlaps(s, (m.start, m.end)) for s in spans for m in speakers)


def _attribution(article: CatDocument, reading: Reading, errors: list[dict[str, Any]]) -> dict[str, int]:
    counts = {
        "reporting_events": 0,
        "cue_found": 0,
        "with_arg0": 0,
        "source_right": 0,
        "statements": len(reading.statements),
        "statements_on_reporting_event": 0,
    }
    events = reporting_events(article)
    for statement in reading.statements:
        cue = (statement.cue.start, statement.cue.end)
        counts["statements_on_reporting_event"] += any(_overlaps(cue, (e.start, e.end)) for e, _ in events)
    for event, speakers in events:
        counts["reporting_events"] += 1
        found = [
            s for s in reading.statements if _overlaps((s.cue.start, s.cue.end), (event.start, event.end))
        ]
        counts["cue_found"] += bool(found)
        if found and speakers:
            counts["with_arg0"] += 1
            right = any(_source_hits(reading, s, speakers) for s in found)
            counts["source_right"] += right
        else:
            right = True
        if not found or not right:
            errors.append(
                {
                    "article": article.name,
                    "layer": "attribution",
                    "event": article.span_text(event),
                    "span": [event.start, event.end],
                    "arg0": [article.span_text(m) for m in speakers],
                    "found_cue": bool(found),
                    "hearsay_sources": [s.source.text for s in found],
                    "sentence": _sentence_of(article, event),
                }
            )
    return counts


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _attribution_figures(counts: dict[str, int]) -> dict[str, Any]:
    return {
        **counts,
        "cue_recall": _ratio(counts["cue_found"], counts["reporting_events"]),
        "source_accuracy": _ratio(counts["source_right"], counts["with_arg0"]),
        "cue_precision": _ratio(counts["statements_on_reporting_event"], counts["statements"]),
    }


def evaluate_meantime(
    data_dir: str | Path, limit: int | None = None, errors_path: str | Path | None = None
) -> dict[str, Any]:
    """Read MEANTIME's annotated sentences with hearsay and score factuality and attribution."""
    started = time.perf_counter()
    articles = load_articles(data_dir, limit)
    rows: list[tuple[str, str, str, str]] = []
    counts: dict[str, int] = {}
    errors: list[dict[str, Any]] = []
    for article, (reading, events) in zip(articles, _read(articles), strict=True):
        rows += _factuality(article, events, errors)
        for key, value in _attribution(article, reading, errors).items():
            counts[key] = counts.get(key, 0) + value
    if errors_path is not None:
        write_error_lines(errors_path, errors)
    gold_c, pred_c, gold_p, pred_p = (
        (list(column) for column in zip(*rows, strict=True)) if rows else ([],) * 4
    )
    return {
        "dataset": "meantime",
        "data": str(data_dir),
        "articles": len(articles),
        "topics": sorted({topic_of(a.path) for a in articles}),
        "events": len(rows),
        "certainty": class_scores(gold_c, pred_c, CERTAINTY),
        "polarity": class_scores(gold_p, pred_p, POLARITY),
        "baseline_certain_pos": {
            "certainty": class_scores(gold_c, ["CERTAIN"] * len(rows), CERTAINTY)["macro_f1"],
            "polarity": class_scores(gold_p, ["POS"] * len(rows), POLARITY)["macro_f1"],
        },
        "attribution": _attribution_figures(counts),
        "data_sha256": digest(articles),
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
