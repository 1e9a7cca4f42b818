"""The PolNeAR corpus (and any split laid out like it), read by hearsay and scored.

Layout: ``DIR/metadata.tsv`` (filename, publication_date, ...), ``DIR/<split>/text/<name>.txt``
and ``DIR/<split>/attributions/<name>_<annotator>.ann``. Some articles were annotated by several
annotators; each article is scored against one: the annotator whose id sorts first among its
``.ann`` files (a fixed rule that looks at no annotation).

Articles are read with their texts exactly as on disk (not normalised), so hearsay's character
offsets and the annotations' refer to the same text.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..extract.quotes import content_pieces, quote_ranges
from ..ingest.identity import document_id
from ..model import Document, Reading, Statement
from .brat import Attribution, make_part, read_attributions
from .error_lines import write_error_lines
from .fields import rules_of
from .gate import files_sha256
from .metrics import Predicted, Totals, score_document
from .rule_summary import rule_summary

ANNOTATOR_RULE = "the annotator whose id sorts first among the article's .ann files"


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    published: dt.date | None
    annotator: str
    attributions: tuple[Attribution, ...]
    files: tuple[Path, ...]  # the text and the .ann file scored against


def split_folder(data_dir: str | Path, split: str) -> Path:
    folder = Path(data_dir) / split
    if not (folder / "text").is_dir():
        raise InputError(f"has no {split}/text folder; is it a PolNeAR data folder?", where=str(data_dir))
    return folder


def publication_dates(data_dir: Path) -> dict[str, dt.date]:
    """Publication dates by file name from ``metadata.tsv`` (empty when the file is absent)."""
    path = data_dir / "metadata.tsv"
    if not path.exists():
        return {}
    dates: dict[str, dt.date] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            try:
                dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
            except (KeyError, TypeError, ValueError):
                continue
    return dates


def load_articles(data_dir: str | Path, split: str = "dev", limit: int | None = None) -> list[Article]:
    """The articles of one split, sorted by name, each with one annotator's attributions."""
    root = Path(data_dir)
    folder = split_folder(root, split)
    dates = publication_dates(root)
    articles: list[Article] = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        if limit is not None and len(articles) >= limit:
            break
        annotations = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        ann = annotations[0]
        text = text_path.read_text(encoding="utf-8")
        articles.append(
            Article(
                name=text_path.stem,
                text=text,
                published=dates.get(text_path.stem),
                annotator=ann.stem[len(text_path.stem) + 1 :],
                attributions=tuple(read_attributions(ann, text)),
                files=(text_path, ann),
            )
        )
    if not articles:
        raise InputError(f"has no annotated articles in {split}/", where=str(data_dir))
    return articles


def digest(articles: list[Article]) -> str:
    """sha256 over the names and bytes of the files the figures were measured on."""
    return files_sha256(path for article in articles for path in article.files)


def as_document(article: Article) -> Document:
    return Document(
        id=document_id(article.text),
        text=article.text,
        published=article.published,
        language="en",
        source_path=article.name,
    )


def predictions(reading: Reading) -> list[Predicted]:
    """hearsay's statements as attributions, with the mentions and names of each source's entity.

    hearsay gives "Ann and Bob said X" one statement per speaker, so that each entity's ledger holds
    it; PolNeAR marks it as one attribution whose source spans both names. Statements sharing their
    cue and content are therefore scored as one attribution over all their sources.
    """
    text = reading.document.text if reading.document else ""
    quotes = quote_ranges(text)
    groups: dict[tuple[int, int, int], list[Statement]] = {}
    for statement in reading.statements:
        key = (statement.cue.start, statement.content.start, statement.content.end)
        groups.setdefault(key, []).append(statement)
    result = []
    for statements in groups.values():
        first = statements[0]
        sources = [s.source for s in statements if s.source.start is not None and s.source.end is not None]
        ranges = [
            (start, end)
            for start, end in ((s.start, s.end) for s in sources)
            if start is not None and end is not None and end > start
        ]
        entities = [e for e in (reading.entity(s.entity) for s in sources) if e is not None]
        ids = {e.id for e in entities}
        attribution = Attribution(
            id=first.id,
            source=make_part(text, ranges) if ranges else None,
            cue=make_part(text, [(first.cue.start, first.cue.end)]),
            content=make_part(
                text,
                without_ranges(
                    text,
                    content_pieces(
                        text,
                        quotes,
                        (_from_relative(text, first), first.content.end),
                        (first.cue.start, first.cue.end),
                    ),
                    [(first.cue.start, first.cue.end), *ranges],
                ),
            ),
        )
        mentions = tuple((m.start, m.end) for m in reading.mentions if m.entity in ids)
        names = tuple(name for e in entities for name in (e.name, *e.aliases))
        rules = tuple(dict.fromkeys(rule for s in statements for rule in rules_of(s)))
        result.append(Predicted(attribution, mentions, names, entities[0].id if entities else None, rules))
    return result


