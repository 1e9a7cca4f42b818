"""Reading and storing in the same worker: on PostgreSQL every worker may be a writer.

A SQLite file has one writer, so the engines send readings back to the process that stores them.
A PostgreSQL database takes writes from many connections: with ``database`` set, a worker (a local
process or a Dask task) stores each reading it made itself, one document per transaction, and sends
back only a ``Written`` count, so readings never cross the wire. Writers still take turns per
document (the store's write lock), which keeps a document whole and re-ingesting a no-op; what runs
in parallel is the reading, and no single process has to receive and write every reading. Linking
stays with the run's own process, after the documents are stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import HearsayError
from ..model import Document
from .chunks import read_chunk
from .outcomes import Failure, Written, describe, where

_stores: dict[str, Any] = {}  # one open store per database, per worker process


def store_for(database: str) -> Any:
    """This process's store for ``database`` (opened, and migrated, on first use)."""
    if database not in _stores:
        from ..store import open_store

        _stores[database] = open_store(database)
    return _stores[database]


def close_stores() -> None:
    """Close the stores this process opened (a worker about to stop)."""
    while _stores:
        _stores.popitem()[1].close()


def read_and_store_chunk(
    batch: Sequence[Document], time_limit: float | None, database: str
) -> list[Written | Failure]:
    """``read_chunk``, then each reading stored into ``database`` here; one result per document."""
    results = read_chunk(batch, time_limit)
    if all(isinstance(result, Failure) for result in results):
        return [result for result in results if isinstance(result, Failure)]
    try:
        store = store_for(database)
    except HearsayError as err:  # e.g. the database cannot be reached from this worker
        return [describe(err, where(document)) for document in batch]
    written: list[Written | Failure] = []
    for document, result in zip(batch, results, strict=True):
        if isinstance(result, Failure):
            written.append(result)
            continue
        try:
            added = store.put(document, result)
        except Exception as err:  # noqa: BLE001 - a document the store refuses fails alone
            written.append(describe(err, where(document)))
            continue
        written.append(Written(document.id, added, len(result.statements), len(result.entities)))
    return written
