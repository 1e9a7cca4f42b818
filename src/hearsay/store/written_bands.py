"""The near-duplicate index a linking run wrote (``link_documents``, ``link_document_bands``), kept
by ``LinkTables`` while the run has written every linked document.

Each document's lookup of near-duplicates (``LinkTables.band_candidates``) reads the first
documents of each of its MinHash bands and their signatures. When the store had no linked
document at the run's start, every band and signature is one the run wrote, so the lookup is
answered here, ranked as the SQL ranks it. Anything that may have changed the tables behind the
run's back (a rolled-back document, another process's commit: ``forget``), or more than
``DOCUMENTS_KEPT`` documents, sends the lookups back to SQL.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Sequence
from typing import Any

from .written_keys import ranked_postings

DOCUMENTS_KEPT = 100_000


class WrittenBands:
    def __init__(self) -> None:
        self._postings: dict[tuple[int, int], list[str]] = {}  # (band, hash) -> documents in id order
        self._ledger: dict[str, tuple[str, bytes]] = {}  # document -> (its duplicate group, signature)
        self._complete: bool | None = None  # None: not known yet (``decide``)

    def forget(self) -> None:
        self._postings, self._ledger, self._complete = {}, {}, None

    def decided(self) -> bool:
        return self._complete is not None

    def decide(self, store_has_documents: bool) -> None:
        self._complete = not store_has_documents

    def complete(self) -> bool:
        return bool(self._complete)

    def linked(
        self, document_id: str, duplicate_of: str, signature: bytes, bands: Sequence[tuple[int, int]]
    ) -> None:
        if not self._complete:
            return
        if len(self._ledger) >= DOCUMENTS_KEPT:
            self._postings, self._ledger, self._complete = {}, {}, False
            return
        self._ledger[document_id] = (duplicate_of, signature)
        for band in bands:
            insort(self._postings.setdefault(band, []), document_id)

    def candidates(self, bands: Sequence[tuple[int, int]], limit: int, per_band: int) -> list[dict[str, Any]]:
        """``LinkTables.band_candidates``' rows, when ``complete``."""
        return [
            {
                "document_id": document_id,
                "duplicate_of": self._ledger[document_id][0],
                "signature": self._ledger[document_id][1],
                "shared": count,
            }
            for document_id, count in ranked_postings(self._postings, bands, per_band, limit)
        ]
