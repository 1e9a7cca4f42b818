"""An entity's lists written when linked (``link_entity_lists``) give the rows, order and totals of
reading every statement and sorting, and stay so through new documents, merges, splits,
corrections, a rebuild and the migration that fills them for a store linked before."""

from __future__ import annotations

import json

import pytest

from hearsay.corrections.service import Change, correct, reject
from hearsay.link import link_corpus, merge, split
from hearsay.link import pages as link_page_api
from hearsay.store import Store, entity_lists, entity_statements, link_pages, link_reads

from . import corpus

EVERY = {"said": link_reads.statements_said_by, "said_about": link_reads.statements_about}
PAGES = {"said": link_pages.said_by, "said_about": link_pages.said_about}
COUNTS = {"said": link_pages.count_said_by, "said_about": link_pages.count_said_about}

# What the entity page read before the lists: every document / member of the entity, sorted.
_DOCUMENTS_REFERENCE = """SELECT d.id AS document_id, d.title, d.published, d.outlet FROM documents AS d
    WHERE d.id IN (SELECT m.document_id FROM link_members AS m WHERE m.entity_id = ?)
    ORDER BY d.published IS NULL, d.published, d.ingested_at, d.id"""
_MEMBERS_REFERENCE = """SELECT m.document_id, m.local_id, m.name, m.type, m.mentions, d.title, d.published,
        coalesce(e.aliases, '[]') AS aliases
    FROM link_members AS m JOIN documents AS d ON d.id = m.document_id
    LEFT JOIN entities AS e ON e.document_id = m.document_id AND e.id = m.local_id
    WHERE m.entity_id = ? ORDER BY d.published IS NULL, d.published, d.ingested_at, d.id, m.local_id"""


def _entity_ids(conn) -> list[str]:
    """Every entity a list may hold: the linked ones and any a linked statement still names."""
    rows = conn.execute(
        """SELECT id FROM link_entities UNION
        SELECT entity_id FROM link_statements WHERE entity_id IS NOT NULL ORDER BY 1"""
    )
    return [row[0] for row in rows]


def assert_lists_are_the_full_reads(store) -> int:
    """Each entity's lists and totals equal the straightforward computation; returns the rows compared."""
    conn = store._conn
    compared = 0
    for entity_id in _entity_ids(conn):
        for direction in ("said", "said_about"):
            every = EVERY[direction](conn, entity_id, -1)
            assert entity_statements.first_rows(conn, entity_id, direction, -1) == every, (
                entity_id,
                direction,
            )
            assert entity_statements.total(conn, entity_id, direction) == len(every)
            assert COUNTS[direction](conn, entity_id) == len(every)
            compared += len(every)
        documents = [dict(r) for r in conn.execute(_DOCUMENTS_REFERENCE, (entity_id,))]
        assert entity_lists.documents(conn, entity_id, limit=-1) == documents
        assert entity_lists.count(conn, entity_id, "documents") == len(documents)
        members = [dict(r) for r in conn.execute(_MEMBERS_REFERENCE, (entity_id,))]
        for limit in (1, 2, 500):
            assert entity_lists.members(conn, entity_id, limit) == members[:limit]
    # No count kept for an empty list, none missing.
    kept = {
        (r[0], r[1]): r[2] for r in conn.execute("SELECT entity_id, list, count FROM link_entity_list_counts")
    }
    counted = {
        (r[0], r[1]): r[2]
        for r in conn.execute(
            "SELECT entity_id, list, count(*) FROM link_entity_lists GROUP BY entity_id, list"
        )
    }
    assert kept == counted
    return compared


def test_entity_lists_are_the_full_reads(linked):
    store, _ids = linked
    assert assert_lists_are_the_full_reads(store) > 10


@pytest.mark.parametrize("direction", ["said", "said_about"])
def test_entity_statement_pages_slice_the_whole_sorted_list(linked, direction):
    store, _ids = linked
    conn = store._conn
    entities = [r[0] for r in conn.execute("SELECT id FROM link_entities ORDER BY id")]
    for entity_id in entities:
        every = EVERY[direction](conn, entity_id, -1)
        for count, offset in ((1, 0), (2, 1), (3, 2), (200, 0), (5, 200)):
            page = entity_statements.first_rows(conn, entity_id, direction, count, offset)
            assert page == every[offset : offset + count]
            old = PAGES[direction](conn, entity_id, limit=count, offset=offset)
            assert page == [{k: v for k, v in r.items() if k != "listed_total"} for r in old]
        rows, total = link_page_api.entity_statements(store, entity_id, direction, limit=2, offset=1)
        assert total == len(every)
        assert [r["statement_id"] for r in rows] == [r["statement_id"] for r in every[1:3]]


