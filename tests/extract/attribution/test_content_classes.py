"""Classes of errors read off the PolNeAR train split's `--errors` output, on invented sentences."""

from __future__ import annotations

import pytest

import hearsay


def statements(text: str) -> list[tuple[str, str]]:
    """(cue, content) of each statement hearsay reads in ``text``."""
    return [(s.cue.text, s.content.text) for s in hearsay.read(text).statements]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("As the minister noted, the deficit has doubled.", "noted", "the deficit has doubled"),
        ("As Dana Roe wrote on Monday, the vote was close.", "wrote", "the vote was close"),
    ],
)
def test_as_clause_of_a_speech_cue_reports_its_host_clause(text, cue, content):
    assert (cue, content) in statements(text)


@pytest.mark.parametrize(
    "text",
    [
        "As we watched, the crowd erupted into cheers.",  # a time, and no speech
        "As they learned of the result, supporters erupted into cheers.",
    ],
)
def test_as_clause_that_tells_when_reports_nothing(text):
    assert statements(text) == []


def test_as_clause_cue_with_its_own_object_reports_that_not_the_host_clause():
    assert statements("As he congratulated Rubio, the audience booed.") == [("congratulated", "Rubio")]


def test_unlisted_verb_with_a_that_clause_reports_it():
    assert ("bemoaned", "that the rules had changed") in statements(
        "Ann Lee bemoaned that the rules had changed."
    )


def test_unlisted_verb_with_its_clause_right_after_it_reports_it():
    assert ("bemoaned", "the rules had changed") in statements("Ann Lee bemoaned the rules had changed.")


def test_contest_outcome_is_no_cue():
    """ "won A and B won C": the parser hangs the second clause on the first verb; nothing is reported."""
    text = "Clinton won at least 19 delegates and Sanders won at least 15."
    assert [cue for cue, _ in statements(text)] == []


def sourced(text: str) -> list[tuple[str, str, str | None]]:
    """(cue, content, source words) of each statement hearsay reads in ``text``."""
    return [(s.cue.text, s.content.text, s.source.text) for s in hearsay.read(text).statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ferry company replied in a statement saying the delays were over.",
            ("saying", "the delays were over", "The ferry company"),
        ),
        (
            'Tom Reyes resigned in a letter to the board stating, "I can no longer do the job."',
            ("stating", '"I can no longer do the job."', "Tom Reyes"),
        ),
    ],
)
def test_participle_of_a_channel_reports_its_clause_for_the_writer(text, expected):
    assert expected in sourced(text)


def test_participle_describing_a_place_reports_no_host_clause():
    assert sourced("The mayor spoke at a rally praising the new harbour.") == []


def test_described_event_with_its_agent_opens_the_clause():
    text = "In a development reported by the Coast Ledger, two ferries collided near the pier."
    assert ("reported", "two ferries collided near the pier", "Coast Ledger") in sourced(text)


@pytest.mark.parametrize(
    "text",
    [
        "The fine is explained in an affidavit written by a harbour inspector.",
        "The plan was outlined in a memo written by Ann Lee.",
        "Ann Lee appeared in a film backed by the Coast Ledger.",
    ],
)
def test_a_described_thing_after_its_clause_names_its_maker_and_reports_nothing(text):
    assert sourced(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            '"The timing was perfect," Mr. Lane said, referring to the two hotels. "Demand came back."',
            "referring to",
            "the two hotels",
            "Lane",
        ),
        (
            '"We will win," Ann Lee said, adding that the count would take days. "Nobody should worry."',
            "adding",
            "that the count would take days",
            "Ann Lee",
        ),
    ],
)
def test_participle_between_two_quotations_of_one_speaker_is_its_own_statement(text, cue, content, speaker):
    assert (cue, content, speaker) in sourced(text)


