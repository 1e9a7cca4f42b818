"""Values of a pure function that another process computed, answered before computing them here.

The linker's helper process (``link.framed``) computes the frames, content words, clauses and titles
of the next page's texts; the functions that compute them look here first. Bounded: past its limit
everything handed is dropped and computed again when asked, with the same answers.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Handed(Generic[K, V]):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._values: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        return self._values.get(key)

    def take(self, pairs: Iterable[tuple[K, V]]) -> None:
        """Keep these (key, value) pairs; all are dropped first when they would go past the limit."""
        pairs = list(pairs)
        if len(self._values) + len(pairs) > self.limit:
            self._values.clear()
        self._values.update(pairs)

    def items(self) -> ItemsView[K, V]:
        return self._values.items()

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)
