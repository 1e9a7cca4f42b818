"""Rules added after a review on invented articles (tests/data/relation_review): figures in words, contrasted
figures, "too early to say", another named thing, speakers who are the subject, accept/took, because of."""

from __future__ import annotations

import pytest

from hearsay.relation import Claim, frame, relate, relate_claims

TOLL = "Twenty-two people were killed in the Selmar bridge collapse"


def claim(content: str, stance: str = "assert", certainty: str = "certain", **more) -> Claim:
    polarity = "neg" if stance == "deny" else "pos"
    return Claim(content, stance=stance, certainty=certainty, polarity=polarity, **more)


def test_figures_in_words_are_figures():
    assert frame("seventeen people had died").numbers == {"17"}
    assert frame("twenty-two people died").numbers == {"22"}
    assert frame("forty were hurt").numbers == {"40"}


def test_a_toll_in_words_that_differs_does_not_support_another_toll():
    found = relate(TOLL, claim("that seventeen people had died in the bridge collapse"))
    assert found.relation == "unrelated"
    assert "different figures" in found.reason


def test_a_figure_after_than_is_contrasted_not_stated():
    content = "at least 22 people were killed when the Selmar bridge collapsed, far more than the official 17"
    assert frame(content).numbers == {"22"}
    official = "Seventeen people were killed in the Selmar bridge collapse"
    assert relate(official, claim(content)).relation == "unrelated"
    assert relate(TOLL, claim(content)).relation == "supports"


def test_a_year_after_than_still_dates_the_content():
    assert frame("more dead than in 2019").years == {"2019"}


def test_too_early_to_say_discusses():
    found = relate(
        "A Corvo kettle caused the Almsby kitchen fire",
        claim("it was too early to say whether a Corvo kettle caused the kitchen fire"),
    )
    assert found.relation == "discusses"
    assert "too early to" in found.reason


def test_a_noun_named_otherwise_is_another_one():
    found = relate(
        "A Corvo kettle caused the Almsby fire", claim("the Dunholt fire was started by a Corvo kettle")
    )
    assert found.relation == "unrelated"
    assert "Dunholt fire" in found.reason and "Almsby fire" in found.reason


def test_a_day_before_the_noun_is_not_another_name():
    found = relate(
        "A Corvo kettle caused the Almsby fire", claim("a Corvo kettle caused the Sunday fire in Almsby")
    )
    assert found.relation == "supports"


def test_took_money_is_accepting_it():
    found = relate(
        "Senator Olga Brandl accepted money from Vantor Mining",
        claim("that she never took money from Vantor Mining", source_text="Olga Brandl"),
    )
    assert found.relation == "refutes"


def test_a_speaker_named_by_its_pronoun_is_the_subject():
    found = relate(
        "Vantor Mining paid Olga Brandl",
        claim("it had never paid any politician", source_text="Vantor Mining"),
    )
    assert (found.relation, found.strength) == ("refutes", "certain")


def test_a_speaker_sharing_one_word_with_an_unnamed_subject_is_not_it():
    found = relate(
        "Record snowfall caused the Selmar bridge collapse",
        claim("an earlier storm damaged the same bridge", stance="report", source_text="old records"),
    )
    assert found.relation == "unrelated"


def test_because_of_says_what_caused_it():
    found = relate(
        "Record snowfall caused the Selmar bridge collapse",
        claim('"The bridge collapsed because of record snowfall,"', source_text="Ada Wren"),
    )
    assert found.relation == "supports"


def test_naming_the_subject_and_object_without_the_verb_does_not_state_it():
    """The recalled kettles appear, but nobody recalls them here."""
    found = relate("Corvo recalled its kettles", claim("a Corvo kettle was found in the Dunholt kitchen"))
    assert found.relation == "unrelated"


def test_a_synonym_of_the_verb_states_it():
    found = relate(
        "A Corvo kettle caused the Almsby fire", claim("the Almsby fire was started by a Corvo kettle")
    )
    assert found.relation == "supports"


