"""The source of a statement: who the parse really makes speak, on hand-written sentences."""

from __future__ import annotations

import pytest

import hearsay

from .test_attribution import find, source_name

# (text, cue, expected source: entity name or source text)
CASES = [
    # The parse takes the subject from inside the quotation or the reported words.
    ('"My apologies, I am sorry," Quick said after a back-and-forth.', "said", "Quick"),
    ('Nothing in the plan "will calm the voters," the senior senator added.', "added", "the senior senator"),
    # An inverted cue with a described speaker after it.
    (
        '"We should leave the town," said the woman, who like many in the town did not want to be named.',
        "said",
        "the woman",
    ),
    # A dateline before the sentence's real subject.
    (
        "LISBON (AFP) - Prime Minister Ana Costa toured the port, accusing the opposition of lying.",
        "accusing",
        "Ana Costa",
    ),
    # An infinitive or a gerund whose doer is the object of the verb it hangs on.
    ("The landslide victory led party chairman Tom Reed to declare the race over.", "declare", "Tom Reed"),
    (
        "On Thursday, the panel held Tom Reed in contempt for refusing to show up to a hearing.",
        "refusing to show",
        "Tom Reed",
    ),
    # A reflexive object: the subject's own doing.
    ("Campaign manager Tom Reed allowed himself to address the rumours.", "address", "Tom Reed"),
    # A participle describing the noun before it.
    ('Lena Berg held up a sign saying "No more wars."', "saying", "a sign"),
]


@pytest.mark.parametrize(("text", "cue", "source"), CASES)
def test_attribution_source_is_the_speaker(text, cue, source):
    reading = hearsay.read(text)
    assert source_name(reading, find(reading, cue)) == source


def test_a_refusal_under_a_verbless_headline_does_not_hang_the_source_search():
    # spaCy builds a new Token for each .head, so walking up must compare indices, not identity:
    # this headline once looped forever looking for a verb above "for refusing".
    reading = hearsay.read("Praise for refusing to comment on the deal.")
    assert all(s.cue.text != "refusing" or s.source.text is None for s in reading.statements)
