"""The SQLite schema as named, ordered migrations, recorded in the ``migrations`` table.

Each migration runs in its own transaction together with the row that records it, so a
database is always at a known step. Migrations are never edited once released: a change to
the schema is a new migration appended to ``MIGRATIONS``.

Offsets are character offsets into ``documents.text``. ``readings.json`` holds the full
reading (schema ``reading-v2``, without the document) for an exact round trip; the other
tables are its queryable projection and are written in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from ..errors import StoreError
from .cluster_summaries import SUMMARY_TABLES
from .entity_lists import ENTITY_LISTS
from .generation import GENERATION_TABLES
from .keys import INDEXED_KEYS
from .link_tables import LINK_TABLES, PROPOSITION_TABLES
from .name_pages import LATE_TABLE, reorder


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: a name that sorts in order, and its statements."""

    name: str
    statements: tuple[str, ...]


TABLES = Migration(
    "0001_tables",
    (
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            url TEXT,
            outlet TEXT,
            title TEXT,
            author TEXT,
            published TEXT,
            language TEXT NOT NULL,
            format TEXT NOT NULL,
            source_path TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        """CREATE TABLE readings (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            schema_version TEXT NOT NULL,
            extractor TEXT NOT NULL,
            json TEXT NOT NULL
        )""",
        """CREATE TABLE entities (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            roles TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (document_id, id)
        )""",
        """CREATE TABLE mentions (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL
        )""",
        """CREATE TABLE statements (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            source_entity TEXT,
            source_text TEXT,
            source_name TEXT,
            cue_text TEXT NOT NULL,
            cue_lemma TEXT NOT NULL,
            content_text TEXT NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            addressee_text TEXT,
            certainty TEXT NOT NULL,
            polarity TEXT NOT NULL,
            stance TEXT NOT NULL,
            cue_start INTEGER NOT NULL,
            cue_end INTEGER NOT NULL,
            source_start INTEGER,
            source_end INTEGER,
            PRIMARY KEY (document_id, id)
        )""",
        """CREATE TABLE times (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            value TEXT,
            type TEXT NOT NULL
        )""",
    ),
)

INDEXES = Migration(
    "0002_indexes",
    (
        # documents(): ingest order, and the keyset that iter_readings pages by.
        "CREATE INDEX documents_ingested ON documents(ingested_at, id)",
        "CREATE INDEX documents_published ON documents(published)",
        # statements(stance=...), and the source entity each statement points to.
        "CREATE INDEX statements_stance ON statements(stance)",
        "CREATE INDEX statements_source ON statements(document_id, source_entity)",
        # statements(about=...): mentions inside a content span; entities(): counts per entity.
        "CREATE INDEX mentions_span ON mentions(document_id, start)",
        "CREATE INDEX mentions_entity ON mentions(document_id, entity)",
        # entities(type=...) and its grouping by (name, type).
        "CREATE INDEX entities_type ON entities(type, name)",
        "CREATE INDEX entities_name ON entities(name, type)",
        "CREATE INDEX times_document ON times(document_id, start)",
    ),
)

# Plain FTS5 tables (they keep their own copy of the text) rather than external-content
# ones: external content is joined by rowid, and VACUUM may renumber the implicit rowids of
# tables keyed by TEXT, which would silently point the index at the wrong rows. The ids
# ride along UNINDEXED; the store writes these rows in the same transaction as the rest.
FULL_TEXT = Migration(
    "0003_full_text",
    (
        """CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, document_id UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2'
        )""",
        """CREATE VIRTUAL TABLE statements_fts USING fts5(
            content_text, source_name, cue_text, document_id UNINDEXED, statement_id UNINDEXED,
            tokenize = 'porter unicode61 remove_diacritics 2'
        )""",
    ),
)

# Cross-document links (hearsay.link): they are derived from the readings and rebuilt from them
# (`hearsay link --rebuild`), except link_decisions, the user's own merges and splits.
LINKS = Migration("0004_links", LINK_TABLES)

# The claim a verdict statement points at (``Statement.target``): its words, offsets and, when it
# is another statement's content, that statement's id. NULL for every other statement.
STATEMENT_TARGET = Migration(
    "0005_statement_target",
    (
        "ALTER TABLE statements ADD COLUMN target_text TEXT",
        "ALTER TABLE statements ADD COLUMN target_start INTEGER",
        "ALTER TABLE statements ADD COLUMN target_end INTEGER",
        "ALTER TABLE statements ADD COLUMN target_statement TEXT",
    ),
)

# Claim clusters become propositions grouped into stories, with readable titles; a store linked
# before it keeps its clusters (no story, no title) until `hearsay link --rebuild`.
PROPOSITIONS = Migration("0006_propositions", PROPOSITION_TABLES)

# Issue 15: the channel a statement went out on (``Statement.medium``: "a statement", "X") and the
# names of the rules that produced it, space-separated ("cue.verb content.clause source.subject").
STATEMENT_MEDIUM_RULES = Migration(
    "0007_statement_medium_rules",
    (
        "ALTER TABLE statements ADD COLUMN medium_text TEXT",
        "ALTER TABLE statements ADD COLUMN rules TEXT",
    ),
)

