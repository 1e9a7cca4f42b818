"""A subject-less reporting verb takes the view holder's noun just before it, on a parse made by hand.

The small model sometimes hangs the speaker of a long fronted phrase on that phrase ("In an interview
with hosts, the candidate stated ..." with "the candidate" an apposition of "hosts"); the parse is
written out here so the test does not depend on when the model slips.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from hearsay.extract.attribution.context import DocContext
from hearsay.extract.attribution.sources import speaker_heads
from hearsay.extract.drafts import register_extensions

WORDS = [
    "In",
    "an",
    "interview",
    "with",
    "hosts",
    ",",
    "the",
    "candidate",
    "stated",
    "that",
    "taxes",
    "rose",
    ".",
]
HEADS = [8, 2, 0, 2, 3, 4, 7, 4, 8, 11, 11, 8, 8]
DEPS = [
    "prep",
    "det",
    "pobj",
    "prep",
    "pobj",
    "punct",
    "det",
    "appos",
    "ROOT",
    "mark",
    "nsubj",
    "ccomp",
    "punct",
]
POS = ["ADP", "DET", "NOUN", "ADP", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"]
TAGS = ["IN", "DT", "NN", "IN", "NNS", ",", "DT", "NN", "VBD", "IN", "NNS", "VBD", "."]
LEMMAS = [
    "in",
    "an",
    "interview",
    "with",
    "host",
    ",",
    "the",
    "candidate",
    "state",
    "that",
    "tax",
    "rise",
    ".",
]


def _parsed(words: list[str], noun: str) -> Doc:
    register_extensions()
    words = [noun if w == "candidate" else w for w in words]
    lemmas = [noun if w == "candidate" else w for w in LEMMAS]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=HEADS, deps=DEPS, pos=POS, tags=TAGS, lemmas=lemmas)
    doc._.hs_entities = []
    return doc


def test_a_view_holder_noun_before_a_subject_less_verb_is_its_speaker():
    ctx = DocContext(_parsed(WORDS, "candidate"))
    [cue] = [c for c in ctx.cues if c.head.text == "stated"]
    assert [t.text for t in speaker_heads(ctx, cue)] == ["candidate"]


def test_a_thing_before_a_subject_less_verb_is_no_speaker():
    ctx = DocContext(_parsed(WORDS, "storm"))
    [cue] = [c for c in ctx.cues if c.head.text == "stated"]
    assert speaker_heads(ctx, cue) == []
