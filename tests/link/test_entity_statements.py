"""An entity's statements read a few documents at a time give the rows of reading them all and sorting."""

from __future__ import annotations

import pytest

from hearsay.store import entity_statements, link_pages, link_reads

EVERY = {"said": link_reads.statements_said_by, "said_about": link_reads.statements_about}
PAGES = {"said": link_pages.said_by, "said_about": link_pages.said_about}


@pytest.mark.parametrize("first_batch", [1, 16])
@pytest.mark.parametrize("direction", ["said", "said_about"])
def test_entity_statements_are_the_rows_of_the_whole_sorted_list(linked, monkeypatch, direction, first_batch):
    store, _ids = linked
    conn = store._conn
    monkeypatch.setattr(entity_statements, "FIRST_BATCH", first_batch)
    entities = [r[0] for r in conn.execute("SELECT id FROM link_entities ORDER BY id")]
    compared = 0
    for entity_id in entities:
        every = EVERY[direction](conn, entity_id, -1)
        assert entity_statements.first_rows(conn, entity_id, direction, -1) == every
        for count, offset in ((1, 0), (2, 1), (3, 2), (200, 0)):
            page = entity_statements.first_rows(conn, entity_id, direction, count, offset)
            assert page == every[offset : offset + count]
            old = PAGES[direction](conn, entity_id, limit=count, offset=offset)
            assert page == [{k: v for k, v in r.items() if k != "listed_total"} for r in old]
        compared += len(every)
    assert compared > 10
