"""The linking layer's read API (the contract with the web layer, docs/linking.md).

Every function takes an open ``SQLiteStore`` (read-only is fine) and returns plain JSON-able
dicts and lists. Unknown ids give None (detail functions) or empty results, never an error;
a store whose documents were never linked answers as an empty one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..store import link_reads
from .evidence_view import evidence
from .names import name_key
from .summaries import first_appearance, statement_dict, summarise
from .timelines import timeline

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

__all__ = [
    "cluster_detail",
    "cluster_for_statement",
    "cluster_list",
    "entity_detail",
    "entity_for_mention",
    "entity_list",
    "evidence",
    "find_entity_id",
    "link_corpus",
    "provenance",
    "timeline",
]

DETAIL_LIMIT = 200


def link_corpus(store_writable: SQLiteStore, **options: Any) -> dict[str, Any]:
    """Link every stored document not linked yet; returns the counts (see ``linker.link_corpus``)."""
    from .linker import link_corpus as run

    return run(store_writable, **options)


def _ready(store: SQLiteStore) -> bool:
    return link_reads.has_link_tables(store._conn)


def find_entity_id(store: SQLiteStore, id_or_name: str) -> str | None:
    """The entity with this id, else the most mentioned one with this name (any spelling)."""
    if not _ready(store) or not id_or_name or not id_or_name.strip():
        return None
    text = id_or_name.strip()
    if link_reads.entity(store._conn, text) is not None:
        return text
    key = name_key(text)
    if not key:
        return None
    found = link_reads.entity_ids_named(store._conn, key)
    if not found and " " not in key:
        found = link_reads.entity_ids_by_block(store._conn, f"s:{key}")  # a person's surname alone
    if not found:
        found = [e["id"] for e in link_reads.entities(store._conn, type_=None, query=text, limit=1, offset=0)]
    return found[0] if found else None


def entity_list(
    store: SQLiteStore, *, type: str | None = None, query: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Linked entities, most mentioned first: id, name, type, variants, documents, mentions."""
    if not _ready(store):
        return []
    rows = link_reads.entities(
        store._conn, type_=type.upper() if type else None, query=query, limit=limit, offset=offset
    )
    for row in rows:
        row["variants"] = link_reads.entity_variants(store._conn, row["id"])
    return rows


def entity_detail(store: SQLiteStore, id_or_name: str) -> dict[str, Any] | None:
    """An entity with its variants, roles (documents and dates), what it said, what was said about it."""
    entity_id = find_entity_id(store, id_or_name)
    if entity_id is None:
        return None
    conn = store._conn
    row = link_reads.entity(conn, entity_id)
    if row is None:
        return None
    return {
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "variants": link_reads.entity_variants(conn, entity_id),
        "documents_count": row["documents"],
        "mentions": row["mentions"],
        "roles": link_reads.entity_roles(conn, entity_id),
        "said": [statement_dict(r) for r in link_reads.statements_said_by(conn, entity_id, DETAIL_LIMIT)],
        "said_about": [statement_dict(r) for r in link_reads.statements_about(conn, entity_id, DETAIL_LIMIT)],
        "documents": link_reads.entity_documents(conn, entity_id),
        "clusters": link_reads.cluster_ids_of_entity(conn, entity_id),
    }


def entity_for_mention(store: SQLiteStore, document_id: str, local_entity_id: str) -> str | None:
    if not _ready(store):
        return None
    return link_reads.entity_for_mention(store._conn, document_id, local_entity_id)


def cluster_list(store: SQLiteStore, *, query: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Claim clusters, largest first, each with its representative wording and corroboration."""
    if not _ready(store):
        return []
    conn = store._conn
    return [
        summarise(c, link_reads.statements_of_cluster(conn, c["id"]))
        for c in link_reads.clusters(conn, query=query, limit=limit, offset=offset)
    ]


def cluster_detail(store: SQLiteStore, cluster_id: str) -> dict[str, Any] | None:
    """A ``cluster_list`` item plus its members (statement dicts, in time order)."""
    if not _ready(store):
        return None
    conn = store._conn
    cluster = link_reads.cluster(conn, cluster_id)
    if cluster is None:
        return None
    rows = link_reads.statements_of_cluster(conn, cluster_id)
    result = summarise(cluster, rows)
    result["members"] = [statement_dict(r) for r in rows]
    return result


def cluster_for_statement(store: SQLiteStore, document_id: str, statement_id: str) -> str | None:
    if not _ready(store):
        return None
    return link_reads.cluster_for_statement(store._conn, document_id, statement_id)


def provenance(store: SQLiteStore, cluster_id: str) -> dict[str, Any]:
    """Who reported a cluster's claim, citing whom: nodes, edges, and who reported it first.

    The edges are those of the member statements plus the chains above them in their
    documents (the outlet that published the document, the source that cited the source).
    """
    empty: dict[str, Any] = {"nodes": [], "edges": [], "first_reported_by": None}
    if not _ready(store):
        return empty
    conn = store._conn
    rows = link_reads.statements_of_cluster(conn, cluster_id)
    if not rows:
        return empty
    documents = sorted({r["document_id"] for r in rows})
    members = {(r["document_id"], r["statement_id"]) for r in rows}
    all_edges = link_reads.provenance_of(conn, documents)
    wanted = [e for e in all_edges if (e["document_id"], e["statement_id"]) in members]
    wanted = _with_ancestors(wanted, all_edges)
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for edge in wanted:
        for side in ("from", "to"):
            node = edge[f"{side}_node"]
            nodes.setdefault(node, {"id": node, "label": edge[f"{side}_label"], "kind": edge[f"{side}_kind"]})
        edges.append(
            {
                "from": edge["from_node"],
                "to": edge["to_node"],
                "cue": edge["cue"],
                "document_id": edge["document_id"],
                "statement_id": edge["statement_id"],
            }
        )
    return {"nodes": list(nodes.values()), "edges": edges, "first_reported_by": _first_reporter(rows, wanted)}


def _with_ancestors(chosen: list[dict[str, Any]], every: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``chosen`` plus, within each document, every edge leading into their origins."""
    result = list(chosen)
    seen = {id(e) for e in chosen}
    frontier = [(e["document_id"], e["from_node"]) for e in chosen]
    while frontier:
        document_id, node = frontier.pop()
        for edge in every:
            if edge["document_id"] == document_id and edge["to_node"] == node and id(edge) not in seen:
                seen.add(id(edge))
                result.append(edge)
                frontier.append((document_id, edge["from_node"]))
    return result


def _first_reporter(rows: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any] | None:
    first = first_appearance(rows)
    if first is None:
        return None
    statement = next(
        r
        for r in rows
        if (r["document_id"], r["statement_id"]) == (first["document_id"], first["statement_id"])
    )
    cited = next(
        (
            e
            for e in edges
            if e["document_id"] == first["document_id"] and e["statement_id"] == first["statement_id"]
        ),
        None,
    )
    return {
        **first,
        "source": statement.get("source") or statement.get("source_text"),
        "entity_id": statement.get("entity_id"),
        "node": cited["to_node"] if cited else None,
        "cue": statement["cue"],
    }
