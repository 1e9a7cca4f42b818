"""``link_corpus``: link every stored document that is not in the ledger yet, page by page.

For each page of unlinked readings (``PAGE_SIZE``): the statement contents not embedded before
are embedded in one batch and cached; then, per document, near-duplicates, entities, claim
clusters and provenance are written, and the document enters the ledger, all in the page's
one transaction. A killed run leaves whole pages linked and the rest unlinked; re-running
continues. Memory holds one page of readings and vectors, whatever the corpus size.

What depends on a document alone (its MinHash signature, acronym pairs, countries, cached
vectors) is prepared with its page, by a second process one page ahead when the corpus is large
(``prepared_pages``); the writes nothing reads while a page links (entity lists, stale cluster
summaries) are made once at the page's end (``LinkTables.start_page`` / ``end_page``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model import Reading
from ..store.links import LinkTables
from . import decisions as decisions_
from .claims import Clusterer
from .duplicates import find_duplicate
from .embeddings import from_bytes, load_embedder, to_bytes
from .entities import Resolver
from .prepared_pages import Prepared, PreparedPages
from .provenance_edges import provenance_edges
from .summaries import fill_in_transaction, missing_summaries

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

PAGE_SIZE = 200


def link_corpus(
    store: SQLiteStore,
    *,
    rebuild: bool = False,
    page_size: int = PAGE_SIZE,
    progress: Callable[[int], None] | None = None,
    prepare_aside: bool | None = None,
) -> dict[str, Any]:
    """Link the documents not yet linked (all of them with ``rebuild``); returns what was done.

    ``{"documents": linked now, "already": linked before, "entities", "clusters", "new_clusters",
    "embedded": texts embedded now, "embed_seconds", "indexed": vectors added to the
    nearest-neighbour index, "index_seconds", "summarised": cluster summaries stored, "seconds",
    "failures": [messages], "unmatched_decisions": [merges and splits a rebuild found no entity for]}``. A
    document whose linking fails is rolled back alone, named in ``failures`` and retried next run.
    Manual merges and splits are replayed after a rebuild and respected during every run.
    ``prepare_aside``: whether a second process prepares the next page (``prepared_pages``; None:
    when the corpus fills more than a page on a machine with several cores).
    """
    started = time.monotonic()
    tables = LinkTables(store)
    if rebuild:
        tables.clear_derived()
    already = tables.linked_count()
    resolver = Resolver(tables, decisions_.split_constraints(tables))
    clusterer = Clusterer(tables, resolver.lookups)
    documents = new_clusters = embedded_total = 0
    embed_seconds = 0.0
    failures: list[str] = []
    version: int | None = None  # the database's version after this run's last commit
    with PreparedPages(store, page_size, aside=prepare_aside) as pages:
        for page in pages:
            # Embedding happens before the write lock is taken, so that another writer (the server
            # beside a CLI ingest) never waits for it; new vectors are written inside the lock.
            embedding = time.monotonic()
            vectors, hashes, new_vectors = _vectors(tables, page)
            embedded_total += len(new_vectors)
            embed_seconds += time.monotonic() - embedding
            with tables.transaction():
                tables.add_vectors(new_vectors)
                # The page was read before the lock: another process may have linked some of it since.
                unlinked = {r.document_id for r in tables.still_unlinked([r for r, _p in page])}
                page = [(reading, prepared) for reading, prepared in page if reading.document_id in unlinked]
                if version is None or _data_version(tables) != version:
                    _forget(tables, resolver)  # another process may have linked since this run's last page
                tables.start_page()
                linked: list[str] = []
                for reading, prepared in page:
                    try:
                        with tables.savepoint():
                            new_clusters += _link_document(
                                tables, resolver, clusterer, reading, prepared, vectors, hashes
                            )
                    except Exception as err:  # noqa: BLE001 - one bad reading must not stop the corpus
                        resolver.lookups.document_failed()
                        _forget(tables, resolver)  # what it wrote is rolled back
                        failures.append(f"document {reading.document_id}: {type(err).__name__}: {err}")
                        continue
                    resolver.lookups.document_linked()
                    linked.append(reading.document_id)
                resolver.lookups.write_page_counts()
                tables.end_page(linked)  # their entity lists, and the summaries they made stale
                documents += len(linked)
            version = _data_version(tables)
            if progress is not None:
                progress(len(page))
        aside_pages = pages.aside_pages
    unmatched: list[dict[str, str]] = []
    if rebuild:
        with tables.transaction():
            _replayed, unmatched = decisions_.replay(tables)
    summarised = 0
    # The summaries of the clusters this run changed (all after a rebuild); no write without any.
    if not store.read_only and missing_summaries(store):
        with tables.transaction():
            summarised = fill_in_transaction(tables.conn)
    indexing = time.monotonic()
    indexed = store.sync_vector_index() if not store.read_only else 0
    return {
        "documents": documents,
        "already": already,
        "new_clusters": new_clusters,
        "embedded": embedded_total,
        "embed_seconds": round(embed_seconds, 3),
        "failures": failures,
        "unmatched_decisions": unmatched,
        "indexed": indexed,
        "index_seconds": round(time.monotonic() - indexing, 3),
        "entities": tables.entity_count(),
        "clusters": tables.cluster_count(),
        "summarised": summarised,
        "seconds": round(time.monotonic() - started, 3),
        "prepared_aside": aside_pages,
    }


def _data_version(tables: LinkTables) -> int | None:
    """SQLite's ``data_version``: it changes when another connection commits (None on PostgreSQL)."""
    if not isinstance(tables.conn, sqlite3.Connection):
        return None
    version: int = tables.conn.execute("PRAGMA data_version").fetchone()[0]
    return version


