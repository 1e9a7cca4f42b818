"""Small real documents and a way to make one of them hang or kill its reader.

``stalling`` replaces the extraction function (in this process, and so in the worker
processes forked from it) with one that loops for ever, or dies by SIGKILL, on a document
whose text holds a marker word: a stand-in for a document that never finishes or that takes
its process down, which no real input does on purpose.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from hearsay.ingest import make_document
from hearsay.model import Document

DATA = Path(__file__).resolve().parent.parent / "data"
HANG = "Zzyzx-hang"
CRASH = "Zzyzx-crash"
SLOW = "Zzyzx-slow"


def news(number: int, extra: str = "") -> Document:
    text = (
        f"The minister of item {number} said on Monday that the harbour would reopen. "
        f'"We expect ships within a week," she told reporters. {extra}'
    )
    return make_document(text, source_path=f"news-{number}.txt", language="en")


@pytest.fixture
def stalling(monkeypatch: pytest.MonkeyPatch) -> None:
    from hearsay.extract import pipeline

    real = pipeline.extract_many

    def extract_many(documents, **kwargs):
        documents = list(documents)
        for document in documents:
            while HANG in document.text:  # a Python loop that never ends, as a runaway rule would be
                time.sleep(0.01)
            if SLOW in document.text:
                time.sleep(3)
            if CRASH in document.text:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(documents, **kwargs)

    monkeypatch.setattr(pipeline, "extract_many", extract_many)