def test_a_statement_without_the_claimed_figure_only_discusses_it():
    found = relate("Corvo recalled 60,000 kettles", claim("Corvo recalled kettles"))
    assert found.relation == "discusses"
    assert "without its figure" in found.reason
    assert (
        relate("Corvo recalled 60,000 kettles", claim("Corvo recalled 60,000 kettles")).relation == "supports"
    )


def test_a_subordinate_inquiry_does_not_turn_an_assertion_into_ignorance():
    found = relate(
        "Olga Brandl accepted the bribe",
        claim(
            "Olga Brandl may have accepted the bribe and should step aside while it is investigated",
            "assert",
            "possible",
        ),
    )
    assert (found.relation, found.strength) == ("supports", "possible")


def test_investigating_whether_is_ignorance():
    found = relate(
        "Olga Brandl accepted the bribe",
        claim("they were investigating whether Olga Brandl accepted the bribe"),
    )
    assert found.relation == "discusses"


def test_not_knowing_supports_a_proposition_that_is_about_not_knowing():
    said = claim("she lacked details on the ferry's route change", source_text="Ines Duarte")
    stated = relate("Ines Duarte lacked details on the ferry's route change", said)
    assert (stated.relation, stated.strength) == ("supports", "certain")
    # ... and still takes no side on what the speaker does not know about.
    assert relate("The ferry's route changed", said).relation == "discusses"


KETTLE = "A Corvo kettle caused the Almsby fire"


@pytest.mark.parametrize(
    "content",
    [
        "a Corvo kettle, not faulty wiring, caused the Almsby fire",
        "it was not the wiring but a Corvo kettle that caused the Almsby fire",
        "there is no doubt that a Corvo kettle caused the Almsby fire",
        "a Corvo kettle caused the Almsby fire, which killed no one",
        "a Corvo kettle caused the Almsby fire, but nobody was charged",
    ],
)
def test_a_negation_of_something_else_does_not_refute(content):
    assert relate(KETTLE, claim(content)).relation == "supports"


def test_not_the_only_one_still_states_it():
    found = relate(
        "Olga Brandl accepted a bribe from Vantor Mining",
        claim("Olga Brandl is not the only senator who accepted a bribe from Vantor Mining"),
    )
    assert found.relation == "supports"


@pytest.mark.parametrize(
    "content",
    [
        "a Corvo kettle did not cause the Almsby fire",
        "it is unlikely that a Corvo kettle caused the Almsby fire",
        "investigators ruled out a Corvo kettle as the cause of the Almsby fire",
    ],
)
def test_a_negation_of_the_verb_refutes(content):
    assert relate(KETTLE, claim(content)).relation == "refutes"


def test_two_negations_before_the_verb_cancel():
    found = relate(
        KETTLE,
        claim("they did not rule out that a Corvo kettle caused the Almsby fire", certainty="possible"),
    )
    assert (found.relation, found.strength) == ("supports", "possible")


@pytest.mark.parametrize(
    "content",
    [
        "Olga Brandl took no money from Vantor Mining",
        "Olga Brandl accepted no bribe from Vantor Mining",
        "Olga Brandl could hardly have accepted a bribe from Vantor Mining",
    ],
)
def test_a_negated_object_or_a_hardly_refutes(content):
    found = relate("Olga Brandl accepted a bribe from Vantor Mining", claim(content))
    assert found.relation == "refutes"


def test_a_verdict_on_the_claim_named_by_its_object_refutes_without_the_verb():
    found = relate(
        "Olga Brandl accepted a bribe from Vantor Mining",
        claim("the bribe allegations against Olga Brandl and Vantor Mining were false"),
    )
    assert found.relation == "refutes"
    assert "false" in found.reason


def test_an_unnamed_speakers_not_knowing_right_after_a_named_one_supports_only_a_not_knowing_proposition():
    claims = [
        claim(
            "the harbour office lacked details on the ferry's route change",
            stance="report",
            source="the daily",
            start=0,
            end=70,
        ),
        claim(
            "we lacked details on the ferry's route change", source="the harbour office", start=80, end=130
        ),
    ]
    found = relate_claims("The harbour office lacked details on the ferry's route change", claims)
    assert (found[1].relation, found[1].strength, found[1].rule) == ("supports", "probable", "elliptic")
    # ... and never takes a side on what nobody knows about.
    assert relate_claims("The ferry's route changed", claims)[1].relation in ("discusses", "unrelated")