def _forget(tables: LinkTables, resolver: Resolver) -> None:
    """Drop what the run keeps of the link tables in memory (``entity_lookups``, keys written)."""
    resolver.lookups.forget()
    tables.forget_written()


def _vectors(
    tables: LinkTables, page: list[tuple[Reading, Prepared]]
) -> tuple[dict[str, np.ndarray], dict[str, dict[str, str]], dict[str, bytes]]:
    """Content vectors of a page's statements (cached ones read, here or by the helper, the rest
    embedded), and the new ones to cache, as bytes."""
    hashes: dict[str, dict[str, str]] = {}
    texts: dict[str, str] = {}
    read_aside: dict[str, bytes] = {}
    for reading, prepared in page:
        per = hashes.setdefault(reading.document_id, {})
        for statement_id, (key, text) in prepared.hashes.items():
            per[statement_id] = key
            texts.setdefault(key, text)
        read_aside.update(prepared.vectors)
    cached = {key: read_aside[key] for key in texts if key in read_aside}
    cached.update(tables.cached_vectors([key for key in texts if key not in cached]))
    missing = [key for key in texts if key not in cached]
    vectors = {key: from_bytes(value) for key, value in cached.items()}
    new: dict[str, np.ndarray] = {}
    if missing:
        encoded = load_embedder().encode([texts[key] for key in missing])
        new = {key: encoded[i] for i, key in enumerate(missing)}
        vectors.update(new)
    return vectors, hashes, {key: to_bytes(v) for key, v in new.items()}


def _link_document(
    tables: LinkTables,
    resolver: Resolver,
    clusterer: Clusterer,
    reading: Reading,
    prepared: Prepared,
    vectors: dict[str, np.ndarray],
    hashes: dict[str, dict[str, str]],
) -> int:
    sig = np.frombuffer(prepared.signature, dtype=np.uint32)
    duplicate_of, similarity = find_duplicate(tables, sig, prepared.bands)
    published = reading.published.isoformat() if reading.published else None
    tables.add_ledger(
        reading.document_id,
        published,
        duplicate_of or reading.document_id,
        similarity,
        prepared.signature,
        prepared.bands,
    )
    mapping = resolver.resolve(reading, prepared.partners, prepared.countries(reading))
    founded = clusterer.assign(reading, mapping, vectors, hashes.get(reading.document_id, {}))
    tables.add_provenance(provenance_edges(reading, mapping))
    return founded
