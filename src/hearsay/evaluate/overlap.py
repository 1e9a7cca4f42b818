"""Word tokens of spans, token overlap, and one-to-one matching by overlap.

A span's tokens are the positions of the word tokens (``\\w+``) of the document that it touches,
so a discontinuous span is the union of its ranges' tokens, and punctuation and quote marks at a
span's edges do not count; a span with no word at all is its non-space characters. Overlap of
two spans = shared tokens / the larger token count.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

_WORD = re.compile(r"\w+")

Tokens = frozenset[int]
Left = TypeVar("Left")
Right = TypeVar("Right")


class TokenIndex:
    """The word tokens of one document text, for turning character ranges into token sets."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def tokens(self, ranges: Iterable[tuple[int, int]]) -> Tokens:
        """Positions of the word tokens that overlap any of ``ranges``.

        A span without a word (a cue ``:`` or ``―``) is its non-space characters instead, as
        negative positions, so that it can still match a span over the same marks.
        """
        ranges = list(ranges)
        result: set[int] = set()
        for start, end in ranges:
            first = bisect.bisect_right(self.ends, start)
            last = bisect.bisect_left(self.starts, end)
            result.update(range(first, last))
        if not result:
            marks = (i for start, end in ranges for i in range(start, end) if not self.text[i].isspace())
            result = {-(i + 1) for i in marks}
        return frozenset(result)

    def words(self, tokens: Iterable[int]) -> list[str]:
        """The lower-cased words at ``tokens``, in text order."""
        return [self.text[self.starts[i] : self.ends[i]].lower() for i in sorted(tokens) if i >= 0]


def overlap(a: Tokens, b: Tokens) -> float:
    """Shared tokens divided by the larger token count; 0.0 when either span has no words."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def match_one_to_one(
    left: Sequence[Left], right: Sequence[Right], score: Callable[[Left, Right], tuple[float, ...]]
) -> list[tuple[int, int, tuple[float, ...]]]:
    """Greedy best-first one-to-one matching: the best-scoring free pair first, until none is left.

    ``score`` returns a tuple compared lexicographically; pairs whose first element is 0 never
    match. Returns ``(left index, right index, score)`` triples. Ties keep text order.
    """
    pairs = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            value = score(a, b)
            if value[0] > 0:
                pairs.append((value, i, j))
    pairs.sort(key=lambda p: (tuple(-v for v in p[0]), p[1], p[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    result = []
    for value, i, j in pairs:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        result.append((i, j, value))
    return result