def test_preposition_of_the_cue_introduces_content_not_a_hearer():
    reading = hearsay.read('"It was a trap," the mayor said, referring to the harbour deal.')
    referring = next(s for s in reading.statements if s.cue.text == "referring to")
    assert referring.content.text == "the harbour deal"
    assert referring.addressee is None


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator went after the governor's record on taxes.",
            "went after",
            "the governor's record on taxes",
        ),
        ("The union campaigned against the new pay rules.", "campaigned against", "the new pay rules"),
        (
            "Ann Lee campaigned for a second bridge across the river.",
            "campaigned for",
            "a second bridge across the river",
        ),
    ],
)
def test_phrasal_verbs_of_public_stance_are_cues(text, cue, content):
    assert (cue, content) in statements(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The harbour master said in a statement that the port would reopen on Friday.",
            "that the port would reopen on Friday",
        ),
        (
            "Mara Quill, a spokeswoman for the council, said in a statement that the bridge was safe.",
            "that the bridge was safe",
        ),
    ],
)
def test_that_clause_hung_on_the_channel_is_what_was_said(text, content):
    """The parser may hang "that ..." on "a statement"; it is still what the speaker said."""
    assert ("said", content) in statements(text)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The mayor said in one of a series of messages that the truck was carrying arms.",
            "said",
            "that the truck was carrying arms",
        ),
        (
            "She told the mayor at a debate that voters were tired of the plan.",
            "told",
            "that voters were tired of the plan",
        ),
    ],
)
def test_that_clause_hung_on_a_phrase_after_the_cue_is_what_was_said(text, cue, content):
    """ "told X at a debate that ...": the parser hangs the clause on "debate"; its "that" opens a
    complement (it fills no role in the clause), so the clause is what was said."""
    assert (cue, content) in statements(text)


def test_relative_clause_on_a_phrase_after_the_cue_is_not_what_was_said():
    """ "at the meeting that ended late": "that" is the relative clause's subject, no report."""
    assert ("said", "that ended late") not in statements(
        "The mayor said at the meeting that ended late nothing."
    )


@pytest.mark.parametrize(
    ("text", "cue", "content", "owner"),
    [
        (
            "Her decision to close the harbour angered the fishermen.",
            "decision",
            "to close the harbour",
            "Her",
        ),
        ("His promise to rebuild the bridge was popular.", "promise", "to rebuild the bridge", "His"),
        # a noun cue as the object of a preposition is no "refrained from confirm" verb
        ("Voters were drawn to her plan to bar imports.", "plan", "to bar imports", "her"),
    ],
)
def test_owned_noun_of_intent_with_an_infinitive_reports_it(text, cue, content, owner):
    assert (cue, content, owner) in sourced(text)


def test_noun_of_intent_without_an_owner_reports_nothing():
    assert sourced("A plan to sell the port was dropped.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The factory added 300 jobs last year.", []),
        ("The council felt the pinch of the cuts.", []),
        ("The council invited two guests to the opening.", []),  # "invite" is no cue (2 of 14 right on train)
        ("Ann Lee wrote a letter to the council.", []),
        ("Ann Lee wrote that the port was safe.", [("wrote", "that the port was safe", "Ann Lee")]),
        ("Ann Lee added that the factory would hire.", [("added", "that the factory would hire", "Ann Lee")]),
        ("Ann Lee felt the plan was unfair.", [("felt", "the plan was unfair", "Ann Lee")]),
    ],
)
def test_a_clause_only_cue_reports_a_clause_never_a_bare_object(text, expected):
    assert sourced(text) == expected


def test_support_for_a_topic_is_the_content_of_the_verb_around_it_not_a_cue():
    assert sourced("The union signalled its support for the harbour plan.") == [
        ("signalled", "its support for the harbour plan", "The union")
    ]


def test_criticism_of_a_topic_stays_a_cue_of_its_own():
    text = "Ann Lee's criticism of the harbour plan surprised the council."
    assert ("criticism of", "the harbour plan", "Ann Lee") in sourced(text)
