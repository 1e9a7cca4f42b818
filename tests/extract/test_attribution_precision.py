"""Statements the extractor leaves out because that kind of statement is mostly not an attribution."""

from __future__ import annotations

import pytest

import hearsay


def cues(text: str) -> list[str]:
    return [s.cue.text for s in hearsay.read(text).statements]


def test_precision_quotation_far_from_any_cue_is_not_given_to_the_last_speaker():
    text = (
        "Farmer Tomas Horak said the drought had ruined his harvest.\n\n"
        "Rain fell in the north of the region on Friday, and the rivers rose again after weeks.\n\n"
        '"We have never seen a summer like this one."'
    )
    reading = hearsay.read(text)
    assert [s.cue.text for s in reading.statements] == ["said"]
    assert not any(s.content.text.startswith("We have never") for s in reading.statements)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('A new series, called "Quick Bites", shows the chef at home.', "called"),
        ("The mayor waved to crowds in a district known to be loyal to her party.", "known"),
        ("Later that night, said the river had burst its banks.", "said"),
    ],
)
def test_precision_active_cue_without_a_speaker_is_no_statement(text, cue):
    assert cue not in cues(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The river is expected to rise again by Friday.", "is expected to"),
        ("The race seems to be tightening in the north.", "seems"),
        ("Asked about the delay, the minister said the trains would run again soon.", "Asked about"),
        ("It is believed that the suspect fled abroad.", "is believed"),
    ],
)
def test_precision_passive_and_raising_cues_keep_their_missing_speaker(text, cue):
    statement = next(s for s in hearsay.read(text).statements if s.cue.text == cue)
    assert statement.source.text is None


def test_precision_belief_inside_a_quotation_is_part_of_the_quoted_words():
    text = 'The union sent a letter: "Our members believe the offer is unfair."'
    assert "believe" not in cues(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The minister spoke on Tuesday in the capital.", "spoke"),
        ("An official, who spoke on condition of anonymity, said the talks had stalled.", "spoke"),
    ],
)
def test_precision_talk_without_a_topic_is_no_statement(text, cue):
    assert cue not in cues(text)


def test_precision_talk_about_a_topic_is_a_statement():
    statement = next(s for s in hearsay.read("The minister spoke warmly about her late father.").statements)
    # "speak about" past the verb's own adverb: the preposition is part of the cue
    assert (statement.cue.text, statement.content.text) == ("spoke warmly about", "her late father")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator missed a chance to challenge the governor on taxes.", "challenge"),
        ("A letter urging the council to act was sent on Monday.", "urging"),
    ],
)
def test_precision_act_verb_describing_a_noun_is_no_statement(text, cue):
    assert cue not in cues(text)


def test_precision_named_third_party_inside_a_quotation_is_part_of_the_quoted_words():
    text = '"Mayor Daniel Brandt told us the money was spent," the auditor Karin Olsen said.'
    reading = hearsay.read(text)
    assert [s.cue.text for s in reading.statements] == ["said"]
    assert reading.statements[0].content.text == '"Mayor Daniel Brandt told us the money was spent,"'


def test_the_verb_quote_is_not_a_loose_quotation():
    text = '"We will not close the plant," the Daily Courier quoted Ana Ruiz as saying.'
    reading = hearsay.read(text)
    assert [s.cue.text for s in reading.statements] == ["quoted"]


def test_quotation_glued_to_a_word_gets_no_guessed_speaker():
    # The tokenizer glues "CLOSED—" to the opening mark; the quotation still has no cue of its own.
    text = (
        'Ann Lee said the hall was full.\n\nMore was to come. CLOSED—"The old bridge will close in December."'
    )
    reading = hearsay.read(text)
    assert [s.cue.text for s in reading.statements] == ["said"]
