"""Refusal cues ("declined", "refused", "refrained"): a refusal to speak, never a fall or a rejected thing."""

from __future__ import annotations

import pytest

import hearsay


def cues(text: str) -> list[str]:
    return [s.cue.text for s in hearsay.read(text).statements]


@pytest.mark.parametrize(
    "text",
    [
        "Toyota was the only carmaker without gains, as their sales declined 8.7% in March.",
        "Orders for the new tractor declined sharply after the storm.",
        "Bo Chen declined an invitation to the gala.",
        "Ann Lee refused the offer from the rival club.",
    ],
)
def test_a_refusal_verb_without_an_act_or_words_is_no_statement(text):
    assert not [c for c in cues(text) if c.startswith(("declined", "refused"))]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The minister declined to comment on the report.", "declined to comment", "the report"),
        ("The company declined comment.", "declined", "comment"),
        ("She declined a question about the budget.", "declined", "a question about the budget"),
        ("The mayor refused requests for an interview.", "refused", "requests for an interview"),
        ("The senator refrained from criticising the plan.", "refrained from criticising", "the plan"),
    ],
)
def test_a_refusal_to_speak_stays_a_statement(text, cue, content):
    [statement] = [s for s in hearsay.read(text).statements if s.cue.text == cue]
    assert statement.content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # what the subject's own relative clause says is not what was refused
        (
            "The Harbour Authority, which keeps records on every ship in the bay, declined to comment.",
            "to comment",
        ),
        ("The boxer refused to fight in the war, which cost him three years of his career.", "to fight in"),
    ],
)
def test_a_refusal_content_is_not_taken_from_a_relative_clause(text, content):
    [statement] = [s for s in hearsay.read(text).statements if s.cue.text.startswith(("declined", "refused"))]
    assert statement.content.text.startswith(content)
