"""hearsay's batch pipeline as a library: inputs → documents → readings → store → links.

The command line, the web upload and the batch engines all run through it. Failures are
values: each input that does not work becomes one ``Failure`` (a one-line message naming it,
with its ``[CODE]``) and the batch goes on. Documents already stored are skipped before they
are read, each document is stored in its own transaction, and Ctrl-C raises ``Interrupted``
after the document being written is whole, so a run can always be re-run::

    from hearsay import pipeline
    from hearsay.store import Store

    def show(outcome: pipeline.Outcome) -> None:
        if outcome.failure is not None:
            print(outcome.failure.message)  # "[H100] news/x.bin: looks like a binary file ..."

    with Store("news.db") as store, pipeline.WorkerPool(workers=2, time_limit=60) as engine:
        summary = pipeline.ingest(["news/", "feeds/*.xml"], store, engine=engine, on_outcome=show)
    print(summary.new, "new;", summary.already, "already stored;", len(summary.failures), "failed")

``read`` yields the outcomes without a store; ``read_chunk`` is the pure reading function the
engines map (``InProcess``, ``WorkerPool``, and ``DaskEngine`` in ``hearsay.pipeline.dask``).
"""

from __future__ import annotations

from .budget import DEFAULT_DOC_TIMEOUT
from .chunks import read_chunk
from .inputs import documents, expand
from .ordering import Engine, InProcess, outcomes
from .outcomes import Failure, FileDone, Outcome, describe, exit_code, where
from .run import ingest, ingest_documents, read
from .storing import Interrupted, Summary, link_new
from .workers import WorkerPool

__all__ = [
    "DEFAULT_DOC_TIMEOUT",
    "Engine",
    "Failure",
    "FileDone",
    "InProcess",
    "Interrupted",
    "Outcome",
    "Summary",
    "WorkerPool",
    "describe",
    "documents",
    "exit_code",
    "expand",
    "ingest",
    "ingest_documents",
    "link_new",
    "outcomes",
    "read",
    "read_chunk",
    "where",
]
