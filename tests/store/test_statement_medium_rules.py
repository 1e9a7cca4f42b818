"""Migration 0007: a statement's medium and rules, stored and read back; older rows keep NULL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hearsay.model import Medium, Reading, Source, Statement
from hearsay.store import SQLiteStore
from hearsay.store.migrations import MIGRATIONS, migrate

from .conftest import document, span

TEXT = "The ministry said in a statement carried by Al Jazeera that the dam had failed."
NEW_COLUMNS = ["medium_text", "rules"]


def columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def relayed_reading() -> Reading:
    doc = document(TEXT, title="Dam")
    medium = span(TEXT, "Al Jazeera")
    statement = Statement(
        "s1",
        Source(None, "The ministry", 0, 12),
        span(TEXT, "said"),
        span(TEXT, "that the dam had failed"),
        "indirect",
        medium=Medium(medium.text, medium.start, medium.end),
        rules=("cue.verb", "content.clause", "medium.relay", "source.subject", "source.phrase"),
    )
    return Reading(doc.id, statements=(statement,), document=doc)


@pytest.mark.sqlite_only
def test_medium_rules_migration_adds_the_columns_to_a_version_6_database(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, MIGRATIONS[:6])
    conn.execute(
        "INSERT INTO documents (id, language, format, text, ingested_at)"
        " VALUES ('d1', 'en', 'text', 'x', 'now')"
    )
    conn.execute(
        "INSERT INTO statements (document_id, id, cue_text, cue_lemma, content_text, content_start,"
        " content_end, kind, certainty, polarity, stance, cue_start, cue_end)"
        " VALUES ('d1', 's1', 'said', 'say', 'x', 0, 1, 'direct', 'certain', 'pos', 'assert', 0, 1)"
    )
    conn.close()
    assert not set(NEW_COLUMNS) & set(columns(db_path, "statements"))
    SQLiteStore(db_path).close()
    assert set(NEW_COLUMNS) <= set(columns(db_path, "statements"))
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT medium_text, rules FROM statements").fetchone() == (None, None)


def test_medium_rules_stored_and_read_back(db_path: Path) -> None:
    reading = relayed_reading()
    assert reading.document is not None
    with SQLiteStore(db_path) as store:
        store.put(reading.document, reading)
        assert store.reading(reading.document_id).statements == reading.statements
        (row,) = store.statements()
    assert row["medium"] == "Al Jazeera"
    with SQLiteStore(db_path) as store:
        rules = store._conn.execute("SELECT rules FROM statements").fetchone()[0]
    assert rules.split() == list(reading.statements[0].rules)


def test_medium_rules_a_version_1_reading_loads_without_them() -> None:
    data = relayed_reading().to_dict()
    data["schema_version"] = "1"
    for statement in data["statements"]:
        del statement["medium"], statement["rules"]
    loaded = Reading.from_dict(data)
    assert loaded.schema_version == "2"
    assert loaded.statements[0].medium is None and loaded.statements[0].rules == ()
