"""Issue 15's error classes, each on invented sentences: the field the class is about comes out right."""

from __future__ import annotations

import pytest

import hearsay
from hearsay.model import Reading, Statement


def read(text: str) -> Reading:
    return hearsay.read(text)


def by_cue(reading: Reading, cue: str) -> Statement:
    matches = [s for s in reading.statements if s.cue.text == cue]
    assert matches, f"no statement with cue {cue!r}: {[s.cue.text for s in reading.statements]}"
    return matches[0]


def source_of(reading: Reading, statement: Statement) -> tuple[str | None, str | None]:
    """The source entity's name and type, or (None, None) when the source resolves to no entity."""
    entity = reading.entity(statement.source.entity)
    return (entity.name, entity.type) if entity else (None, None)


# 1. Organisation, relative and pronoun sources resolve to what they refer to, or stay unresolved.
@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        (
            "The Harbour Authority released its annual review on Monday. "
            "It said the findings showed a sharp drop in traffic.",
            "said",
            "Harbour Authority",
        ),
        (
            "The plan was backed by the Northern Farmers Union, which claimed the subsidies were overdue.",
            "claimed",
            "Northern Farmers Union",
        ),
        (
            "The protest was led by Mara Quill, who added that the march would continue.",
            "added",
            "Mara Quill",
        ),
        (
            "Police arrested two members of the Forest Defence League on Friday. "
            "The group denied that its members had set the fire.",
            "denied",
            "Forest Defence League",
        ),
    ],
)
def test_anaphoric_source_resolves_to_its_antecedent(text, cue, name):
    reading = read(text)
    statement = by_cue(reading, cue)
    assert source_of(reading, statement)[0] == name
    assert any(rule in statement.rules for rule in ("source.it", "source.relative", "source.description"))


def test_pronoun_after_a_platform_stays_unresolved():
    """ "He" after "on Twitter" is nobody the text names: never a person called Twitter."""
    reading = read(
        "The rally was calm, according to a message posted on Twitter. "
        "He said the crowd dispersed peacefully."
    )
    statement = by_cue(reading, "said")
    assert source_of(reading, statement) == (None, None)
    assert statement.source.text == "He"
    assert "source.pronoun_unresolved" in statement.rules


def test_organisation_pronoun_without_an_organisation_stays_unresolved():
    reading = read("The weather turned cold overnight. It said nothing about the harvest, the farmer joked.")
    for statement in reading.statements:
        if statement.source.text == "It":
            assert statement.source.entity is None


# 2. Addressee (a hearer), medium (a channel) and time are different things.
@pytest.mark.parametrize(
    ("text", "cue", "addressee", "medium"),
    [
        (
            "Carla Ruiz said in an interview with DW that the election was rigged.",
            "said",
            "DW",
            "an interview",
        ),
        ("Bo Chen posted on Telegram that the border would reopen.", "posted", None, "Telegram"),
        ("The director told reporters on Tuesday that the budget would be cut.", "told", "reporters", None),
        ("The minister said in a statement that the talks would resume.", "said", None, "a statement"),
        ("During a June 2 briefing, the spokesman said the convoy had left.", "said", None, "briefing"),
    ],
)
def test_addressee_medium_and_time_are_apart(text, cue, addressee, medium):
    statement = by_cue(read(text), cue)
    assert (statement.addressee.text if statement.addressee else None) == addressee
    assert (statement.medium.text if statement.medium else None) == medium


# 3. Main-clause reports with a hearer, a platform or a medium before the content are found.
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ('Ann Lee told the Daily Star the report was "false".', "told", 'the report was "false"'),
        (
            'Bo Chen posted on Twitter that the country "has nothing to do with" the blast.',
            "posted",
            'that the country "has nothing to do with" the blast',
        ),
        (
            "Tom Reyes wrote in a newsletter post on Wednesday that the merger would fail.",
            "wrote",
            "that the merger would fail",
        ),
    ],
)
def test_main_clause_report_is_found(text, cue, content):
    assert by_cue(read(text), cue).content.text == content


# 4. Content after a colon or a platform is the post, not the platform.
def test_content_after_platform_and_colon_is_the_post():
    statement = by_cue(
        read('The president posted on X: "Today we open the new bridge to everyone."'), "posted"
    )
    assert statement.content.text == '"Today we open the new bridge to everyone."'
    assert statement.medium is not None and statement.medium.text == "X"


