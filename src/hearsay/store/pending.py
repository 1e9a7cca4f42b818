"""Additions a linking page keeps in memory and writes once, at its end (``LinkTables``).

Each document of a page is linked inside a savepoint. What its writes would add to a row (an entity's
counts, a name's count, a cluster's growth) is kept here instead: the document's additions join the
page's when its savepoint is released (``document_linked``), and a document that fails leaves none
(``document_failed``). The caller writes what is kept (``take``) at the page's end, or earlier when
something is about to read the rows; what it writes of the page's inside a document's savepoint is
rolled back with a document that fails, so it is kept again then.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Pending(Generic[K, V]):
    """Additions per key, not written yet; ``merge(earlier, later)`` puts two of one key together."""

    def __init__(self, merge: Callable[[V, V], V]) -> None:
        self._merge = merge
        self._document: dict[K, V] = {}
        self._page: dict[K, V] = {}
        self._written: dict[K, V] = {}  # the page's, written inside the document's savepoint

    def add(self, key: K, value: V) -> None:
        """An addition of the document being linked."""
        before = self._document.get(key)
        self._document[key] = value if before is None else self._merge(before, value)

    def get(self, key: K) -> V | None:
        """What is kept for a key, the page's and the document's together (None: nothing)."""
        page, document = self._page.get(key), self._document.get(key)
        if page is None or document is None:
            return document if page is None else page
        return self._merge(page, document)

    def kept(self) -> bool:
        return bool(self._page or self._document)

    def take(self, *, in_document: bool) -> dict[K, V]:
        """Everything kept, the page's and the document's, for the caller to write now; ``in_document``:
        inside a document's savepoint (what is the page's comes back if the document fails)."""
        if in_document:
            _merge_into(self._written, self._page, self._merge)
        else:
            self._written = {}
        total = self._page
        _merge_into(total, self._document, self._merge)
        self._page, self._document = {}, {}
        return total

    def document_linked(self) -> None:
        _merge_into(self._page, self._document, self._merge)
        self._document, self._written = {}, {}

    def document_failed(self) -> None:
        written, self._written = self._written, {}
        _merge_into(written, self._page, self._merge)  # (nothing is the page's since it was written)
        self._page, self._document = written, {}

    def forget_document(self) -> None:
        """Drop the document's additions (the page's stay)."""
        self._document = {}

    def forget(self) -> None:
        """Drop everything (the page's writes were rolled back)."""
        self._document, self._page, self._written = {}, {}, {}


def _merge_into(into: dict[K, V], more: dict[K, V], merge: Callable[[V, V], V]) -> None:
    for key, value in more.items():
        before = into.get(key)
        into[key] = value if before is None else merge(before, value)
