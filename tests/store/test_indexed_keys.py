"""Migration 0009: folded name keys, running counts and the statement order as indexes.

The reference for every filter is the SQL it replaced, which called ``hearsay_fold`` inside
``instr`` on every row: the indexed filters must return exactly what it returned.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from hearsay.model import Reading
from hearsay.store import SQLiteStore
from hearsay.store import sqlite as store_sqlite
from hearsay.store.migrations import MIGRATIONS, migrate
from hearsay.store.queries import register_functions

from .conftest import all_readings, put_all

_MATCHES = """(instr(hearsay_fold(e.name), :needle) > 0
    OR EXISTS (SELECT 1 FROM json_each(e.aliases) AS a WHERE instr(hearsay_fold(a.value), :needle) > 0))"""

REFERENCE = {
    "source": f"""SELECT s.document_id, s.id FROM statements AS s WHERE
        instr(hearsay_fold(s.source_name), :needle) > 0 OR instr(hearsay_fold(s.source_text), :needle) > 0
        OR EXISTS (SELECT 1 FROM entities AS e WHERE e.document_id = s.document_id
                   AND e.id = s.source_entity AND {_MATCHES})""",
    "about": f"""SELECT s.document_id, s.id FROM statements AS s WHERE
        instr(hearsay_fold(s.content_text), :needle) > 0
        OR EXISTS (SELECT 1 FROM mentions AS m JOIN entities AS e
                   ON e.document_id = m.document_id AND e.id = m.entity
                   WHERE m.document_id = s.document_id AND m.start >= s.content_start
                   AND m."end" <= s.content_end AND {_MATCHES})""",
}
NEEDLES = ["Smadiyarov", "SMADI", "dw", "d", "", "ministry spokes", 'we "do', "drones", "Россия", "x" * 40]


def _keys(rows: list[dict]) -> set[tuple[str, str]]:
    return {(r["document_id"], r["statement_id"]) for r in rows}


def _reference(store: SQLiteStore, kind: str, needle: str) -> set[tuple[str, str]]:
    cursor = store._conn.execute(REFERENCE[kind], {"needle": needle.casefold()})
    return {(row[0], row[1]) for row in cursor}


@pytest.mark.parametrize("kind", ["source", "about"])
@pytest.mark.parametrize("needle", NEEDLES)
def test_indexed_name_filters_match_the_per_row_reference(
    filled: SQLiteStore, kind: str, needle: str
) -> None:
    found = filled.statements(**{kind: needle})
    assert _keys(found) == _reference(filled, kind, needle)
    assert filled.count_statements(**{kind: needle}) == len(found)


@pytest.mark.sqlite_only  # PostgreSQL's plan: tests/store/test_postgres.py
def test_indexed_name_filter_is_an_index_lookup(filled: SQLiteStore) -> None:
    params = store_sqlite.queries.statement_params(
        source="smadiyarov", about=None, stance=None, document_id=None, limit=10
    )
    plan = " | ".join(
        row[3]
        for row in filled._conn.execute(
            "EXPLAIN QUERY PLAN " + store_sqlite.queries.statements_sql(params), params
        )
    )
    assert "statement_sources VIRTUAL TABLE INDEX" in plan
    assert "hearsay_fold" not in store_sqlite.queries.statements_sql(params)


def test_running_counts_equal_the_tables(filled: SQLiteStore) -> None:
    conn = filled._conn
    expected = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in filled.counts()}
    assert filled.counts() == expected
    for (stance,) in conn.execute("SELECT DISTINCT stance FROM statements").fetchall():
        rows = filled.statements(stance=stance)
        assert filled.count_statements(stance=stance) == len(rows) > 0
    assert filled.count_statements(stance="no such stance") == 0


def _old_store(path: Path, readings: list[Reading]) -> None:
    """A store as hearsay wrote it before migration 0009."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    register_functions(conn)
    migrate(conn, tuple(m for m in MIGRATIONS if m.name < "0009"))
    for reading in readings:
        assert reading.document is not None
        doc_id = reading.document_id
        conn.execute("BEGIN")
        conn.execute(
            store_sqlite._INSERT_DOCUMENT,
            {
                **store_sqlite.rows.document_row(reading.document),
                "ingested_at": f"2025-01-0{len(doc_id) % 9 + 1}",
            },
        )
        conn.executemany(
            store_sqlite._INSERT_ENTITY, [store_sqlite.rows.entity_row(doc_id, e) for e in reading.entities]
        )
        conn.executemany(
            store_sqlite._INSERT_MENTION, [store_sqlite.rows.mention_row(doc_id, m) for m in reading.mentions]
        )
        conn.executemany(
            store_sqlite._INSERT_STATEMENT,
            [store_sqlite.rows.statement_row(reading, s) for s in reading.statements],
        )
        conn.executemany(
            store_sqlite._INSERT_TIME, [store_sqlite.rows.time_row(doc_id, t) for t in reading.times]
        )
        conn.execute("COMMIT")
    conn.close()


def test_migration_backfills_keys_and_counts_of_an_older_store(tmp_path: Path) -> None:
    readings = all_readings()
    _old_store(tmp_path / "old.db", readings)
    with SQLiteStore(tmp_path / "new.db") as fresh:
        put_all(fresh, readings)
        with SQLiteStore(tmp_path / "old.db") as migrated:
            assert migrated.counts() == fresh.counts()
            for needle in NEEDLES:
                for kind in ("source", "about"):
                    assert _keys(migrated.statements(**{kind: needle})) == _keys(
                        fresh.statements(**{kind: needle})
                    )
            assert len(migrated.statements(outlet="example news")) == len(
                fresh.statements(outlet="example news")
            )
            order = [r["statement_id"] for r in migrated.statements()]
            assert order == [r["statement_id"] for r in migrated.statements(stance=None)]
            assert None not in {
                row[0] for row in migrated._conn.execute("SELECT ingested_at FROM statements")
            }


def test_a_replaced_reading_keeps_keys_and_counts_exact(filled: SQLiteStore) -> None:
    reading = next(r for r in all_readings() if len(r.statements) > 1)
    fewer = dataclasses.replace(reading, statements=reading.statements[1:])
    with filled.transaction():
        filled.replace_reading(fewer)
    test_running_counts_equal_the_tables(filled)
    for needle in NEEDLES:
        for kind in ("source", "about"):
            assert _keys(filled.statements(**{kind: needle})) == _reference(filled, kind, needle)
    order = filled.statements()
    assert all(row["statement_id"] for row in order)
    stored = filled._conn.execute("SELECT count(*) FROM statements WHERE ingested_at IS NULL").fetchone()[0]
    assert stored == 0