# 5. A relaying outlet is the medium, not the source.
def test_relaying_outlet_is_the_medium():
    reading = read(
        "Fighters of the Eastern Front clashed with troops on Sunday. "
        '"We reject the accusations," the group said in a statement carried by Al Jazeera.'
    )
    statement = by_cue(reading, "said")
    assert statement.medium is not None and statement.medium.text == "Al Jazeera"
    assert "medium.relay" in statement.rules
    relay = reading.entity(statement.medium.entity)  # the provenance hint: the outlet that relayed it
    assert relay is not None and (relay.name, relay.type) == ("Al Jazeera", "OUTLET")
    assert statement.source.text == "the group"
    assert source_of(reading, statement)[0] != "Al Jazeera"


# 6. A report nested in a relative clause holds a statement about the noun it hangs on.
def test_nested_report_in_a_relative_clause():
    statement = by_cue(
        read("Rescuers reached the site of the blast, which the ministry says killed 500 people."), "says"
    )
    assert statement.source.text == "the ministry"
    assert statement.content.text == "the blast, which the ministry says killed 500 people"


# 7. Hedges inside the content lower its certainty.
@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("The mayor said it appears the fire was started deliberately.", "probable"),
        ("The mayor said it seems the fire was started deliberately.", "probable"),
        ("The mayor said the fire was apparently started deliberately.", "probable"),
        ("The minister said the strike will likely end this week.", "probable"),
        ("Officials said the ship may have hit a mine.", "possible"),
        ("Officials said the ship hit a mine.", "certain"),
    ],
)
def test_hedge_in_content_lowers_certainty(text, certainty):
    assert by_cue(read(text), "said").certainty == certainty


# 8. Acts that are not speech make no statement.
@pytest.mark.parametrize(
    "text",
    [
        "The council refused to recognise the claims of the tenants.",
        "The senator posted an emoji after the vote.",
        "Thousands of fans showed support for the striking players.",
        "The actor shared a photo of the flooded street.",
        "The singer tweeted a selfie from the stage.",
    ],
)
def test_not_speech_is_no_statement(text):
    assert read(text).statements == ()


def test_refusal_to_comment_and_a_posted_claim_stay():
    assert by_cue(read("The council declined to comment on the claims."), "declined to comment")
    assert read("The senator posted that the vote was rigged.").statements


# 9. Datelines stay out of names; "the newspaper" is the outlet named before, and an outlet.
@pytest.mark.parametrize(
    "text",
    [
        "LONDON (Reuters) - Ann Lee said the talks had collapsed.",
        "GENEVA, May 2 (AP) -- Ann Lee said the talks had collapsed.",
    ],
)
def test_dateline_never_in_a_source_name(text):
    reading = read(text)
    statement = by_cue(reading, "said")
    assert source_of(reading, statement) == ("Ann Lee", "PERSON")
    assert statement.source.text == "Ann Lee"


def test_the_newspaper_resolves_to_the_outlet_named_before():
    reading = read(
        "The Daily Star reported on Monday that the mine had closed. "
        "The newspaper said the owners had gone bankrupt."
    )
    statement = by_cue(reading, "said")
    assert source_of(reading, statement) == ("Daily Star", "OUTLET")
    assert source_of(reading, by_cue(reading, "reported")) == ("Daily Star", "OUTLET")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            'Ann Lee was critical of the plan, telling the Harbour Gazette: "The fees are far too high."',
            "telling",
            '"The fees are far too high."',
        ),
        (
            'The mayor said in a statement: "We will rebuild the bridge."',
            "said",
            '"We will rebuild the bridge."',
        ),
        ("Asked if he was ever bullied, the candidate said no.", "said", "no"),
        ("Asked whether the plan would work, most voters said yes.", "said", "yes"),
    ],
)
def test_content_after_a_hearer_or_medium_and_short_answers(text, cue, content):
    """4. A quotation after the hearer or medium and a colon is the content; 3. "said no" is an answer."""
    assert by_cue(read(text), cue).content.text == content


@pytest.mark.parametrize(
    "text",
    ["The church posted on Facebook.", "The Harbour Trust released a statement on Monday."],
)
def test_a_channel_alone_is_no_content(text):
    """A platform or a medium noun says where something was said, not what: no statement of its own."""
    assert read(text).statements == ()


@pytest.mark.parametrize(
    ("text", "cue", "name"),
    [
        ("Ted Cruz spoke on Monday. His plan to cut taxes won praise.", "plan", "Ted Cruz"),
        (
            "The Harbour Union met on Friday. Its demand for higher pay was rejected.",
            "demand for",
            "Harbour Union",
        ),
    ],
)
def test_possessive_pronoun_owner_resolves_like_its_pronoun(text, cue, name):
    reading = read(text)
    assert source_of(reading, by_cue(reading, cue))[0] == name
