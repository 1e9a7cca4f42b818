"""The documents and mentions a page's linked documents add to their entities, written once for the
page (``LinkTables.count_new_document``).

Nothing reads an entity's counts while a page links but the order of ``entities_named`` (most
mentioned first), which adds what is kept here, and a merge's recount, which writes what is kept
here first. A document's counts join the page's when its savepoint is released; a document that
fails leaves none, and the page's counts it wrote before a recount are the page's to write again
(``pending``).
"""

from __future__ import annotations

from collections.abc import Mapping

from .pending import Pending

Counts = tuple[int, int]  # (documents, mentions) to add to an entity


class EntityCounts:
    def __init__(self) -> None:
        self._pending: Pending[str, Counts] = Pending(_summed)

    def add_document(self, mentions: Mapping[str, int]) -> None:
        """One document that mentions each entity so many times."""
        for entity_id, count in mentions.items():
            self._pending.add(entity_id, (1, count))

    def mentions(self, entity_id: str) -> int:
        """The mentions kept here for an entity, not written yet."""
        kept = self._pending.get(entity_id)
        return 0 if kept is None else kept[1]

    def kept(self) -> bool:
        return self._pending.kept()

    def take(self, *, in_document: bool) -> list[tuple[int, int, str]]:
        """Everything kept, as (documents, mentions, entity) rows to add, now written by the caller."""
        total = self._pending.take(in_document=in_document)
        return [
            (documents, mentions, entity_id) for entity_id, (documents, mentions) in sorted(total.items())
        ]

    def document_linked(self) -> None:
        self._pending.document_linked()

    def document_failed(self) -> None:
        self._pending.document_failed()


def _summed(before: Counts, after: Counts) -> Counts:
    return (before[0] + after[0], before[1] + after[1])
