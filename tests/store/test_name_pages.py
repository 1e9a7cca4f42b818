"""Pages of statements by source or about, read in list order and stopped when full (name_pages.py).

The reference is ``statements_sql``, which sorts every match: each page must be exactly its page,
whatever order the documents were stored in.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from hearsay.model import Reading
from hearsay.store import SQLiteStore, name_pages, queries

from .conftest import all_readings

NEEDLES = ["smadiyarov", "dw", "d", "e", "ministry", "drones", "россия", "said", "nothing like this"]
PAGES = [(50, 0), (3, 0), (2, 3), (1, 7), (5, 40)]


def _copies(count: int) -> list[Reading]:
    """``count`` documents: the hand-built readings again under new ids (their order interleaved)."""
    made = []
    for number in range(count):
        reading = all_readings()[number % 3]
        assert reading.document is not None
        document_id = f"{number:04d}" + reading.document_id[4:]
        document = dataclasses.replace(reading.document, id=document_id)
        made.append(dataclasses.replace(reading, document_id=document_id, document=document))
    return made


def _sorted_page(store: SQLiteStore, key: str, needle: str, limit: int, offset: int) -> list[dict]:
    params = queries.statement_params(
        source=needle if key == "source" else None,
        about=needle if key == "about" else None,
        stance=None,
        document_id=None,
        limit=limit,
        offset=offset,
    )
    return [dict(row) for row in store._conn.execute(queries.statements_sql(params), params)]


def _assert_pages_exact(store: SQLiteStore) -> None:
    for needle in NEEDLES:
        for key in ("source", "about"):
            for limit, offset in PAGES:
                expected = _sorted_page(store, key, needle, limit, offset)
                assert store.statements(**{key: needle}, limit=limit, offset=offset) == expected


@pytest.fixture
def many(store: SQLiteStore) -> SQLiteStore:
    for reading in _copies(12):
        assert store.put(reading.document, reading) is True
    return store


def test_pages_by_name_equal_the_sorted_matches(many: SQLiteStore) -> None:
    assert len(many.statements(about="d", limit=-1 + 1000)) > 10  # several pages of matches
    _assert_pages_exact(many)


def test_replaced_readings_stored_out_of_order_keep_pages_exact(many: SQLiteStore) -> None:
    copies = _copies(12)
    for reading in (copies[1], copies[4], copies[0]):
        fewer = dataclasses.replace(reading, statements=reading.statements[1:])
        with many.transaction():
            many.replace_reading(fewer)
    _assert_pages_exact(many)
    with many.transaction():  # the newest document replaced is still in order
        many.replace_reading(copies[11])
    _assert_pages_exact(many)


@pytest.mark.sqlite_only  # PostgreSQL sorts every match (its GIN index has no order)
def test_late_documents_are_noted_and_forgotten(many: SQLiteStore) -> None:
    copies = _copies(12)
    with many.transaction():
        many.replace_reading(copies[2])
    late = many._conn.execute("SELECT document_id, key_table FROM statement_keys_late").fetchall()
    assert {tuple(row) for row in late} == {
        (copies[2].document_id, "statement_sources"),
        (copies[2].document_id, "statement_about"),
    }
    with many.transaction():
        many.replace_reading(dataclasses.replace(copies[2], statements=()))
    assert many._conn.execute("SELECT count(*) FROM statement_keys_late").fetchone()[0] == 0


@pytest.mark.sqlite_only
def test_too_many_late_documents_sort_every_match(many: SQLiteStore, monkeypatch) -> None:
    with many.transaction():
        many.replace_reading(_copies(12)[3])
    monkeypatch.setattr(name_pages, "LATE_LIMIT", 0)
    assert name_pages.page(many._conn, "statement_about", {}, "about") is None
    _assert_pages_exact(many)


@pytest.mark.sqlite_only
def test_migration_puts_the_rows_of_an_older_store_in_list_order(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    with SQLiteStore(path) as store:
        for reading in _copies(9):
            store.put(reading.document, reading)
    conn = sqlite3.connect(path, isolation_level=None)
    # As a store before 0016 could be: rows in another order than the documents' (its backfill's).
    conn.execute("DELETE FROM migrations WHERE name = '0016_name_keys_in_order'")
    conn.execute("DROP TABLE statement_keys_late")
    for table in ("documents", "statements"):
        conn.execute(f"UPDATE {table} SET ingested_at = '2025-01-01T00:00:00.' || (9999 - rowid)")
    conn.close()
    with SQLiteStore(path) as migrated:
        order = [
            row[0] for row in migrated._conn.execute("SELECT document_id FROM statement_about ORDER BY rowid")
        ]
        documents = [
            row[0] for row in migrated._conn.execute("SELECT id FROM documents ORDER BY ingested_at, id")
        ]
        assert list(dict.fromkeys(order)) == [d for d in documents if d in set(order)]
        _assert_pages_exact(migrated)


@pytest.mark.parametrize("min_walk", [1, 1000])
def test_bounded_walks_on_postgresql_keep_pages_exact(
    many: SQLiteStore, backend: str, monkeypatch, min_walk: int
) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL's walk (pg_name_pages); SQLite's is above")
    from hearsay.store import pg_name_pages

    # 1: a walk of 2 × sqrt(wanted × statements) statements, short enough here that the commoner
    # needles are walked and the rarer ones sorted; 1000: every indexed needle is rare (step 0).
    monkeypatch.setattr(pg_name_pages, "MIN_WALK", min_walk)
    total = many.count_statements()
    outcomes = set()
    for needle in NEEDLES:
        for limit, offset in PAGES:
            params = queries.statement_params(
                source=None, about=needle, stance=None, document_id=None, limit=limit, offset=offset
            )
            expected = _sorted_page(many, "about", needle, limit, offset)
            walked = pg_name_pages.walked(many._conn, "statement_about", params, "about", total)
            outcomes.add(walked is not None)
            if walked is not None:
                assert [dict(row) for row in walked] == expected
            page = pg_name_pages.page(many._conn, "statement_about", params, "about", total)
            assert [dict(row) for row in page] == expected
    assert outcomes == {True, False}
    _assert_pages_exact(many)


def test_walk_length_grows_with_the_square_root_of_the_store() -> None:
    from hearsay.store.pg_name_pages import MIN_WALK, walk_length

    assert walk_length(50, 100) == MIN_WALK
    assert walk_length(50, 2_000_000) == 20_000
    assert walk_length(50, 8_000_000) == 40_000
