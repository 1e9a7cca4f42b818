"""The resolver's lookups and writes of entities, with what a run has learnt kept in memory.

A lookup of candidates by blocking keys (``LinkTables.entity_candidates``) reads
``link_entity_keys`` and ``link_entity_names`` only. Over a run most documents name entities
already linked under names already known: they count one more mention, and add no row to
either table, so most lookups ask again what was answered before, and most writes only count.

* An answer is kept until a row it depends on may have changed: a key row added (``add_keys``)
  for its class and one of its keys, or a name added (``add_names``) to an entity it lists.
* A name the entity is known to have (listed in an answer, or added here) is counted in memory,
  and the counts are written in one batch at the end of the page (``write_page_counts``) or
  before a merge (``write_counts``); nothing reads them in between. A document's counts join the
  page's once it is linked (``document_linked``); a document that fails leaves none, and the
  page's counts it wrote before a merge are written again (``document_failed``). A key row added
  before is not added again.
* An entity's name, type, class and full-name flag (``naming``) are kept until it is renamed
  here or created.
* Which entities have a name of a key (``named``, unordered) is kept until a name is added under it.
* Each answer has a serial number (``serial``), new whenever it is read again: what is computed
  from an answer alone may be kept under it.

``forget`` drops it all but the page's counts: after a merge (which moves names and keys, after
``write_counts``), after a document's writes are rolled back, and at the start of each page's
transaction (another process may have written in between).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..store.link_batches import add_names_counting_new
from ..store.links import LinkTables
from ..store.pending import Pending

Candidates = dict[str, list[tuple[Any, ...]]]
Asked = tuple[str, tuple[str, ...]]  # (class, blocking keys)


class Naming(NamedTuple):
    name: str
    type: str
    cls: str
    full_name: bool


class EntityLookups:
    """``entity_candidates`` remembered; the writes that may change its answers go through here."""

    def __init__(self, tables: LinkTables) -> None:
        self.tables = tables
        self._answers: dict[Asked, Candidates] = {}
        self._by_key: dict[tuple[str, str], set[Asked]] = {}  # (class, key) -> answers read under it
        self._by_entity: dict[str, set[Asked]] = {}  # entity -> answers listing its names
        self._names: dict[str, set[str]] = {}  # entity -> names it is known to have
        # (entity, name) -> mentions to add: the document's and the page's linked documents' (``pending``)
        self._counts: Pending[tuple[str, str], int] = Pending(operator.add)
        self._key_rows: set[tuple[str, str, str]] = set()  # (class, key, entity) rows known to exist
        self._naming: dict[str, Naming | None] = {}
        self._named: dict[str, frozenset[str]] = {}  # name key -> entities with a name of that key
        self._serials: dict[Asked, int] = {}
        self._serial = 0

    def candidates(self, cls: str, keys: Sequence[str]) -> Candidates:
        """Entities of ``cls`` sharing a blocking key: id -> [(name, key), ...] (kept: read-only)."""
        asked = (cls, tuple(keys))
        answer = self._answers.get(asked)
        if answer is None:
            answer = self._answers[asked] = self.tables.entity_candidates(cls, keys)
            self._serial += 1
            self._serials[asked] = self._serial
            for key in keys:
                self._by_key.setdefault((cls, key), set()).add(asked)
            for entity_id, names in answer.items():
                self._by_entity.setdefault(entity_id, set()).add(asked)
                self._names.setdefault(entity_id, set()).update(name for name, _key in names)
        return answer

    def serial(self, cls: str, keys: Sequence[str]) -> int:
        """The serial number of the answer ``candidates`` last gave for these keys (never given twice)."""
        return self._serials[cls, tuple(keys)]

    def named(self, key: str) -> frozenset[str]:
        """The entities one of whose names has this matching key (``LinkTables.entities_named``,
        unordered)."""
        found = self._named.get(key)
        if found is None:
            found = self._named[key] = frozenset(self.tables.entities_named(key))
        return found

    def add_names(self, entity_id: str, names: Sequence[tuple[str, str]]) -> None:
        """``LinkTables.add_names``: new names written now, known ones counted in memory."""
        known = self._names.setdefault(entity_id, set())
        if all(name in known for name, _key in names):
            for name, _key in names:
                self._counts.add((entity_id, name), 1)
            return
        if add_names_counting_new(self.tables.conn, entity_id, names):
            self._drop(self._by_entity.pop(entity_id, set()))
            for _name, key in names:
                self._named.pop(key, None)
        known.update(name for name, _key in names)

    def document_linked(self) -> None:
        """The document's name counts are the page's now (a document that failed is not linked)."""
        self._counts.document_linked()

    def document_failed(self) -> None:
        """The document's writes were rolled back: its counts are dropped, and the page's counts it
        wrote before a merge are the page's to write again."""
        self._counts.document_failed()

    def write_counts(self) -> None:
        """Write the name counts kept in memory, the document's and the page's (before a merge)."""
        self._write(self._counts.take(in_document=True))

    def write_page_counts(self) -> None:
        """Write the page's name counts (at its end, outside any document)."""
        self._write(self._counts.take(in_document=False))

    def _write(self, total: dict[tuple[str, str], int]) -> None:
        if total:
            self.tables.conn.executemany(
                "UPDATE link_entity_names SET count = count + ? WHERE entity_id = ? AND name = ?",
                [(count, entity_id, name) for (entity_id, name), count in sorted(total.items())],
            )

    def add_keys(self, cls: str, entity_id: str, keys: Sequence[str]) -> None:
        rows = [(cls, key, entity_id) for key in keys]
        if all(row in self._key_rows for row in rows):
            return
        before = self.tables.conn.total_changes
        self.tables.add_keys(cls, entity_id, keys)
        if self.tables.conn.total_changes != before:
            for key in keys:
                self._drop(self._by_key.pop((cls, key), set()))
        self._key_rows.update(rows)

    def naming(self, entity_id: str) -> Naming | None:
        """The entity's name, type, class and full-name flag (None when there is no such entity)."""
        if entity_id not in self._naming:
            row = self.tables.entity_row(entity_id)
            self._naming[entity_id] = (
                None
                if row is None
                else Naming(row["name"], row["type"], row["class"], bool(row["full_name"]))
            )
        return self._naming[entity_id]

    def create_entity(self, entity_id: str, name: str, type_: str, cls: str, full_name: bool) -> None:
        self.tables.create_entity(entity_id, name, type_, cls, full_name)
        self._naming.pop(entity_id, None)

    def rename_entity(self, entity_id: str, name: str, type_: str, full_name: bool) -> None:
        self.tables.rename_entity(entity_id, name, type_, full_name)
        self._naming.pop(entity_id, None)

    def forget(self) -> None:
        """Drop everything kept, and the document's counts (call ``write_counts`` first to keep them);
        the page's linked documents' counts stay, to be written at its end."""
        for kept in (self._answers, self._by_key, self._by_entity, self._names, self._naming):
            kept.clear()
        self._counts.forget_document()
        self._named.clear()
        self._serials.clear()
        self._key_rows.clear()

    def _drop(self, answers: set[Asked]) -> None:
        for asked in answers:
            self._answers.pop(asked, None)
            self._serials.pop(asked, None)
