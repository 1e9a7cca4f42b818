"""A verdict's target (``Statement.target``) in the store: migration 0005, insert, and every read path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hearsay.model import Reading, Source, Statement, Target
from hearsay.store import SQLiteStore
from hearsay.store.link_reads import statements_by_keys
from hearsay.store.migrations import MIGRATIONS, migrate

from .conftest import document, span

TEXT = "The agency reported that the dam had failed. The ministry said the report was false."
TARGET_COLUMNS = ["target_text", "target_start", "target_end", "target_statement"]


def verdict_reading() -> Reading:
    doc = document(TEXT, title="Dam")
    claim = span(TEXT, "that the dam had failed")
    report = Statement(
        "s1",
        Source(None, "The agency", 0, 10),
        span(TEXT, "reported"),
        claim,
        "indirect",
        stance="report",
        certainty="certain",
        polarity="pos",
    )
    verdict = Statement(
        "s2",
        Source(None, "The ministry", 45, 57),
        span(TEXT, "said"),
        span(TEXT, "the report was false"),
        "indirect",
        stance="deny",
        certainty="certain",
        polarity="neg",
        target=Target(claim.text, claim.start, claim.end, statement="s1", pointer="the report"),
    )
    return Reading(doc.id, statements=(report, verdict), document=doc)


def columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]


@pytest.mark.sqlite_only
def test_target_migration_adds_the_columns_to_a_version_4_database(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, MIGRATIONS[:4])
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
    assert not set(TARGET_COLUMNS) & set(columns(db_path, "statements"))
    SQLiteStore(db_path).close()
    added = columns(db_path, "statements")
    start = added.index(TARGET_COLUMNS[0])
    assert added[start : start + 4] == TARGET_COLUMNS
    with sqlite3.connect(db_path) as conn:
        old = conn.execute("SELECT content_text, target_text, target_statement FROM statements").fetchone()
    assert old == ("x", None, None)


def test_target_is_written_and_read_back(db_path: Path) -> None:
    reading = verdict_reading()
    with SQLiteStore(db_path) as store:
        store.put(reading.document, reading)
        assert store.reading(reading.document_id) == reading
        assert store.reading(reading.document_id).statements[1].target == reading.statements[1].target
        rows = {row["statement_id"]: row for row in store.statements()}
    assert rows["s2"]["target_text"] == "that the dam had failed"
    assert (rows["s2"]["target_start"], rows["s2"]["target_end"]) == (20, 43)
    assert rows["s2"]["target_statement"] == "s1"
    assert rows["s1"]["target_text"] is None and rows["s1"]["target_statement"] is None


def test_target_text_reaches_the_linked_layer(db_path: Path) -> None:
    reading = verdict_reading()
    with SQLiteStore(db_path) as store:
        store.put(reading.document, reading)
        found = statements_by_keys(store._conn, [(reading.document_id, "s1"), (reading.document_id, "s2")])
    assert {row["statement_id"]: row["target_text"] for row in found} == {
        "s1": None,
        "s2": "that the dam had failed",
    }
