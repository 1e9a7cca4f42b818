"""Outcomes into the store, one document per transaction, and the new documents linked.

Ctrl-C is held while a document is written, so a document is stored whole or not at all;
an interrupted run raises ``Interrupted`` with what it did, and a re-run skips what is stored.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import HearsayError, LinkError
from ..model import Reading
from .outcomes import Failure, Outcome, describe, where

OnOutcome = Callable[[Outcome], None]


@dataclass(slots=True)
class Summary:
    """What one run did; ``failures`` holds one Failure per input that did not work."""

    new: int = 0
    already: int = 0
    statements: int = 0
    entities: int = 0
    failures: list[Failure] = field(default_factory=list)
    linked: int | None = None
    files: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def stored(self) -> int:
        """Documents that are in the store now: the new ones and those found there."""
        return self.new + self.already

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


class Interrupted(Exception):
    """Ctrl-C during a run; ``summary`` says what was stored before it (and is kept)."""

    def __init__(self, summary: Summary) -> None:
        super().__init__("interrupted")
        self.summary = summary


def store_outcomes(
    store: Any, outcomes: Iterable[Outcome], summary: Summary, on_outcome: OnOutcome | None = None
) -> Iterator[Outcome]:
    """Store each new reading; yields every outcome with ``stored`` set (or its failure)."""
    for outcome in outcomes:
        if outcome.failure is None and outcome.document is not None:
            outcome = _store(store, outcome, summary)
        if outcome.failure is not None:
            summary.failures.append(outcome.failure)
        if on_outcome is not None:
            on_outcome(outcome)
        yield outcome


def _store(store: Any, outcome: Outcome, summary: Summary) -> Outcome:
    document, reading, written = outcome.document, outcome.reading, outcome.written
    assert document is not None
    if written is not None:  # its worker stored it (PostgreSQL)
        if written.added:
            summary.new += 1
            summary.statements += written.statements
            summary.entities += written.entities
        else:
            summary.already += 1
        return Outcome(document=document, written=written, stored=written.added)
    if reading is None:  # skipped: stored already
        summary.already += 1
        return Outcome(document=document, stored=False)
    try:
        with atomic():
            added = store.put(document, reading)
            _count(summary, reading, added)  # inside: a Ctrl-C held during the put still finds it counted
    except KeyboardInterrupt:
        raise
    except Exception as err:  # noqa: BLE001 - a document the store refuses must not stop the batch
        return Outcome(document=document, failure=describe(err, where(document)))
    return Outcome(document=document, reading=reading, stored=added)


def _count(summary: Summary, reading: Reading, added: bool) -> None:
    if not added:
        summary.already += 1
        return
    summary.new += 1
    summary.statements += len(reading.statements)
    summary.entities += len(reading.entities)


@contextmanager
def atomic() -> Iterator[None]:
    """Hold Ctrl-C until the block ends, so that a document is stored whole or not at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def link_new(store: Any, summary: Summary, on_outcome: OnOutcome | None = None) -> None:
    """Link the documents not linked yet (incrementally); a failure is one line and fails nothing stored."""
    from ..link.linker import link_corpus  # (not ``hearsay.link``'s: that imports the read API too)

    failures: list[Failure] = []
    try:
        counts = link_corpus(store)
    except HearsayError as err:
        stored = "the documents are stored, run `hearsay link`"
        failures.append(Failure(str(LinkError(f"linking failed: {err.message}; {stored}"))))
    else:
        summary.linked = counts["documents"]
        for message in counts["failures"]:
            text = f"linking failed for {message}; it is stored, and `hearsay link` retries it"
            failures.append(Failure(str(LinkError(text))))
    for failure in failures:
        summary.failures.append(failure)
        if on_outcome is not None:
            on_outcome(Outcome(failure=failure))
