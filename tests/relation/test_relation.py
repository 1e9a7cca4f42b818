"""The relation of one statement to a proposition: each kind of reason, on invented sentences."""

from __future__ import annotations

import pytest

from hearsay.relation import Claim, relate, relate_claims, same_proposition

BLAST = "Israel was responsible for the hospital blast"
ROCKET = "A misfired rocket caused the hospital blast"


def claim(content: str, stance: str = "assert", certainty: str = "certain", **more) -> Claim:
    polarity = "neg" if stance == "deny" else "pos"
    return Claim(content, stance=stance, certainty=certainty, polarity=polarity, **more)


def test_an_assertion_that_states_the_proposition_supports_it_with_its_certainty():
    found = relate(BLAST, claim("Israel was responsible for the blast at the hospital"))
    assert (found.relation, found.strength) == ("supports", "certain")
    assert "states the proposition" in found.reason


def test_a_direct_denial_of_the_content_refutes():
    found = relate(BLAST, claim("Israel was behind the hospital blast", stance="deny", certainty="certain"))
    assert (found.relation, found.strength) == ("refutes", "certain")
    assert found.reason == "denies the content, which matches the proposition"


def test_an_asserted_negation_refutes():
    found = relate("The army shelled the village", claim("The army did not shell the village"))
    assert found.relation == "refutes"
    assert "negation" in found.reason


def test_nothing_to_do_with_is_a_verdict_against_the_proposition():
    found = relate(BLAST, claim("Israel had nothing to do with the hospital blast"))
    assert found.relation == "refutes"
    assert "nothing to do with" in found.reason


def test_a_hedged_support_is_possible():
    found = relate(
        BLAST, claim("Israel may have been responsible for the hospital blast", certainty="possible")
    )
    assert (found.relation, found.strength) == ("supports", "possible")


def test_a_question_discusses():
    found = relate(
        BLAST,
        claim(
            "whether Israel was responsible for the hospital blast",
            stance="question",
            certainty="underspecified",
        ),
    )
    assert (found.relation, found.strength) == ("discusses", None)
    assert "question" in found.reason


def test_a_refusal_to_comment_discusses():
    found = relate(
        BLAST,
        claim(
            "whether Israel was responsible for the hospital blast",
            stance="refuse_to_comment",
            certainty="underspecified",
        ),
    )
    assert found.relation == "discusses"
    assert "declines" in found.reason


def test_opposite_propositions_get_different_answers():
    rocket = claim("a misfired rocket caused the blast at the hospital")
    assert relate(ROCKET, rocket).relation == "supports"
    assert relate(BLAST, rocket).relation == "unrelated"


def test_a_different_incident_in_another_year_is_unrelated():
    found = relate(
        "Drones attacked the Engels airbase in 2025", claim("Drones attacked the Engels airbase in 2022")
    )
    assert found.relation == "unrelated"
    assert "another time" in found.reason and "2022" in found.reason


def test_different_numbers_are_another_claim():
    found = relate("The storm killed 40 people", claim("the storm killed 12 people"))
    assert found.relation == "unrelated"
    assert "different figures" in found.reason


def test_a_content_on_another_subject_is_unrelated_though_it_shares_words():
    found = relate(
        "Kazakhstan supplied the drones used to attack Russian airbases",
        claim("the drones attacked Russian airbases", stance="report", certainty="probable"),
    )
    assert found.relation == "unrelated"


def test_a_verdict_pointing_back_at_this_claim_refutes_in_its_document():
    claims = [
        claim(
            "the minister had secretly sold the state airline",
            stance="report",
            certainty="possible",
            source="the daily",
            start=0,
            end=60,
        ),
        claim("That claim is entirely false", source="the minister", start=100, end=130),
    ]
    found = relate_claims("The minister sold the state airline", claims)
    assert found[0].relation == "supports"
    assert found[1].relation == "refutes"
    assert "claim" in found[1].reason and "false" in found[1].reason


def test_a_stored_target_that_matches_decides_the_verdict():
    found = relate(
        "The minister sold the state airline",
        claim(
            "the report was pure fiction", stance="deny", target_text="the minister sold the state airline"
        ),
    )
    assert found.relation == "refutes"
    assert found.rule == "target-deny"


def test_a_verdict_on_another_claim_of_the_document_does_not_bear_on_this_one():
    claims = [
        claim(
            "the minister sold the state airline",
            stance="report",
            certainty="possible",
            source="a",
            start=0,
            end=40,
        ),
        claim(
            "the dam near the capital collapsed on Monday",
            stance="report",
            certainty="possible",
            source="b",
            start=100,
            end=150,
        ),
        claim("these allegations", stance="deny", source="c", start=200, end=220),
    ]
    found = relate_claims("The minister sold the state airline", claims)
    assert found[2].relation == "unrelated"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (
            "Ford recalled 500 cars over faulty brakes",
            "Ford recalled 300 cars over faulty brakes",
            (False, False),
        ),
        ("the port of Valmora will remain closed", "the Valmora port will stay closed", (True, False)),
        (
            "Israel is not responsible for the hospital blast",
            "Israel was responsible for the hospital blast",
            (True, True),
        ),
    ],
)
def test_same_proposition(first, second, expected):
    assert same_proposition(first, second) == expected


def test_a_speaker_who_denies_doing_it_is_the_subject_of_the_denial():
    found = relate(
        "The Valdan army shelled the border village",
        claim("shelling the border village", stance="deny", source_text="the Valdan army's spokesman"),
    )
    assert found.relation == "refutes"
    other = relate(
        "The Valdan army shelled the border village",
        claim("shelling the border village", stance="deny", source_text="a neighbouring government"),
    )
    assert other.relation == "unrelated"


def test_the_subject_must_be_named_by_its_own_words_not_by_the_object_s():
    """'Apple Corps sued Apple Computer': a content naming only Apple Computer does not state it."""
    proposition = "Norvik Lines sued Norvik Shipyards"
    mentioned = claim("that he bought a ferry ticket from Norvik Shipyards", source_text="a passenger")
    assert relate(proposition, mentioned).relation == "unrelated"
    headline = Claim(
        "Norvik Shipyards", stance="assert", certainty="certain", cue="sues", source_text="Norvik Lines"
    )
    assert relate(proposition, headline).relation == "supports"


def test_a_denial_that_never_came_is_not_support():
    found = relate("The mayor took a bribe", claim("the mayor has never denied taking a bribe"))
    assert found.relation == "discusses"
    assert "not denied" in found.reason


def test_unlikely_refutes_at_most_probably():
    found = relate("The storm destroyed the pier", claim("it is unlikely that the storm destroyed the pier"))
    assert (found.relation, found.strength) == ("refutes", "probable")
