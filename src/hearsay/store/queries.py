"""The store's named queries: SQL text and the shaping of its rows into plain dicts.

Every value reaches SQLite as a parameter. Name matching is case-insensitive through
``fold()`` (``str.casefold``), because SQLite's own ``lower()`` folds ASCII letters only (and
hearsay reads Russian, too): names are folded once when stored (``keys.py``) and the user's
words when asked. ``hearsay_fold`` stays registered for the migration that folds older rows.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

FOLD = "hearsay_fold"


def fold(value: str | None) -> str | None:
    """Case-folded text, the form both sides of a name match take."""
    return value.casefold() if value is not None else None


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function(FOLD, 1, fold, deterministic=True)


# --- statements -------------------------------------------------------------------------


# A name filter (source or about) through its trigram table: an index lookup for a needle of
# three characters or more (``:<key>_match``), else a scan of the folded names, never of statements.
def _names_filter(table: str, key: str, indexed: bool) -> str:
    match = f"{table} MATCH :{key}_match AND " if indexed else ""
    return f"""(s.document_id, s.id) IN (
    SELECT document_id, statement_id FROM {table} WHERE {match}instr(name, :{key}) > 0
)"""


# Full-text words (:match, an fts_query()) over content, source name and cue; one FTS lookup.
_TEXT_FILTER = """(s.document_id, s.id) IN (
    SELECT document_id, statement_id FROM statements_fts WHERE statements_fts MATCH :match
)"""

_CONDITIONS = {
    "stance": "s.stance = :stance",
    "certainty": "s.certainty = :certainty",
    "document_id": "s.document_id = :document_id",
    "outlet": "d.outlet_key = :outlet",
    "published_from": "d.published >= :published_from",
    "published_to": "d.published <= :published_to",
    "match": _TEXT_FILTER,
}

_STATEMENT_COLUMNS = """s.document_id, d.title, d.outlet, d.published, s.id AS statement_id,
       s.source_name AS source, s.source_entity, s.source_text, s.source_start, s.source_end,
       s.cue_text AS cue, s.cue_lemma, s.cue_start, s.cue_end,
       s.content_text AS content, s.content_start, s.content_end,
       s.kind, s.addressee_text AS addressee, s.certainty, s.polarity, s.stance,
       s.target_text, s.target_start, s.target_end, s.target_statement, s.medium_text AS medium"""


STATEMENT_COLUMNS = _STATEMENT_COLUMNS


def _statements_where(params: dict[str, Any]) -> str:
    """FROM and WHERE with only the filters that are set, so each can use its index."""
    where = [sql for key, sql in _CONDITIONS.items() if params.get(key) is not None]
    for table, key in (("statement_sources", "source"), ("statement_about", "about")):
        if params.get(key) is not None:
            where.append(_names_filter(table, key, params.get(f"{key}_match") is not None))
    return "FROM statements AS s JOIN documents AS d ON d.id = s.document_id\n" + (
        f"WHERE {' AND '.join(where)}" if where else ""
    )


def statements_sql(params: dict[str, Any]) -> str:
    """The statements matching ``statement_params()``, in ingest order (``statements_order`` index)."""
    return f"""SELECT {_STATEMENT_COLUMNS}
{_statements_where(params)}
ORDER BY s.ingested_at, s.document_id, s.content_start, s.id
LIMIT :limit OFFSET :offset"""


def count_statements_sql(params: dict[str, Any]) -> str:
    return f"SELECT count(*) {_statements_where(params)}"


def trigram_query(needle: str | None) -> str | None:
    """A trigram FTS5 phrase finding ``needle`` as a substring; None when it is too short to index."""
    if needle is None or len(needle) < 3:
        return None
    return '"' + needle.replace('"', '""') + '"'


def statement_params(
    *,
    source: str | None,
    about: str | None,
    stance: str | None,
    document_id: str | None,
    limit: int | None,
    certainty: str | None = None,
    outlet: str | None = None,
    published_from: str | None = None,
    published_to: str | None = None,
    text: str | None = None,
    offset: int = 0,
) -> dict[str, Any]:
    """Parameters of ``statements_sql()``; dates are ISO strings, ``text`` is the user's words."""
    return {
        "source": fold(source),
        "source_match": trigram_query(fold(source)),
        "about": fold(about),
        "about_match": trigram_query(fold(about)),
        "stance": stance,
        "certainty": certainty,
        "document_id": document_id,
        "outlet": fold(outlet),
        "published_from": published_from,
        "published_to": published_to,
        "match": fts_query(text) if text is not None else None,
        "limit": -1 if limit is None else limit,
        "offset": offset,
    }


