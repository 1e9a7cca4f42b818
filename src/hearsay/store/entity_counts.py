"""The documents and mentions a page's linked documents add to their entities, written once for the
page (``LinkTables.count_new_document``).

Nothing reads an entity's counts while a page links but the order of ``entities_named`` (most
mentioned first), which adds what is kept here, and a merge's recount, which writes what is kept
here first. A document's counts join the page's when its savepoint is released; a document that
fails leaves none, and the page's counts it wrote before a recount are the page's to write again.
"""

from __future__ import annotations

from collections.abc import Mapping

Counts = dict[str, tuple[int, int]]  # entity -> (documents, mentions) to add


class EntityCounts:
    def __init__(self) -> None:
        self._document: Counts = {}
        self._page: Counts = {}
        self._written: Counts = {}  # the page's, written inside the document's savepoint

    def add_document(self, mentions: Mapping[str, int]) -> None:
        """One document that mentions each entity so many times."""
        for entity_id, count in mentions.items():
            documents, total = self._document.get(entity_id, (0, 0))
            self._document[entity_id] = (documents + 1, total + count)

    def mentions(self, entity_id: str) -> int:
        """The mentions kept here for an entity, not written yet."""
        return self._page.get(entity_id, (0, 0))[1] + self._document.get(entity_id, (0, 0))[1]

    def kept(self) -> bool:
        return bool(self._page or self._document)

    def take(self, *, in_document: bool) -> list[tuple[int, int, str]]:
        """Everything kept, as (documents, mentions, entity) rows to add, now written by the caller."""
        if in_document:
            _add_to(self._written, self._page)
        else:
            self._written.clear()
        total: Counts = {}
        _add_to(total, self._page)
        _add_to(total, self._document)
        self._page, self._document = {}, {}
        return [
            (documents, mentions, entity_id) for entity_id, (documents, mentions) in sorted(total.items())
        ]

    def document_linked(self) -> None:
        _add_to(self._page, self._document)
        self._document = {}
        self._written = {}

    def document_failed(self) -> None:
        self._document = {}
        _add_to(self._page, self._written)
        self._written = {}


def _add_to(counts: Counts, more: Counts) -> None:
    for entity_id, (documents, mentions) in more.items():
        before = counts.get(entity_id, (0, 0))
        counts[entity_id] = (before[0] + documents, before[1] + mentions)
