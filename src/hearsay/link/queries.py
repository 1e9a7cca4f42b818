"""The linking layer's read API (the contract with the web layer, docs/linking.md).

Every function takes an open ``SQLiteStore`` (read-only is fine). Clusters, stories,
provenance and timelines come as the typed records of ``hearsay.model`` (``Proposition``,
``Story``, ``LinkedStatement``, ``Provenance``, ``TimelineEntry``; ``to_dict()`` gives their JSON
form); entities as plain JSON-able dicts. Unknown ids give None (detail functions) or empty
results, never an error; a store whose documents were never linked answers as an empty one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import LinkedStatement, Proposition, Provenance, ProvenanceLink, Story, record_from_row
from ..store import cluster_summaries, entity_statements, link_reads
from .evidence_view import evidence
from .names import name_key
from .remembered import remembered
from .summaries import first_appearance, from_summary, proposition, statement_dict
from .timelines import timeline

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

__all__ = [
    "cluster_detail",
    "cluster_for_statement",
    "cluster_list",
    "cluster_members",
    "entity_detail",
    "entity_for_mention",
    "entity_list",
    "evidence",
    "find_entity_id",
    "link_corpus",
    "provenance",
    "story_detail",
    "story_list",
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
    # Remembered until the store changes: a popular entity's documents and roles are many.
    found = remembered(store, ("entity", entity_id), lambda: _entity_detail(store, entity_id))
    return None if found is None else _copied(found)


def _copied(detail: dict[str, Any]) -> dict[str, Any]:
    """A remembered entity detail for one caller, who may add keys to it and to its statement rows."""
    return {**detail, **{k: [dict(r) for r in detail[k]] for k in ("said", "said_about")}}


def _entity_detail(store: SQLiteStore, entity_id: str) -> dict[str, Any] | None:
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
        "said": [
            statement_dict(r) for r in entity_statements.first_rows(conn, entity_id, "said", DETAIL_LIMIT)
        ],
        "said_about": [
            statement_dict(r)
            for r in entity_statements.first_rows(conn, entity_id, "said_about", DETAIL_LIMIT)
        ],
        "documents": link_reads.entity_documents(conn, entity_id),
        "clusters": link_reads.cluster_ids_of_entity(conn, entity_id),
    }


def entity_for_mention(store: SQLiteStore, document_id: str, local_entity_id: str) -> str | None:
    if not _ready(store):
        return None
    return link_reads.entity_for_mention(store._conn, document_id, local_entity_id)


def cluster_list(
    store: SQLiteStore,
    *,
    query: str | None = None,
    story: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Proposition]:
    """Claim clusters (propositions), largest first; ``query``: every word in its title, wording
    or a member's content; ``story``: only that story's."""
    if not _ready(store):
        return []
    key = ("cluster_list", query, story, limit, offset)
    return list(remembered(store, key, lambda: _cluster_list(store, query, story, limit, offset)))


def _cluster_list(
    store: SQLiteStore, query: str | None, story: str | None, limit: int, offset: int
) -> tuple[Proposition, ...]:
    clusters = link_reads.clusters(store._conn, query=query, story=story, limit=limit, offset=offset)
    return tuple(_propositions(store, clusters))


def _propositions(store: SQLiteStore, clusters: list[dict[str, Any]]) -> list[Proposition]:
    """The records of these clusters: from their stored summaries, else (a cluster changed since
    ``hearsay link`` last ran) from their members."""
    conn = store._conn
    stored = cluster_summaries.read(conn, [c["id"] for c in clusters])
    members = link_reads.members_of_clusters(conn, [c["id"] for c in clusters if c["id"] not in stored])
    return [
        from_summary(c, stored[c["id"]]) if c["id"] in stored else proposition(c, members[c["id"]])
        for c in clusters
    ]


def cluster_detail(store: SQLiteStore, cluster_id: str) -> Proposition | None:
    """One cluster's ``Proposition`` record (``cluster_members`` gives its statements)."""
    if not _ready(store):
        return None
    return remembered(store, ("cluster", cluster_id), lambda: _cluster_detail(store, cluster_id))


