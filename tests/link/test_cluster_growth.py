"""The clusters' growth written once per page (``store/cluster_growth.py``) leaves the rows that one
update per statement left, and a document that fails after the page's growth was written inside its
savepoint leaves the tables as without it."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from hearsay.link import link_corpus
from hearsay.model import Document, Source
from hearsay.store import Store, cluster_growth

from . import corpus
from .test_prepared_pages import link_tables

DATES = [None, "2024-05-02", None, "2024-04-30", "2024-05-09", "2024-05-02", None]


def _cluster_table(first: str | None, last: str | None) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE link_clusters (id TEXT PRIMARY KEY, centroid BLOB, size INTEGER, "
        "first_published TEXT, last_published TEXT)"
    )
    conn.execute("INSERT INTO link_clusters VALUES ('c', x'00', 1, ?, ?)", (first, last))
    return conn


@pytest.mark.parametrize("start", [(None, None), ("2024-05-01", "2024-05-01"), ("2024-04-01", "2024-06-01")])
@pytest.mark.parametrize("cut", [1, 3, len(DATES)])
def test_growth_merged_for_a_page_writes_the_row_of_one_update_per_statement(start, cut) -> None:
    one_by_one, merged = _cluster_table(*start), _cluster_table(*start)
    pending = cluster_growth.pending_growth()
    for number, published in enumerate(DATES[:cut]):
        centroid = bytes([number])
        cluster_growth.write(one_by_one, {"c": cluster_growth.growth_of(centroid, published)})
        pending.add("c", cluster_growth.growth_of(centroid, published))
        if number % 2:
            pending.document_linked()
    cluster_growth.write(merged, pending.take(in_document=False))
    row = "SELECT centroid, size, first_published, last_published FROM link_clusters"
    assert merged.execute(row).fetchall() == one_by_one.execute(row).fetchall()
    assert merged.execute(row).fetchone()[1] == 1 + cut


def test_a_page_failing_document_restores_the_growth_written_in_its_savepoint() -> None:
    pending = cluster_growth.pending_growth()
    pending.add("c", (b"1", 1, "2024-05-01", "2024-05-01"))
    pending.document_linked()
    pending.add("c", (b"2", 1, None, None))
    pending.add("d", (b"3", 1, None, None))
    assert pending.take(in_document=True) == {
        "c": (b"2", 2, "2024-05-01", "2024-05-01"),
        "d": (b"3", 1, None, None),
    }
    assert not pending.kept()
    pending.document_failed()  # rolled back: the page's growth is kept again, the document's dropped
    assert pending.get("c") == (b"1", 1, "2024-05-01", "2024-05-01") and pending.get("d") is None
    pending.add("c", (b"4", 1, "2024-04-01", "2024-04-01"))
    pending.document_linked()
    assert pending.take(in_document=False) == {"c": (b"4", 2, "2024-04-01", "2024-05-01")}


def _copy(store, document_id: str, new_id: str, *, broken: bool) -> None:
    """A copy of a stored document under another id; ``broken``: one of its statements has a source
    span with a start and no end, so the copy is resolved and clustered before its linking fails."""
    reading = store.reading(document_id)
    statements = reading.statements
    if broken:
        statement = next(s for s in statements if s.source.text)
        wrong = dataclasses.replace(statement, source=Source(None, statement.source.text, 0, None))
        statements = tuple(wrong if s is statement else s for s in statements)
    document = Document(id=new_id, text=store.document(document_id).text + " ")
    store.put(document, dataclasses.replace(reading, document_id=new_id, statements=statements))


def _ingested_at(store, document_id: str, when: str) -> None:
    """The same ingest times in both stores: the entity lists order by them."""
    for table, column in (("documents", "id"), ("statements", "document_id")):
        store._conn.execute(f"UPDATE {table} SET ingested_at = ? WHERE {column} = ?", (when, document_id))


def test_a_failing_document_of_a_later_run_leaves_the_clusters_as_without_it(new_database) -> None:
    """On a store linked before, the clusters' rows are read from the store: the page's growth is written
    before each such read, inside the document's savepoint, and a document that fails then must not take
    the growth of the page's earlier documents with it."""
    stores = []
    for name, broken in (("without.db", False), ("with_broken.db", True)):
        store = Store(new_database(name))
        ids = list(corpus.ingest(store).values())
        ordered = [r[0] for r in store._conn.execute("SELECT id FROM documents ORDER BY ingested_at, id")]
        for number, document_id in enumerate(ordered):
            _ingested_at(store, document_id, f"2026-01-01T00:00:{number:02d}+00:00")
        link_corpus(store, prepare_aside=False)
        _copy(store, ordered[2], "a" * 64, broken=False)
        _ingested_at(store, "a" * 64, "2026-01-02T00:00:00+00:00")
        if broken:
            _copy(store, ordered[5], "f" * 64, broken=True)
            _ingested_at(store, "f" * 64, "2026-01-02T00:00:01+00:00")
        result = link_corpus(store, page_size=4, prepare_aside=False)
        assert result["documents"] == 1 and len(result["failures"]) == int(broken)
        assert len(ids) == 7
        stores.append(store)
    try:
        assert link_tables(stores[1]) == link_tables(stores[0])
    finally:
        for store in stores:
            store.close()
