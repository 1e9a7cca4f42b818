"""A lexicon's phrase index finds exactly what trying every phrase at every word finds."""

from __future__ import annotations

import pytest

from hearsay.relation import words as w

TEXTS = [
    "The ministry did not deny the reports, calling them fabricated and baseless.",
    "No. 1 seller: he won't say whether it's true; officials refused to comment.",
    "Nothing here starts a phrase",
    "not not never isn't false fabrications no comment unknown",
    "",
    "thirty-one drones and 1,200 people, five more than the 14 counted",
]
LEXICONS = ["negators", "dismissals", "ignorance", "verdicts", "nonnegations"]


def _every_phrase_at_every_word(name: str, lowered: list[str]) -> list[tuple[int, int, w.Phrase]]:
    found = []
    for order, phrase in enumerate(w.phrases(name)):
        for index in range(len(lowered) - len(phrase.words) + 1):
            if all(w._word_matches(p, lowered[index + k]) for k, p in enumerate(phrase.words)):
                found.append((order, index, phrase))
    return sorted(found, key=lambda entry: (entry[1], entry[0]))


@pytest.mark.parametrize("name", LEXICONS)
def test_matches_equal_the_exhaustive_search(name: str) -> None:
    index = w.phrase_index(name)
    for text in TEXTS * 2:  # the second time, every word's entries are remembered
        lowered = [t.casefold() for t in w.tokens(text)]
        found = sorted(index.matches(lowered), key=lambda entry: (entry[1], entry[0]))
        assert found == _every_phrase_at_every_word(name, lowered)


def test_matches_past_the_remembered_words_limit(monkeypatch) -> None:
    index = w.phrase_index("negators")
    monkeypatch.setattr(w, "_SEEN_LIMIT", 0)  # nothing more is remembered: each word is looked up
    for text in TEXTS:
        lowered = [t.casefold() for t in w.tokens(text) + ["unheardofword"]]
        found = sorted(index.matches(lowered), key=lambda entry: (entry[1], entry[0]))
        assert found == _every_phrase_at_every_word("negators", lowered)


def test_numbers_of_reads_digits_words_and_compounds() -> None:
    found = w.tokens("thirty-one drones, 1,200 people, five more and One")
    # "one" alone is no figure ("one of them"); after a tens word it is part of one
    assert w.numbers_of(found) == {0: (0, "31"), 1: (0, "31"), 3: (3, "1200"), 5: (5, "5")}
