"""Read-only SQL over the link tables, for ``hearsay.link.queries``; works on read-only stores.

Statement rows carry the keys of ``SQLiteStore.statements()`` plus ``entity_id`` and
``cluster_id``. Every value is a parameter.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from . import entity_lists
from .queries import fts_query

STATEMENT_SELECT = """
SELECT s.document_id, d.title, d.outlet, d.published, s.id AS statement_id,
       s.source_name AS source, s.source_entity, s.source_text, s.source_start, s.source_end,
       s.cue_text AS cue, s.cue_lemma, s.cue_start, s.cue_end,
       s.content_text AS content, s.content_start, s.content_end,
       s.kind, s.addressee_text AS addressee, s.certainty, s.polarity, s.stance, s.target_text,
       s.medium_text AS medium,
       coalesce(ls.entity_id, lm.entity_id) AS entity_id, ls.cluster_id, ls.opposite,
       ld.duplicate_of, s.ingested_at
FROM statements AS s JOIN documents AS d ON d.id = s.document_id
LEFT JOIN link_statements AS ls ON ls.document_id = s.document_id AND ls.statement_id = s.id
LEFT JOIN link_members AS lm ON lm.document_id = s.document_id AND lm.local_id = s.source_entity
LEFT JOIN link_documents AS ld ON ld.document_id = s.document_id
"""
TIME_ORDER = "ORDER BY d.published IS NULL, d.published, s.ingested_at, s.document_id, s.content_start, s.id"


def _where(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    return [dict(row) for row in cursor]


def statements_of_cluster(conn: sqlite3.Connection, cluster_id: str, limit: int = -1) -> list[dict[str, Any]]:
    return _dicts(
        conn.execute(f"{STATEMENT_SELECT} WHERE ls.cluster_id = ? {TIME_ORDER} LIMIT ?", (cluster_id, limit))
    )


# What a cluster's summary reads of each member (summaries.proposition), for many clusters at once.
_MEMBER_SELECT = """
SELECT ls.cluster_id, s.document_id, s.id AS statement_id, d.title, d.outlet, d.published,
       s.source_name AS source, s.source_text, s.content_start, s.polarity, s.stance,
       coalesce(ls.entity_id, lm.entity_id) AS entity_id, ls.opposite, ld.duplicate_of, s.ingested_at
FROM link_statements AS ls
JOIN statements AS s ON s.document_id = ls.document_id AND s.id = ls.statement_id
JOIN documents AS d ON d.id = s.document_id
LEFT JOIN link_members AS lm ON lm.document_id = s.document_id AND lm.local_id = s.source_entity
LEFT JOIN link_documents AS ld ON ld.document_id = s.document_id
"""


def _time_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """TIME_ORDER in Python: a cluster's members sorted as ``statements_of_cluster`` returns them."""
    published = row["published"]
    return (
        published is None,
        published or "",
        row["ingested_at"] or "",
        row["document_id"],
        row["content_start"],
        row["statement_id"],
    )


