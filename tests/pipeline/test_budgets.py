"""Per-document time limits and dead workers: the document at fault fails alone, the batch goes on."""

from __future__ import annotations

import time

import pytest

from hearsay import pipeline
from hearsay.pipeline import InProcess, WorkerPool

from .conftest import CRASH, HANG, SLOW, news

pytestmark = pytest.mark.usefixtures("stalling")


def run(engine, documents):
    with engine:
        return list(pipeline.outcomes(documents, engine))


@pytest.mark.parametrize(
    "engine", [lambda: InProcess(time_limit=2), lambda: WorkerPool(2, time_limit=2, chunk_size=2)]
)
def test_budget_a_document_past_its_time_limit_fails_alone(engine) -> None:
    documents = [news(1), news(2, HANG), news(3), news(4), news(5)]
    started = time.monotonic()
    outcomes = run(engine(), documents)
    assert time.monotonic() - started < 60
    assert [o.document for o in outcomes] == documents
    (failed,) = [o for o in outcomes if o.failure is not None]
    assert failed.document == documents[1]
    message = failed.failure.message
    assert message.startswith("[H150] news-2.txt: reading took longer than the limit of 2 s")
    assert "\n" not in message
    assert all(o.reading is not None for o in outcomes if o is not failed)


def test_budget_a_worker_killed_by_its_document_is_replaced() -> None:
    documents = [news(1), news(2), news(3, CRASH), news(4), news(5)]
    outcomes = run(WorkerPool(2, time_limit=30, chunk_size=2), documents)
    assert [o.document for o in outcomes] == documents
    (failed,) = [o for o in outcomes if o.failure is not None]
    assert failed.document == documents[2]
    assert failed.failure.message.startswith("[H000] news-3.txt: its reading worker died")
    assert sum(o.reading is not None for o in outcomes) == 4


def test_budget_holds_off_the_main_thread_too() -> None:
    """The web server's writer and Dask tasks read on other threads: the limit still stops a hung document."""
    from concurrent.futures import ThreadPoolExecutor

    documents = [news(1), news(2, HANG), news(3)]
    with ThreadPoolExecutor(1) as threads:
        outcomes = threads.submit(run, InProcess(time_limit=2), documents).result(timeout=120)
    assert [o.failure is not None for o in outcomes] == [False, True, False]
    assert outcomes[1].failure.code == "H150"


def test_budget_a_hung_upload_fails_alone_and_frees_the_server_writer(tmp_path, monkeypatch) -> None:
    """The web server stores uploads on its writer thread; a document that hangs must not hold it."""
    from concurrent.futures import ThreadPoolExecutor

    from hearsay.store import Store
    from hearsay.web.upload import ingest_upload

    monkeypatch.setenv("HEARSAY_DOC_TIMEOUT", "2")
    files = [("hung.txt", news(7, HANG).text.encode()), ("fine.txt", news(8).text.encode())]

    def upload() -> dict:
        with Store(tmp_path / "web.db") as store:
            return ingest_upload(store, files)

    with ThreadPoolExecutor(1) as writer:
        result = writer.submit(upload).result(timeout=120)
    (error,) = result["errors"]
    assert error.startswith("[H150] upload:hung.txt: reading took longer than the limit of 2 s")
    assert [d["source_path"] for d in result["documents"]] == ["upload:fine.txt"]


def test_budget_a_worker_killed_from_outside_loses_no_document() -> None:
    """kill -9 of a worker mid-chunk: its documents are read again, each alone, and none fails."""
    import os
    import signal
    import threading

    documents = [news(1, SLOW), news(2), news(3, SLOW), news(4)]
    pool = WorkerPool(2, time_limit=60, chunk_size=2)
    killed: list[int] = []

    def kill_a_busy_worker() -> None:
        busy = [w.process.pid for w in pool._workers if w.job is not None and SLOW in w.job.docs[0].text]
        killed.extend(busy[:1])
        for pid in busy[:1]:
            os.kill(pid, signal.SIGKILL)

    with pool:
        list(pipeline.outcomes([news(n) for n in range(10, 14)], pool))  # both workers loaded
        threading.Timer(1.5, kill_a_busy_worker).start()
        outcomes = list(pipeline.outcomes(documents, pool))
    assert len(killed) == 1
    assert [o.document for o in outcomes] == documents
    assert [o.failure for o in outcomes] == [None] * 4
    assert all(o.reading is not None for o in outcomes)
