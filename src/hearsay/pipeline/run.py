"""The pipeline's entry points: inputs → documents → readings → store → links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..model import Document
from .inputs import Item, PublishedFor, documents, expand
from .ordering import Engine, InProcess, outcomes
from .outcomes import Outcome
from .preload import LinkPreload
from .storing import Interrupted, OnOutcome, Summary, link_new, store_outcomes

OnFiles = Callable[[int], None]


def published_for(published: dt.date | PublishedFor | None) -> PublishedFor:
    """A date for every file (or None), from one date or a function of the path."""
    if callable(published):
        return published
    return lambda _path: published


def default_engine() -> InProcess:
    """Reading in this process, with the time limit of the settings (``HEARSAY_DOC_TIMEOUT``)."""
    from ..settings import load_settings

    return InProcess(load_settings().doc_timeout or None)


def read(
    inputs: Sequence[str | Path],
    *,
    published: dt.date | PublishedFor | None = None,
    engine: Engine | None = None,
    on_files: OnFiles | None = None,
) -> Iterator[Outcome]:
    """Outcomes of reading ``inputs`` (files, folders, globs), in input order, without a store.

    Failures come as Outcomes with ``failure`` set; only a missing model (ModelError) or a bad
    setting (ConfigError) raises.
    """
    paths, failures = expand(inputs)
    if on_files is not None:
        on_files(len(paths))
    for failure in failures:
        yield Outcome(failure=failure)
    yield from outcomes(documents(paths, published_for(published)), engine or default_engine())


def ingest(
    inputs: Sequence[str | Path],
    store: Any,
    *,
    published: dt.date | PublishedFor | None = None,
    engine: Engine | None = None,
    link: bool = True,
    on_outcome: OnOutcome | None = None,
    on_files: OnFiles | None = None,
) -> Summary:
    """Read, store and link ``inputs``; documents already stored are skipped before reading.

    ``on_outcome`` is called once per document, failure and finished file, as they happen.
    Ctrl-C raises ``Interrupted`` carrying the summary; every document stored before it is kept.
    """
    summary = Summary()
    paths, failures = expand(inputs)
    summary.files = len(paths)
    if on_files is not None:
        on_files(len(paths))
    items: list[Item] = list(failures)
    ingest_documents(
        store,
        _chain(items, documents(paths, published_for(published))),
        engine=engine,
        summary=summary,
        on_outcome=on_outcome,
        link=link,
    )
    return summary


def ingest_documents(
    store: Any,
    items: Iterable[Item],
    *,
    engine: Engine | None = None,
    summary: Summary | None = None,
    on_outcome: OnOutcome | None = None,
    link: bool = True,
) -> Summary:
    """Read and store documents (and pass failures through), then link the new ones unless told not to."""
    summary = summary if summary is not None else Summary()
    engine = engine or default_engine()
    preload = LinkPreload()
    # Worker processes may be forked again later (a crashed worker is replaced): no thread of ours
    # may be running then, so the linker's models load beside the reading only when it is in process.
    preloading = link and isinstance(engine, InProcess)

    def stored(document: Document) -> bool:
        if store.has(document.id):
            return True
        if preloading:
            preload.start()  # the linker's models load while this document is read
        return False

    stream = outcomes(items, engine, skip=stored)
    try:
        try:
            for _ in store_outcomes(store, stream, summary, on_outcome):
                pass
        except KeyboardInterrupt:
            raise Interrupted(summary) from None
        if link:
            link_new(store, summary, on_outcome)
    finally:
        preload.wait()
    return summary


def _chain(first: list[Item], rest: Iterable[Item]) -> Iterator[Item]:
    yield from first
    yield from rest
