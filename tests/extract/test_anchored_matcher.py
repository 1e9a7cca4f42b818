"""The anchored matcher finds what spaCy's Matcher finds over the whole text, on hand-written text."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from hearsay.extract.anchored_matcher import AnchoredMatcher, anchor

PATTERNS = {
    "AGO": [
        [
            {"LOWER": {"IN": ["two", "three"]}, "OP": "?"},
            {"LOWER": {"IN": ["days", "weeks"]}},
            {"LOWER": "ago"},
        ]
    ],
    "REF": [[{"LOWER": "these"}, {"LOWER": "days"}], [{"LOWER": "the"}, {"LOWER": "past"}]],
    "DAY": [[{"LOWER": {"IN": ["today", "monday"]}}, {"LOWER": {"IN": ["morning", "night"]}, "OP": "?"}]],
}


@pytest.mark.parametrize(
    "text",
    [
        "Two days ago, and these days ago, the past week; weeks ago on Monday night.",
        "today",
        "Nothing here at all.",
        "three weeks ago today morning the past these days",
    ],
)
def test_anchored_matches_equal_the_whole_text_matches(text):
    nlp = spacy.blank("en")
    doc = nlp(text)
    whole = Matcher(nlp.vocab)
    for name, patterns in PATTERNS.items():
        whole.add(name, patterns)
    expected = {(start, end) for _, start, end in whole(doc)}
    found = AnchoredMatcher(nlp.vocab, PATTERNS).matches(doc)
    assert sorted(found) == sorted(expected)
    assert len(found) == len(set(found))


def test_anchor_is_the_rarest_required_word_the_later_of_equals():
    assert anchor(PATTERNS["AGO"][0]) == (2, ["ago"])
    assert anchor(PATTERNS["REF"][1]) == (1, ["past"])
    assert anchor(PATTERNS["DAY"][0]) == (0, ["today", "monday"])


@pytest.mark.parametrize(
    "pattern",
    [[{"LOWER": "now", "OP": "+"}], [{"IS_DIGIT": True}], [{"LOWER": "now"}, {"IS_DIGIT": True, "OP": "*"}]],
)
def test_a_pattern_without_an_anchor_or_a_bounded_length_is_refused(pattern):
    with pytest.raises(ValueError):
        anchor(pattern)
