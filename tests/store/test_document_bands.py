"""A document's near-duplicate candidates are read in order from the bands' index (migration 0017)."""

from __future__ import annotations

import pytest

from hearsay.store.sqlite import SQLiteStore


def test_a_band_s_first_documents_are_read_in_order_from_the_index(store: SQLiteStore) -> None:
    if "://" in store.path:
        pytest.skip("the query plan asked is SQLite's")
    plan = " ".join(
        row[3]
        for row in store._conn.execute(
            "EXPLAIN QUERY PLAN SELECT document_id FROM link_document_bands WHERE band = 1 AND hash = 2 "
            "ORDER BY document_id LIMIT 50"
        )
    )
    assert "COVERING INDEX link_document_bands_in_order" in plan and "TEMP B-TREE" not in plan