# A relative pronoun set off by a comma: ", which", ", who".
_COMMA_RELATIVE = re.compile(r",\s*(which|who|whom|whose|where)\b", re.IGNORECASE)


def _from_relative(text: str, statement: Statement) -> int:
    """Where the scored content starts: "the blast, which the ministry says killed 500 people" is scored
    from "which". hearsay's content starts at the noun the pronoun stands for, so that it says what it is
    about (``content.relative_antecedent``); PolNeAR starts a comma-set relative clause's content at its
    pronoun (train content F1 at 0.8 0.6314 -> 0.6321, docs/quality.md)."""
    start = statement.content.start
    if "content.relative_antecedent" not in rules_of(statement):
        return start
    relatives = list(_COMMA_RELATIVE.finditer(text, start, statement.cue.start))
    if not relatives:
        return start
    return relatives[-1].start(1)


def without_ranges(
    text: str, pieces: list[tuple[int, int]], holes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A content's pieces without the speaker tag inside it: "the race, he said, is close" -> "the race"
    and "is close"; "which I said was fair" -> "which" and "was fair".

    PolNeAR's source, cue and content never overlap; hearsay's content is one stretch of text. The
    holes are the cue, then the sources: when the cue has words of the content on both sides, cue and
    sources are cut out when the content is scored ("the plan is seen as a trap" -> "the plan", "a
    trap", even without a source: train content F1 at 0.8 0.6212 -> 0.6239, docs/quality.md). A
    content after its cue ("declined to comment") stays whole.
    """
    start, end = pieces[0][0], pieces[-1][1]
    cue_start, cue_end = holes[0]
    if not start < cue_start < cue_end < end:
        return pieces  # "declined to comment" holds its content: only a tag inside is cut
    result = list(pieces)
    for hole_start, hole_end in holes:
        cut = []
        for start, end in result:
            if hole_end <= start or end <= hole_start:
                cut.append((start, end))
                continue
            cut += [(a, b) for a, b in ((start, hole_start), (hole_end, end)) if b > a]
        result = cut
    worded = [(a, b) for a, b in result if any(ch.isalnum() for ch in text[a:b])]
    return worded or list(pieces)


def _rules_of(reading: Reading, error: dict[str, Any]) -> dict[str, list[str]]:
    """The rules that made the error's predicted statement (issue 15), to count errors by rule."""
    predicted = error.get("predicted")
    if not predicted:
        return {}
    statement = next((s for s in reading.statements if s.id == predicted["id"]), None)
    return {"rules": list(statement.rules)} if statement is not None else {}


def read_articles(
    articles: list[Article], batch_size: int = 16, parse_cache: str | Path | None = None
) -> Iterator[Reading]:
    """hearsay's readings of ``articles``, in order, through the batch path.

    With ``parse_cache`` (a folder) spaCy's parse of each article is kept there and reused on the next
    run (``hearsay.evaluate.parse_cache``): the readings are the same, only faster.
    """
    documents = (as_document(a) for a in articles)
    if parse_cache is not None:
        from .parse_cache import read_with_cache

        yield from read_with_cache(documents, Path(parse_cache), batch_size=batch_size)
        return
    from ..extract.pipeline import extract_many

    yield from extract_many(documents, batch_size=batch_size)


def evaluate_polnear(
    data_dir: str | Path,
    split: str = "dev",
    limit: int | None = None,
    errors_path: str | Path | None = None,
    parse_cache: str | Path | None = None,
) -> dict[str, Any]:
    """Read a PolNeAR split with hearsay and score it; optionally write one JSON line per error.

    With ``errors_path`` the figures also carry ``by_rule``: errors and wins counted by rule name.
    With ``parse_cache`` spaCy's parses are kept in that folder and reused (the same figures, faster).
    """
    started = time.perf_counter()
    articles = load_articles(data_dir, split, limit)
    totals = Totals()
    errors: list[dict[str, Any]] = []
    for article, reading in zip(articles, read_articles(articles, parse_cache=parse_cache), strict=True):
        scored = score_document(article.text, list(article.attributions), predictions(reading))
        totals.add(scored.totals)
        errors += [
            {"article": article.name, "annotator": article.annotator, **e, **_rules_of(reading, e)}
            for e in scored.errors
        ]
    by_rule: dict[str, Any] = {}
    if errors_path is not None:
        write_error_lines(errors_path, errors)
        by_rule = {"by_rule": rule_summary(errors, totals.rule_right)}
    return {
        "dataset": "polnear",
        "data": str(data_dir),
        "split": split,
        "articles": len(articles),
        "annotator_rule": ANNOTATOR_RULE,
        "data_sha256": digest(articles),
        **totals.to_dict(),
        **by_rule,
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
