"""SQL of the link tables (``link_tables.py``): the only place ``hearsay.link`` touches SQLite.

``LinkTables(store)`` wraps an open ``SQLiteStore``; writing methods expect to run inside
``transaction()``. Every value is a parameter; the few formatted-in strings are our own
placeholders (``?, ?, ?``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..errors import StoreError
from ..model import Reading
from . import cluster_growth, cluster_summaries, entity_lists, generation, link_unlinked
from .cluster_rows import COLUMNS as CLUSTER_COLUMNS
from .cluster_rows import ClusterRows
from .counted_keys import CountedKeys
from .entity_counts import EntityCounts
from .migrations import now
from .queries import fold
from .written_bands import WrittenBands
from .written_keys import WrittenKeys

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

LINK_DERIVED = (
    "link_documents",
    "link_document_bands",
    "link_entities",
    "link_entity_keys",
    "link_entity_names",
    "link_members",
    "link_roles",
    "link_clusters",
    "link_statements",
    "link_cluster_keys",
    "link_key_counts",
    "link_provenance",
    "link_stories",
    "link_entity_lists",
    "link_entity_list_counts",
    "link_cluster_summaries",
)  # link_embeddings survives a rebuild too: a vector depends on the text alone.


# Upserts, not INSERT OR REPLACE: the same rows, and SQLite adds a new statement in about 0.6 of the time,
# a new member in 0.85 (measured on the links of 10,000 documents: OR REPLACE looks for rows to delete).
_ADD_STATEMENT = """INSERT INTO link_statements
    (document_id, statement_id, cluster_id, entity_id, similarity, text_hash, opposite)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (document_id, statement_id) DO UPDATE SET cluster_id = excluded.cluster_id,
    entity_id = excluded.entity_id, similarity = excluded.similarity, text_hash = excluded.text_hash,
    opposite = excluded.opposite"""
_ADD_MEMBER = """INSERT INTO link_members (document_id, local_id, entity_id, name, type, mentions)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (document_id, local_id) DO UPDATE SET entity_id = excluded.entity_id, name = excluded.name,
    type = excluded.type, mentions = excluded.mentions"""


def marks(count: int) -> str:
    return ", ".join("?" * count)


class KeysInCommon:
    """A candidate cluster's row with ``common`` and ``common_entities`` counted apart (``WrittenKeys``),
    when the rows themselves are read from the store."""

    __slots__ = ("common", "common_entities", "row")

    def __init__(self, row: sqlite3.Row, common: int, common_entities: int) -> None:
        self.row, self.common, self.common_entities = row, common, common_entities

    def __getitem__(self, name: str) -> Any:
        if name == "common":
            return self.common
        if name == "common_entities":
            return self.common_entities
        return self.row[name]


class LinkTables:
    """Reads and writes of the link tables over one store's connection."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.conn: sqlite3.Connection = store._conn  # the store package's own connection
        # PostgreSQL's connection counts the statements that may write: rows read with the last
        # entity candidates answer ``entity_row`` until the next write (a round trip saved).
        self._writes_sent: Callable[[], int] | None = getattr(self.conn, "writes_sent", None)
        self._rows: dict[str, sqlite3.Row] = {}
        self._rows_at = -1
        # While linking a page (``start_page``): the clusters whose summaries its linked documents
        # made stale, deleted once at the page's end (``end_page``), and the earlier documents whose
        # members a merge moved, whose entity lists are rewritten then; nothing reads either before.
        self._page_clusters: set[str] | None = None
        self._document_clusters: set[str] = set()
        self._page_moved: set[str] = set()
        self._document_moved: set[str] = set()
        self._page_merged: set[str] = set()  # the entities members moved from or to
        self._document_merged: set[str] = set()
        # The cluster keys this object wrote (``written_keys``); forgotten with any rollback and by
        # ``forget_written``.
        self._keys_written = WrittenKeys()
        # The clusters' rows and each content's first clustered statement (``cluster_rows``), forgotten
        # with the keys; while linking a page, a document's statements are written at its end.
        self._clusters = ClusterRows()
        self._key_counts = CountedKeys()  # (``counted_keys``)
        self._entity_counts = EntityCounts()  # a page's, written at its end (``entity_counts``)
        self._growth = cluster_growth.pending_growth()  # the page's growth of clusters (``cluster_growth``)
        self._in_document = False  # inside a document's ``savepoint``
        self._bands = WrittenBands()  # the near-duplicate index the run wrote (``written_bands``)
        self._statements: list[tuple[Any, ...]] = []

    # --- transactions and the ledger --------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.store.read_only:
            raise StoreError("cannot link: the database is opened read-only", where=self.store.path)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            generation.bump(self.conn)
            self.conn.execute("COMMIT")  # on PostgreSQL, a pipelined write's error may surface here
        except BaseException:
            self.forget_written()
            self._growth.forget()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A nested transaction: on an error, only what the block wrote is rolled back."""
        self.conn.execute("SAVEPOINT link_document")
        self._document_clusters, self._document_moved, self._document_merged = set(), set(), set()
        self._in_document = True
        try:
            yield
            self._write_statements()
            self.conn.execute("RELEASE link_document")  # (or here: the block's writes are rolled back)
        except BaseException:
            self.forget_written()
            self.conn.execute("ROLLBACK TO link_document")
            self.conn.execute("RELEASE link_document")
            self._document_clusters, self._document_moved, self._document_merged = set(), set(), set()
            self._entity_counts.document_failed()
            self._growth.document_failed()
            raise
        finally:
            self._in_document = False
        self._entity_counts.document_linked()
        self._growth.document_linked()
        if self._page_clusters is not None:
            self._page_clusters |= self._document_clusters
            self._page_moved |= self._document_moved
            self._page_merged |= self._document_merged
        self._document_clusters, self._document_moved, self._document_merged = set(), set(), set()

    def start_page(self) -> None:
        """Link a page: summaries are forgotten and entity lists rewritten at ``end_page`` (call inside
        the page's transaction, each document in a ``savepoint``)."""
        self._page_clusters, self._page_moved, self._page_merged = set(), set(), set()
        self._growth.forget()  # (nothing is kept between pages)

    def end_page(self, document_ids: Sequence[str]) -> None:
        """The entity lists of the page's linked documents and of those whose members its merges moved,
        and the summaries of the clusters they joined forgotten, each in a few statements for the page
        (a popular entity's documents moved by several merges are rewritten once)."""
        self._write_statements()
        self._write_entity_counts(in_document=False)
        self._write_growth()
        clusters = sorted(self._page_clusters or ())
        moved, merged = self._page_moved - set(document_ids), self._page_merged
        self._page_clusters, self._page_moved, self._page_merged = None, set(), set()
        for start in range(0, len(clusters), 500):
            chunk = clusters[start : start + 500]
            self.conn.execute(
                f"DELETE FROM {cluster_summaries.TABLE} WHERE cluster_id IN ({marks(len(chunk))})", chunk
            )
        self.refresh_entity_lists(document_ids)
        if moved:  # earlier documents: only the rows of the entities members moved between change
            entity_lists.refresh(self.conn, sorted(moved), sorted(merged))

    def forget_written(self) -> None:
        """Drop what this object remembers of its writes (another process may have changed the tables,
        or they were rolled back), and the statements it has not written yet."""
        self._keys_written.forget()
        self._clusters.forget()
        self._key_counts.forget()
        self._bands.forget()
        self._statements = []

    def _written(self) -> WrittenKeys:
        if not self._keys_written.decided():
            has = self.conn.execute("SELECT 1 FROM link_clusters LIMIT 1").fetchone() is not None
            self._keys_written.decide(has)
            self._clusters.decide(has)
            counted = self.conn.execute("SELECT 1 FROM link_key_counts LIMIT 1").fetchone() is not None
            self._key_counts.decide(counted)
        return self._keys_written

    def clear_derived(self) -> None:
        self.forget_written()
        with self.transaction():
            for table in LINK_DERIVED:  # our own table names, never a caller's
                self.conn.execute(f"DELETE FROM {table}")

    def unlinked_pages(self, page_size: int) -> Iterator[list[Reading]]:
        """Readings not yet in the ledger, in ingest order, one page at a time (keyset paging)."""
        after = link_unlinked.START
        while True:
            page = link_unlinked.unlinked_rows(self.conn, after, page_size)
            if not page:
                return
            yield link_unlinked.readings_of(page)
            if len(page) < page_size:
                return
            after = link_unlinked.keyset(page)

    def still_unlinked(self, page: list[Reading]) -> list[Reading]:
        """The readings of ``page`` not in the ledger now (call inside the write transaction)."""
        ids = [reading.document_id for reading in page]
        linked = {
            row[0]
            for row in self.conn.execute(
                f"SELECT document_id FROM link_documents WHERE document_id IN ({marks(len(ids))})", ids
            )
        }
        return [reading for reading in page if reading.document_id not in linked]

    def linked_count(self) -> int:
        count: int = self.conn.execute("SELECT count(*) FROM link_documents").fetchone()[0]
        return count

    def unlinked_count(self) -> int:
        count: int = self.conn.execute(
            "SELECT count(*) FROM documents AS d WHERE NOT EXISTS "
            "(SELECT 1 FROM link_documents AS l WHERE l.document_id = d.id)"
        ).fetchone()[0]
        return count

    def add_ledger(
        self,
        document_id: str,
        published: str | None,
        duplicate_of: str,
        similarity: float | None,
        signature: bytes,
        bands: Sequence[tuple[int, int]],
    ) -> None:
        written = self._written_bands()  # (decided before this document is in the ledger)
        self.conn.execute(
            "INSERT INTO link_documents VALUES (?, ?, ?, ?, ?, ?)",
            (document_id, now(), published, duplicate_of, similarity, signature),
        )
        self.conn.executemany(
            "INSERT INTO link_document_bands VALUES (?, ?, ?)", [(b, h, document_id) for b, h in bands]
        )
        written.linked(document_id, duplicate_of, signature, bands)

    def _written_bands(self) -> WrittenBands:
        if not self._bands.decided():
            has = self.conn.execute("SELECT 1 FROM link_documents LIMIT 1").fetchone() is not None
            self._bands.decide(has)
        return self._bands

    def band_candidates(
        self, bands: Sequence[tuple[int, int]], limit: int = 20, per_band: int = 50
    ) -> list[Any]:
        """Linked documents sharing a MinHash band, most shared bands first, with their signatures.

        A band shared by many documents (boilerplate) contributes at most ``per_band`` of them.
        Answered from memory when the run wrote every linked document (``written_bands``).
        """
        if not bands:
            return []
        if self._written_bands().complete():
            return self._bands.candidates(bands, limit, per_band)
        postings = " UNION ALL ".join(
            "SELECT * FROM (SELECT document_id FROM link_document_bands WHERE band = ? AND hash = ? "
            "ORDER BY document_id LIMIT ?) AS p"
            for _ in bands
        )
        params = [v for band, hash_ in bands for v in (band, hash_, per_band)]
        return self.conn.execute(
            f"""SELECT l.document_id, l.duplicate_of, l.signature, b.shared
            FROM (SELECT document_id, count(*) AS shared FROM ({postings}) AS p
                  GROUP BY document_id ORDER BY shared DESC, document_id LIMIT ?) AS b
            JOIN link_documents AS l ON l.document_id = b.document_id
            ORDER BY b.shared DESC, l.document_id""",
            (*params, limit),
        ).fetchall()

    # --- entities ---------------------------------------------------------------------

    def entity_candidates(
        self, cls: str, keys: Sequence[str], limit: int = 40
    ) -> dict[str, list[tuple[Any, ...]]]:
        """Entities of class ``cls`` sharing a blocking key: id -> [(name, key), ...], in one query.

        Ordered by the first (smallest) key each shares, then id; each entity's names by name.
        On PostgreSQL the candidates' rows come in the same round trip, for ``entity_row``.
        """
        if not keys:
            return {}
        chosen = f"""SELECT entity_id, min(key) AS first_key FROM link_entity_keys
            WHERE class = ? AND key IN ({marks(len(keys))})
            GROUP BY entity_id ORDER BY first_key, entity_id LIMIT ?"""
        params = (cls, *keys, limit)
        names = self.conn.execute(
            f"""SELECT c.entity_id, n.name, n.key FROM ({chosen}) AS c
            LEFT JOIN link_entity_names AS n ON n.entity_id = c.entity_id
            ORDER BY c.first_key, c.entity_id, n.name""",
            params,
        )
        rows = None
        writes_sent = self._writes_sent
        if writes_sent is not None:  # pipelined: both answers come in one round trip
            rows = self.conn.execute(
                f"SELECT * FROM link_entities WHERE id IN (SELECT entity_id FROM ({chosen}) AS c)", params
            )
        result: dict[str, list[tuple[Any, ...]]] = {}
        for row in names.fetchall():
            found = result.setdefault(row[0], [])
            if row[1] is not None:
                found.append((row[1], row[2]))
        if rows is not None and writes_sent is not None:
            self._rows = {row["id"]: row for row in rows.fetchall()}
            self._rows_at = writes_sent()
        return result

    def entity_row(self, entity_id: str) -> sqlite3.Row | None:
        if self._writes_sent is not None and self._rows_at == self._writes_sent() and entity_id in self._rows:
            return self._rows[entity_id]  # read with the last candidates, and nothing written since
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT * FROM link_entities WHERE id = ?", (entity_id,)
        ).fetchone()
        return row

    def create_entity(self, entity_id: str, name: str, type_: str, cls: str, full_name: bool) -> None:
        self.conn.execute(
            "INSERT INTO link_entities (id, name, type, class, full_name) VALUES (?, ?, ?, ?, ?)",
            (entity_id, name, type_, cls, int(full_name)),
        )

    def rename_entity(self, entity_id: str, name: str, type_: str, full_name: bool) -> None:
        self.conn.execute(
            "UPDATE link_entities SET name = ?, type = ?, full_name = ? WHERE id = ?",
            (name, type_, int(full_name), entity_id),
        )

    def add_keys(self, cls: str, entity_id: str, keys: Sequence[str]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO link_entity_keys VALUES (?, ?, ?)", [(cls, k, entity_id) for k in keys]
        )

    def add_names(self, entity_id: str, names: Sequence[tuple[str, str]]) -> None:
        self.conn.executemany(
            """INSERT INTO link_entity_names (entity_id, name, key, count, folded) VALUES (?, ?, ?, 1, ?)
            ON CONFLICT (entity_id, name) DO UPDATE SET count = link_entity_names.count + 1""",
            [(entity_id, name, key, fold(name)) for name, key in names],
        )

    def add_members(self, members: Sequence[tuple[Any, ...]]) -> None:
        """Many ``add_member`` rows (document, local id, entity, name, type, mentions) in one call."""
        if self._page_clusters is None:  # (a document linked in a page has no statement in a cluster yet)
            cluster_summaries.forget_documents(self.conn, [m[0] for m in members])
        self.conn.executemany(_ADD_MEMBER, members)

    def add_roles_of(self, roles: Sequence[tuple[Any, ...]]) -> None:
        """Many (entity, role, document, local id, published) rows in one call."""
        self.conn.executemany("INSERT OR IGNORE INTO link_roles VALUES (?, ?, ?, ?, ?)", roles)

    def recount_entities(self, entity_ids: Sequence[str]) -> None:
        self._write_entity_counts(in_document=True)  # (the recount writes them over)
        for entity_id in set(entity_ids):
            self.conn.execute(
                """UPDATE link_entities SET
                    documents = (SELECT count(DISTINCT document_id) FROM link_members WHERE entity_id = :id),
                    mentions = (SELECT coalesce(sum(mentions), 0) FROM link_members WHERE entity_id = :id)
                WHERE id = :id""",
                {"id": entity_id},
            )

    def count_new_document(self, mentions: dict[str, int]) -> None:
        """Add one document and its mention counts to each entity it mentions (for a page, at its end)."""
        self._entity_counts.add_document(mentions)
        if self._page_clusters is None:
            self._write_entity_counts(in_document=False)

    def _write_entity_counts(self, *, in_document: bool) -> None:
        if self._entity_counts.kept():
            self.conn.executemany(
                "UPDATE link_entities SET documents = documents + ?, mentions = mentions + ? WHERE id = ?",
                self._entity_counts.take(in_document=in_document),
            )

    def delete_entity_if_empty(self, entity_id: str) -> None:
        if self.conn.execute("SELECT 1 FROM link_members WHERE entity_id = ?", (entity_id,)).fetchone():
            return
        for table, column in (
            ("link_entities", "id"),
            ("link_entity_keys", "entity_id"),
            ("link_entity_names", "entity_id"),
            ("link_roles", "entity_id"),
        ):
            self.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (entity_id,))

    def move_members(
        self, source: str, target: str, local_names: Sequence[str] | None = None
    ) -> list[tuple[Any, ...]]:
        """Move members (all, or those with one of ``local_names``) of entity ``source`` to ``target``."""
        members = self.conn.execute(
            "SELECT document_id, local_id, name FROM link_members WHERE entity_id = ? "
            "ORDER BY document_id, local_id",
            (source,),
        ).fetchall()
        moved = [tuple(m) for m in members if local_names is None or m["name"] in local_names]
        cluster_summaries.forget_sources(self.conn, [(m[0], m[1]) for m in moved])
        for document_id, local_id, _name in moved:
            self.conn.execute(
                "UPDATE link_members SET entity_id = ? WHERE document_id = ? AND local_id = ?",
                (target, document_id, local_id),
            )
            # A role the target already has in this document stays with the source (portable
            # for SQLite's UPDATE OR IGNORE).
            self.conn.execute(
                "UPDATE link_roles SET entity_id = ? WHERE entity_id = ? AND document_id = ? "
                "AND local_id = ? AND NOT EXISTS (SELECT 1 FROM link_roles AS o WHERE o.entity_id = ? "
                "AND o.role = link_roles.role AND o.document_id = link_roles.document_id)",
                (target, source, document_id, local_id, target),
            )
        documents = [document_id for document_id, _local, _name in moved]
        if self._page_clusters is not None:  # rewritten at the page's end
            self._document_moved.update(documents)
            self._document_merged.update((source, target))
        else:
            self.refresh_entity_lists(documents)
        return moved

    def refresh_entity_lists(self, document_ids: Sequence[str]) -> None:
        """Rewrite these documents' rows of the entities' lists (``entity_lists``) from their links."""
        entity_lists.refresh(self.conn, document_ids)

    def names_of(self, entity_id: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT name, key, count FROM link_entity_names WHERE entity_id = ? ORDER BY count DESC, name",
            (entity_id,),
        ).fetchall()

    def replace_names_and_keys(
        self, entity_id: str, cls: str, names: Sequence[tuple[str, str, int]], keys: Sequence[str]
    ) -> None:
        self.conn.execute("DELETE FROM link_entity_names WHERE entity_id = ?", (entity_id,))
        self.conn.execute("DELETE FROM link_entity_keys WHERE entity_id = ?", (entity_id,))
        self.conn.executemany(
            "INSERT INTO link_entity_names (entity_id, name, key, count, folded) VALUES (?, ?, ?, ?, ?)",
            [(entity_id, name, key, count, fold(name)) for name, key, count in names],
        )
        self.add_keys(cls, entity_id, keys)

    def member_names(self, entity_id: str) -> list[sqlite3.Row]:
        """Each member's local entity with its aliases, to recompute an entity's names."""
        return self.conn.execute(
            """SELECT m.document_id, m.local_id, m.name, e.aliases FROM link_members AS m
            JOIN entities AS e ON e.document_id = m.document_id AND e.id = m.local_id
            WHERE m.entity_id = ? ORDER BY m.document_id, m.local_id""",
            (entity_id,),
        ).fetchall()

    def entities_named(self, key: str, cls: str | None = None) -> list[str]:
        """Ids of entities one of whose names has this matching key, most mentioned first."""
        rows = self.conn.execute(
            """SELECT DISTINCT n.entity_id, e.mentions FROM link_entity_names AS n
            JOIN link_entities AS e ON e.id = n.entity_id
            WHERE n.key = ? AND (? IS NULL OR e.class = ?) ORDER BY e.mentions DESC, n.entity_id""",
            (key, cls, cls),
        ).fetchall()
        if self._entity_counts.kept():  # the page's mentions, not written yet, count too
            counted = [(row[1] + self._entity_counts.mentions(row[0]), row[0]) for row in rows]
            return [entity_id for _mentions, entity_id in sorted(counted, key=lambda c: (-c[0], c[1]))]
        return [row[0] for row in rows]

    # --- decisions --------------------------------------------------------------------

    def add_decision(self, action: str, cls: str, name: str, other: str, who: str = "") -> None:
        self.conn.execute(
            "INSERT INTO link_decisions (action, class, name, other, decided_at, who)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (action, cls, name, other, now(), who),
        )

    def decisions(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM link_decisions ORDER BY id").fetchall()

    # --- embeddings and clusters ------------------------------------------------------

    def cached_vectors(self, hashes: Sequence[str]) -> dict[str, bytes]:
        result: dict[str, bytes] = {}
        unique = list(dict.fromkeys(hashes))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            cursor = self.conn.execute(
                f"SELECT text_hash, vector FROM link_embeddings WHERE text_hash IN ({marks(len(chunk))})",
                chunk,
            )
            result.update((row[0], row[1]) for row in cursor)
        return result

    def add_vectors(self, vectors: dict[str, bytes]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO link_embeddings VALUES (?, ?)", list(vectors.items()))
        self.conn.executemany(
            "INSERT OR IGNORE INTO link_vector_keys (text_hash) VALUES (?)",
            # Only MiniLM's vectors go into the nearest-neighbour index; the multilingual ones
            # (``u:`` keys, another width) are looked up by hash.
            [(h,) for h in vectors if not h.startswith("u:")],
        )

    def entity_count(self) -> int:
        count: int = self.conn.execute("SELECT count(*) FROM link_entities").fetchone()[0]
        return count

    def cluster_count(self) -> int:
        count: int = self.conn.execute("SELECT count(*) FROM link_clusters").fetchone()[0]
        return count

    def key_counts(self, keys: Sequence[str]) -> dict[str, int]:
        """How many statements had each key so far (absent keys: 0)."""
        self._written()  # (whether the store had counts before the run is known)
        if self._key_counts.kept():
            return self._key_counts.counts(keys)
        result: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            rows = self.conn.execute(
                f"SELECT key, statements FROM link_key_counts WHERE key IN ({marks(len(chunk))})", chunk
            )
            result.update(rows.fetchall())
        return result

    def count_keys_by(self, added: dict[str, int]) -> None:
        """Add each key's new statements to its count (one batch per document)."""
        self.conn.executemany(
            """INSERT INTO link_key_counts VALUES (?, ?)
            ON CONFLICT (key) DO UPDATE SET statements = link_key_counts.statements + excluded.statements""",
            sorted(added.items()),
        )
        self._key_counts.add(added)

    _CANDIDATE_COLUMNS = """c.id, c.centroid, c.size, c.entities, c.first_published, c.last_published,
        c.representative, c.representative_hash, c.representative_vector, c.title, c.title_score,
        c.title_opposite, c.story_id"""

    def cluster_of_text(self, text_hash: str) -> Any | None:
        """The open cluster of an earlier statement with this very content (the first by document and
        statement id), and that statement's side (``opposite``)."""
        self._written()  # (whether the store had clusters before the run is known)
        known, first = self._clusters.first_statement(text_hash)
        if not known:
            self._write_statements()  # (the lookup reads them)
            self._write_growth()
            found = self.conn.execute(
                f"""SELECT {self._CANDIDATE_COLUMNS}, s.opposite, s.document_id AS statement_document,
                    s.statement_id AS statement_id
                FROM link_statements AS s JOIN link_clusters AS c ON c.id = s.cluster_id
                WHERE s.text_hash = ? AND c.open = 1 ORDER BY s.document_id, s.statement_id LIMIT 1""",
                (text_hash,),
            ).fetchone()
            first = None
            if found is not None:
                first = (found["statement_document"], found["statement_id"], found["id"], found["opposite"])
                self._clusters.keep(found)
            self._clusters.found_first(text_hash, first)
        if first is None:
            return None
        row = self._cluster_row(first[2])
        row["opposite"] = first[3]
        return row

    def _cluster_row(self, cluster_id: str) -> dict[str, Any]:
        """A copy of the cluster's row, read from the store when not kept."""
        row = self._clusters.row(cluster_id)
        if row is None:
            self._write_growth()  # (the row is read from the store)
            found = self.conn.execute(
                f"SELECT {self._CANDIDATE_COLUMNS} FROM link_clusters AS c WHERE c.id = ?", (cluster_id,)
            ).fetchone()
            self._clusters.keep(found)
            row = {column: found[column] for column in CLUSTER_COLUMNS}
        return row

    def cluster_candidates(
        self, keys: Sequence[str], limit: int = 30, per_key: int = 300, *, counting: Sequence[str] = ()
    ) -> list[Any]:
        """Open clusters sharing a key, most shared keys first, with their centroids.

        Each key contributes at most ``per_key`` clusters, so a word common to thousands of
        clusters costs no more than a rare one: the lookup stays flat as the corpus grows.
        With ``counting``, each row also says how many of those keys its cluster has (``common``)
        and how many of those are entities (``common_entities``), in the same query, or from the
        keys the run wrote when they are all its own (``written_keys``; rows read by name then).
        """
        if not keys:
            return []
        postings = " UNION ALL ".join(
            "SELECT * FROM (SELECT cluster_id FROM link_cluster_keys WHERE key = ? "
            "ORDER BY cluster_id LIMIT ?) AS p"
            for _ in keys
        )
        params = [v for key in keys for v in (key, per_key)]
        if counting and self._written().complete() and self._clusters.complete():  # all known here
            ranked = self._keys_written.postings(keys, limit, per_key)
            counted = self._keys_written.counts([cluster_id for cluster_id, _shared in ranked], counting)
            candidates = []
            for (cluster_id, shared), (common, common_entities) in zip(ranked, counted, strict=True):
                row = self._cluster_row(cluster_id)
                row["shared"], row["common"], row["common_entities"] = shared, common, common_entities
                candidates.append(row)
            return candidates
        self._write_growth()  # (the rows are read from the store)
        if counting and self._keys_written.complete():  # every cluster's keys are known: counted here
            rows = self.cluster_candidates(keys, limit, per_key)
            counted = self._keys_written.counts([row["id"] for row in rows], counting)
            return [KeysInCommon(row, *both) for row, both in zip(rows, counted, strict=True)]
        entities = [key for key in counting if key.startswith("e:")]
        counts = ", ".join(
            f"""(SELECT count(*) FROM link_cluster_keys AS s
                WHERE s.cluster_id = c.id AND s.key IN ({marks(len(chosen))})) AS {name}"""
            if chosen
            else f"0 AS {name}"
            for name, chosen in (("common", counting), ("common_entities", entities))
        )
        return self.conn.execute(
            f"""SELECT {self._CANDIDATE_COLUMNS}, k.shared, {counts}
            FROM (SELECT cluster_id, count(*) AS shared FROM ({postings}) AS p
                  GROUP BY cluster_id ORDER BY shared DESC, cluster_id LIMIT ?) AS k
            JOIN link_clusters AS c ON c.id = k.cluster_id WHERE c.open = 1
            ORDER BY k.shared DESC, c.id""",
            (*counting, *entities, *params, limit),
        ).fetchall()

    def create_cluster(
        self,
        cluster_id: str,
        text: str,
        text_hash: str,
        centroid: bytes,
        document_id: str,
        statement_id: str,
        published: str | None,
        story_id: str | None,
        title: str,
        title_score: float,
    ) -> None:
        self._written().founded(cluster_id)
        self._clusters.founded(
            {
                "id": cluster_id,
                "centroid": centroid,
                "size": 1,
                "entities": 0,
                "first_published": published,
                "last_published": published,
                "representative": text,
                "representative_hash": text_hash,
                "representative_vector": centroid,
                "title": title,
                "title_score": float(title_score),  # (a REAL column)
                "title_opposite": 0,
                "story_id": story_id,
            }
        )
        self.conn.execute(
            """INSERT INTO link_clusters (id, representative, representative_hash, representative_vector,
                centroid, size, entities, open, first_document, first_statement, first_published,
                last_published, story_id, title, title_score, title_opposite, title_folded,
                representative_folded)
            VALUES (?, ?, ?, ?, ?, 1, 0, 1, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
            (
                cluster_id,
                text,
                text_hash,
                centroid,
                centroid,
                document_id,
                statement_id,
                published,
                published,
                story_id,
                title,
                title_score,
                fold(title),
                fold(text),
            ),
        )

    def grow_cluster(self, cluster_id: str, centroid: bytes, published: str | None) -> None:
        """One more statement in the cluster (while a page links, written at its end: ``cluster_growth``)."""
        self._growth.add(cluster_id, cluster_growth.growth_of(centroid, published))
        if self._page_clusters is None:
            self._write_growth()
        self._clusters.grown(cluster_id, centroid, published)

    def _write_growth(self) -> None:
        """The clusters' growth kept, written now (at the page's end, or before the store's rows are read)."""
        if self._growth.kept():
            cluster_growth.write(self.conn, self._growth.take(in_document=self._in_document))

    def retitle_cluster(self, cluster_id: str, title: str, score: float, opposite: bool) -> None:
        """A better title for a cluster (and for its story, when the story is titled after it)."""
        self.conn.execute(
            """UPDATE link_clusters SET title = ?, title_score = ?, title_opposite = ?, title_folded = ?
            WHERE id = ?""",
            (title, score, int(opposite), fold(title), cluster_id),
        )
        self._clusters.changed(
            cluster_id, title=title, title_score=float(score), title_opposite=int(opposite)
        )
        self.conn.execute("UPDATE link_stories SET title = ? WHERE title_cluster = ?", (title, cluster_id))

    def add_statement(
        self,
        document_id: str,
        statement_id: str,
        cluster_id: str | None,
        entity_id: str | None,
        similarity: float,
        text_hash: str,
        keys: Sequence[str],
        opposite: bool = False,
    ) -> None:
        if self._page_clusters is None:
            cluster_summaries.forget_statement(self.conn, document_id, statement_id)  # the cluster it leaves
            cluster_summaries.forget_cluster(self.conn, cluster_id)
        elif cluster_id is not None:  # (a document linked in a page has no statement to leave)
            self._document_clusters.add(cluster_id)
        row = (document_id, statement_id, cluster_id, entity_id, similarity, text_hash, int(opposite))
        if self._page_clusters is None:
            self.conn.execute(_ADD_STATEMENT, row)
        else:
            self._statements.append(row)  # written at the document's end (``savepoint``)
        if cluster_id is None:
            return
        self._clusters.clustered(text_hash, (document_id, statement_id, cluster_id, int(opposite)))
        written = self._written()
        keys = written.new(cluster_id, keys)  # (a row written before changes nothing)
        entity_keys = sorted({k for k in keys if k.startswith("e:")})
        if entity_keys:
            # The entities new to the cluster, counted before their keys are written (no round
            # trip for a row count: on PostgreSQL the writes below are pipelined).
            self.conn.execute(
                f"""UPDATE link_clusters SET entities = entities + ? - (SELECT count(*) FROM link_cluster_keys
                    WHERE cluster_id = ? AND key IN ({marks(len(entity_keys))}))
                WHERE id = ?""",
                (len(entity_keys), cluster_id, *entity_keys, cluster_id),
            )
            # (keys the run did not write before are not in the store when it founded every cluster)
            self._clusters.more_entities(cluster_id, len(entity_keys) if written.complete() else None)
        if keys:
            self.conn.executemany(
                "INSERT OR IGNORE INTO link_cluster_keys VALUES (?, ?)", [(k, cluster_id) for k in keys]
            )

    def _write_statements(self) -> None:
        if self._statements:
            self.conn.executemany(_ADD_STATEMENT, self._statements)
            self._statements = []

    # --- stories ----------------------------------------------------------------------

    def stories(self, story_ids: Sequence[str]) -> dict[str, sqlite3.Row]:
        """Story rows by id (centroid, size, dates), for the story assigner."""
        if not story_ids:
            return {}
        rows = self.conn.execute(
            f"""SELECT id, centroid, size, first_published, last_published, title_weight FROM link_stories
            WHERE id IN ({marks(len(story_ids))})""",
            list(story_ids),
        )
        return {row["id"]: row for row in rows}

    def create_story(
        self,
        story_id: str,
        title: str,
        cluster_id: str,
        centroid: bytes,
        document_id: str,
        published: str | None,
    ) -> None:
        self.conn.execute(
            """INSERT INTO link_stories (id, title, title_cluster, title_weight, centroid, size,
                first_document,
                first_published, last_published) VALUES (?, ?, ?, 0, ?, 0, ?, ?, ?)""",
            (story_id, title, cluster_id, centroid, document_id, published, published),
        )

    def set_story(self, cluster_ids: Sequence[str], story_id: str) -> None:
        self.conn.executemany(
            "UPDATE link_clusters SET story_id = ? WHERE id = ?", [(story_id, c) for c in cluster_ids]
        )
        for cluster_id in cluster_ids:
            self._clusters.changed(cluster_id, story_id=story_id)

    def grow_story(
        self,
        story_id: str,
        centroid: bytes,
        published: str | None,
        added: int,
        titled_after: tuple[str, float] | None = None,
    ) -> None:
        """``added`` more statements in the story; ``titled_after``: the (cluster, weight) now titling it."""
        self.conn.execute(
            """UPDATE link_stories SET centroid = ?, size = size + ?,
                last_published = CASE WHEN ? > coalesce(last_published, '') THEN ? ELSE last_published END,
                first_published = CASE WHEN first_published IS NULL OR ? < first_published THEN ?
                                  ELSE first_published END
            WHERE id = ?""",
            (centroid, added, published, published, published, published, story_id),
        )
        if titled_after is not None:
            cluster_id, weight = titled_after
            self.conn.execute(
                """UPDATE link_stories SET title_cluster = ?, title_weight = ?,
                    title = (SELECT coalesce(title, representative) FROM link_clusters WHERE id = ?)
                WHERE id = ?""",
                (cluster_id, weight, cluster_id, story_id),
            )

    def vector(self, text_hash: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT vector FROM link_embeddings WHERE text_hash = ?", (text_hash,)
        ).fetchone()
        return row[0] if row else None

    # --- provenance -------------------------------------------------------------------

    def add_provenance(self, edges: Sequence[dict[str, Any]]) -> None:
        self.conn.executemany(
            """INSERT INTO link_provenance VALUES (:document_id, :statement_id, :from_node, :from_label,
            :from_kind, :to_node, :to_label, :to_kind, :cue)""",
            edges,
        )
