"""The cross-document layer (``hearsay.link``) as the web sees it: present or not.

The cluster, evidence, provenance and timeline pages and API exist only when the linking
queries are installed; nothing is faked without them. Entity pages fall back to the store's
per-document entities merged by name and type.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

QUERIES = (
    "link_corpus",
    "entity_list",
    "entity_detail",
    "entity_for_mention",
    "cluster_list",
    "cluster_detail",
    "cluster_members",
    "cluster_for_statement",
    "evidence",
    "provenance",
    "timeline",
    "merge",
    "split",
)


def load_link() -> ModuleType | None:
    """``hearsay.link`` if it offers every query the web uses, else None."""
    try:
        module = importlib.import_module("hearsay.link")
    except ImportError:
        return None
    if all(callable(getattr(module, name, None)) for name in QUERIES):
        return module
    return None


class Linked:
    """Global entity and cluster ids for one document's statements and entities."""

    def __init__(self, link: ModuleType | None, store: Any, document_id: str) -> None:
        self._link, self._store, self._document_id = link, store, document_id
        self._entities: dict[str, str | None] = {}
        self._clusters: dict[str, str | None] = {}

    def entity(self, local_id: str | None) -> str | None:
        if self._link is None or local_id is None:
            return None
        if local_id not in self._entities:
            self._entities[local_id] = self._link.entity_for_mention(self._store, self._document_id, local_id)
        return self._entities[local_id]

    def cluster(self, statement_id: str) -> str | None:
        if self._link is None:
            return None
        if statement_id not in self._clusters:
            found = self._link.cluster_for_statement(self._store, self._document_id, statement_id)
            self._clusters[statement_id] = found
        return self._clusters[statement_id]
