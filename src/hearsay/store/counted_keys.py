"""How many statements had each claim key (``link_key_counts``), kept by a linking run that began
without any (``LinkTables.key_counts``).

The clusterer reads the counts of a document's keys before it links the document and adds its
statements' at the end; when the store had no counts at the run's start, every count is one the
run wrote, so they are read from here instead of the store. Forgotten with the rest of what the
run keeps (``LinkTables.forget_written``); after that, or beyond ``KEYS_KEPT`` keys, they are read
from the store again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

KEYS_KEPT = 1_000_000


class CountedKeys:
    def __init__(self) -> None:
        self._counts: dict[str, int] | None = None  # None: not kept (the store has counts of its own)

    def forget(self) -> None:
        self._counts = None

    def decide(self, store_has_counts: bool) -> None:
        self._counts = None if store_has_counts else {}

    def kept(self) -> bool:
        return self._counts is not None

    def counts(self, keys: Iterable[str]) -> dict[str, int]:
        """The counts of those keys that have one (as ``LinkTables.key_counts``); call when ``kept``."""
        counts = self._counts or {}
        return {key: counts[key] for key in keys if key in counts}

    def add(self, added: Mapping[str, int]) -> None:
        if self._counts is None:
            return
        if len(self._counts) + len(added) > KEYS_KEPT:
            self._counts = None
            return
        for key, count in added.items():
            self._counts[key] = self._counts.get(key, 0) + count