@pytest.mark.parametrize(
    "proposition",
    [
        # A negator after the words that state it ("none", "no one") must not make a content that repeats
        # the proposition word for word read as its negation.
        "Rail freight grew as well, although none as fast as that of Norland",
        "The Kestrel fire destroyed the mill, which employed no one from the town",
        # "No." before a number abbreviates "number".
        "The Vanta app became the No. 1 download in Brazil in May",
    ],
)
def test_a_content_that_repeats_the_proposition_supports_it(proposition):
    found = relate(proposition, claim(proposition[0].lower() + proposition[1:], "report"))
    assert (found.relation, found.rule) == ("supports", "states")


def test_no_before_a_number_is_no_negation():
    assert not frame("the No. 1 seller in the country").negated
    assert not frame("ranked no.3 in the league").negated
    assert frame("no seller in the country").negated


def test_an_expletive_frame_is_not_the_claim():
    # "It is not expected that X" claims (the negation of) X: a content that only shares the framing verb
    # ("is expected to be launched") does not state it; one that says X does, with the opposite polarity.
    proposition = "It is not expected for the new name to turn the Corsa into a best seller like the Vela"
    shared_frame = claim(
        "that Brenner will rename the Corsa to the Vela, when a new model is expected to be launched",
        "report",
    )
    assert relate(proposition, shared_frame).relation != "refutes"
    stated = relate(proposition, claim("the new name will turn the Corsa into a best seller", "report"))
    assert stated.relation == "refutes"
    likely = relate(
        "It is likely that the Orvel plant will close", claim("the Orvel plant will close", "report")
    )
    assert likely.relation == "supports"


def test_a_verdict_the_proposition_makes_too_is_not_a_verdict_on_it():
    proposition = "Unfounded rumours will not hurt the Delmar harbour trade"
    found = relate(
        proposition, claim("unfounded rumours will not hurt the Delmar harbour trade", "assert", "probable")
    )
    assert found.relation == "supports"


def test_words_that_state_and_negate_count_on_both_sides():
    # The proposition's own verb negates: "did not rule out" is two negations, "denied" one.
    cue_is_the_predicate = relate(
        "Ola Berg did not rule out a rail strike in Delmar",
        claim(
            "a rail strike in Delmar", "assert", "possible", cue="did not rule out", source_text="Ola Berg"
        ),
    )
    assert cue_is_the_predicate.relation == "supports"
    assert relate(
        "The Delmar council denied the report", claim("the Delmar council denied the report")
    ).relation == ("supports")


def test_a_proposition_that_carries_its_speakers_verb_is_read_at_the_words_it_shares():
    proposition = 'He stated that "I don\'t think the Delmar line will reopen"'
    found = relate(proposition, claim('that "I don\'t think the Delmar line will reopen"'))
    assert found.relation == "supports"


def test_a_proposition_without_a_subject_needs_half_its_words_stated():
    proposition = "It can get through this winter without any state aid"
    loose = claim("There is no doubt about it: the Delmar mill had a hard winter this year")
    assert relate(proposition, loose).relation != "refutes"
    assert relate(
        proposition, claim("the mill cannot get through this winter without state aid")
    ).relation == ("refutes")


def test_a_negation_that_shares_little_of_the_proposition_only_discusses_it():
    proposition = "Norland Air ordered six new airliners from Vantor"
    loose = claim("the ministry had not ordered Norland to stop its flights")
    found = relate(proposition, loose)
    assert found.relation != "refutes"
    close = relate(proposition, claim("Norland Air did not order six new airliners from Vantor"))
    assert close.relation == "refutes"


def test_a_proposition_that_words_the_cue_takes_its_negation_too():
    proposition = "The analysts did not expect such strong results for Vantor"
    said = claim("such strong results for Vantor", cue="did not expect", source_text="The analysts")
    assert relate(proposition, said).relation == "supports"