def _cluster_detail(store: SQLiteStore, cluster_id: str) -> Proposition | None:
    cluster = link_reads.cluster(store._conn, cluster_id)
    return None if cluster is None else _propositions(store, [cluster])[0]


def cluster_members(store: SQLiteStore, cluster_id: str) -> list[LinkedStatement]:
    """A cluster's member statements, in time order ([] for an unknown id)."""
    if not _ready(store):
        return []
    return list(
        remembered(
            store,
            ("cluster members", cluster_id),
            lambda: tuple(LinkedStatement.from_row(r) for r in _cluster_rows(store, cluster_id)),
        )
    )


def _cluster_rows(store: SQLiteStore, cluster_id: str) -> tuple[dict[str, Any], ...]:
    """A cluster's member rows in time order, read once for its members and its provenance (callers
    only read them)."""
    return remembered(
        store,
        ("cluster rows", cluster_id),
        lambda: tuple(link_reads.statements_of_cluster(store._conn, cluster_id)),
    )


def clusters_across_languages(store: SQLiteStore, *, limit: int = 10) -> list[str]:
    """Ids of the claim clusters whose members come from documents in more than one language (a
    Russian report and its English retelling), largest first."""
    if not _ready(store):
        return []
    return link_reads.clusters_across_languages(store._conn, limit)


def _story(row: dict[str, Any]) -> Story:
    return record_from_row(Story, row)


def story_list(store: SQLiteStore, *, limit: int = 50, offset: int = 0) -> list[Story]:
    """Stories (the propositions about one incident), most statements first."""
    if not _ready(store) or not link_reads.has_story_tables(store._conn):
        return []
    return [_story(r) for r in link_reads.stories(store._conn, limit=limit, offset=offset)]


def story_detail(
    store: SQLiteStore, story_id: str, *, limit: int = 200
) -> tuple[Story, list[Proposition]] | None:
    """A story and its propositions, largest first (at most ``limit``); None for an unknown id."""
    if not _ready(store) or not link_reads.has_story_tables(store._conn):
        return None
    row = link_reads.story(store._conn, story_id)
    if row is None:
        return None
    return _story(row), cluster_list(store, story=story_id, limit=limit)


def cluster_for_statement(store: SQLiteStore, document_id: str, statement_id: str) -> str | None:
    if not _ready(store):
        return None
    return link_reads.cluster_for_statement(store._conn, document_id, statement_id)


def provenance(store: SQLiteStore, cluster_id: str) -> Provenance:
    """Who reported a cluster's claim, citing whom: its links, and who reported it first.

    The links are those of the member statements plus the chains above them in their
    documents (the outlet that published the document, the source that cited the source).
    """
    if not _ready(store):
        return Provenance()
    return remembered(store, ("provenance", cluster_id), lambda: _provenance(store, cluster_id))


def _provenance(store: SQLiteStore, cluster_id: str) -> Provenance:
    conn = store._conn
    rows = list(_cluster_rows(store, cluster_id))
    if not rows:
        return Provenance()
    documents = sorted({r["document_id"] for r in rows})
    members = {(r["document_id"], r["statement_id"]) for r in rows}
    all_edges = link_reads.provenance_of(conn, documents)
    wanted = [e for e in all_edges if (e["document_id"], e["statement_id"]) in members]
    wanted = _with_ancestors(wanted, all_edges)
    links = tuple(record_from_row(ProvenanceLink, e) for e in wanted)
    return Provenance(links=links, first_reported_by=_first_reporter(rows, wanted))


def _with_ancestors(chosen: list[dict[str, Any]], every: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``chosen`` plus, within each document, every edge leading into their origins."""
    result = list(chosen)
    seen = {id(e) for e in chosen}
    into: dict[tuple[str, str], list[dict[str, Any]]] = {}  # the edges into each node, in ``every``'s order
    for edge in every:
        into.setdefault((edge["document_id"], edge["to_node"]), []).append(edge)
    frontier = [(e["document_id"], e["from_node"]) for e in chosen]
    while frontier:
        document_id, node = frontier.pop()
        for edge in into.get((document_id, node), []):
            if id(edge) not in seen:
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
