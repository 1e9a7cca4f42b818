"""Per-document time limits for reading in this process (soft) or in a worker (hard, ``workers.py``).

In this process the limit raises ``OverBudget`` in the reading thread: by SIGALRM on the main
thread, by an asynchronous exception (CPython's ``PyThreadState_SetAsyncExc``) on any other
(the web server's writer, a Dask worker's task). Either interrupts reading at its next Python
step: hearsay's components are Python, while a long C loop inside spaCy finishes its step
first. Worker processes are the hard limit: the parent kills a worker that overruns.
"""

from __future__ import annotations

import ctypes
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
    """Raise OverBudget in this block after ``seconds`` (None or 0: no limit)."""
    if not seconds:
        yield
    elif can_alarm():
        with _alarm(seconds):
            yield
    else:
        with _thread_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:

    def overrun(_signum: int, _frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _set_async_exc(thread_id: int, exception: type[BaseException] | None) -> None:
    target = ctypes.py_object(exception) if exception is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), target)


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    """The limit off the main thread: a timer thread raises OverBudget in this one, if still inside."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"inside": True, "fired": False}

    def overrun() -> None:
        with lock:
            if state["inside"]:
                state["fired"] = True
                _set_async_exc(thread_id, OverBudget)

    timer = threading.Timer(seconds, overrun)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["inside"] = False
            if state["fired"]:  # raised already, or still pending: never let it out of the block
                _set_async_exc(thread_id, None)


def overran(document: Document, seconds: float) -> Failure:
    """The failure of a document whose reading ran past ``seconds``."""
    error = TimeLimitError(
        f"reading took longer than the limit of {seconds:g} s; it was stopped "
        "(raise --doc-timeout or HEARSAY_DOC_TIMEOUT, or split the text)",
        where=where(document),
    )
    return Failure(str(error))
