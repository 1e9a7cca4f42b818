"""Claim clusters, corroboration and contradiction on the hand-written corpus."""

from __future__ import annotations

from hearsay.link import cluster_detail, cluster_for_statement, cluster_list, cluster_members

from . import corpus


def _cluster_of(store, ids, hint, words):
    return corpus.cluster_assignments(store, ids)[(hint, words)]


def test_claims_corpus_clusters_meet_the_floors(linked):
    store, ids = linked
    gold, found = corpus.gold_labels("clusters"), corpus.cluster_assignments(store, ids)
    assert None not in found.values()
    pairs, cubed = corpus.pairwise(gold, found), corpus.bcubed(gold, found)
    assert pairs["precision"] >= 0.9 and pairs["recall"] >= 0.8
    assert cubed["precision"] >= 0.9 and cubed["recall"] >= 0.8


def test_claims_cluster_has_representative_first_appearance_and_members(linked):
    store, ids = linked
    cluster_id = _cluster_of(store, ids, "herald", "Marisol leaked fuel into Valmora harbour")
    detail = cluster_detail(store, cluster_id)
    assert "leak" in detail.representative and detail.title.startswith("Marisol leaked fuel")
    assert detail.first_appearance["document_id"] == ids["herald"]
    assert detail.first_appearance["published"] == "2026-03-02"
    members = cluster_members(store, cluster_id)
    assert {m.document_id for m in members} >= {ids["herald"], ids["wire"], ids["post"]}
    assert all(m.cluster_id == cluster_id for m in members)
    dates = [m.published for m in members]
    assert dates == sorted(dates)


def test_claims_syndicated_copy_does_not_add_an_independent_source(linked):
    store, ids = linked
    cluster_id = _cluster_of(store, ids, "wire", "clean-up crews")
    detail = cluster_detail(store, cluster_id)
    assert detail.size == 2 and detail.sources == 2
    assert detail.independent_sources == 1


def test_claims_denial_is_a_contradiction(linked):
    store, ids = linked
    leaked = cluster_detail(
        store, _cluster_of(store, ids, "herald", "Marisol leaked fuel into Valmora harbour")
    )
    assert leaked.contradiction is True and leaked.verdict == "contested"
    assert {"deny"} <= set(leaked.stances)
    assert leaked.sides["supports"] >= 1 and leaked.sides["refutes"] >= 1
    port = cluster_detail(store, _cluster_of(store, ids, "herald", "the port would stay closed until Friday"))
    assert port.contradiction is False and port.verdict == "supported only"


def test_claims_list_lookup_and_unknown_ids(linked):
    store, ids = linked
    listed = cluster_list(store, query="closed until Friday")
    assert listed and all(
        {
            "id",
            "title",
            "representative",
            "first_appearance",
            "size",
            "sources",
            "independent_sources",
            "contradiction",
            "verdict",
            "story_id",
        }
        <= set(c.to_dict())
        for c in listed
    )
    assert cluster_list(store, limit=2, offset=0)[1].id == cluster_list(store, limit=1, offset=1)[0].id
    assert cluster_for_statement(store, ids["herald"], "s1") is not None
    assert cluster_detail(store, "c-nonexistent") is None
    assert cluster_for_statement(store, ids["herald"], "s999") is None
