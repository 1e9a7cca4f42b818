"""The evidence view: the sample article's evidence gold, and the hand-written linking corpus."""

from __future__ import annotations

from hearsay.link import evidence

PROPOSITION = "Kazakhstan supplied drone components"
LEAK = "The tanker Marisol leaked fuel into Valmora harbour"


def _side(result, relation):
    return {(i.statement.source or "", i.statement.cue) for i in result.side(relation).items}


def test_evidence_answers_the_sample_question_by_side(sample_store):
    """Asking and declining discuss; Duatbaev's 'did not rule out' supports, possibly; his scepticism,
    the political scientists, Koltochnik and Smirnova refute it."""
    result = evidence(sample_store, proposition=PROPOSITION)
    discusses = {source for source, _cue in _side(result, "discusses")}
    assert {"Ulys-Media", "TASS"} <= discusses
    assert any("Smad" in s for s in discusses)
    supports = result.side("supports").items
    assert any("did not rule out" in i.statement.cue and i.relation.strength == "possible" for i in supports)
    refuting = {source for source, _cue in _side(result, "refutes")}
    assert {"Vitaly Koltochnik", "Irina Smirnova"} <= refuting
    # Nobody who rejects the claim is listed as supporting it (the 0.1 evidence view did).
    assert not {source for source, _cue in _side(result, "supports")} & {
        "Vitaly Koltochnik",
        "Irina Smirnova",
    }
    assert result.verdict == "contested"
    assert "at least one" in result.verdict_definition
    for item in result.side("refutes").items + result.side("supports").items:
        assert item.relation.reason and item.relation.strength in ("certain", "probable", "possible")


def test_evidence_items_are_grounded_in_their_text(sample_store):
    result = evidence(sample_store, proposition=PROPOSITION)
    for side in result.sides:
        for item in side.items:
            statement = item.statement
            text = sample_store.document(statement.document_id).text
            assert text[statement.content_start : statement.content_end] == statement.content
            assert text[statement.cue_start : statement.cue_end] == statement.cue
            assert item.independent_group.startswith("g-")


def test_evidence_sides_for_the_leak(linked):
    store, _ids = linked
    result = evidence(store, proposition=LEAK)
    assert result.verdict == "contested"
    assert {"Harbour Watch"} == {s for s, _c in _side(result, "supports")}
    assert {"Northline", "Georgia Mills"} <= {s for s, _c in _side(result, "refutes")}
    # One group quoted by three outlets (two of them one syndicated story) is one independent source.
    assert result.side("supports").independent_sources == 1
    assert result.side("supports").count == 3
    for side in result.sides:
        dates = [i.statement.published for i in side.items]
        assert dates == sorted(dates)
    assert result.side("supports").first.statement.outlet == "Valmora Herald"


def test_evidence_of_a_cluster_uses_its_proposition(linked):
    store, _ids = linked
    by_words = evidence(store, proposition=LEAK)
    assert by_words.clusters
    result = evidence(store, cluster_id=by_words.clusters[0])
    assert result.verdict == "contested"
    assert result.side("refutes").count >= 2


def test_the_opposite_proposition_is_not_answered_with_the_same_statements(linked):
    store, _ids = linked
    leak = evidence(store, proposition=LEAK)
    ban = evidence(store, proposition="Georgia banned imports of fish from the Valmora region")
    keys = {(i.statement.document_id, i.statement.statement_id) for s in leak.sides for i in s.items}
    other = {(i.statement.document_id, i.statement.statement_id) for s in ban.sides for i in s.items}
    assert other and not keys & other
    assert ban.verdict == "supported only"


def test_evidence_unknown_or_empty_gives_no_evidence(linked):
    store, _ids = linked
    assert evidence(store, cluster_id="c-none").verdict == "no evidence"
    assert evidence(store, proposition="   ").verdict == "no evidence"
    empty = evidence(store, proposition="Quantum chromodynamics of penguins")
    assert empty.verdict == "no evidence" and all(not s.items for s in empty.sides)


def test_evidence_json_has_the_sides_and_the_definition(linked):
    store, _ids = linked
    data = evidence(store, proposition=LEAK).to_dict()
    assert set(data["sides"]) == {"supports", "refutes", "discusses"}
    assert data["verdict"] == "contested" and data["verdict_definition"]
    item = data["sides"]["refutes"]["items"][0]
    assert {"relation", "strength", "reason", "content", "document_id", "independent_group"} <= set(item)


def test_candidates_read_near_contents_only_until_full_and_are_those_of_reading_all(linked, monkeypatch):
    """The documents of near contents are read closest first until the candidates are full: the same
    candidates as reading every near content's documents and keeping the best ranked."""
    from hearsay.link import evidence_view
    from hearsay.store import link_reads

    store, _ids = linked
    for cap in (1, 2, 3, 5, 300):
        monkeypatch.setattr(evidence_view, "MAX_DOCUMENTS", cap)
        for proposition in (LEAK, "Northline denied the leak", "fuel in the harbour"):
            ranked: dict[str, float] = {}
            for rank, document_id in enumerate(evidence_view._full_text(store._conn, proposition)):
                ranked.setdefault(document_id, 1.0 + rank)
            vector = evidence_view.unit(evidence_view.load_embedder().encode([proposition])[0])
            best = [
                (s, h)
                for s, h in store.nearest_contents(vector, evidence_view.NEAR_HITS)
                if s >= evidence_view.NEAR
            ]
            documents = link_reads.documents_of_texts(store._conn, [h for _s, h in best])
            for score, text_hash in best:
                for document_id in documents.get(text_hash, []):
                    ranked[document_id] = min(ranked.get(document_id, 1e9), 1.0 - score)
            expected = sorted(ranked, key=lambda d: (ranked[d], d))[:cap]
            assert evidence_view._candidate_documents(store, proposition, []) == expected


def test_candidates_with_members_skip_the_word_ranking_only_when_it_could_add_none(linked, monkeypatch):
    """A claim's members and near documents rank before any document only sharing words: once they fill
    the candidates, the words are not ranked, and the candidates are those of ranking them."""
    from hearsay.link import cluster_list, evidence_view
    from hearsay.store import evidence_reads

    store, _ids = linked
    cluster = cluster_list(store, limit=1)[0]
    members = evidence_reads.cluster_documents(store._conn, cluster.id, limit=2000)
    proposition = cluster.title or cluster.representative
    asked: list[str] = []
    full_text = evidence_view._full_text

    def counted(conn, words):
        asked.append(words)
        return full_text(conn, words)

    for cap in (1, 2, len(set(members)), len(set(members)) + 1, 300):
        monkeypatch.setattr(evidence_view, "MAX_DOCUMENTS", cap)
        monkeypatch.setattr(evidence_view, "_full_text", full_text)
        ranked: dict[str, float] = {d: 0.0 for d in members}
        for rank, document_id in enumerate(full_text(store._conn, proposition)):
            ranked.setdefault(document_id, 1.0 + rank)
        for score, document_id in evidence_view._near(store, proposition, set(members)):
            ranked[document_id] = min(ranked.get(document_id, 1e9), 1.0 - score)
        expected = sorted(ranked, key=lambda d: (ranked[d], d))[:cap]
        asked.clear()
        monkeypatch.setattr(evidence_view, "_full_text", counted)
        assert evidence_view._candidate_documents(store, proposition, members) == expected
        if cap <= len(set(members)):
            assert asked == []  # the members alone fill the candidates
