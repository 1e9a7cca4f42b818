"""Whether two contents state one proposition, for claim clusters."""

from __future__ import annotations

from .frame import frame
from .match import conflict

# Each content must have this share of the other's words (Jaccard-like, both ways).
SAME = 0.5


def same_proposition(first: str, second: str) -> tuple[bool, bool]:
    """(the two state one proposition, one states its negation)."""
    a, b = frame(first), frame(second)
    if not a.stems or not b.stems or conflict(a, b) or conflict(b, a):
        return False, False
    shared = a.stems & b.stems
    if a.names and b.names and not a.names & b.names:
        return False, False
    if len(shared) / len(a.stems) < SAME or len(shared) / len(b.stems) < SAME:
        return False, False
    opposite = (a.negated or a.verdict == "false") != (b.negated or b.verdict == "false")
    return True, opposite
