"""Attribution cues chosen by measuring on the PolNeAR train split: one invented sentence per kind of cue."""

from __future__ import annotations

import pytest

import hearsay

from .test_attribution import assert_reads, find, source_name

# (text, cue, expected source (entity name or source text; None = anonymous), content, kind, addressee)
CASES = [
    # Verb, particle and preposition; a verb with its preposition.
    (
        "The mayor lashed out at the water board over the price rise.",
        "lashed out at",
        "The mayor",
        "the water board over the price rise",
        "indirect",
        None,
    ),
    (
        "The farmers' union has long railed against the new quotas.",
        "railed against",
        "The farmers' union",
        "the new quotas",
        "indirect",
        None,
    ),
    # A stance its clause's subject takes.
    (
        "The senator voted in favor of the bill.",
        "in favor of",
        "The senator",
        "the bill",
        "indirect",
        None,
    ),
    (
        "Most farmers are against the new levy.",
        "are against",
        "Most farmers",
        "the new levy",
        "indirect",
        None,
    ),
    # Idioms of a light verb: the object of their preposition, or their that-clause.
    (
        "The minister took issue with the auditors' report.",
        "took issue with",
        "The minister",
        "the auditors' report",
        "indirect",
        None,
    ),
    (
        "The coach made it clear that the team would appeal.",
        "made it clear",
        "The coach",
        "that the team would appeal",
        "indirect",
        None,
    ),
    # A light verb with a noun of speech as its object.
    (
        "The mayor delivered a sharp critique of the housing plan.",
        "delivered a sharp critique of",
        "The mayor",
        "the housing plan",
        "indirect",
        None,
    ),
    # A request: whom was asked, and to do what.
    (
        "The council asked the court to stop the demolition.",
        "asked",
        "The council",
        "the court to stop the demolition",
        "indirect",
        "the court",
    ),
    # Known for: nobody in the text holds the view.
    (
        "The island is known for its steep vineyards.",
        "is known for",
        None,
        "The island is known for its steep vineyards",
        "indirect",
        None,
    ),
    # An adverb that marks the clause as reported, by nobody named.
    (
        "The club is reportedly spending a million on new players.",
        "reportedly",
        None,
        "The club is reportedly spending a million on new players",
        "indirect",
        None,
    ),
    # A headline's speaker label, in title case, naming someone the article names.
    (
        "Quinn: Budget Vote Will Fail On Friday.\nSenator Maria Quinn spoke to reporters on Thursday.",
        ":",
        "Maria Quinn",
        "Budget Vote Will Fail On Friday",
        "indirect",
        None,
    ),
    # "is seen as", "viewed as": the subject with what it is taken for, nobody named.
    (
        "The deal is widely seen as a defeat for the unions.",
        "is widely seen as",
        None,
        "The deal is widely seen as a defeat for the unions",
        "indirect",
        None,
    ),
    # A noun of criticism takes "of" as its topic.
    (
        "The senator restated his criticism of the tax plan on Monday.",
        "criticism of",
        "his",
        "the tax plan",
        "indirect",
        None,
    ),
    # A verb with its preposition that reports only for someone who can hold a view.
    (
        "The governor focused on the rising cost of rent.",
        "focused on",
        "The governor",
        "the rising cost of rent",
        "indirect",
        None,
    ),
    (
        "Most farmers voted for the new levy.",
        "voted for",
        "Most farmers",
        "the new levy",
        "indirect",
        None,
    ),
    (
        "The teachers' union focused on the pay gap.",
        "focused on",
        "The teachers' union",
        "the pay gap",
        "indirect",
        None,
    ),
    (
        "The mayor did not respond to the union's demands.",
        "did not respond to",
        "The mayor",
        "the union's demands",
        "indirect",
        None,
    ),
    (
        "The bishop spoke out against the new curfew.",
        "spoke out",
        "The bishop",
        "the new curfew",
        "indirect",
        None,
    ),
    # An adverb of the verb's own between verb and preposition.
    (
        "The governor called repeatedly for a recount.",
        "called repeatedly for",
        "The governor",
        "a recount",
        "indirect",
        None,
    ),
    # An act verb's participle on the group that acts, or on the clause of the one who acts.
    (
        "Donors gave money to a super PAC backing the mayor.",
        "backing",
        "PAC",
        "the mayor",
        "indirect",
        None,
    ),
    (
        "The senator hit back, attacking the governor's budget.",
        "attacking",
        "The senator",
        "the governor's budget",
        "indirect",
        None,
    ),
    # A passive act with a view-holding agent.
    (
        "The governor is backed by Senator Alma Reyes.",
        "is backed",
        "Alma Reyes",
        "The governor",
        "indirect",
        None,
    ),
    # One poll after the clause's verb sources the clause, as a fronted "In a poll, ..." does.
    (
        "The mayor led the race by six points in the latest poll.",
        "in",
        "the latest poll",
        "The mayor led the race by six points",
        "indirect",
        None,
    ),
    # "have", "give" and "raise" as light verbs, only with their own few nouns; "make" with a mention.
    (
        "The senator had harsh words for the budget.",
        "had harsh words for",
        "The senator",
        "the budget",
        "indirect",
        None,
    ),
    (
        "The senator raised serious doubts about the deal.",
        "raised serious doubts about",
        "The senator",
        "the deal",
        "indirect",
        None,
    ),
    (
        "Most voters hold favorable opinions of the mayor.",
        "hold favorable opinions of",
        "Most voters",
        "the mayor",
        "indirect",
        None,
    ),
    (
        "The minister made no mention of the strike.",
        "made no mention of",
        "The minister",
        "the strike",
        "indirect",
        None,
    ),
    # Any verb with a that-clause, for a subject that can hold a view (a role noun too).
    (
        "The governor fretted that the harvest would fail.",
        "fretted",
        "The governor",
        "that the harvest would fail",
        "indirect",
        None,
    ),
    (
        "The senator looked for a way to delay the vote.",
        "looked for",
        "The senator",
        "a way to delay the vote",
        "indirect",
        None,
    ),
    # A noun of stance after "be": the subject holds it, the object of its preposition is what it is about.
    (
        "The senator is a vocal critic of the housing plan.",
        "is a vocal critic of",
        "The senator",
        "the housing plan",
        "indirect",
        None,
    ),
    # An attitude adjective after "be".
    (
        "The senator remained skeptical of the offer.",
        "remained skeptical of",
        "The senator",
        "the offer",
        "indirect",
        None,
    ),
    (
        "The governor is upbeat about the harvest.",
        "is upbeat about",
        "The governor",
        "the harvest",
        "indirect",
        None,
    ),
]