def test_the_same_speaker_adding_a_negation_does_not_refute_what_they_just_stated():
    claims = [
        claim("the Vantor contract was awarded without a tender", source="ida", start=0, end=50),
        claim(
            "This was not an open process. The ministry was told to work with Vantor.",
            source="ida",
            start=60,
            end=130,
        ),
    ]
    found = relate_claims("The Vantor contract was awarded without a tender", claims)
    assert found[0].relation == "supports" and found[1].relation != "refutes"


def test_a_pointer_bears_only_on_the_proposition_the_claim_under_discussion_states():
    claims = [
        claim(
            "Norland's possible role in supplying the Vantor parts",
            "question",
            source="the daily",
            start=0,
            end=60,
        ),
        claim("these allegations are baseless", source="Ida Holm", start=70, end=100),
    ]
    stated = relate_claims("Norland's possible role in supplying the Vantor parts", claims)
    assert stated[1].relation == "refutes"
    # Sharing a word with the claim under discussion ("possible") is not being it.
    other = relate_claims("There was a possibility of new routes from the coast", claims)
    assert other[1].relation != "refutes"


def test_a_content_that_words_the_cue_itself_is_not_negated_twice():
    proposition = "It is not expected for the new name to turn the Corsa into a best seller"
    said = claim(proposition[0].lower() + proposition[1:], cue="is not expected")
    assert relate(proposition, said).relation == "supports"


def test_a_pointer_does_not_reach_a_proposition_the_claim_under_discussion_only_mentions():
    # Read off the sample corpus: "the allegations" were about Kazakhstan's role, not the attack itself.
    claims = [
        claim("Vantor drones attacked the Selmar air base", "report", source=None, start=0, end=45),
        claim(
            "Norland's possible role in supplying the Vantor drones that attacked the Selmar air base",
            "question",
            source="the daily",
            start=50,
            end=140,
        ),
        claim("these allegations are baseless", source="Ida Holm", start=150, end=180),
    ]
    role = relate_claims("Norland had a role in supplying the Vantor drones that attacked the base", claims)
    assert role[2].relation == "refutes" and role[2].rule == "pointer-refutes"
    attack = relate_claims("Vantor drones attacked the Selmar air base", claims)
    assert attack[0].relation == "supports"
    assert attack[2].relation != "refutes"


def test_the_same_speaker_refutes_only_on_the_propositions_subject():
    claims = [
        claim("unguarded crossings along the long Norland border", source="ida", start=0, end=50),
        claim("the parts' Norland origin", "deny", source="ida", cue="expressing doubt", start=55, end=80),
    ]
    crossings = relate_claims("Unguarded crossings along the long Norland border", claims)
    assert crossings[0].relation == "supports"
    # Doubting where the parts came from shares "Norland" with the crossings but is about something else.
    assert crossings[1].relation == "unrelated"


def test_adding_continues_only_the_statement_just_before():
    claims = [
        claim("unguarded crossings along the long Norland border", source="ida", start=0, end=50),
        claim("the parts' Norland origin", "deny", source="ida", cue="expressing doubt", start=55, end=80),
        claim("they are easier to buy in Selmar", source="ida", cue="adding", start=82, end=115),
    ]
    crossings = relate_claims("Unguarded crossings along the long Norland border", claims)
    # "adding" follows the doubt, which takes no side on the crossings: it passes none on.
    assert crossings[2].relation == "unrelated"


@pytest.mark.parametrize(
    ("proposition", "content"),
    [
        ("Norland Air ordered airliners", "This was not a fair deal. The Air Force was ordered to act."),
        ("Vantor planes fly to Selmar", "we fear the planes won't be able to fly"),
    ],
)
def test_a_negation_sharing_only_half_of_the_proposition_does_not_refute(proposition, content):
    assert relate(proposition, claim(content)).relation != "refutes"


def test_a_verdict_on_a_proposition_without_a_subject_needs_half_its_words():
    # "believes" is the cue's word, shared with a relative-clause fragment, and nothing else is.
    said = claim("unfounded complaints won't harm the ties", cue="believes", source_text="Ida Holm")
    assert relate("Which is believed to be worth $15 billion", said).relation != "refutes"


