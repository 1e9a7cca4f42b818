"""Word tokens of spans, overlap, and one-to-one matching."""

from __future__ import annotations

import pytest

from hearsay.evaluate.overlap import TokenIndex, match_one_to_one, overlap

TEXT = '"We will win," Roe said, "and soon."'


def span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def test_overlap_tokens_ignore_quote_marks_and_punctuation():
    index = TokenIndex(TEXT)
    assert index.tokens([span(TEXT, '"We will win,"')]) == index.tokens([span(TEXT, "We will win")])
    assert index.words(index.tokens([span(TEXT, '"We will win,"')])) == ["we", "will", "win"]


def test_overlap_discontinuous_span_is_the_union_of_its_ranges():
    index = TokenIndex(TEXT)
    both = index.tokens([span(TEXT, '"We will win,"'), span(TEXT, '"and soon."')])
    assert index.words(both) == ["we", "will", "win", "and", "soon"]
    whole = index.tokens([(0, len(TEXT))])
    assert overlap(both, whole) == pytest.approx(5 / 7)


def test_overlap_a_token_cut_by_the_span_counts():
    index = TokenIndex(TEXT)
    assert index.words(index.tokens([(2, 6)])) == ["we", "will"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [({1, 2, 3}, {1, 2, 3}, 1.0), ({1, 2}, {1, 2, 3, 4}, 0.5), ({1}, {2}, 0.0), (set(), {1}, 0.0)],
)
def test_overlap_is_shared_over_the_larger_count(a, b, expected):
    assert overlap(frozenset(a), frozenset(b)) == expected


def test_overlap_matching_is_one_to_one_best_first():
    left, right = ["a", "b"], ["x", "y"]
    scores = {("a", "x"): 0.9, ("a", "y"): 0.8, ("b", "x"): 0.85, ("b", "y"): 0.0}
    pairs = match_one_to_one(left, right, lambda a, b: (scores[a, b],))
    # greedy: a-x (0.9) first; b can then take only y, which it does not overlap
    assert [(i, j) for i, j, _ in pairs] == [(0, 0)]


def test_overlap_matching_never_pairs_zero_scores():
    assert match_one_to_one(["a"], ["b"], lambda a, b: (0.0, 1.0)) == []


def test_overlap_span_without_words_is_its_marks():
    text = "Poll: Trump leads. Clinton ― ahead."
    index = TokenIndex(text)
    colon = index.tokens([(4, 5)])
    assert colon and colon == index.tokens([(4, 6)])  # the space after it adds nothing
    assert overlap(colon, index.tokens([(4, 5)])) == 1.0
    assert not colon & index.tokens([(27, 28)])
    assert index.words(colon) == []
