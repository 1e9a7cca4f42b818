"""A clause before a colon or a dash is the text's own, not what the cue after the break reports."""

from __future__ import annotations

import pytest

import hearsay


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "At every rally the senator points to the crowds: he says the papers undercount his supporters.",
            "says",
            "the papers undercount his supporters",
        ),
        (
            "Ann Lee knows her weak spot — she told the Daily Star that her task is to look tough.",
            "told",
            "that her task is to look tough",
        ),
        # a colon inside the quotation before its cue is the speaker's
        (
            '"Here is the plan: we build the bridge first," Ann Lee said.',
            "said",
            '"Here is the plan: we build the bridge first,"',
        ),
    ],
)
def test_the_clause_before_a_colon_or_dash_is_not_what_the_cue_after_it_reports(text, cue, content):
    statements = [s for s in hearsay.read(text).statements if s.cue.text == cue]
    assert [s.content.text for s in statements] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Voters have reached a consensus on the issue: by 2-1, they say the bridge should be built.",
            "say",
            "the bridge should be built",
        ),
        (
            "Until Friday the firm had kept quiet about the merger, but Ann Lee says the deal is off.",
            "says",
            "the deal is off",
        ),
        # a quotation before the cue is still what was said
        ('"The deal is off," Ann Lee says.', "says", '"The deal is off,"'),
    ],
)
def test_a_cue_with_a_clause_after_it_reports_that_one(text, cue, content):
    statements = [s for s in hearsay.read(text).statements if s.cue.text == cue]
    assert [s.content.text for s in statements] == [content]
