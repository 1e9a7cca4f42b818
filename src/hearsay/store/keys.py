"""Keys written beside each document so that filters and counts use indexes, never a scan.

* ``statement_sources`` / ``statement_about``: the case-folded names a statement's ``source`` and
  ``about`` filters match (the source's name, words, entity name and aliases; the content's
  words and the names and aliases of the entities mentioned in it), one row per name, in FTS5
  tables with the trigram tokenizer: a substring of three characters or more is an index lookup.
  The text is folded in Python (``str.casefold``, as the filters always did) and the tables are
  case-sensitive, so a match is exactly ``needle in name``.
* ``statements.ingested_at``: the document's, so the statement list's order is an index.
* ``link_vector_keys``: an integer key per content vector, for the nearest-neighbour index.
* ``store_counts``: running totals (documents, statements, ... and statements per stance), kept
  in the document's transaction, so list pages never count by scanning.

Migration ``0009_indexed_keys`` creates them and fills them for a store written before; its
backfill calls ``hearsay_fold``, which ``SQLiteStore`` registers before migrating.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..model import Reading, Statement
from . import name_pages
from .queries import fold

COUNTED_TABLES = ("documents", "statements", "entities", "mentions", "times")
STANCE_COUNT = "statements stance="  # + the stance: statements with that stance

_SOURCE_VALUES = """
    SELECT source_name AS name, document_id, id FROM statements
    UNION SELECT source_text, document_id, id FROM statements
    UNION SELECT e.name, s.document_id, s.id FROM statements AS s
        JOIN entities AS e ON e.document_id = s.document_id AND e.id = s.source_entity
    UNION SELECT a.value, s.document_id, s.id FROM statements AS s
        JOIN entities AS e ON e.document_id = s.document_id AND e.id = s.source_entity,
        json_each(e.aliases) AS a"""

_ABOUT_VALUES = """
    SELECT content_text AS name, document_id, id FROM statements
    UNION SELECT e.name, s.document_id, s.id FROM statements AS s
        JOIN mentions AS m ON m.document_id = s.document_id
            AND m.start >= s.content_start AND m."end" <= s.content_end
        JOIN entities AS e ON e.document_id = m.document_id AND e.id = m.entity
    UNION SELECT a.value, s.document_id, s.id FROM statements AS s
        JOIN mentions AS m ON m.document_id = s.document_id
            AND m.start >= s.content_start AND m."end" <= s.content_end
        JOIN entities AS e ON e.document_id = m.document_id AND e.id = m.entity,
        json_each(e.aliases) AS a"""


def _backfill(table: str, values: str) -> str:
    # Our own table names and SQL above, never a caller's.
    return f"""INSERT INTO {table} (name, document_id, statement_id)
        SELECT DISTINCT hearsay_fold(name), document_id, id FROM ({values}) AS v WHERE name IS NOT NULL"""


INDEXED_KEYS: tuple[str, ...] = (
    """CREATE VIRTUAL TABLE statement_sources USING fts5(
        name, document_id UNINDEXED, statement_id UNINDEXED, tokenize = 'trigram case_sensitive 1'
    )""",
    """CREATE VIRTUAL TABLE statement_about USING fts5(
        name, document_id UNINDEXED, statement_id UNINDEXED, tokenize = 'trigram case_sensitive 1'
    )""",
    _backfill("statement_sources", _SOURCE_VALUES),
    _backfill("statement_about", _ABOUT_VALUES),
    "ALTER TABLE statements ADD COLUMN ingested_at TEXT",
    "UPDATE statements SET ingested_at = (SELECT d.ingested_at FROM documents AS d WHERE d.id = document_id)",
    "CREATE INDEX statements_order ON statements(ingested_at, document_id, content_start, id)",
    "CREATE INDEX statements_stance_order ON statements(stance, ingested_at, document_id, content_start, id)",
    "ALTER TABLE documents ADD COLUMN outlet_key TEXT",
    "UPDATE documents SET outlet_key = hearsay_fold(outlet)",
    "CREATE INDEX documents_outlet ON documents(outlet_key)",
    """CREATE TABLE store_counts (
        name TEXT PRIMARY KEY,
        count INTEGER NOT NULL
    ) WITHOUT ROWID""",
    *(f"INSERT INTO store_counts SELECT '{t}', count(*) FROM {t}" for t in COUNTED_TABLES),
    f"INSERT INTO store_counts SELECT '{STANCE_COUNT}' || stance, count(*) FROM statements GROUP BY stance",
    # The clusters list: largest first, then oldest, as one index.
    "CREATE INDEX link_clusters_list ON link_clusters(size DESC, first_published, id)",
    # Entity search matches the folded names stored beside them, not a function of each row.
    "ALTER TABLE link_entity_names ADD COLUMN folded TEXT",
    "UPDATE link_entity_names SET folded = hearsay_fold(name)",
    # The clusters list's words: a cluster's title and founding wording, folded when written.
    "ALTER TABLE link_clusters ADD COLUMN title_folded TEXT",
    "ALTER TABLE link_clusters ADD COLUMN representative_folded TEXT",
    """UPDATE link_clusters
        SET title_folded = hearsay_fold(title), representative_folded = hearsay_fold(representative)""",
    # The entities list: most mentioned first.
    "CREATE INDEX link_entities_list ON link_entities(mentions DESC, documents DESC, id)",
    # Integer keys of the content vectors, in the order they were stored: the nearest-neighbour
    # index beside the database (vector_index.py) holds the vectors up to a key and adds the rest.
    """CREATE TABLE link_vector_keys (
        key INTEGER PRIMARY KEY,
        text_hash TEXT NOT NULL UNIQUE
    )""",
    "INSERT INTO link_vector_keys (text_hash) SELECT text_hash FROM link_embeddings ORDER BY text_hash",
)


def source_names(reading: Reading, statement: Statement) -> set[str]:
    """Folded names the ``source`` filter matches for this statement."""
    entity = reading.entity(statement.source.entity)
    names: list[str | None] = [statement.source.text]
    if entity is not None:
        names += [entity.name, *entity.aliases]
    return _folded(names)


def about_names(reading: Reading, statement: Statement) -> set[str]:
    """Folded names the ``about`` filter matches: the content and the entities mentioned in it."""
    start, end = statement.content.start, statement.content.end
    names: list[str | None] = [statement.content.text]
    for mention in reading.mentions:
        if mention.start >= start and mention.end <= end:
            entity = reading.entity(mention.entity)
            if entity is not None:
                names += [entity.name, *entity.aliases]
    return _folded(names)


def _folded(names: Iterable[str | None]) -> set[str]:
    return {folded for name in names if (folded := fold(name)) is not None}


def remove(conn: sqlite3.Connection, document_id: str) -> None:
    """Take a document's reading out of the keys and counts (before its reading is replaced)."""
    taken = {
        table: conn.execute(f"SELECT count(*) FROM {table} WHERE document_id = ?", (document_id,)).fetchone()[
            0
        ]
        for table in COUNTED_TABLES
        if table != "documents"
    }
    for stance, count in conn.execute(
        "SELECT stance, count(*) FROM statements WHERE document_id = ? GROUP BY stance", (document_id,)
    ):
        taken[STANCE_COUNT + stance] = count
    conn.executemany(
        "UPDATE store_counts SET count = count - ? WHERE name = ?", [(n, name) for name, n in taken.items()]
    )
    for table in ("statement_sources", "statement_about"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
    name_pages.forget(conn, document_id)


def write(
    conn: sqlite3.Connection,
    reading: Reading,
    ingested_at: str,
    *,
    new_document: bool = True,
    in_order: bool = False,
    places: bool = False,
) -> None:
    """The keys and counts of one stored document (or of its replaced reading), inside its transaction.

    ``in_order``: note the document when it comes before another in the list order (name_pages.py).
    ``places``: each key row carries its statement's place in the list (PostgreSQL's, pg_name_pages.py).
    """
    document_id = reading.document_id
    late = in_order and bool(reading.statements) and name_pages.is_late(conn, document_id, ingested_at)
    before = {table: name_pages.last_rowid(conn, table) for table in name_pages.KEY_TABLES} if late else {}
    columns = "name, document_id, statement_id" + (", ingested_at, content_start" if places else "")
    marks = ", ".join("?" * (5 if places else 3))
    for table, names_of in (("statement_sources", source_names), ("statement_about", about_names)):
        conn.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",
            [
                (name, document_id, s.id, *((ingested_at, s.content.start) if places else ()))
                for s in reading.statements
                for name in sorted(names_of(reading, s))
            ],
        )
    if late:
        name_pages.note_late(conn, document_id, before)
    conn.execute("UPDATE statements SET ingested_at = ? WHERE document_id = ?", (ingested_at, document_id))
    stances: dict[str, int] = {}
    for statement in reading.statements:
        stances[STANCE_COUNT + statement.stance] = stances.get(STANCE_COUNT + statement.stance, 0) + 1
    added = {
        "documents": 1 if new_document else 0,
        "statements": len(reading.statements),
        "entities": len(reading.entities),
        "mentions": len(reading.mentions),
        "times": len(reading.times),
        **stances,
    }
    conn.executemany(
        """INSERT INTO store_counts (name, count) VALUES (?, ?)
        ON CONFLICT (name) DO UPDATE SET count = store_counts.count + excluded.count""",
        list(added.items()),
    )


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Every running total by name (``COUNTED_TABLES`` and ``STANCE_COUNT`` + stance)."""
    return dict(conn.execute("SELECT name, count FROM store_counts").fetchall())
