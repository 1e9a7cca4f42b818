"""Sources the parse hangs on a thing: the one who issued a statement, or used a speech, speaks."""

from __future__ import annotations

import pytest

import hearsay

from .test_error_classes import by_cue


def test_participle_on_an_issued_statement_speaks_for_who_issued_it():
    reading = hearsay.read(
        "The Harbour Authority issued a statement saying it would close the port on Friday."
    )
    statement = by_cue(reading, "saying")
    assert statement.source.text == "Harbour Authority"
    assert "source.channel_writer" in statement.rules
    assert statement.content.text.startswith("it would close the port")
    # the statement is reported once, by "saying"; "issued a statement" only names the channel
    assert [s.cue.text for s in reading.statements] == ["saying"]


def test_participle_of_an_act_on_issued_statements_is_kept():
    """ "statements condemning X" would be a noun described by a participle, were it not issued by someone."""
    reading = hearsay.read("All three councillors issued statements condemning the vote.")
    statement = by_cue(reading, "condemning")
    assert statement.source.text == "All three councillors"
    assert statement.content.text == "the vote"


def test_an_object_that_holds_no_view_does_not_speak():
    reading = hearsay.read("Mara Quill used the speech to defend the new tax.")
    statement = by_cue(reading, "defend")
    assert statement.source.text == "Mara Quill"
    assert "source.past_an_instrument" in statement.rules


def test_an_object_that_holds_a_view_still_speaks():
    reading = hearsay.read("The scandal led the chairman to declare that he would resign.")
    statement = by_cue(reading, "declare")
    assert statement.source.text == "the chairman"


def test_a_thing_the_subject_made_speaks_for_the_subject():
    reading = hearsay.read(
        "The Harbour Workers Union ran radio advertisements saying the tax would hurt families."
    )
    statement = by_cue(reading, "saying")
    assert statement.source.text == "Harbour Workers Union"
    assert "source.doer_of_object" in statement.rules


def test_a_view_holder_as_the_object_still_speaks():
    """ "met voters saying ...": the voters say it, not whoever met them."""
    reading = hearsay.read("The senator met farmers saying the drought had ruined them.")
    assert all("source.doer_of_object" not in s.rules for s in reading.statements)


@pytest.mark.parametrize(
    "text",
    [
        "Global trade offers undeniable benefits to farmers.",
        "Fences along the river push smugglers into the hills.",
        "Its main goal is encouraging the overuse of water.",
        "The rules favor incumbents in every district.",
        "The flood barriers back the river into the fields.",
    ],
)
def test_act_verbs_need_a_subject_that_holds_a_view(text):
    assert not hearsay.read(text).statements


def test_offer_with_a_speaker_still_reports():
    [statement] = hearsay.read("The mayor offered the union a new contract.").statements
    assert statement.cue.text == "offered" and statement.source.text == "The mayor"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("He's said he will fight all the way to the convention.", "said", "He"),
        ("She’s predicted big wins in the races ahead.", "predicted", "She"),
    ],
)
def test_a_contracted_has_is_no_passive(text, cue, source):
    """ "He's said ...": the small model reads "'s" as a passive "is"; with an object or a clause the verb
    is active and its subject speaks."""
    [statement] = hearsay.read(text).statements
    assert (statement.cue.text, statement.source.text) == (cue, source)


def test_an_impersonal_passive_with_a_contracted_is_stays_without_a_source():
    [statement] = hearsay.read("It's said that the river floods every spring.").statements
    assert statement.source.text is None or statement.source.text == ""
