"""Documents to outcomes through an engine, in input order, skipping what is stored already.

The engine maps chunks of documents to results and may read several chunks at once; this
module keeps every other item (failures, file ends, skips) in its place around them.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from ..model import Document
from .chunks import Result
from .inputs import Item
from .outcomes import Failure, FileDone, Outcome, Written

# A chunk of this many documents is one spaCy batch (the size hearsay always read in).
CHUNK_SIZE = 16
# Outcomes that need no reading (skips) wait at most this many items before they are let through.
FLUSH_EVERY = 64


class Engine(Protocol):
    """Reads chunks of documents; yields one list of results per chunk, in the chunks' order.

    An empty chunk gets an empty list, in its place.
    """

    chunk_size: int

    def map(self, chunks: Iterator[list[Document]]) -> Iterator[list[Result]]: ...


def outcomes(
    items: Iterable[Item], engine: Engine, *, skip: Callable[[Document], bool] | None = None
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in input order; the documents among them are read by ``engine``.

    ``skip(document)`` true (already stored) gives an Outcome without a reading, before any
    reading. A document seen twice in one run is skipped the second time.
    """
    waiting: deque[Outcome | Document] = deque()  # in input order; Documents wait for their chunk
    seen: set[str] = set()

    def chunks() -> Iterator[list[Document]]:
        chunk: list[Document] = []
        for item in items:
            if isinstance(item, Failure):
                waiting.append(Outcome(failure=item))
            elif isinstance(item, FileDone):
                waiting.append(Outcome(file_done=item.path))
            elif item.id in seen or (skip is not None and skip(item)):
                waiting.append(Outcome(document=item))
                if not chunk and len(waiting) >= FLUSH_EVERY:
                    yield []  # nothing to read: let the outcomes so far through
            else:
                seen.add(item.id)
                waiting.append(item)
                chunk.append(item)
                if len(chunk) >= engine.chunk_size:
                    yield chunk
                    chunk = []
        if chunk:
            yield chunk

    for results in engine.map(chunks()):
        pending = deque(results)
        while pending:
            entry = waiting.popleft()
            if isinstance(entry, Document):
                yield _outcome(entry, pending.popleft())
            else:
                yield entry
        while waiting and isinstance(waiting[0], Outcome):
            yield _popped(waiting)
    while waiting:  # the items after the last chunk: all Outcomes
        yield _popped(waiting)


def _popped(waiting: deque[Outcome | Document]) -> Outcome:
    entry = waiting.popleft()
    assert isinstance(entry, Outcome)
    return entry


def _outcome(document: Document, result: Result) -> Outcome:
    if isinstance(result, Failure):
        return Outcome(document=document, failure=result)
    if isinstance(result, Written):
        return Outcome(document=document, written=result)
    return Outcome(document=document, reading=result)


class InProcess:
    """Reads each chunk in this process; the time limit is an alarm on the main thread.

    ``keeps_what_loads``: the process keeps what loads with spaCy until it exits (a command, not a
    server), so it loads with the garbage collector off and then leaves the collector's generations.
    """

    def __init__(
        self, time_limit: float | None = None, chunk_size: int = CHUNK_SIZE, *, keeps_what_loads: bool = False
    ) -> None:
        self.time_limit = time_limit
        self.chunk_size = chunk_size
        self.keeps_what_loads = keeps_what_loads

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def start_loading(self) -> None:
        """Start loading spaCy on another thread, unless it is loaded or loading already.

        ``map`` starts it too; a caller with work of its own before reading (``hearsay ingest``
        opening its store) starts it first, so that the two overlap.
        """
        global _loader
        with _loader_lock:
            if (_loader is not None and _loader.is_alive()) or _model_loaded():
                return
            load = _load_kept if self.keeps_what_loads else _load_quietly
            _loader = threading.Thread(target=load, name="hearsay-model-load", daemon=True)
            _loader.start()

    def map(self, chunks: Iterator[list[Document]]) -> Iterator[list[Result]]:
        from .chunks import read_chunk

        # spaCy loads on another thread while this one reads the first inputs (and loads the
        # language identifier): on two cores, most of the two loads overlap.
        self.start_loading()
        for chunk in chunks:
            yield list[Result](read_chunk(chunk, self.time_limit))


# The thread loading spaCy (``InProcess.start_loading``), one at a time.
_loader: threading.Thread | None = None
_loader_lock = threading.Lock()


def _model_loaded() -> bool:
    """Whether the spaCy pipeline is loaded, without importing spaCy to find out."""
    # (The module may be half imported: the loading thread imports it.)
    loaded = getattr(sys.modules.get("hearsay.extract.pipeline"), "pipeline_loaded", None)
    return loaded is not None and loaded()


def _load_quietly() -> None:
    from ..extract.pipeline import load_pipeline

    with contextlib.suppress(Exception):  # the reading thread loads it again and reports the error
        load_pipeline()


def _load_kept() -> None:
    """``_load_quietly`` for a process that keeps what it loads until it exits.

    What loads now (spaCy's pipeline; the store's and the linker's modules on the other threads of
    ``hearsay ingest``) lives as long as the process, and with the collector on, its passes walk all of
    it while it loads (in `hearsay ingest`, two full passes of 50-75 ms each, holding every thread). So
    it loads with the collector off, then leaves the collector's generations for good (as the server's
    start does); the collector runs as before on what comes after. (A threshold of 0 turns the
    collector off: srsly turns it on again after each msgpack it reads.)
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        _load_quietly()
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)
