"""The resolver's candidate lookups, remembered while the names and keys they read are unchanged.

A lookup of candidates by blocking keys (``LinkTables.entity_candidates``) reads
``link_entity_keys`` and ``link_entity_names`` only. Over a run most documents name entities
already linked under names already known: they count one more mention, and add no row to
either table, so most lookups ask again what was answered before.

An answer is dropped when a row it depends on may have changed: a key row added (through
``add_keys`` here) for its class and one of its keys, or a name added (``add_names``) to one of
the entities it lists. ``forget`` drops them all: after a merge (which moves names and keys),
after a document's writes are rolled back, and at the start of each page's transaction
(another process may have written in between).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..store.link_batches import add_names_counting_new
from ..store.links import LinkTables

Candidates = dict[str, list[tuple[Any, ...]]]
Asked = tuple[str, tuple[str, ...]]  # (class, blocking keys)


class EntityLookups:
    """``entity_candidates`` remembered; the writes that may change its answers go through here."""

    def __init__(self, tables: LinkTables) -> None:
        self.tables = tables
        self._answers: dict[Asked, Candidates] = {}
        self._by_key: dict[tuple[str, str], set[Asked]] = {}  # (class, key) -> answers read under it
        self._by_entity: dict[str, set[Asked]] = {}  # entity -> answers listing its names

    def candidates(self, cls: str, keys: Sequence[str]) -> Candidates:
        """Entities of ``cls`` sharing a blocking key: id -> [(name, key), ...] (read-only lists)."""
        asked = (cls, tuple(keys))
        answer = self._answers.get(asked)
        if answer is None:
            answer = self._answers[asked] = self.tables.entity_candidates(cls, keys)
            for key in keys:
                self._by_key.setdefault((cls, key), set()).add(asked)
            for entity_id in answer:
                self._by_entity.setdefault(entity_id, set()).add(asked)
        return dict(answer)

    def add_names(self, entity_id: str, names: Sequence[tuple[str, str]]) -> None:
        if add_names_counting_new(self.tables.conn, entity_id, names):
            self._drop(self._by_entity.pop(entity_id, set()))

    def add_keys(self, cls: str, entity_id: str, keys: Sequence[str]) -> None:
        before = self.tables.conn.total_changes
        self.tables.add_keys(cls, entity_id, keys)
        if self.tables.conn.total_changes != before:
            for key in keys:
                self._drop(self._by_key.pop((cls, key), set()))

    def forget(self) -> None:
        self._answers.clear()
        self._by_key.clear()
        self._by_entity.clear()

    def _drop(self, answers: set[Asked]) -> None:
        for asked in answers:
            self._answers.pop(asked, None)
