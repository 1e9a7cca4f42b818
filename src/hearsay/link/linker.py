"""``link_corpus``: link every stored document that is not in the ledger yet, page by page.

For each page of unlinked readings (``PAGE_SIZE``): the statement contents not embedded before
are embedded in one batch and cached; then, per document, near-duplicates, entities, claim
clusters and provenance are written, and the document enters the ledger. A write transaction
links up to ``PAGES_PER_TRANSACTION`` pages in a row: a page whose contents are all embedded
already joins the transaction of the page before (a page to embed starts a new one, embedded
before the write lock is taken). A killed run leaves whole transactions linked and the rest
unlinked; re-running continues. Memory holds one page of readings and vectors, whatever the
corpus size.

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
from .prepared_pages import Page, Prepared, PreparedPages
from .provenance_edges import provenance_edges
from .summaries import fill_in_transaction, missing_summaries

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

PAGE_SIZE = 200
# A page's content vectors by text hash, each document's statements' text hashes, and the vectors
# embedded now (to cache, as bytes).
Vectors = tuple[dict[str, np.ndarray], dict[str, dict[str, str]], dict[str, bytes]]
# Each commit writes every database page the transaction changed: the indexes a page of documents
# adds to are spread over the whole store (entity lists, members, statements, bands), so three pages
# in one transaction write about half the pages three transactions would (issue 17). The write lock is
# held for the three (a few seconds at 10,000 documents; other writers wait up to ``BUSY_TIMEOUT_MS``).
PAGES_PER_TRANSACTION = 3


def link_corpus(
    store: SQLiteStore,
    *,
    rebuild: bool = False,
    page_size: int = PAGE_SIZE,
    progress: Callable[[int], None] | None = None,
    prepare_aside: bool | None = None,
    pages_per_transaction: int = PAGES_PER_TRANSACTION,
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
        upcoming = iter(pages)
        page = next(upcoming, None)
        while page is not None:
            # Embedding happens before the write lock is taken, so that another writer (the server
            # beside a CLI ingest) never waits for it; new vectors are written inside the lock.
            embedding = time.monotonic()
            found = _vectors(tables, page)
            assert found is not None  # (embedded here)
            embedded_total += len(found[2])
            embed_seconds += time.monotonic() - embedding
            done: list[int] = []  # the transaction's pages (documents still unlinked), for ``progress``
            with tables.transaction():
                if version is None or _data_version(tables) != version:
                    _forget(tables, resolver)  # another process may have linked since this run's last page
                while found is not None and page is not None:
                    linked, founded, unlinked = _link_page(tables, resolver, clusterer, page, found, failures)
                    documents, new_clusters = documents + linked, new_clusters + founded
                    done.append(unlinked)
                    page = next(upcoming, None)
                    if page is None or len(done) == pages_per_transaction:
                        break
                    found = _vectors(tables, page, embed=False)  # (it joins when it has nothing to embed)
            version = _data_version(tables)
            if progress is not None:
                for count in done:
                    progress(count)
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


def _link_page(
    tables: LinkTables,
    resolver: Resolver,
    clusterer: Clusterer,
    page: Page,
    found: Vectors,
    failures: list[str],
) -> tuple[int, int, int]:
    """Link a page inside the transaction, each document in a savepoint; returns how many documents
    were linked, the clusters they founded and how many of the page were still unlinked."""
    vectors, hashes, new_vectors = found
    tables.add_vectors(new_vectors)
    # The page was read before the lock: another process may have linked some of it since.
    unlinked = {r.document_id for r in tables.still_unlinked([r for r, _p in page])}
    page = [(reading, prepared) for reading, prepared in page if reading.document_id in unlinked]
    tables.start_page()
    linked: list[str] = []
    founded = 0
    for reading, prepared in page:
        try:
            with tables.savepoint():
                founded += _link_document(tables, resolver, clusterer, reading, prepared, vectors, hashes)
        except Exception as err:  # noqa: BLE001 - one bad reading must not stop the corpus
            resolver.lookups.document_failed()
            _forget(tables, resolver)  # what it wrote is rolled back
            failures.append(f"document {reading.document_id}: {type(err).__name__}: {err}")
            continue
        resolver.lookups.document_linked()
        linked.append(reading.document_id)
    resolver.lookups.write_page_counts()
    tables.end_page(linked)  # their entity lists, and the summaries they made stale
    return len(linked), founded, len(page)


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


def _vectors(tables: LinkTables, page: Page, *, embed: bool = True) -> Vectors | None:
    """Content vectors of a page's statements (cached ones read, here or by the helper, the rest
    embedded), and the new ones to cache, as bytes; None when some are not cached and not ``embed``."""
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
    if missing and not embed:
        return None
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