@pytest.mark.parametrize(("text", "cue", "source", "content", "kind", "addressee"), CASES)
def test_attribution_reads_mined_cue(text, cue, source, content, kind, addressee):
    assert_reads(text, cue, source, content, kind, addressee)


def test_attribution_citing_a_source_keeps_it_as_the_source():
    reading = hearsay.read("The army is preparing an offensive, the newspaper said, citing two officials.")
    citing = find(reading, "citing")
    assert source_name(reading, citing) == "two officials"


def test_attribution_light_verb_with_a_hearer_is_not_a_cue():
    # "an appeal to voters" names whom the appeal is made to, not what it is about
    reading = hearsay.read("The candidate made an appeal to young voters.")
    assert [s.cue.text for s in reading.statements] == []


def test_attribution_preposition_act_cue_needs_a_view_holder():
    # talks do not hold views; a plan that "is focused on" something reports nothing either
    for text in ("The talks focused on trade.", "The new plan is focused on the harbour."):
        assert [s.cue.text for s in hearsay.read(text).statements] == []


def test_attribution_standing_in_the_polls_and_a_plain_have_are_no_cues():
    # "in the polls" is a standing, not a poll that says so; "had a meeting about" reports nothing
    for text in (
        "The mayor has trailed in the polls for months.",
        "The senator had a meeting about the stadium.",
    ):
        assert [s.cue.text for s in hearsay.read(text).statements] == []


def test_attribution_a_noun_after_be_is_a_stance_only_for_a_holder_and_a_stance_noun():
    for text in ("The bridge is a symbol of the town.", "The report is a critic of nothing."):
        assert [s.cue.text for s in hearsay.read(text).statements] == []


def test_attribution_an_attempt_or_an_avoidance_is_no_statement():
    for text in ("The delegates attempted to secure a vote.", "The senator avoided the convention."):
        assert [s.cue.text for s in hearsay.read(text).statements] == []