# --- entities ---------------------------------------------------------------------------

ENTITIES_SQL = """
SELECT e.name, e.type, e.aliases, e.roles, e.document_id,
       (SELECT count(*) FROM mentions AS m
        WHERE m.document_id = e.document_id AND m.entity = e.id) AS mentions,
       (SELECT count(*) FROM statements AS s
        WHERE s.document_id = e.document_id AND s.source_entity = e.id) AS statements
FROM entities AS e
WHERE (:type IS NULL OR e.type = :type)
ORDER BY e.name, e.type
"""


def aggregate_entities(rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """One dict per (name, type) across documents, most mentioned first."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (row["name"], row["type"])
        entry = merged.setdefault(
            key,
            {
                "name": key[0],
                "type": key[1],
                "aliases": set(),
                "roles": set(),
                "documents": set(),
                "mentions": 0,
                "statements": 0,
            },
        )
        entry["aliases"].update(json.loads(row["aliases"]))
        entry["roles"].update(role["text"] for role in json.loads(row["roles"]))
        entry["documents"].add(row["document_id"])
        entry["mentions"] += row["mentions"]
        entry["statements"] += row["statements"]
    result = []
    for entry in merged.values():
        entry["aliases"] = sorted(entry["aliases"] - {entry["name"]})
        entry["roles"] = sorted(entry["roles"])
        entry["documents"] = len(entry["documents"])
        result.append(entry)
    result.sort(key=lambda e: (-e["mentions"], -e["statements"], e["name"], e["type"]))
    return result


# --- full-text search -------------------------------------------------------------------


def fts_query(text: str) -> str | None:
    """The user's words as an FTS5 query that cannot be a syntax error: every word quoted.

    Quoted words are literal, so AND/OR/NOT, parentheses, ``*``, ``:`` and ``"`` lose their
    FTS meaning; the words are ANDed. A Russian word becomes a prefix query on its stem, so it is
    found in any inflection. Words without a letter or digit would tokenise to
    nothing and are dropped. None when nothing is left to search for.
    """
    terms = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    if not terms:
        return None
    return " ".join(_fts_term(w) for w in terms)


def _fts_term(word: str) -> str:
    """One quoted word; a Russian one as a prefix query on its stem (hearsay.lang.search_prefix)."""
    from ..lang import search_prefix

    prefix = search_prefix(word)
    if prefix is not None and prefix.isalnum():
        return '"' + prefix + '"*'
    return '"' + word.replace('"', '""') + '"'


SEARCH_DOCUMENTS_SQL = """
SELECT f.document_id, d.title, d.outlet, d.published,
       snippet(documents_fts, -1, :open, :close, '…', :words) AS snippet, f.rank
FROM documents_fts AS f JOIN documents AS d ON d.id = f.document_id
WHERE documents_fts MATCH :query
ORDER BY f.rank
LIMIT :limit OFFSET :offset
"""

SEARCH_STATEMENTS_SQL = """
SELECT f.document_id, d.title, f.statement_id, s.source_name AS source, s.cue_text AS cue,
       s.content_text AS content, s.stance, s.certainty, s.polarity,
       snippet(statements_fts, -1, :open, :close, '…', :words) AS snippet, f.rank
FROM statements_fts AS f
JOIN statements AS s ON s.document_id = f.document_id AND s.id = f.statement_id
JOIN documents AS d ON d.id = f.document_id
WHERE statements_fts MATCH :query
ORDER BY f.rank
LIMIT :limit OFFSET :offset
"""

SEARCH_SQL = {"documents": SEARCH_DOCUMENTS_SQL, "statements": SEARCH_STATEMENTS_SQL}

COUNT_MATCHES_SQL = {
    "documents": "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :query",
    "statements": "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH :query",
}

# One row per document an entity (by name and type) occurs in, with that document's date.
ENTITY_DOCUMENTS_SQL = """
SELECT e.document_id, e.id AS entity_id, e.aliases, e.roles, d.title, d.outlet, d.published,
       (SELECT count(*) FROM mentions AS m
        WHERE m.document_id = e.document_id AND m.entity = e.id) AS mentions
FROM entities AS e JOIN documents AS d ON d.id = e.document_id
WHERE e.name = :name AND e.type = :type
ORDER BY d.published IS NULL, d.published, d.ingested_at, e.document_id
"""
