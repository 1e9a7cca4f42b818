"""Stored cluster summaries give the records computed from the members, through every kind of change."""

from __future__ import annotations

from hearsay.corrections import Change, correct, reject
from hearsay.link import link_corpus, merge
from hearsay.link.queries import _cluster_detail, _cluster_list
from hearsay.link.summaries import proposition
from hearsay.store import Store, cluster_summaries, link_reads

from . import corpus


def _computed(store) -> dict[str, dict]:
    """Every cluster's record the straightforward way: from all its members' full rows."""
    conn = store._conn
    clusters = link_reads.clusters(conn, query=None, limit=-1, offset=0)
    return {
        c["id"]: proposition(c, link_reads.statements_of_cluster(conn, c["id"])).to_dict() for c in clusters
    }


def _listed(store) -> dict[str, dict]:
    return {p.id: p.to_dict() for p in _cluster_list(store, None, None, -1, 0)}


def _stored(store) -> set[str]:
    return {row[0] for row in store._conn.execute("SELECT cluster_id FROM link_cluster_summaries")}


def _assert_same(store) -> None:
    computed = _computed(store)
    assert computed, "the corpus forms clusters"
    assert _listed(store) == computed
    for cluster_id, record in computed.items():
        assert _cluster_detail(store, cluster_id).to_dict() == record


def _ids(store) -> set[str]:
    return {row[0] for row in store._conn.execute("SELECT id FROM link_clusters")}


def _a_member(store):
    """(document, statement, cluster) of a member of a cluster of at least two statements."""
    return store._conn.execute(
        """SELECT ls.document_id, ls.statement_id, ls.cluster_id FROM link_statements AS ls
        JOIN link_clusters AS c ON c.id = ls.cluster_id
        WHERE c.size > 1 ORDER BY c.size DESC, ls.document_id, ls.statement_id LIMIT 1"""
    ).fetchone()


def test_summaries_are_stored_by_link_and_give_the_computed_records(tmp_path, new_database):
    with Store(new_database("summaries.db")) as store:
        corpus.ingest(store)
        counts = link_corpus(store)
        assert counts["summarised"] == len(_ids(store))
        assert _stored(store) == _ids(store)
        _assert_same(store)
        assert link_corpus(store)["summarised"] == 0  # nothing changed: nothing recomputed


def test_summaries_after_a_correction_a_rejection_a_merge_and_a_rebuild(tmp_path, new_database):
    with Store(new_database("changes.db")) as store:
        corpus.ingest(store)
        link_corpus(store)
        document_id, statement_id, cluster_id = _a_member(store)

        correct(store, document_id, statement_id, Change(stance="deny"), who="ana")
        assert cluster_id not in _stored(store)  # forgotten by the correction's own transaction
        _assert_same(store)  # computed from the members meanwhile
        assert link_corpus(store)["summarised"] >= 1
        assert _stored(store) == _ids(store)
        _assert_same(store)

        document_id, statement_id, cluster_id = _a_member(store)
        reject(store, document_id, statement_id, who="ana")
        assert cluster_id not in _stored(store)
        _assert_same(store)
        link_corpus(store)
        _assert_same(store)

        before = _stored(store)
        merge(store, "Oskar Lind", "Maria Olsen")
        _assert_same(store)
        link_corpus(store)
        assert _stored(store) == _ids(store) and before
        _assert_same(store)

        link_corpus(store, rebuild=True)
        assert _stored(store) == _ids(store)
        _assert_same(store)


def test_a_retitled_cluster_turns_its_stored_sides_around(tmp_path, new_database):
    with Store(new_database("retitled.db")) as store:
        corpus.ingest(store)
        link_corpus(store)
        conn = store._conn
        cluster_id = _a_member(store)[2]
        for opposite in (1, 0):
            conn.execute("UPDATE link_clusters SET title_opposite = ? WHERE id = ?", (opposite, cluster_id))
            listed = _listed(store)[cluster_id]
            assert listed == _computed(store)[cluster_id]
        assert cluster_id in _stored(store)


def test_an_older_store_is_summarised_by_its_next_link(tmp_path):
    path = tmp_path / "older.db"
    with Store(path) as store:
        corpus.ingest(store)
        link_corpus(store)
        expected = _computed(store)
        # As a store linked before 0011: no table, the migration not recorded.
        store._conn.execute("DROP TABLE link_cluster_summaries")
        store._conn.execute("DROP TABLE store_state")
        store._conn.execute("DELETE FROM migrations WHERE name = '0011_cluster_summaries'")
    with Store(path) as store:  # migrated on opening: the table is there, and empty
        assert not _stored(store)
        assert _listed(store) == expected  # computed from the members
        counts = link_corpus(store)
        assert counts["documents"] == 0 and counts["summarised"] == len(expected)
        assert _listed(store) == expected


def test_forgetting_reaches_the_clusters_of_moved_sources(tmp_path, new_database):
    with Store(new_database("moved.db")) as store:
        corpus.ingest(store)
        link_corpus(store)
        conn = store._conn
        row = conn.execute(
            """SELECT s.document_id, s.source_entity, ls.cluster_id FROM statements AS s
            JOIN link_statements AS ls ON ls.document_id = s.document_id AND ls.statement_id = s.id
            WHERE s.source_entity IS NOT NULL AND ls.cluster_id IS NOT NULL
            ORDER BY s.document_id, s.id LIMIT 1"""
        ).fetchone()
        assert row is not None
        conn.execute("BEGIN")
        cluster_summaries.forget_sources(conn, [(row[0], row[1])])
        conn.execute("COMMIT")
        assert row[2] not in _stored(store)
