"""Two processes linking one SQLite file (a CLI ingest beside a running server) never report a false
failure (issue 17, item 8): a page read before the write lock may have been linked by the other
writer when the lock comes, and those documents are passed over, not inserted twice."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from hearsay.extract.pipeline import extract
from hearsay.ingest.identity import make_document
from hearsay.link import link_corpus
from hearsay.store import Store

TEXTS = (
    "The mayor said on Tuesday that the old bridge would reopen in June.",
    "Officials told reporters that the harbour would stay closed for repairs.",
    "The council said the budget vote was delayed until July.",
)


def stored(path: Path | str) -> list[str]:
    with Store(path) as store:
        documents = [make_document(text, language="en") for text in TEXTS]
        for document in documents:
            store.put(document, extract(document))
    return [document.id for document in documents]


def other_writer(location: str) -> Any:
    """A second connection to the store, as another process would hold it."""
    if "://" in location:
        import psycopg

        from hearsay.store.pg_connection import PGConnection

        return PGConnection(psycopg.connect(location, autocommit=True))
    return sqlite3.connect(location, isolation_level=None)


def test_linking_passes_over_documents_linked_by_another_writer_meanwhile(new_database) -> None:
    path = new_database("shared.db")
    ids = stored(path)
    other = other_writer(path)
    other.execute("BEGIN IMMEDIATE")  # the other writer holds the lock while this run reads its page
    result: dict[str, Any] = {}

    def run() -> None:
        with Store(path) as store:
            result.update(link_corpus(store))

    linker = threading.Thread(target=run)
    linker.start()
    time.sleep(3)  # the run has read its page of three unlinked documents and waits for the lock
    other.execute(  # ... which the other writer now links, as far as the ledger goes
        "INSERT INTO link_documents VALUES (?, '2026-01-01T00:00:00', NULL, ?, NULL, ?)",
        (ids[0], ids[0], b"\x00"),
    )
    other.execute("COMMIT")
    other.close()
    linker.join(timeout=300)
    assert result["failures"] == [], result["failures"]
    assert result["documents"] == 2
    with Store(path) as store:
        again = link_corpus(store)
    assert (again["documents"], again["failures"]) == (0, [])


def test_linking_two_writers_at_once_report_no_failure(new_database) -> None:
    path = new_database("shared.db")
    stored(path)
    results: list[dict[str, Any]] = []

    def run() -> None:
        with Store(path) as store:
            results.append(link_corpus(store, page_size=1))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert [r["failures"] for r in results] == [[], []]
    assert sum(r["documents"] for r in results) == len(TEXTS)
