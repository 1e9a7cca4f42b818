"""Which clause a cue reports when the parse offers another: the one after a colon or a dash, the one
after the cue, the one before a closing parenthetical cue."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

import hearsay
from hearsay.extract.attribution.content import content_for
from hearsay.extract.attribution.cues import Cue
from hearsay.extract.attribution.lexicon import verb_cues


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


def test_a_closing_cue_the_parser_made_a_conjunct_reports_the_clause_before_the_comma():
    """ "The plan covers every port, Bo Chen told senators.", parsed as the small model sometimes does
    in running text: "told" a conjunct of "covers" (the parse is written out, as it is hard to provoke)."""
    words = ["The", "plan", "covers", "every", "port", ",", "Bo", "Chen", "told", "senators", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 8, 2, 8, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "punct", "compound", "nsubj", "conj", "dobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "VERB", "NOUN", "PUNCT"]
    doc = Doc(
        English().vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=[{"told": "tell"}.get(w, w.lower()) for w in words],
    )
    told = doc[8]
    content, rule = content_for(Cue(told, [told], verb_cues()["tell"]), set())
    assert (content.text if content else None, rule) == ("The plan covers every port", "parataxis")
