"""Hand-built readings and real SQLite stores in tmp_path; no spaCy, no mocks."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from hearsay.model import (
    Addressee,
    Document,
    Entity,
    Mention,
    Reading,
    Role,
    Source,
    Span,
    Statement,
    TimeExpression,
)
from hearsay.store import SQLiteStore


def pytest_report_header() -> str:
    return f"sqlite: {sqlite3.sqlite_version}"


def span(text: str, piece: str, occurrence: int = 0) -> Span:
    """The ``occurrence``-th place ``piece`` appears in ``text``, as a Span."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


def document(text: str, **metadata) -> Document:
    return Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, **metadata)


def mention(text: str, entity: str, piece: str, label: str, occurrence: int = 0) -> Mention:
    s = span(text, piece, occurrence)
    return Mention(entity=entity, start=s.start, end=s.end, text=s.text, label=label)


def source(text: str, entity: str | None, piece: str | None, occurrence: int = 0) -> Source:
    if piece is None:
        return Source(entity=entity, text=None, start=None, end=None)
    s = span(text, piece, occurrence)
    return Source(entity=entity, text=s.text, start=s.start, end=s.end)


DRONES = (
    "Aybek Smadiyarov, the Foreign Ministry spokesperson, told DW on June 2 that Kazakhstan had not "
    'bought any drones. "We do not comment on rumours," Smadiyarov said. According to officials, '
    "the talks may resume in July."
)
TURKEY = "Kazakh officials said drones were bought from Turkey. Smadiyarov denied it on Monday."
RUSSIAN = "Айбек Смадияров заявил, что переговоры продолжатся."


def drones_reading() -> Reading:
    t = DRONES
    doc = document(
        t,
        url="https://example.org/drones",
        outlet="Example News",
        title="Kazakhstan denies drone deal",
        author="A. Writer",
        published=dt.date(2025, 6, 3),
        source_path="drones.txt",
    )
    role = span(t, "Foreign Ministry spokesperson")
    entities = (
        Entity("e1", "Aybek Smadiyarov", "PERSON", ("Smadiyarov",), (Role(role.text, role.start, role.end),)),
        Entity("e2", "Kazakhstan", "GPE", ("Republic of Kazakhstan",)),
        Entity("e3", "DW", "OUTLET"),
    )
    mentions = (
        mention(t, "e1", "Aybek Smadiyarov", "PERSON"),
        mention(t, "e3", "DW", "OUTLET"),
        mention(t, "e2", "Kazakhstan", "GPE"),
        mention(t, "e1", "Smadiyarov", "PERSON", occurrence=1),
    )
    dw = span(t, "DW")
    statements = (
        Statement(
            "s1",
            source(t, "e1", "Aybek Smadiyarov"),
            span(t, "told"),
            span(t, "Kazakhstan had not bought any drones"),
            "indirect",
            addressee=Addressee(dw.text, dw.start, dw.end, "e3"),
            certainty="certain",
            polarity="neg",
            stance="deny",
            factuality_cues=(span(t, "not"),),
            cue_lemma="tell",
        ),
        Statement(
            "s2",
            source(t, "e1", "Smadiyarov", occurrence=1),
            span(t, "said"),
            span(t, "We do not comment on rumours"),
            "direct",
            stance="refuse_to_comment",
            cue_lemma="say",
        ),
        Statement(
            "s3",
            source(t, None, "officials"),
            span(t, "According to"),
            span(t, "the talks may resume in July"),
            "indirect",
            certainty="possible",
            polarity="pos",
            stance="report",
            factuality_cues=(span(t, "may"),),
            cue_lemma="according to",
        ),
    )
    june, july = span(t, "June 2"), span(t, "July")
    times = (
        TimeExpression(june.text, june.start, june.end, "2025-06-02"),
        TimeExpression(july.text, july.start, july.end, "2025-07"),
    )
    return Reading(
        doc.id,
        entities,
        mentions,
        statements,
        times,
        published=doc.published,
        extractor="hearsay-test",
        document=doc,
    )


def turkey_reading() -> Reading:
    t = TURKEY
    doc = document(t, title="Drones came from Turkey, officials say", outlet="Other Wire")
    entities = (
        Entity("e1", "Aybek Smadiyarov", "PERSON", ("Smadiyarov", "Mr Smadiyarov")),
        Entity("e2", "Turkey", "GPE"),
    )
    mentions = (mention(t, "e2", "Turkey", "GPE"), mention(t, "e1", "Smadiyarov", "PERSON"))
    statements = (
        Statement(
            "s1",
            source(t, None, "Kazakh officials"),
            span(t, "said"),
            span(t, "drones were bought from Turkey"),
            "indirect",
            stance="report",
            cue_lemma="say",
        ),
        Statement(
            "s2",
            source(t, "e1", "Smadiyarov"),
            span(t, "denied"),
            span(t, "it"),
            "indirect",
            polarity="neg",
            stance="deny",
            cue_lemma="deny",
        ),
    )
    monday = span(t, "Monday")
    times = (TimeExpression(monday.text, monday.start, monday.end, None),)
    return Reading(doc.id, entities, mentions, statements, times, extractor="hearsay-test", document=doc)


def russian_reading() -> Reading:
    t = RUSSIAN
    doc = document(t, language="ru")
    entities = (Entity("e1", "Айбек Смадияров", "PERSON"),)
    statements = (
        Statement(
            "s1",
            source(t, "e1", "Айбек Смадияров"),
            span(t, "заявил"),
            span(t, "переговоры продолжатся"),
            "indirect",
            cue_lemma="заявить",
        ),
    )
    return Reading(
        doc.id,
        entities,
        (mention(t, "e1", "Айбек Смадияров", "PERSON"),),
        statements,
        language="ru",
        document=doc,
    )


def all_readings() -> list[Reading]:
    return [drones_reading(), turkey_reading(), russian_reading()]


def put_all(store: SQLiteStore, readings: list[Reading]) -> None:
    for reading in readings:
        assert store.put(reading.document, reading) is True


@pytest.fixture
def db_path(database_location: str) -> Path | str:
    """The store's place: a SQLite file (a Path), or a new PostgreSQL database (its URL)."""
    return database_location if "://" in database_location else Path(database_location)


@pytest.fixture
def store(db_path: Path | str) -> Iterator[SQLiteStore]:
    with SQLiteStore(db_path) as opened:
        yield opened


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    """A store holding the three hand-built readings."""
    put_all(store, all_readings())
    return store