# Analysts' corrections (hearsay.corrections): decisions kept apart from the readings they change,
# replayed whenever a document is read again; never derived, so `link --rebuild` keeps them.
CORRECTIONS = Migration(
    "0008_corrections",
    (
        """CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            statement_id TEXT,
            action TEXT NOT NULL CHECK (action IN ('change', 'reject', 'add', 'relation')),
            anchor TEXT NOT NULL,
            before TEXT,
            after TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'orphaned')),
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX corrections_document ON corrections(document_id, id)",
        # The evidence view looks up an analyst's relation decisions by the proposition's key.
        "CREATE INDEX corrections_proposition ON corrections(json_extract(after, '$.key')) "
        "WHERE action = 'relation'",
    ),
)

# Folded name keys, the statement list's order, running counts and the clusters list as indexes
# (store/keys.py); filled for the documents stored before.
INDEXED = Migration("0009_indexed_keys", INDEXED_KEYS)

# Each linked entity's lists (said, said about, documents) in time order, with their lengths, written
# when linked (store/entity_lists.py); filled for a store linked before.
ENTITY_LIST_TABLES = Migration("0010_entity_lists", ENTITY_LISTS)
# Each claim cluster's summary (store/cluster_summaries.py), so the claim list reads no members; empty
# here, filled by the next `hearsay link` (or a server's start), computed from the members until then.
# And the store's generation (store/generation.py), raised by every write transaction, which the
# evidence answers kept on disk are checked against.
CLUSTER_SUMMARIES = Migration("0011_cluster_summaries", SUMMARY_TABLES + GENERATION_TABLES)

# Issue 18: who made an entity decision (merge, split), as corrections record it; '' before.
DECISION_WHO = Migration(
    "0013_decision_who",
    ("ALTER TABLE link_decisions ADD COLUMN who TEXT NOT NULL DEFAULT ''",),
)

# Issue 17: the name keys' rows in list order, so a page of statements by source or about stops when
# full (store/name_pages.py), and the documents stored out of that order, noted as they are written.
NAME_KEYS_IN_ORDER = Migration(
    "0016_name_keys_in_order",
    LATE_TABLE + reorder("statement_sources") + reorder("statement_about"),
)

# Issue 17: a document's near-duplicate candidates are the first documents of each of its MinHash
# bands, by id (``LinkTables.band_candidates``); with the id in the index they are read in order, and
# a band thousands of copies share stops at its limit instead of being read whole and sorted.
DOCUMENT_BANDS_IN_ORDER = Migration(
    "0017_document_bands_in_order",
    (
        "CREATE INDEX link_document_bands_in_order ON link_document_bands(band, hash, document_id)",
        "DROP INDEX link_document_bands_hash",
    ),
)

# Issue 17: the claims an entity's statements belong to (its page) are read in cluster order from the
# entity's own rows, instead of walking every clustered statement for the entity's.
STATEMENTS_BY_ENTITY_CLUSTER = Migration(
    "0018_statements_by_entity_cluster",
    (
        "CREATE INDEX link_statements_entity_cluster ON link_statements(entity_id, cluster_id)",
        "DROP INDEX link_statements_entity",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (
    TABLES,
    INDEXES,
    FULL_TEXT,
    LINKS,
    STATEMENT_TARGET,
    PROPOSITIONS,
    STATEMENT_MEDIUM_RULES,
    CORRECTIONS,
    INDEXED,
    ENTITY_LIST_TABLES,
    CLUSTER_SUMMARIES,
    DECISION_WHO,
    NAME_KEYS_IN_ORDER,
    DOCUMENT_BANDS_IN_ORDER,
    STATEMENTS_BY_ENTITY_CLUSTER,
)

_LEDGER = """CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
)"""


def now() -> str:
    """The current UTC time as ISO 8601, the form every timestamp in the store takes."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the database, in order; [] for a new database."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if exists is None:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY name")]


def pending(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[Migration]:
    """The migrations not yet applied; StoreError if the database is newer than this hearsay."""
    done = applied(conn)
    if not done and conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]:
        raise StoreError("a SQLite database, but not hearsay's (no migrations table); use another path")
    known = {m.name for m in migrations}
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"the database has migration {unknown[0]!r}, unknown to this version of hearsay; "
            "upgrade hearsay to open it"
        )
    return [m for m in migrations if m.name not in done]


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the pending migrations, each in one transaction; returns the names applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``). BEGIN IMMEDIATE takes the
    write lock before looking, so two processes opening a new database never both migrate.
    """
    if not pending(conn, migrations):
        return []  # the usual case: no write lock taken
    done: list[str] = []
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_LEDGER)
            if migration.name not in applied(conn):
                for statement in migration.statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (migration.name, now())
                )
                done.append(migration.name)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return done
