"""Entities for the API and pages: global ones from ``hearsay.link``, and the store's merged by name
(keys ``TYPE:name``, the form links take before a document is linked).

Both kinds return the shapes of the linking contract: a list item
``{"id", "name", "type", "variants", "documents", "mentions"}`` and a detail with ``roles``
over time, what the entity ``said`` and what was ``said_about`` it, and its ``documents``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..corrections.marks import mark_rows
from ..link import entity_detail as linked_entity_detail
from ..link import entity_list
from ..link import pages as link_pages
from ..link.remembered import remembered
from ..link.why import why_one
from ..store import SQLiteStore
from . import urls
from .sections import PER_PAGE, section, sliced

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
    items = entity_list(store, type=type, query=query, limit=limit, offset=offset)
    return items, link_pages.count_entities(store, type=type, query=query)


# The lists of an entity page, each paged on its own: "said_page", "said_about_page", "documents_page".
ENTITY_LISTS = ("said", "said_about", "documents")


def entity_view(store: SQLiteStore, key: str, requested: dict[str, int]) -> dict[str, Any] | None:
    """An entity page's header (names, type, roles) and a page of each of its lists, counts first."""
    path = urls.entity(key)
    if urls.split_entity_key(key) is None:
        found = link_pages.entity_summary(store, key)
        if found is None:
            return None
        entity_id = found["id"]

        counts, fetchers = {}, {}
        for direction in ("said", "said_about"):
            # One query gives the requested page and the total; only a page past the end asks again.
            offset = (requested.get(f"{direction}_page", 1) - 1) * PER_PAGE
            rows, counts[direction] = link_pages.entity_statements(
                store, entity_id, direction, limit=PER_PAGE, offset=offset
            )
            fetchers[direction] = _reuse(rows, offset, store, entity_id, direction)

        def documents(limit: int, offset: int) -> list[dict[str, Any]]:
            return link_pages.entity_documents(store, entity_id, limit=limit, offset=offset)

        fetchers["documents"] = documents
        counts["documents"] = found["documents_count"]
        found["linked"] = True
        found["why"] = why_one(store, entity_id)
    else:
        found = entity_detail(store, key)
        if found is None:
            return None
        fetchers = {name: sliced(found[name]) for name in ENTITY_LISTS}
        counts = {name: len(found[name]) for name in ENTITY_LISTS}
        found["roles"] = [{**role, "document_count": len(role["documents"])} for role in found["roles"]]
        found["linked"] = False
        found["why"] = None
    found["sections"] = {
        name: section(name, counts[name], fetchers[name], requested, path, anchor=f"{name}-title")
        for name in ENTITY_LISTS
    }
    mark_rows(store, [*found["sections"]["said"].items, *found["sections"]["said_about"].items])
    return found


# Documents listed under each role in the API's entity (``document_count`` counts them all).
ROLE_DOCUMENTS = 20


def entity_api(store: SQLiteStore, key: str, limit: int, offset: int) -> dict[str, Any] | None:
    """The API's entity: names, type and roles (each role's first ``ROLE_DOCUMENTS`` documents and
    ``document_count``), and one window (``limit`` items from ``offset``) of each of its lists,
    ``said``, ``said_about``, ``documents`` (and ``clusters`` for a linked one), with each list's total
    as ``<list>_count``: the answer's size is bounded, however many documents name the entity."""
    found = entity_detail(store, key)
    if found is None:
        return None
    counts: dict[str, int] = {}
    if urls.split_entity_key(key) is None:
        entity_id = found["id"]
        for direction in ("said", "said_about"):
            found[direction], counts[direction] = link_pages.entity_statements(
                store, entity_id, direction, limit=limit, offset=offset
            )
        found["documents"] = link_pages.entity_documents(store, entity_id, limit=limit, offset=offset)
        counts["documents"] = found.pop("documents_count")
        counts["clusters"] = len(found["clusters"])
        found["clusters"] = found["clusters"][offset : offset + limit]
    else:  # a name not linked yet: at most MAX_STATEMENTS statements each way are read
        for name in ENTITY_LISTS:
            counts[name] = len(found[name])
            found[name] = found[name][offset : offset + limit]
    found["roles"] = [
        {**role, "documents": role["documents"][:ROLE_DOCUMENTS], "document_count": len(role["documents"])}
        for role in found["roles"]
    ]
    found.update({f"{name}_count": total for name, total in counts.items()})
    found["more"] = any(offset + limit < total for total in counts.values())
    return found


def entity_detail(store: SQLiteStore, key: str) -> dict[str, Any] | None:
    """A global entity by id or name, or a store entity by its ``TYPE:name`` key."""
    named = urls.split_entity_key(key)
    if named is None:
        return linked_entity_detail(store, key)
    return _store_detail(store, *named)


def _reuse(
    rows: list[dict[str, Any]],
    offset: int,
    store: SQLiteStore,
    entity_id: str,
    direction: link_pages.Direction,
) -> Callable[[int, int], list[dict[str, Any]]]:
    """``fetch`` for a section that already holds the page at ``offset``."""

    def fetch(limit: int, wanted: int) -> list[dict[str, Any]]:
        if wanted == offset and len(rows) <= limit:
            return rows
        return link_pages.entity_statements(store, entity_id, direction, limit=limit, offset=wanted)[0]

    return fetch


def _store_detail(store: SQLiteStore, name: str, type_: str) -> dict[str, Any] | None:
    """Remembered until the store changes: it reads every document the name occurs in."""
    found = remembered(store, ("store entity", name, type_), lambda: _read_store_detail(store, name, type_))
    if found is None:
        return None
    # Pages add their own keys to it and mark its statement rows.
    return {**found, **{k: [dict(r) for r in found[k]] for k in ("said", "said_about")}}


def _read_store_detail(store: SQLiteStore, name: str, type_: str) -> dict[str, Any] | None:
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
    seen: set[tuple[str, str]] = set()  # (role, document): a name in thousands of documents
    for occurrence in occurrences:  # oldest first
        for role in occurrence["roles"]:
            entry = roles.setdefault(role["text"], {"text": role["text"], "documents": [], "first": None})
            if (role["text"], occurrence["document_id"]) not in seen:
                seen.add((role["text"], occurrence["document_id"]))
                entry["documents"].append(occurrence["document_id"])
            date = occurrence["published"]
            if date:
                entry["first"] = entry["first"] or date
                entry["last"] = date
            entry.setdefault("last", None)
    return sorted(roles.values(), key=lambda r: (r["first"] is None, r["first"] or "", r["text"]))
