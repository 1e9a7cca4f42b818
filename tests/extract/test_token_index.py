"""Token positions found through spaCy's arrays equal those a loop over the tokens finds."""

from __future__ import annotations

import numpy
import spacy
from spacy.strings import get_string_id
from spacy.tokens import Doc

from hearsay.extract.token_index import among, capitalised_proper_nouns, positions, word_keys


def test_positions_of_words_by_their_lower_case_and_exact_form():
    doc = spacy.blank("en")("Reuters and reuters told REUTERS; the AP agreed.")
    assert positions(doc, "LOWER", word_keys(["reuters", "ap"])) == [0, 2, 4, 7]
    assert positions(doc, "ORTH", word_keys(["Reuters"])) == [0]
    assert positions(doc, "ORTH", word_keys(["nowhere"])) == []


def test_positions_in_an_empty_doc():
    assert positions(spacy.blank("en")(""), "LOWER", word_keys(["a"])) == []


def test_capitalised_proper_nouns_are_those_a_token_loop_finds():
    nlp = spacy.blank("en")
    words = ["the", "BBC", "told", "Zakon", "and", "iPhone", "users", "in", "NEW", "york"]
    pos = ["DET", "PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "NOUN", "ADP", "PROPN", "PROPN"]
    doc = Doc(nlp.vocab, words=words, pos=pos)
    looped = [t.i for t in doc if t.pos_ == "PROPN" and (t.is_title or t.is_upper)]
    assert capitalised_proper_nouns(doc) == looped == [1, 3, 8]


def test_among_finds_the_values_in_sorted_keys():
    keys = word_keys(["b", "d"])
    values = numpy.array([get_string_id(w) for w in ["a", "b", "c", "d", "b", "zz"]], dtype=numpy.uint64)
    assert among(values, keys) == [1, 3, 4]
    assert among(values, word_keys([])) == []
    assert among(values[:0], keys) == []