def members_of_clusters(
    conn: sqlite3.Connection, cluster_ids: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """The summary fields of every member of each cluster, in time order, in one query."""
    result: dict[str, list[dict[str, Any]]] = {c: [] for c in cluster_ids}
    if not cluster_ids:
        return result
    marks = ", ".join("?" * len(cluster_ids))
    for row in conn.execute(f"{_MEMBER_SELECT} WHERE ls.cluster_id IN ({marks})", list(cluster_ids)):
        member = dict(row)
        result[member.pop("cluster_id")].append(member)
    for members in result.values():
        members.sort(key=_time_order)
    return result


def _keys_table(count: int) -> str:
    """``count`` (document id, statement id) pairs as a table of columns ``column1``, ``column2``
    (both backends name a VALUES list's columns so): joined, it is one index lookup per pair, where
    a chain of ORs costs PostgreSQL a plan of one branch per pair."""
    return f"(VALUES {', '.join(['(?, ?)'] * count)}) AS k"


_BY_KEYS = STATEMENT_SELECT.replace(
    "FROM statements AS s JOIN",
    "FROM {keys} JOIN statements AS s ON s.document_id = k.column1 AND s.id = k.column2\nJOIN",
    1,
)


def statements_by_keys(conn: sqlite3.Connection, keys: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """Full rows (``STATEMENT_SELECT``) of these statements, each once, in no particular order."""
    keys = list(dict.fromkeys(keys))
    result = []
    for start in range(0, len(keys), 200):
        chunk = keys[start : start + 200]
        sql = _BY_KEYS.format(keys=_keys_table(len(chunk)))
        result += _dicts(conn.execute(sql, [v for k in chunk for v in k]))
    return result


def statements_of_documents(conn: sqlite3.Connection, document_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not document_ids:
        return []
    marks = ", ".join("?" * len(document_ids))
    return _dicts(
        conn.execute(f"{STATEMENT_SELECT} WHERE s.document_id IN ({marks}) {TIME_ORDER}", list(document_ids))
    )


# The statements an entity said or that mention it, as thin rows with their TIME_ORDER keys,
# straight from the indexes (link_statements.entity_id, link_members.entity_id, the source and
# mention of each member): the page then reads in full only the rows it shows.
_THIN = "s.document_id, s.id AS statement_id, d.published, s.ingested_at, s.content_start"
_SAID_BY = f"""SELECT {_THIN} FROM statements AS s JOIN documents AS d ON d.id = s.document_id
LEFT JOIN link_statements AS ls ON ls.document_id = s.document_id AND ls.statement_id = s.id
LEFT JOIN link_members AS lm ON lm.document_id = s.document_id AND lm.local_id = s.source_entity
WHERE (s.document_id, s.id) IN (
    SELECT document_id, statement_id FROM link_statements WHERE entity_id = :entity
    UNION ALL SELECT x.document_id, x.id FROM link_members AS am JOIN statements AS x
        ON x.document_id = am.document_id AND x.source_entity = am.local_id
    WHERE am.entity_id = :entity)
AND coalesce(ls.entity_id, lm.entity_id) = :entity"""
_ABOUT = f"""SELECT DISTINCT {_THIN} FROM link_members AS am
JOIN mentions AS m ON m.document_id = am.document_id AND m.entity = am.local_id
JOIN statements AS s ON s.document_id = m.document_id
    AND m.start >= s.content_start AND m."end" <= s.content_end
JOIN documents AS d ON d.id = s.document_id
WHERE am.entity_id = :entity"""


def _time_key(row: Any) -> tuple[Any, ...]:
    """TIME_ORDER of a thin row (document_id, statement_id, published, ingested_at, content_start)."""
    return (row[2] is None, row[2] or "", row[3] or "", row[0], row[4], row[1])


def _first_in_time(
    conn: sqlite3.Connection, thin_sql: str, entity_id: str, limit: int
) -> list[dict[str, Any]]:
    """The first ``limit`` (all when negative) statements of ``thin_sql``, full rows in TIME_ORDER."""
    thin = sorted(conn.execute(thin_sql, {"entity": entity_id}).fetchall(), key=_time_key)
    keys = [(row[0], row[1]) for row in (thin if limit < 0 else thin[:limit])]
    position = {key: i for i, key in enumerate(keys)}
    rows = statements_by_keys(conn, keys)
    rows.sort(key=lambda r: position[(r["document_id"], r["statement_id"])])
    return rows


def statements_said_by(conn: sqlite3.Connection, entity_id: str, limit: int) -> list[dict[str, Any]]:
    return _first_in_time(conn, _SAID_BY, entity_id, limit)


def statements_about(conn: sqlite3.Connection, entity_id: str, limit: int) -> list[dict[str, Any]]:
    """Statements whose content holds a mention of the entity."""
    return _first_in_time(conn, _ABOUT, entity_id, limit)


def entity(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT id, name, type, class, documents, mentions FROM link_entities WHERE id = ?", (entity_id,)
    ).fetchone()
    return dict(row) if row else None


def entity_variants(conn: sqlite3.Connection, entity_id: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM link_entity_names WHERE entity_id = ? ORDER BY count DESC, name", (entity_id,)
        )
    ]


def entity_ids_named(conn: sqlite3.Connection, key: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            """SELECT n.entity_id FROM link_entity_names AS n JOIN link_entities AS e ON e.id = n.entity_id
        WHERE n.key = ? GROUP BY n.entity_id ORDER BY max(e.mentions) DESC, n.entity_id""",
            (key,),
        )
    ]


def entity_ids_by_block(conn: sqlite3.Connection, block: str) -> list[str]:
    """Entities indexed under a blocking key ("s:" + surname, "n:" + name), most mentioned first."""
    return [
        r[0]
        for r in conn.execute(
            """SELECT k.entity_id FROM link_entity_keys AS k JOIN link_entities AS e ON e.id = k.entity_id
        WHERE k.key = ? GROUP BY k.entity_id ORDER BY max(e.mentions) DESC, k.entity_id""",
            (block,),
        )
    ]


def entities(
    conn: sqlite3.Connection, *, type_: str | None, query: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    needle = query.casefold() if query else None
    # Only the filters that are set, so the order is the link_entities_list index; names are
    # matched on their folded form stored beside them (link_entity_names.folded).
    where = ["e.type = :type"] if type_ is not None else []
    if needle is not None:
        where.append(
            """EXISTS (SELECT 1 FROM link_entity_names AS n WHERE n.entity_id = e.id
            AND (instr(n.folded, :needle) > 0 OR instr(n.key, :needle) > 0))"""
        )
    return _dicts(
        conn.execute(
            f"""SELECT e.id, e.name, e.type, e.documents, e.mentions FROM link_entities AS e {_where(where)}
        ORDER BY e.mentions DESC, e.documents DESC, e.id LIMIT :limit OFFSET :offset""",
            {"type": type_, "needle": needle, "limit": limit, "offset": offset},
        )
    )


def entity_roles(conn: sqlite3.Connection, entity_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT role, document_id, published FROM link_roles WHERE entity_id = ? ORDER BY role, published",
        (entity_id,),
    ).fetchall()
    roles: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = roles.setdefault(
            row["role"], {"text": row["role"], "documents": [], "first": None, "last": None}
        )
        entry["documents"].append(row["document_id"])
        if row["published"]:
            entry["first"] = min(filter(None, (entry["first"], row["published"])))
            entry["last"] = max(filter(None, (entry["last"], row["published"])))
    return list(roles.values())


def entity_documents(conn: sqlite3.Connection, entity_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """The first ``limit`` documents that mention an entity, oldest first (a range of its list)."""
    return entity_lists.documents(conn, entity_id, limit=limit)


def entity_for_mention(conn: sqlite3.Connection, document_id: str, local_id: str) -> str | None:
    row = conn.execute(
        "SELECT entity_id FROM link_members WHERE document_id = ? AND local_id = ?", (document_id, local_id)
    ).fetchone()
    return row[0] if row else None


CLUSTER_COLUMNS = "c.id, c.representative, c.title, c.title_opposite, c.story_id, c.size, c.first_published"


def cluster(conn: sqlite3.Connection, cluster_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        f"SELECT {CLUSTER_COLUMNS} FROM link_clusters AS c WHERE c.id = ?", (cluster_id,)
    ).fetchone()
    return dict(row) if row else None


def clusters(
    conn: sqlite3.Connection, *, query: str | None, story: str | None = None, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Clusters, largest first; with ``query``, those whose title, wording or a member's content
    has every word of it (members by full text, so "closing" finds "closed")."""
    # Only the filters that are set, so the order (link_clusters_list) or the story is an index.
    where, params = (
        ["c.story_id = :story"] if story is not None else [],
        {"story": story, "limit": limit, "offset": offset},
    )
    match = fts_query(query) if query else None
    if query and match is None:
        return []
    if query and match is not None:
        words = [w.casefold() for w in query.split() if any(ch.isalnum() for ch in w)]
        in_title = " AND ".join(
            f"instr(coalesce(c.title_folded, '') || ' ' || c.representative_folded, :w{i}) > 0"
            for i in range(len(words))
        )
        params.update({f"w{i}": w for i, w in enumerate(words)})
        params["match"] = f"content_text : ({match})"
        where.append(
            f"""(({in_title}) OR c.id IN (SELECT ls.cluster_id FROM statements_fts AS f
                JOIN link_statements AS ls
                  ON ls.document_id = f.document_id AND ls.statement_id = f.statement_id
                WHERE statements_fts MATCH :match))"""
        )
    return _dicts(
        conn.execute(
            f"""SELECT {CLUSTER_COLUMNS} FROM link_clusters AS c {_where(where)}
        ORDER BY c.size DESC, c.first_published, c.id LIMIT :limit OFFSET :offset""",
            params,
        )
    )


STORY_SELECT = """SELECT s.id, s.title, s.first_published, s.last_published,
    (SELECT count(*) FROM link_clusters AS c WHERE c.story_id = s.id) AS propositions,
    (SELECT count(DISTINCT ls.document_id) FROM link_clusters AS c
        JOIN link_statements AS ls ON ls.cluster_id = c.id WHERE c.story_id = s.id) AS documents
FROM link_stories AS s"""


def has_story_tables(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'link_stories'").fetchone()
        is not None
    )


def story(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    row = conn.execute(f"{STORY_SELECT} WHERE s.id = ?", (story_id,)).fetchone()
    return dict(row) if row else None


def stories(conn: sqlite3.Connection, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """Stories, most statements first."""
    return _dicts(
        conn.execute(f"{STORY_SELECT} ORDER BY s.size DESC, s.id LIMIT ? OFFSET ?", (limit, offset))
    )


def cluster_for_statement(conn: sqlite3.Connection, document_id: str, statement_id: str) -> str | None:
    row = conn.execute(
        "SELECT cluster_id FROM link_statements WHERE document_id = ? AND statement_id = ?",
        (document_id, statement_id),
    ).fetchone()
    return row[0] if row else None


def iter_vectors(conn: sqlite3.Connection, page_size: int = 5000) -> Iterator[list[sqlite3.Row]]:
    """Every linked statement's key, cluster and vector, a page at a time (keyset paging)."""
    after = ("", "")
    while True:
        page = conn.execute(
            """SELECT ls.document_id, ls.statement_id, ls.cluster_id, e.vector, s.content_text AS content
            FROM link_statements AS ls JOIN link_embeddings AS e ON e.text_hash = ls.text_hash
            JOIN statements AS s ON s.document_id = ls.document_id AND s.id = ls.statement_id
            WHERE (ls.document_id, ls.statement_id) > (?, ?)
            ORDER BY ls.document_id, ls.statement_id LIMIT ?""",
            (*after, page_size),
        ).fetchall()
        if not page:
            return
        yield page
        after = (page[-1]["document_id"], page[-1]["statement_id"])


def provenance_of(conn: sqlite3.Connection, document_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not document_ids:
        return []
    marks = ", ".join("?" * len(document_ids))
    return _dicts(
        conn.execute(
            f"SELECT * FROM link_provenance WHERE document_id IN ({marks}) ORDER BY document_id, rowid",
            list(document_ids),
        )
    )


def times_of(conn: sqlite3.Connection, document_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not document_ids:
        return []
    marks = ", ".join("?" * len(document_ids))
    return _dicts(
        conn.execute(
            f"""SELECT t.document_id, t.text, t.start, t."end", t.value, t.type, d.published, d.title
        FROM times AS t JOIN documents AS d ON d.id = t.document_id
        WHERE t.document_id IN ({marks}) ORDER BY t.document_id, t.start""",
            list(document_ids),
        )
    )


def mention_spans(
    conn: sqlite3.Connection, entity_id: str, document_ids: Sequence[str]
) -> list[dict[str, Any]]:
    if not document_ids:
        return []
    marks = ", ".join("?" * len(document_ids))
    return _dicts(
        conn.execute(
            f"""SELECT m.document_id, m.start, m."end" FROM link_members AS am JOIN mentions AS m
        ON m.document_id = am.document_id AND m.entity = am.local_id
        WHERE am.entity_id = ? AND am.document_id IN ({marks})""",
            (entity_id, *document_ids),
        )
    )


def documents_info(conn: sqlite3.Connection, document_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not document_ids:
        return {}
    marks = ", ".join("?" * len(document_ids))
    return {
        r["document_id"]: dict(r)
        for r in conn.execute(
            f"""SELECT d.id AS document_id, d.title, d.outlet, d.published, d.url, d.ingested_at,
                l.duplicate_of
        FROM documents AS d LEFT JOIN link_documents AS l ON l.document_id = d.id WHERE d.id IN ({marks})""",
            list(document_ids),
        )
    }


def cluster_ids_in_documents(conn: sqlite3.Connection, document_ids: Sequence[str]) -> list[str]:
    if not document_ids:
        return []
    marks = ", ".join("?" * len(document_ids))
    return [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT cluster_id FROM link_statements WHERE cluster_id IS NOT NULL "
            f"AND document_id IN ({marks})",
            list(document_ids),
        )
    ]


def cluster_ids_of_entity(conn: sqlite3.Connection, entity_id: str, limit: int = 200) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT cluster_id FROM link_statements "
            "WHERE entity_id = ? AND cluster_id IS NOT NULL ORDER BY cluster_id LIMIT ?",
            (entity_id, limit),
        )
    ]


def has_link_tables(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'link_documents'"
        ).fetchone()
        is not None
    )


# --- graph export ---------------------------------------------------------------------------

GRAPH_NODES_SQL = """
SELECT node, min(label) AS label, min(kind) AS kind FROM (
    SELECT from_node AS node, from_label AS label, from_kind AS kind FROM link_provenance
    UNION ALL SELECT to_node, to_label, to_kind FROM link_provenance
    UNION ALL SELECT 'd-' || substr(d.id, 1, 12), coalesce(d.title, d.id), 'document'
        FROM link_documents AS l JOIN documents AS d ON d.id = l.document_id
    UNION ALL SELECT id, name, lower(type) FROM link_entities
) AS n GROUP BY node ORDER BY node
"""

GRAPH_EDGES_SQL = """
SELECT from_node AS source, to_node AS target, cue AS label, 'cites' AS kind, document_id, statement_id
FROM link_provenance
UNION ALL
SELECT DISTINCT 'd-' || substr(document_id, 1, 12), entity_id, 'mentions', 'mentions', document_id, NULL
FROM link_members
"""


def graph_nodes(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    yield from conn.execute(GRAPH_NODES_SQL)


def graph_edges(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    yield from conn.execute(GRAPH_EDGES_SQL)


def documents_of_texts(conn: sqlite3.Connection, hashes: Sequence[str]) -> dict[str, list[str]]:
    """The documents whose linked statements have each content (``text_hash``)."""
    result: dict[str, list[str]] = {}
    for start in range(0, len(hashes), 500):
        chunk = list(hashes[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT text_hash, document_id FROM link_statements WHERE text_hash IN ({marks})", chunk
        ):
            result.setdefault(row[0], []).append(row[1])
    return result


def clusters_across_languages(conn: sqlite3.Connection, limit: int) -> list[str]:
    """Clusters whose members come from documents in more than one language, largest first."""
    rows = conn.execute(
        """SELECT ls.cluster_id FROM link_statements AS ls JOIN documents AS d ON d.id = ls.document_id
        WHERE ls.cluster_id IS NOT NULL GROUP BY ls.cluster_id HAVING count(DISTINCT d.language) > 1
        ORDER BY count(*) DESC, ls.cluster_id LIMIT ?""",
        (limit,),
    )
    return [row[0] for row in rows]
