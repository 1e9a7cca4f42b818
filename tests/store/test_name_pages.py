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

    # 1: a walk of 1.5 × sqrt(wanted × statements) statements, short enough here that the commoner
    # needles are walked and the rarer ones sorted (and few key rows make a name rare); 1000: every
    # indexed needle is rare (step 0).
    monkeypatch.setattr(pg_name_pages, "MIN_WALK", min_walk)
    if min_walk == 1:
        monkeypatch.setattr(pg_name_pages, "FEW_SHARE", 0.05)
    total = many.count_statements()
    outcomes, rare = set(), set()
    for needle in NEEDLES:
        match = pg_name_pages._index_match("statement_about", "about", needle)
        for limit, offset in PAGES:
            params = queries.statement_params(
                source=None, about=needle, stance=None, document_id=None, limit=limit, offset=offset
            )
            expected = _sorted_page(many, "about", needle, limit, offset)
            if match is not None:
                found = pg_name_pages.rare_page(many._conn, "statement_about", params, "about", match, total)
                rare.add(found is not None)
            walked = pg_name_pages.walked(many._conn, "statement_about", params, "about", total)
            outcomes.add(walked is not None)
            if walked is not None:
                assert [dict(row) for row in walked] == expected
            page = pg_name_pages.page(many._conn, "statement_about", params, "about", total)
            assert [dict(row) for row in page] == expected
    assert outcomes == {True, False}
    assert rare == ({True} if min_walk == 1000 else {True, False})
    _assert_pages_exact(many)


def test_needles_find_their_index_on_postgresql() -> None:
    from hearsay.store.pg_name_pages import _index_match, lookup_pattern

    assert "LIKE" in (_index_match("statement_about", "about", "ministry") or "")  # pg_trgm
    # a long needle is looked up by its last characters (and checked whole); LIKE's own marks escaped
    assert lookup_pattern("ministry of foreign affairs") == "%eign affairs%"
    assert lookup_pattern("50% of a_b") == "%50\\% of a\\_b%"
    assert lookup_pattern("u.s. ... ... army") == "%... ... army%"
    assert lookup_pattern("x" + "." * 20) == "%x" + "." * 20 + "%"
    for needle in ("uk", "u.s.", "at&t"):  # no three word characters in a row: the pieces of two
        assert "hearsay_bigrams" in (_index_match("statement_about", "about", needle) or "")
    assert _index_match("statement_about", "about", "d") is None


def test_key_rows_carry_their_statements_places_on_postgresql(many: SQLiteStore, backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL's key rows; SQLite's are in list order by rowid")
    for table in ("statement_sources", "statement_about"):
        wrong = many._conn.execute(
            f"""SELECT count(*) FROM {table} AS k JOIN statements AS s
            ON s.document_id = k.document_id AND s.id = k.statement_id
            WHERE k.ingested_at IS DISTINCT FROM s.ingested_at
                OR k.content_start IS DISTINCT FROM s.content_start"""
        ).fetchone()[0]
        assert wrong == 0
        assert many._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0


def test_walk_length_grows_with_the_square_root_of_the_store() -> None:
    from hearsay.store.pg_name_pages import MIN_WALK, walk_length

    assert walk_length(50, 100) == MIN_WALK
    assert walk_length(50, 2_000_000) == 15_000
    assert walk_length(50, 8_000_000) == 30_000


def test_migration_gives_an_older_postgresql_stores_key_rows_their_places(
    many: SQLiteStore, db_path: Path | str, backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL's own migration")
    from hearsay.store.pg_name_pages import NAME_KEYS_IN_ORDER

    conn = many._conn  # back to the schema before 0019, rows kept
    for table in ("statement_sources", "statement_about"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN ingested_at, DROP COLUMN content_start")
        conn.execute(f"DROP INDEX {table}_bigram")
    conn.execute("DROP FUNCTION hearsay_bigrams")
    conn.execute("DELETE FROM migrations WHERE name = ?", (NAME_KEYS_IN_ORDER.name,))
    many.close()
    with SQLiteStore(db_path) as migrated:
        test_key_rows_carry_their_statements_places_on_postgresql(migrated, backend)
        _assert_pages_exact(migrated)
