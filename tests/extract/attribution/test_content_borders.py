"""Where a content ends: a relative clause describing the name that ends it is not part of it."""

from __future__ import annotations

import pytest

import hearsay


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lee said she would vote for Bo Chen, who has led the party since 2010.",
            "she would vote for Bo Chen",
        ),
        ("The mayor said the money went to Acme Corp, which denied it.", "the money went to Acme Corp"),
        # a relative clause inside the content, or without a comma, stays
        (
            "The mayor said the firm, which opened in 1990, would grow.",
            "the firm, which opened in 1990, would grow",
        ),
        ("Ann Lee said the vote was close.", "the vote was close"),
    ],
)
def test_a_relative_clause_on_the_last_name_ends_the_content(text, content):
    [statement] = [s for s in hearsay.read(text).statements if s.cue.text == "said"]
    assert statement.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Most farmers in the valley were worried about the drought; half said they were very worried.",
            "said",
            "they were very worried",
        ),
        (
            "The storm closed the port; officials said it would reopen on Monday.",
            "said",
            "it would reopen on Monday",
        ),
        (
            "The council saw the budget as a matter of safety; the mayor argued that the roads come first.",
            "argued",
            "that the roads come first",
        ),
        # a semicolon inside the quotation before its cue is the speaker's
        (
            '"We lost the vote; we will win the next one," Ann Lee said.',
            "said",
            '"We lost the vote; we will win the next one,"',
        ),
    ],
)
def test_the_clause_before_a_semicolon_is_not_what_the_cue_after_it_reports(text, cue, content):
    statements = [s for s in hearsay.read(text).statements if s.cue.text == cue]
    assert [s.content.text for s in statements] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ann Lee praised the harbour deal, signed by the council in May.", "praised", "the harbour deal"),
        ("Ann Lee backed the new toll, imposed by the council last year.", "backed", "the new toll"),
        # "by" and a gerund tells how, not what
        ("The mayor rebuked the council by publicly praising its critics.", "rebuked", "the council"),
        ("Ann Lee backed the plan by signing the petition.", "backed", "the plan"),
        # a participle inside the content, with no comma before it, stays
        ("Ann Lee praised the deal signed by the council.", "praised", "the deal signed by the council"),
    ],
)
def test_a_participle_after_a_comma_or_by_and_a_gerund_ends_a_verbs_content(text, cue, content):
    statements = [s for s in hearsay.read(text).statements if s.cue.text == cue]
    assert [s.content.text for s in statements] == [content]
