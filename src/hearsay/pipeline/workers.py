"""Reading in N local worker processes, with a hard per-document time limit.

Each worker loads the spaCy pipeline once, then reads one chunk at a time; the parent keeps
one chunk in flight per worker and yields the results in the chunks' order. A chunk that runs
past the time limit, or whose worker dies, costs that worker: the parent kills it, starts
another, and reads the chunk's documents again one by one, so that only a document that
overruns (or kills its worker) alone fails.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import HearsayError, ModelError
from ..model import Document
from .budget import overran
from .chunks import Result, read_chunk
from .outcomes import Failure, where
from .writing import close_stores, read_and_store_chunk

# Smaller than one in-process batch, so that the last chunks spread over the workers.
WORKER_CHUNK_SIZE = 8
# Workers that may die in a row while loading the model (killed from outside) before the run stops.
MAX_LOAD_DEATHS = 3


def _work(conn: Connection, database: str | None = None) -> None:
    """A worker's life: load the model, say so, then read chunks until told to stop (None); with a
    ``database`` (PostgreSQL), store each reading there too and send back only what was written."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from ..extract.pipeline import load_pipeline

    try:
        load_pipeline()
    except ModelError as err:
        conn.send(("fatal", str(err)))
        return
    conn.send(("ready", None))
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if chunk is None:
            close_stores()
            return
        try:
            conn.send(
                ("done", read_and_store_chunk(chunk, None, database) if database else read_chunk(chunk))
            )
        except ModelError as err:
            conn.send(("fatal", str(err)))
            return


@dataclass(slots=True)
class _Job:
    """Documents ``docs`` of chunk ``number``, starting at ``offset`` within it."""

    number: int
    offset: int
    docs: list[Document]


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    job: _Job | None = None
    deadline: float = 0.0
    started: float = field(default_factory=time.monotonic)


def start_context() -> Any:
    """The start method the pool uses, for another helper process (``link.prepared_pages``)."""
    return _context()


def _context() -> Any:
    """fork where it is safe (one thread): workers start at once; forkserver beside threads (the server)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


class WorkerPool:
    """An engine: N worker processes; ``time_limit`` seconds per document (None: no limit).

    With ``database`` (a PostgreSQL URL) every worker stores its own readings there
    (``hearsay.pipeline.writing``); without it they send the readings back to be stored.
    """

    def __init__(
        self,
        workers: int,
        time_limit: float | None = None,
        chunk_size: int = WORKER_CHUNK_SIZE,
        database: str | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.database = database
        self.size = workers
        self.time_limit = time_limit
        self.chunk_size = chunk_size
        self._context = _context()
        self._workers: list[_Worker] = []
        self._load_deaths = 0  # workers in a row that died before their model was loaded

    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def start(self) -> None:
        """Start the workers (they load the model meanwhile); ``map`` does it if need be."""
        while len(self._workers) < self.size:
            self._start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_work, args=(child, self.database), daemon=True, name="hearsay-reader"
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    def _stop(self, worker: _Worker) -> None:
        self._workers.remove(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    def close(self) -> None:
        """Stop every worker; those reading are killed (the caller has what it needs)."""
        for worker in list(self._workers):
            if worker.job is None and worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
                worker.process.join(timeout=2)
            self._stop(worker)

    def map(self, chunks: Iterator[list[Document]]) -> Iterator[list[Result]]:
        """Results per chunk, in order; at most one chunk per worker is read at a time."""
        self.start()
        todo: deque[_Job] = deque()  # jobs to send; retries of single documents go first
        results: dict[int, list[Result | None]] = {}
        next_out = 0
        number = 0
        exhausted = False
        while True:
            while not exhausted and len(results) < 2 * self.size and len(todo) < self.size:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                results[number] = [None] * len(chunk)
                if chunk:
                    todo.append(_Job(number, 0, chunk))
                number += 1
            while next_out in results and all(r is not None for r in results[next_out]):
                yield [r for r in results.pop(next_out) if r is not None]
                next_out += 1
            if exhausted and not results:
                return
            self._dispatch(todo)
            self._collect(todo, results)

    def _dispatch(self, todo: deque[_Job]) -> None:
        for worker in self._workers:
            if worker.ready and worker.job is None and todo:
                job = todo.popleft()
                worker.conn.send(job.docs)
                worker.job = job
                worker.deadline = time.monotonic() + (self.time_limit or float("inf"))

    def _collect(self, todo: deque[_Job], results: dict[int, list[Result | None]]) -> None:
        """Wait for a message, a death or a deadline; handle whatever happened."""
        deadline = min((w.deadline for w in self._workers if w.job is not None), default=float("inf"))
        timeout = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
        ready = wait([w.conn for w in self._workers], timeout=timeout)
        for worker in list(self._workers):
            if worker.conn in ready:
                self._receive(worker, todo, results)
            elif worker.job is not None and time.monotonic() >= worker.deadline:
                self._lost(worker, todo, results, overrun=True)

    def _receive(self, worker: _Worker, todo: deque[_Job], results: dict[int, list[Result | None]]) -> None:
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError, ValueError):  # the worker died: killed, or out of memory
            self._lost(worker, todo, results, overrun=False)
            return
        if kind == "fatal":
            raise ModelError(str(value).removeprefix(f"[{ModelError.code}] "))
        if kind == "ready":
            worker.ready = True
            self._load_deaths = 0
            return
        job = worker.job
        assert job is not None
        worker.job = None
        results[job.number][job.offset : job.offset + len(job.docs)] = value

    def _lost(
        self, worker: _Worker, todo: deque[_Job], results: dict[int, list[Result | None]], *, overrun: bool
    ) -> None:
        """The worker overran or died: replace it; retry its documents alone, or fail the one it had."""
        job = worker.job
        self._stop(worker)
        self._start()
        if job is None:
            self._load_deaths += 0 if worker.ready else 1
            if self._load_deaths >= MAX_LOAD_DEATHS:
                raise ModelError(f"{MAX_LOAD_DEATHS} reading workers died while loading the spaCy pipeline")
            return
        if len(job.docs) > 1:
            for index in reversed(range(len(job.docs))):
                todo.appendleft(_Job(job.number, job.offset + index, [job.docs[index]]))
            return
        document = job.docs[0]
        failure = (
            overran(document, self.time_limit or 0.0)
            if overrun
            else Failure(
                f"[{HearsayError.code}] {where(document)}: its reading worker died (killed, or out of memory)"
            )
        )
        results[job.number][job.offset] = failure
