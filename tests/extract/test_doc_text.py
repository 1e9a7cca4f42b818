"""A Doc's text read once and kept, and not taken over by a Doc that copied its user data."""

from __future__ import annotations

import spacy

from hearsay.extract.doc_text import keep_text, text_of


def test_text_of_is_the_doc_text_and_is_kept():
    doc = spacy.blank("en")("Ann said  it was over.\n\nBob agreed.")
    assert text_of(doc) == doc.text
    assert text_of(doc) is text_of(doc)


def test_a_doc_with_copied_user_data_reads_its_own_text():
    nlp = spacy.blank("en")
    doc = nlp("Ann said it was over.")
    text_of(doc)
    other = nlp("Bob agreed.")
    other.user_data.update(doc.user_data)
    assert text_of(other) == "Bob agreed."


def test_the_text_a_doc_was_made_from_is_its_text_without_a_join():
    text = "Ann said  it was over.\n\nBob agreed.  "
    doc = spacy.blank("en")(text)
    keep_text(doc, text)
    assert text_of(doc) is text
    assert text_of(doc) == doc.text