def test_entity_page_reads_a_range_of_the_list_index(linked):
    store, _ids = linked
    if "://" in store.path:
        pytest.skip("the query plan asked is SQLite's")
    plan = " ".join(
        row[3]
        for row in store._conn.execute(
            f"EXPLAIN QUERY PLAN SELECT document_id, statement_id FROM link_entity_lists "
            f"WHERE entity_id = 'e' AND list = 'said' ORDER BY {entity_lists.ORDER} LIMIT 20 OFFSET 40"
        )
    )
    assert "USING PRIMARY KEY" in plan and "TEMP B-TREE" not in plan


def _lines(path, wanted):
    lines = [
        line
        for line in corpus.ARTICLES.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id_hint"] in wanted
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def growing(tmp_path, new_database):
    """A store with four of the seven articles linked, and the other three in a file."""
    first = _lines(tmp_path / "first.jsonl", {"herald", "times", "wire", "sport"})
    rest = _lines(tmp_path / "rest.jsonl", {"post", "observer", "gazette"})
    with Store(new_database("growing.db")) as store:
        ids = corpus.ingest(store, first)
        link_corpus(store)
        yield store, ids, rest


def _most_mentioned(store, count: int) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in store._conn.execute(
            f"SELECT id, name FROM link_entities ORDER BY mentions DESC, id LIMIT {count}"
        )
    ]


def test_entity_lists_follow_new_documents_merges_splits_and_a_rebuild(growing):
    store, ids, rest = growing
    assert assert_lists_are_the_full_reads(store) > 0
    ids.update(corpus.ingest(store, rest))
    link_corpus(store)
    assert_lists_are_the_full_reads(store)
    (first, _name), (second, second_name) = _most_mentioned(store, 2)
    merge(store, first, second)
    assert entity_statements.total(store._conn, second, "said_about") == 0
    assert_lists_are_the_full_reads(store)
    split(store, first, [second_name])
    assert_lists_are_the_full_reads(store)
    link_corpus(store, rebuild=True)  # the decisions are replayed: merges and splits again
    assert_lists_are_the_full_reads(store)


def test_entity_lists_follow_corrected_readings(growing):
    store, _ids, _rest = growing
    conn = store._conn
    said = conn.execute(
        """SELECT ls.document_id, ls.statement_id FROM link_statements AS ls
        WHERE ls.entity_id IS NOT NULL ORDER BY ls.document_id, ls.statement_id LIMIT 2"""
    ).fetchall()
    assert len(said) == 2
    reject(store, said[0][0], said[0][1], who="ana")
    assert_lists_are_the_full_reads(store)
    reading = store.reading(said[1][0])
    statement = next(s for s in reading.statements if s.id == said[1][1])
    # The content cut to its first half: the mentions after it leave the "said about" lists.
    half = f"{statement.content.start}:{statement.content.start + max(1, len(statement.content.text) // 2)}"
    correct(store, said[1][0], said[1][1], Change(content=half), who="ana")
    assert_lists_are_the_full_reads(store)


def test_migration_fills_the_lists_of_a_store_linked_before(growing, backend):
    store, _ids, _rest = growing
    conn = store._conn
    written = {
        table: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {table}"))
        for table in ("link_entity_lists", "link_entity_list_counts")
    }
    assert written["link_entity_lists"]
    # The store as hearsay left it before migration 0010: no lists, the migration not recorded.
    with store.transaction() as writing:
        writing.execute("DROP TABLE link_entity_lists")
        writing.execute("DROP TABLE link_entity_list_counts")
        writing.execute("DELETE FROM migrations WHERE name = '0010_entity_lists'")
    path = store.path
    store.close()
    with Store(path) as migrated:
        for table, rows in written.items():
            assert sorted(tuple(r) for r in migrated._conn.execute(f"SELECT * FROM {table}")) == rows
        assert_lists_are_the_full_reads(migrated)


def test_entity_role_counts_sum_up_the_roles_with_their_documents(linked):
    store, _ids = linked
    conn = store._conn
    compared = 0
    for entity_id in _entity_ids(conn):
        full = link_reads.entity_roles(conn, entity_id)
        counted = link_pages.entity_role_counts(conn, entity_id)
        assert counted == [
            {"text": r["text"], "document_count": len(r["documents"]), "first": r["first"], "last": r["last"]}
            for r in full
        ]
        compared += len(full)
    assert compared > 0
