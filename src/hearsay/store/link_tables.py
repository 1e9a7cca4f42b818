"""Tables of the cross-document links (migration ``0004_links``), written by ``hearsay.link``.

``link_documents`` is the ledger: a document is linked when its row is there, and its row is
written in the same transaction as its links, so an interrupted run resumes where it stopped.
Everything but ``link_decisions`` is derived from the readings and can be rebuilt from them.
Global ids are short and stable: ``e-``/``c-`` + hex.
"""

from __future__ import annotations

LINK_TABLES: tuple[str, ...] = (
    """CREATE TABLE link_documents (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        linked_at TEXT NOT NULL,
        published TEXT,
        duplicate_of TEXT NOT NULL,
        similarity REAL,
        signature BLOB NOT NULL
    )""",
    # MinHash bands of each document's text: documents sharing a band are near-duplicate candidates.
    """CREATE TABLE link_document_bands (
        band INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
    )""",
    "CREATE INDEX link_document_bands_hash ON link_document_bands(band, hash)",
    """CREATE TABLE link_entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        class TEXT NOT NULL,
        full_name INTEGER NOT NULL,
        documents INTEGER NOT NULL DEFAULT 0,
        mentions INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX link_entities_type ON link_entities(type, mentions)",
    # Blocking keys: an entity is a candidate for a new mention only when they share a key.
    """CREATE TABLE link_entity_keys (
        class TEXT NOT NULL,
        key TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (class, key, entity_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX link_entity_keys_entity ON link_entity_keys(entity_id)",
    """CREATE TABLE link_entity_names (
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (entity_id, name)
    ) WITHOUT ROWID""",
    "CREATE INDEX link_entity_names_key ON link_entity_names(key)",
    # A document's local entity (entities.id) and the global entity it was resolved to.
    """CREATE TABLE link_members (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (document_id, local_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX link_members_entity ON link_members(entity_id, document_id)",
    """CREATE TABLE link_roles (
        entity_id TEXT NOT NULL,
        role TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        published TEXT,
        PRIMARY KEY (entity_id, role, document_id)
    ) WITHOUT ROWID""",
    # The user's merges and splits; never derived, so re-linking replays them.
    """CREATE TABLE link_decisions (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
        class TEXT NOT NULL,
        name TEXT NOT NULL,
        other TEXT NOT NULL,
        decided_at TEXT NOT NULL
    )""",
    # One vector per distinct (normalised) text: syndicated copies are embedded once.
    """CREATE TABLE link_embeddings (
        text_hash TEXT PRIMARY KEY,
        vector BLOB NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE link_clusters (
        id TEXT PRIMARY KEY,
        representative TEXT NOT NULL,
        representative_hash TEXT NOT NULL,
        representative_vector BLOB NOT NULL,
        centroid BLOB NOT NULL,
        size INTEGER NOT NULL,
        entities INTEGER NOT NULL DEFAULT 0,
        open INTEGER NOT NULL,
        first_document TEXT NOT NULL,
        first_statement TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT
    )""",
    "CREATE INDEX link_clusters_size ON link_clusters(size DESC, id)",
    # Every linked statement: its source's global entity (also for a source named only by its words,
    # "Harbour Watch said"), its cluster (NULL for contents too vague to cluster, "these inquiries")
    # and its content's vector key.
    """CREATE TABLE link_statements (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        statement_id TEXT NOT NULL,
        cluster_id TEXT,
        entity_id TEXT,
        similarity REAL NOT NULL,
        text_hash TEXT NOT NULL,
        PRIMARY KEY (document_id, statement_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX link_statements_cluster ON link_statements(cluster_id)",
    "CREATE INDEX link_statements_entity ON link_statements(entity_id)",
    "CREATE INDEX link_statements_text ON link_statements(text_hash)",
    # How many linked statements had each key: the rarest words block best.
    """CREATE TABLE link_key_counts (
        key TEXT PRIMARY KEY,
        statements INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE link_cluster_keys (
        key TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        PRIMARY KEY (key, cluster_id)
    ) WITHOUT ROWID""",
    # Who cites whom: a document's outlet -> a statement's source -> a source cited inside its content.
    """CREATE TABLE link_provenance (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        statement_id TEXT,
        from_node TEXT NOT NULL,
        from_label TEXT NOT NULL,
        from_kind TEXT NOT NULL,
        to_node TEXT NOT NULL,
        to_label TEXT NOT NULL,
        to_kind TEXT NOT NULL,
        cue TEXT NOT NULL
    )""",
    "CREATE INDEX link_provenance_statement ON link_provenance(document_id, statement_id)",
    "CREATE INDEX link_provenance_to ON link_provenance(to_node)",
)

# Migration 0006_propositions: a claim cluster states one proposition (or its negation) and
# belongs to a story, the propositions about one incident. ``title`` is the cluster's readable
# proposition (the member content that reads best as a clause), ``title_opposite`` whether that
# member states the negation of the founding wording; ``link_statements.opposite`` the same for
# every member. A story carries its statements' centroid and is titled after its largest cluster
# (``title_weight``: its size, plus a tenth of its title's clause score to choose among equals).
PROPOSITION_TABLES: tuple[str, ...] = (
    """CREATE TABLE link_stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        title_cluster TEXT NOT NULL,
        title_weight REAL NOT NULL,
        centroid BLOB NOT NULL,
        size INTEGER NOT NULL,
        first_document TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT
    )""",
    "CREATE INDEX link_stories_size ON link_stories(size DESC, id)",
    "CREATE INDEX link_stories_title ON link_stories(title_cluster)",
    "ALTER TABLE link_clusters ADD COLUMN story_id TEXT",
    "ALTER TABLE link_clusters ADD COLUMN title TEXT",
    "ALTER TABLE link_clusters ADD COLUMN title_score REAL NOT NULL DEFAULT 0",
    "ALTER TABLE link_clusters ADD COLUMN title_opposite INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX link_clusters_story ON link_clusters(story_id, size DESC)",
    "ALTER TABLE link_statements ADD COLUMN opposite INTEGER NOT NULL DEFAULT 0",
)
