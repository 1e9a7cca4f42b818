"""Printing helpers shared by the commands: one-line errors, JSON Lines, tables, styled article text.

Text that comes from documents is always wrapped in ``rich.text.Text`` and never passed as a
string to rich, which would read ``[bold]`` or ``[link=...]`` in an article as markup.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import coded, printable
from ..model import Reading
from ..vocabulary import factuality_words

# Styles of the marked-up article in `hearsay show`, in the order they are applied: later
# styles win where spans overlap (a source inside a content, a time inside a content).
STYLES = {
    "content": "green",
    "entity": "underline yellow",
    "time": "underline blue",
    "source": "bold cyan",
    "cue": "bold magenta",
}


def console(stderr: bool = False) -> Console:
    """A console that never reads markup or highlights numbers in what it prints."""
    return Console(stderr=stderr, markup=False, highlight=False, emoji=False)


def error(message: str) -> None:
    """Print one error line on stderr: one line, escaped, with a ``[CODE]`` (H900 when it has none)."""
    click.echo(f"hearsay: error: {coded(one_line(message))}", err=True)


def note(message: str) -> None:
    """Print one informational line on stderr."""
    click.echo(f"hearsay: {one_line(message)}", err=True)


def one_line(message: str) -> str:
    """``message`` on one line, its control characters escaped so that a terminal shows them."""
    return printable(" ".join(str(message).split()))


def json_line(data: Any) -> None:
    """Write one JSON object on one line of stdout."""
    text = json.dumps(data, ensure_ascii=False)
    # U+2028/U+2029 are valid unescaped in JSON, but many line readers split on them.
    sys.stdout.write(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n")


def cell(value: Any, limit: int | None = None) -> Text:
    """A table cell that shows ``value`` literally (no markup), shortened to ``limit`` characters."""
    text = "" if value is None else one_line(str(value))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text)


# Columns of short values that stay on one line; the others wrap.
ONE_LINE = frozenset({"#", "document", "type", "factuality", "count", "documents", "mentions", "statements"})


def table(columns: Sequence[str], rows: Iterable[Sequence[Any]], title: str | None = None) -> Table:
    """A rich table whose cells are literal text."""
    result = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        result.add_column(column, no_wrap=column in ONE_LINE)
    for row in rows:
        result.add_row(*(value if isinstance(value, Text) else cell(value) for value in row))
    return result


def factuality(statement: Any, sep: str = ", ") -> str:
    """A statement's stance, certainty and polarity in the words the pages use (``hearsay.vocabulary``):
    "denies, certainty certain, polarity negative"; ``--json`` keeps the stored values."""
    return factuality_words(statement, sep)


def statement_row(
    first: str, source: str | None, cue: str, content: str, statement: Any, limit: int = 200
) -> tuple[Text, ...]:
    """The cells of one statement in a table: first column, source, cue, content, factuality."""
    return (
        cell(first),
        Text(one_line(source or "(unattributed)"), style=STYLES["source"]),
        Text(one_line(cue), style=STYLES["cue"]),
        cell(content, limit),
        Text(factuality(statement, sep="\n")),
    )


STATEMENT_COLUMNS = ("source", "cue", "content", "factuality")


def marked_up(reading: Reading, text: str) -> Text:
    """The document text with sources, cues, contents, entity mentions and times styled by span."""
    result = Text(text, end="")
    spans: dict[str, list[tuple[int | None, int | None]]] = {name: [] for name in STYLES}
    for statement in reading.statements:
        spans["content"].append((statement.content.start, statement.content.end))
        spans["cue"].append((statement.cue.start, statement.cue.end))
        spans["source"].append((statement.source.start, statement.source.end))
    spans["entity"] = [(m.start, m.end) for m in reading.mentions]
    spans["time"] = [(t.start, t.end) for t in reading.times]
    for name, style in STYLES.items():
        for start, end in spans[name]:
            if start is not None and end is not None and 0 <= start < end <= len(text):
                result.stylize(style, start, end)
    return result


# Brackets for `hearsay show --plain` (and any output without colour): statement n's source,
# cue and content, so a piped or colour-blind reading still shows what belongs to what.
PLAIN_MARKS = {"source": ("[S", "]"), "cue": ("<C", ">"), "content": ("{", "}")}


def plain_marked_up(reading: Reading, text: str) -> str:
    """The document text with numbered brackets around each statement's source, cue and content.

    A span shared by several statements is marked once with all their numbers ("[S5,6 Aybek Smadiyarov]").
    """
    numbers: dict[tuple[str, int, int], list[str]] = {}
    for number, statement in enumerate(reading.statements, start=1):
        for part in PLAIN_MARKS:
            span = getattr(statement, part)
            if span.start is not None and span.end is not None and 0 <= span.start < span.end <= len(text):
                numbers.setdefault((part, span.start, span.end), []).append(str(number))
    inserts: list[tuple[int, int, int, str]] = []  # (offset, closing before opening, nesting, mark)
    for (part, start, end), numbered in numbers.items():
        opening, closing = PLAIN_MARKS[part]
        inserts.append((start, 1, -end, f"{opening}{','.join(numbered)} "))
        inserts.append((end, 0, -start, closing))
    pieces, cursor = [], 0
    for offset, _, _, mark in sorted(inserts):
        pieces.append(text[cursor:offset])
        pieces.append(mark)
        cursor = offset
    pieces.append(text[cursor:])
    return "".join(pieces)


def plain_legend() -> str:
    return "legend: [Sn source]  <Cn cue>  {n content}  (n = the statement's number below)"


def legend() -> Text:
    """One line naming the style of each kind of item."""
    result = Text("legend: ")
    for name, style in reversed(STYLES.items()):
        result.append(name, style=style)
        result.append("  ")
    return result
