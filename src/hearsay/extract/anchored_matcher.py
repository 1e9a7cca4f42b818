"""A spaCy Matcher run only near the words its patterns cannot match without.

spaCy's Matcher tests each ``{"LOWER": {"IN": [...]}}`` token in Python, at every token of the
text: with a handful of such patterns that is most of a component's time. Each pattern has a
token that must be one of a few words (its anchor); a match holds its pattern's anchor, so
running the matcher over the stretches around the anchors in a text finds exactly the matches a
run over the whole text finds.
"""

from __future__ import annotations

import numpy
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .token_index import among

Pattern = list[dict]


class AnchoredMatcher:
    """``matches(doc)``: the (start, end) of every match of the patterns, as ``Matcher`` finds them."""

    def __init__(self, vocab: Vocab, patterns: dict[str, list[Pattern]]) -> None:
        self.matcher = Matcher(vocab)
        # For each anchor word: how many tokens a match may reach before it and after it.
        self.reach: dict[int, tuple[int, int]] = {}
        for name, group in patterns.items():
            self.matcher.add(name, group)
            for pattern in group:
                at, words = anchor(pattern)
                for word in words:
                    key = get_string_id(word)
                    before, after = self.reach.get(key, (0, 0))
                    self.reach[key] = (max(before, at), max(after, len(pattern) - at - 1))
        self.anchors = numpy.array(sorted(self.reach), dtype=numpy.uint64)

    def matches(self, doc: Doc) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for start, end in self._stretches(doc):
            found += [(start + s, start + e) for _, s, e in self.matcher(doc[start:end])]
        return found

    def _stretches(self, doc: Doc) -> list[tuple[int, int]]:
        """The token ranges a match around each anchor may cover, overlapping ones joined."""
        lowers = doc.to_array("LOWER")
        reaches = []
        for at in among(lowers, self.anchors):
            before, after = self.reach[int(lowers[at])]
            reaches.append((max(0, at - before), min(len(doc), at + after + 1)))
        stretches: list[tuple[int, int]] = []
        for start, end in sorted(reaches):
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
            else:
                stretches.append((start, end))
        return stretches


def anchor(pattern: Pattern) -> tuple[int, list[str]]:
    """The position and words of the pattern's rarest required ``LOWER`` token: the one with the
    fewest words, the later one of equals ("the past": "past")."""
    if any(token.get("OP", "?") != "?" for token in pattern):
        raise ValueError(f"only optional ('?') operators keep a match's length bounded: {pattern}")
    choices: list[tuple[int, int, list[str]]] = []
    for at, token in enumerate(pattern):
        lower = token.get("LOWER")
        if "OP" in token or lower is None:
            continue
        if isinstance(lower, str):
            choices.append((1, -at, [lower]))
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            choices.append((len(lower["IN"]), -at, list(lower["IN"])))
    if not choices:
        raise ValueError(f"a pattern without a required LOWER token has no anchor: {pattern}")
    _, at, words = min(choices, key=lambda choice: choice[:2])
    return -at, words