def test_the_subject_and_verb_without_the_object_do_not_state_it():
    # Read off the sample corpus: "Apple releases Macbook" supported "Apple releases iPhone SDK".
    other = claim("Macbook", cue="releases", source_text="Vantor")
    assert relate("Vantor releases the Kestrel phone kit", other).relation == "unrelated"
    same = claim("the Kestrel phone kit", cue="releases", source_text="Vantor")
    assert relate("Vantor releases the Kestrel phone kit", same).relation == "supports"
    # A named argument replaced by another name is another event; left out, it is not.
    assert (
        relate(
            "Technical help would be provided to Norland",
            claim("technical help would be provided to Selmar"),
        ).relation
        == "unrelated"
    )
    assert relate("Nine people died in the Korvel dam collapse", claim("nine people had died")).relation == (
        "supports"
    )


def test_bare_allegations_do_not_point_at_a_claim_someone_asserted():
    # Read off Wikinews: an analyst's quotation, then "Following some speculation that ..., the chairman
    # denied allegations" (the speculation is no statement of anyone).
    asserted = claim("the Vantor shares are reacting nicely to the plan", source="tim vale", start=0, end=50)
    reported = claim(
        "the Vantor shares are reacting nicely to the plan", "report", source="the daily", end=50
    )
    denial = claim("allegations", "deny", source="ida holm", cue="denied", start=120, end=131)
    proposition = "The Vantor shares are reacting nicely to the plan"
    assert relate_claims(proposition, [asserted, denial])[1].relation == "unrelated"
    assert relate_claims(proposition, [reported, denial])[1].relation == "refutes"
    the = claim("the allegations", "deny", source="ida holm", cue="denied", start=120, end=135)
    assert relate_claims(proposition, [asserted, the])[1].relation == "refutes"


# Read off ECB+ news (topics 1-12 of its train part), a second corpus no rule was read from.


def test_nothing_less_than_is_no_negation():
    proposition = "The future of Norland is at stake"
    said = claim("Nothing less than the future of Norland is at stake")
    assert relate(proposition, said).relation == "supports"


def test_an_embedded_question_states_no_side():
    found = relate(
        "They would not impose death for any killings", claim("whether to impose a death sentence")
    )
    assert (found.relation, found.rule) == ("discusses", "open-question")


def test_a_headline_whose_verb_cannot_be_read_is_not_refuted_by_a_negation():
    # Title case leaves the parse nothing but a subject; the "Not" cannot be placed.
    found = relate(
        "Sox May Not Be Out Of Vantor Chase", claim("that the Sox have extended an offer for Vantor")
    )
    assert found.relation != "refutes"


def test_a_one_word_proposition_is_no_claim():
    assert relate("The Sox", claim("the Sox will not make a new offer")).relation == "unrelated"
    assert relate("The Sox", claim("the Sox made a new offer")).relation == "unrelated"


def test_a_phrase_without_a_verb_is_not_refuted():
    # "For delays and cost increases" is a fragment of a sentence, not a claim anyone can deny.
    said = claim("that no evidence of delays and cost increases was produced")
    assert relate("For delays and cost increases", said).relation != "refutes"
    # A claim with its verb still is.
    assert relate("The dam caused delays and cost increases", claim("the dam caused no delays")).relation == (
        "refutes"
    )


def test_a_negation_in_another_clause_does_not_refute():
    # Read off ECB+ news: "the Nationals do not expect to sign Teixeira, despite making an eight-year offer".
    said = claim("the Selmar club does not expect to sign Vantor, despite making an eight-year offer")
    assert relate("The Selmar club made an eight-year offer", said).relation == "supports"
    assert relate(
        "The Selmar club made an eight-year offer", claim("the Selmar club made no eight-year offer")
    ).relation == ("refutes")


def test_refraining_from_is_a_negation():
    proposition = "The government would not exercise its rights as a shareholder"
    said = claim("that the government would refrain from exercising its rights as a shareholder")
    assert relate(proposition, said).relation == "supports"
