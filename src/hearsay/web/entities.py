"""Entities for the API and pages: global ones from ``hearsay.link``, and the store's merged by name
(keys ``TYPE:name``, the form links take before a document is linked).

Both kinds return the shapes of the linking contract: a list item
``{"id", "name", "type", "variants", "documents", "mentions"}`` and a detail with ``roles``
over time, what the entity ``said`` and what was ``said_about`` it, and its ``documents``.
"""

from __future__ import annotations

from typing import Any

from ..link import entity_detail as linked_entity_detail
from ..link import entity_list
from ..store import SQLiteStore
from . import urls

# Statements listed on an entity page, each way; the API pages the statements endpoint instead.
MAX_STATEMENTS = 200


def entity_page(
    store: SQLiteStore,
    *,
    type: str | None,
    query: str | None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of entities, most mentioned first, and how many match in all."""
    # The contract pages without a total: ask for one more to know whether a next page exists.
    items = entity_list(store, type=type, query=query, limit=limit + 1, offset=offset)
    return items[:limit], offset + len(items)


def entity_detail(store: SQLiteStore, key: str) -> dict[str, Any] | None:
    """A global entity by id or name, or a store entity by its ``TYPE:name`` key."""
    named = urls.split_entity_key(key)
    if named is None:
        return linked_entity_detail(store, key)
    return _store_detail(store, *named)


def _store_detail(store: SQLiteStore, name: str, type_: str) -> dict[str, Any] | None:
    occurrences = store.entity_documents(name, type_)
    if not occurrences:
        return None
    variants = sorted({a for o in occurrences for a in o["aliases"]} - {name})
    said = [r for r in store.statements(source=name, limit=MAX_STATEMENTS) if r["source"] == name]
    about = [r for r in store.statements(about=name, limit=MAX_STATEMENTS) if r["source"] != name]
    return {
        "id": urls.entity_key(name, type_),
        "name": name,
        "type": type_,
        "variants": variants,
        "roles": _roles_over_time(occurrences),
        "said": said,
        "said_about": about,
        "documents": [
            {k: o[k] for k in ("document_id", "title", "published", "outlet")} for o in occurrences
        ],
    }


def _roles_over_time(occurrences: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each role text with the documents that give it and its first and last dates."""
    roles: dict[str, dict[str, Any]] = {}
    for occurrence in occurrences:  # oldest first
        for role in occurrence["roles"]:
            entry = roles.setdefault(role["text"], {"text": role["text"], "documents": [], "first": None})
            if occurrence["document_id"] not in entry["documents"]:
                entry["documents"].append(occurrence["document_id"])
            date = occurrence["published"]
            if date:
                entry["first"] = entry["first"] or date
                entry["last"] = date
            entry.setdefault("last", None)
    return sorted(roles.values(), key=lambda r: (r["first"] is None, r["first"] or "", r["text"]))
