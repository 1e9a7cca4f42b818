"""Provenance: who reports whom, chains, first reporter; and timelines from normalised times."""

from __future__ import annotations

from hearsay.link import evidence, provenance, timeline
from hearsay.link.timelines import resolve


def _leak_cluster(store):
    return evidence(store, proposition="The tanker Marisol leaked fuel into Valmora harbour").clusters[0]


def test_provenance_first_reporter_and_according_to(linked):
    store, ids = linked
    graph = provenance(store, _leak_cluster(store)).to_dict()
    first = graph["first_reported_by"]
    assert first["document_id"] == ids["herald"] and first["source"] == "Harbour Watch"
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    assert any(e["cue"] == "according to" and labels[e["to"]] == "Harbour Watch" for e in graph["edges"])
    assert any(n["kind"] == "outlet" and n["label"] == "Valmora Herald" for n in graph["nodes"])
    assert provenance(store, "c-none").to_dict() == {"nodes": [], "edges": [], "first_reported_by": None}


def test_provenance_chain_from_a_channel_to_whom_it_cites(linked):
    store, ids = linked
    rows = store._conn.execute(
        "SELECT from_label, from_kind, to_label, cue FROM link_provenance WHERE document_id = ?",
        (ids["observer"],),
    ).fetchall()
    edges = {(r[0], r[2], r[3]) for r in rows}
    assert ("Local Telegram channels", "anonymous dock workers", "citing") in edges
    assert any(r[1] == "channel" and r[0] == "Local Telegram channels" for r in rows)


def test_timeline_resolves_unknown_years_against_the_document_date():
    assert resolve("XXXX-05-28", "2025-06-05") == "2025-05-28"
    assert resolve("XXXX-12-30", "2025-01-03") == "2024-12-30"
    assert resolve("2026-03-02", None) == "2026-03-02"
    assert resolve("XXXX-05-28", None) is None and resolve("P1D", "2025-01-01") is None


def test_timeline_of_an_entity_is_in_date_order(linked):
    store, ids = linked
    events = timeline(store, entity="Alekseyev")
    dates = [e.date for e in events if e.date]
    assert dates == sorted(dates) and "2026-03-02" in dates
    assert {e.kind for e in events} >= {"document", "statement"}
    statements = [e for e in events if e.kind == "statement"]
    assert all(e.start is not None and e.document_id in ids.values() for e in statements)
    assert all(e.stance and e.cluster_id is not None for e in statements if e.statement_id == "s1")
    assert timeline(store, entity="Nobody Atall") == []


def test_timeline_of_a_cluster(linked):
    store, _ids = linked
    events = timeline(store, cluster_id=_leak_cluster(store))
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert sum(e.kind == "statement" for e in events) >= 3
    assert {"date", "value", "text", "kind", "document_id", "label"} <= set(events[0].to_dict())
