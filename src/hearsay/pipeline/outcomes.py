"""What the pipeline says about each input: a document read, skipped or stored, or a failure.

Failures are values, never exceptions: one ``Failure`` per input (file, line, post, document)
that did not work, with a one-line message that names it and carries its ``[CODE]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import HearsayError
from ..model import Document, Reading

_CODE = re.compile(r"\[(H\d{3})\]")


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that did not work; ``message`` is one line naming it, with its ``[CODE]``."""

    message: str

    @property
    def code(self) -> str:
        found = _CODE.search(self.message)
        return found.group(1) if found else HearsayError.code


@dataclass(frozen=True, slots=True)
class FileDone:
    """Marks the end of one input file's documents in the stream."""

    path: Path


@dataclass(frozen=True, slots=True)
class Written:
    """A reading its worker stored itself (PostgreSQL, where every worker may write): what the run
    counts of it. ``added`` is False when the document was stored already."""

    document_id: str
    added: bool
    statements: int
    entities: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one document: a new reading, a skip (already stored), or a failure.

    An Outcome with ``file_done`` set carries nothing else: every document of that file is done.
    ``stored`` is set by the store stage: True when the reading was added, False when the
    document was there already. ``written`` is set instead of ``reading`` when a worker stored the
    reading itself.
    """

    document: Document | None = None
    reading: Reading | None = None
    failure: Failure | None = None
    file_done: Path | None = None
    stored: bool | None = None
    written: Written | None = None


def describe(error: BaseException, where: str) -> Failure:
    """A one-line failure for ``error``; hearsay's own errors already name their input and code."""
    if isinstance(error, HearsayError):
        text = str(error)
        return Failure(text if (error.where or where in text) else f"[{error.code}] {where}: {error.message}")
    return Failure(f"[{HearsayError.code}] {where}: unexpected {type(error).__name__}: {error}")


def where(document: Document) -> str:
    """The name a document's failures are reported under."""
    return document.source_path or f"document {document.id[:12]}"


def exit_code(worked: int, failed: int) -> int:
    """0: all worked; 1: some failed, some worked; 3: nothing worked or nothing was found."""
    if worked == 0:
        return 3
    return 1 if failed else 0
