"""Per-document time limits for reading in this process: a SIGALRM timer on the main thread.

The alarm interrupts reading at the next Python step (hearsay's components are Python; a long
C loop inside spaCy finishes its step first). Worker processes are the hard limit: the
parent kills a worker that overruns (``workers.py``).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import TimeLimitError
from ..model import Document
from .outcomes import Failure, where

DEFAULT_DOC_TIMEOUT = 120.0


class OverBudget(BaseException):  # noqa: N818 - not an error of the code, a signal to stop reading
    """Raised by the alarm; a BaseException so that no ``except Exception`` in a component swallows it."""


def can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in this block after ``seconds``; no limit off the main thread or when None."""
    if not seconds or not can_alarm():
        yield
        return

    def overrun(_signum: int, _frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def overran(document: Document, seconds: float) -> Failure:
    """The failure of a document whose reading ran past ``seconds``."""
    error = TimeLimitError(
        f"reading took longer than the limit of {seconds:g} s; it was stopped "
        "(raise --doc-timeout or HEARSAY_DOC_TIMEOUT, or split the text)",
        where=where(document),
    )
    return Failure(str(error))
