"""Entity and cluster searches match folded names stored at write time: the same answers as the
per-row ``hearsay_fold`` they replaced, and the entity page's statements as before."""

from __future__ import annotations

import pytest

from hearsay.link import queries
from hearsay.link.summaries import proposition
from hearsay.store import link_reads

NEEDLES = ["port", "MARISOL", "harbour watch", "the", "zz", "ö"]


@pytest.mark.parametrize("needle", NEEDLES)
def test_entity_search_matches_the_per_row_fold(linked, needle: str) -> None:
    store, _ids = linked
    expected = [
        row[0]
        for row in store._conn.execute(
            """SELECT e.id FROM link_entities AS e WHERE EXISTS (SELECT 1 FROM link_entity_names AS n
            WHERE n.entity_id = e.id
              AND (instr(hearsay_fold(n.name), :needle) > 0 OR instr(n.key, :needle) > 0))
            ORDER BY e.mentions DESC, e.documents DESC, e.id""",
            {"needle": needle.casefold()},
        )
    ]
    found = link_reads.entities(store._conn, type_=None, query=needle, limit=500, offset=0)
    assert [row["id"] for row in found] == expected


@pytest.mark.parametrize("needle", NEEDLES)
def test_cluster_search_by_title_matches_the_per_row_fold(linked, needle: str) -> None:
    store, _ids = linked
    in_title = {
        row[0]
        for row in store._conn.execute(
            "SELECT id FROM link_clusters "
            "WHERE instr(hearsay_fold(coalesce(title, '') || ' ' || representative), ?) > 0",
            (needle.casefold(),),
        )
    }
    found = {row["id"] for row in link_reads.clusters(store._conn, query=needle, limit=500, offset=0)}
    assert in_title <= found  # members' full-text matches may add more


OLD_SAID_BY = f"""{link_reads.STATEMENT_SELECT} WHERE coalesce(ls.entity_id, lm.entity_id) = :entity
    {link_reads.TIME_ORDER} LIMIT :limit"""
OLD_ABOUT = f"""{link_reads.STATEMENT_SELECT} WHERE EXISTS (
    SELECT 1 FROM link_members AS am JOIN mentions AS m
      ON m.document_id = am.document_id AND m.entity = am.local_id
    WHERE am.entity_id = :entity AND am.document_id = s.document_id
      AND m.start >= s.content_start AND m."end" <= s.content_end) {link_reads.TIME_ORDER} LIMIT :limit"""


@pytest.mark.parametrize("limit", [1, 3, 200, -1])
def test_entity_page_statements_equal_the_full_scans_in_order(linked, limit: int) -> None:
    store, _ids = linked
    conn = store._conn
    for entity in queries.entity_list(store, limit=500):
        params = {"entity": entity["id"], "limit": limit}
        said = [dict(r) for r in conn.execute(OLD_SAID_BY, params)]
        about = [dict(r) for r in conn.execute(OLD_ABOUT, params)]
        assert link_reads.statements_said_by(conn, entity["id"], limit) == said
        assert link_reads.statements_about(conn, entity["id"], limit) == about


def test_cluster_list_summaries_equal_those_from_every_member_row(linked) -> None:
    store, _ids = linked
    conn = store._conn
    listed = queries.cluster_list(store, limit=500)
    assert listed
    for record in listed:
        cluster = link_reads.cluster(conn, record.id)
        assert cluster is not None
        assert record == proposition(cluster, link_reads.statements_of_cluster(conn, record.id))
