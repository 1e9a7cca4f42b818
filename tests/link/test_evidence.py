"""The evidence view: the sample article's reference question, and the hand-written corpus."""

from __future__ import annotations

from hearsay.link import evidence

PROPOSITION = "Kazakhstan supplied drone components"


def _by_source(result):
    found: dict[str, set[str]] = {}
    for item in result["items"]:
        found.setdefault(item["source"] or "", set()).add(item["stance"])
    return found


def test_evidence_answers_the_sample_question(sample_store):
    """The gold reading's `questions` entry: Ulys-Media and TASS asked; the spokesperson neither
    confirmed nor denied; Duatbaev did not rule out component origins but doubted explosives and
    parts came from Kazakhstan; Koltochnik and Smirnova reject it; Telegram channels push it."""
    result = evidence(sample_store, proposition=PROPOSITION)
    sources = _by_source(result)
    assert "question" in sources["Ulys-Media"] and "question" in sources["TASS"]
    assert any(
        "Smadiyarov" in s or "Smadiryarov" in s for s, st in sources.items() if "refuse_to_comment" in st
    )
    duatbaev = [i for i in result["items"] if i["source"] == "Nate Duatbaev"]
    assert any("component origins" in i["content"] and i["polarity"] == "pos" for i in duatbaev)
    assert any("Kazakh origin" in i["content"] and i["stance"] == "deny" for i in duatbaev)
    assert "Vitaly Koltochnik" in sources
    assert "deny" in sources["Irina Smirnova"]
    assert any("telegram channels" in i["content"].casefold() for i in result["items"])
    # No source asserts it as a certain fact.
    assert not any(
        i["stance"] == "assert" and i["certainty"] == "certain" and i["relation"] == "match"
        for i in result["items"]
    )
    assert result["contradiction"] is True
    assert result["groups"]["question"] and result["groups"]["deny"] and result["groups"]["refuse_to_comment"]


def test_evidence_items_are_grounded_in_their_text(sample_store):
    result = evidence(sample_store, proposition=PROPOSITION)
    for item in result["items"]:
        text = sample_store.document(item["document_id"]).text
        assert text[item["content_start"] : item["content_end"]] == item["content"]
        assert text[item["cue_start"] : item["cue_end"]] == item["cue"]
        assert item["independent_group"].startswith("g-")


def test_evidence_of_a_cluster_is_sorted_by_time_and_flags_the_denial(linked):
    store, _ids = linked
    by_words = evidence(store, proposition="The tanker Marisol leaked fuel into Valmora harbour")
    assert by_words["clusters"]
    result = evidence(store, cluster_id=by_words["clusters"][0])
    dates = [i["published"] for i in result["items"]]
    assert dates == sorted(dates)
    assert result["contradiction"] is True
    assert {i["source"] for i in result["groups"]["deny"]} >= {"Northline"}


def test_evidence_unknown_or_empty_gives_empty_results(linked):
    store, _ids = linked
    assert evidence(store, cluster_id="c-none")["items"] == []
    assert evidence(store, proposition="   ")["items"] == []
    assert evidence(store, proposition="Quantum chromodynamics of penguins")["items"] == []
