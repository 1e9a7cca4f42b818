"""The evidence view on the review articles (tests/data/relation_review): eight invented reports of three
contested stories (a dam collapse and its death toll, a minister's bribe, recalled heaters), ingested and
linked with the real pipeline. Each assertion is a relation a fact-checker judged right."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearsay.link import evidence, link_corpus
from hearsay.store import Store

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "relation_review" / "articles.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from hearsay.extract.pipeline import extract
    from hearsay.ingest import read_path

    path = tmp_path_factory.mktemp("review") / "review.db"
    with Store(path) as linked:
        for document in read_path(ARTICLES):
            assert not isinstance(document, BaseException), document
            linked.put(document, extract(document))
        link_corpus(linked)
        yield linked


def sides(store, proposition: str) -> dict[str, dict[str, str | None]]:
    """relation -> {content: strength} of the evidence for ``proposition``."""
    result = evidence(store, proposition=proposition)
    return {
        side.relation: {i.statement.content: i.relation.strength for i in side.items} for side in result.sides
    }


def listed(found: dict[str, dict[str, str | None]]) -> set[str]:
    return {content for side in found.values() for content in side}


def test_the_official_toll_is_supported_by_the_official_and_not_by_the_higher_count(store):
    found = sides(store, "Fourteen people died in the Korvel dam collapse")
    assert "that fourteen people had died" in found["supports"]
    assert not any("at least 31" in c for c in found["supports"])


def test_the_higher_toll_is_supported_by_the_volunteers_only(store):
    found = sides(store, "31 people were killed in the Korvel dam collapse")
    assert any("at least 31" in c for c in found["supports"])
    assert "that fourteen people had died" not in found["supports"]


def test_the_minister_refutes_the_bribe_in_his_own_words(store):
    found = sides(store, "Aldo Ferrante accepted a bribe from Castellan Rail")
    assert found["refutes"].get("that he never took money from Castellan Rail") == "certain"
    assert not found["supports"]


def test_the_opposition_leader_supports_the_bribe_possibly(store):
    found = sides(store, "The minister accepted the bribe")
    moreau = [s for c, s in found["supports"].items() if c.startswith("the minister may have accepted")]
    assert moreau == ["possible"]


def test_the_company_refutes_paying_by_a_pronoun(store):
    found = sides(store, "Castellan Rail paid Aldo Ferrante")
    assert found["refutes"].get("it had never paid any public official") == "certain"
    assert "that the company paid Ferrante 150,000 euros" in found["supports"]
    # A refusal to say whether he met its executives is not about the payment.
    assert not any("met Castellan" in c for c in listed(found))


def test_another_fire_does_not_support_the_weststad_fire(store):
    found = sides(store, "A Nimbus heater caused the Weststad fire")
    assert not any("Arlen fire" in c for c in listed(found))
    assert "it was too early to say what caused the fire" in found["discusses"]
    assert found["supports"].get("it is possible that the heater caused the fire") == "possible"
    assert found["refutes"].get("the heaters did not cause the fires in Arlen and Weststad") == "certain"


def test_the_arlen_fire_supports_heaters_causing_the_fires(store):
    found = sides(store, "Nimbus heaters caused the fires")
    assert "the Arlen fire was started by a faulty Nimbus heater" in found["supports"]
    assert "it was too early to say what caused the fire" not in found["supports"]


def test_the_negated_proposition_swaps_the_sides(store):
    found = sides(store, "Nimbus heaters did not cause the fires")
    assert "the heaters did not cause the fires in Arlen and Weststad" in found["supports"]
    assert "the Arlen fire was started by a faulty Nimbus heater" in found["refutes"]
    assert "it was too early to say what caused the fire" not in found["refutes"]


def test_rainfall_is_supported_by_the_contractor_and_not_by_the_records(store):
    found = sides(store, "Record rainfall caused the Korvel dam collapse")
    assert '"The dam failed because of record rainfall,"' in found["supports"]
    assert "An earlier flood in 2019 damaged the same dam" not in listed(found)


def test_a_claimed_figure_is_not_supported_by_a_report_without_it(store):
    found = sides(store, "Nimbus recalled 60,000 heaters")
    assert not found["supports"]


def test_the_inquiry_and_the_question_discuss_the_contractors_blame(store):
    found = sides(store, "Brennholt Construction caused the Korvel dam collapse")
    assert "they were investigating whether Brennholt Construction caused the collapse" in found["discusses"]
    assert "whether Brennholt Construction was to blame for the collapse" in found["discusses"]
    assert "the inquiry would decide" not in found["supports"] | found["refutes"]
