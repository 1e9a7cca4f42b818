"""Values handed over by another process: answered until the limit, then all dropped."""

from __future__ import annotations

from hearsay.handed import Handed


def test_handed_values_are_answered_and_dropped_together_past_the_limit() -> None:
    handed: Handed[str, int] = Handed(3)
    handed.take([("a", 1), ("b", 2)])
    assert handed.get("a") == 1 and handed.get("c") is None and len(handed) == 2
    handed.take([("c", 3)])
    assert len(handed) == 3
    handed.take([("d", 4)])  # four would pass the limit: the three before are dropped
    assert dict(handed.items()) == {"d": 4}
