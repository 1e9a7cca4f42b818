"""A real store holding hand-built readings whose text is hard on CSV and spreadsheets."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from hearsay.model import Document, Entity, Mention, Reading, Role, Source, Span, Statement, TimeExpression
from hearsay.store import SQLiteStore

# A formula at the start of the title and of a quote, commas, quotes and a newline inside values.
HOSTILE = (
    '=HYPERLINK("http://evil.example","click") was posted, then deleted.\n'
    'The mayor said: "-5%, or worse", adding that +1 is "@risk".'
)
PLAIN = "Officials in Almaty said on Monday that the bridge will reopen."


def span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece), piece)


def reading(text: str, title: str, statements: list[tuple[str | None, str, str, str]], **extra) -> Reading:
    """A reading of ``text``; each statement is (source words or None, cue, content, stance)."""
    document = Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, title=title)
    records = []
    for number, (source_words, cue, content, stance) in enumerate(statements, start=1):
        where = span(text, source_words) if source_words else None
        source = Source(
            entity="e1" if source_words else None,
            text=where.text if where else None,
            start=where.start if where else None,
            end=where.end if where else None,
        )
        records.append(
            Statement(f"s{number}", source, span(text, cue), span(text, content), "direct", stance=stance)
        )
    return Reading(document.id, statements=tuple(records), document=document, **extra)


def hostile_reading() -> Reading:
    mayor = span(HOSTILE, "The mayor")
    role = span(HOSTILE, "mayor")
    return reading(
        HOSTILE,
        '=HYPERLINK("http://evil.example","click")',
        [
            ("The mayor", "said", "-5%, or worse", "assert"),
            ("The mayor", "adding", '+1 is "@risk"', "assert"),
        ],
        entities=(
            Entity(
                "e1",
                "@mayor",
                "PERSON",
                ("=cmd|' /C calc'!A0", "The mayor"),
                (Role(role.text, role.start, role.end),),
            ),
        ),
        mentions=(Mention("e1", mayor.start, mayor.end, mayor.text, "PERSON"),),
    )


def plain_reading() -> Reading:
    monday = span(PLAIN, "Monday")
    return reading(
        PLAIN,
        "Bridge to reopen",
        [(None, "said", "the bridge will reopen", "report")],
        times=(TimeExpression(monday.text, monday.start, monday.end, "2025-06-02"),),
    )


@pytest.fixture
def readings() -> list[Reading]:
    return [hostile_reading(), plain_reading()]


@pytest.fixture
def store(database_location: str, readings: list[Reading]) -> Iterator[SQLiteStore]:
    """The readings in a store on each backend (a SQLite file in tmp_path, a PostgreSQL database)."""
    with SQLiteStore(database_location) as opened:
        for item in readings:
            opened.put(item.document, item)
    with SQLiteStore(database_location, read_only=True) as read_only:
        yield read_only
