"""Named migrations: recorded once, applied in order, each whole or not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hearsay.errors import StoreError
from hearsay.store import SQLiteStore
from hearsay.store.migrations import MIGRATIONS, Migration, applied, migrate, pending

# The SQLite file's own migrations; PostgreSQL's ledger: tests/store/test_postgres.py.
pytestmark = pytest.mark.sqlite_only


def recorded(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT name, applied_at FROM migrations ORDER BY name").fetchall()


def columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]


def test_migrations_names_are_unique_and_ordered() -> None:
    names = [m.name for m in MIGRATIONS]
    assert names == sorted(names)
    assert len(set(names)) == len(names)


def test_migrations_are_recorded_on_open(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    rows = recorded(db_path)
    assert [name for name, _ in rows] == [m.name for m in MIGRATIONS]
    assert all(applied_at.endswith("+00:00") for _, applied_at in rows)


def test_migrations_reopening_does_not_reapply(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    first = recorded(db_path)
    for read_only in (False, True, False):
        SQLiteStore(db_path, read_only=read_only).close()
    assert recorded(db_path) == first


def test_migrations_create_the_tables(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    assert columns(db_path, "documents") == [
        "id",
        "url",
        "outlet",
        "title",
        "author",
        "published",
        "language",
        "format",
        "source_path",
        "text",
        "ingested_at",
        "outlet_key",
    ]
    assert columns(db_path, "readings") == ["document_id", "schema_version", "extractor", "json"]
    assert columns(db_path, "entities") == ["document_id", "id", "name", "type", "aliases", "roles"]
    assert columns(db_path, "mentions") == ["document_id", "entity", "start", "end", "text", "label"]
    assert columns(db_path, "times") == ["document_id", "text", "start", "end", "value", "type"]
    assert columns(db_path, "statements")[:3] == ["document_id", "id", "source_entity"]
    assert {"source_name", "cue_lemma", "addressee_text", "stance", "cue_start", "source_end"} <= set(
        columns(db_path, "statements")
    )
    assert columns(db_path, "documents_fts") == ["title", "text", "document_id"]
    assert columns(db_path, "statements_fts")[:3] == ["content_text", "source_name", "cue_text"]


def test_migrations_bring_an_older_database_up_to_date(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert migrate(conn, MIGRATIONS[:1]) == [MIGRATIONS[0].name]
    conn.close()
    first = recorded(db_path)
    with pytest.raises(StoreError, match="needs migrating"):
        SQLiteStore(db_path, read_only=True)
    SQLiteStore(db_path).close()
    rows = recorded(db_path)
    assert rows[0] == first[0]
    assert [name for name, _ in rows] == [m.name for m in MIGRATIONS]


def test_migrations_failing_step_leaves_nothing_behind(db_path: Path) -> None:
    broken = (
        Migration("0001_fine", ("CREATE TABLE fine (x)",)),
        Migration("0002_broken", ("CREATE TABLE half (x)", "CREATE TABLE half (x)")),
    )
    conn = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        migrate(conn, broken)
    assert applied(conn) == ["0001_fine"]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    assert "half" not in tables and "fine" in tables
    assert [m.name for m in pending(conn, broken)] == ["0002_broken"]
    conn.close()


def test_migrations_unknown_to_this_version_refuse_to_open(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO migrations VALUES ('9999_from_the_future', '2099-01-01T00:00:00+00:00')")
    with pytest.raises(StoreError, match="9999_from_the_future.*upgrade hearsay") as caught:
        SQLiteStore(db_path)
    assert str(db_path) in str(caught.value)


def test_migrations_refuse_another_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not hearsay's") as caught:
        SQLiteStore(path)
    assert str(path) in str(caught.value)
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    assert tables == {"accounts"}


def test_migrations_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with SQLiteStore(path) as store:
        assert store.counts()["documents"] == 0


def test_migrations_index_an_entitys_statements_by_cluster(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    conn = sqlite3.connect(db_path)
    indexes = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE tbl_name = 'link_statements'")
    }
    plan = " ".join(
        row[3]
        for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT DISTINCT cluster_id FROM link_statements "
            "WHERE entity_id = 'e' AND cluster_id IS NOT NULL ORDER BY cluster_id LIMIT 200"
        )
    )
    conn.close()
    assert "link_statements_entity_cluster" in indexes
    assert "link_statements_entity" not in indexes
    assert "USING COVERING INDEX link_statements_entity_cluster" in plan
    assert "TEMP B-TREE" not in plan
