"""Ingest uploaded files through ``hearsay.pipeline``, as `hearsay ingest` does: read, extract, store, link.

Runs in the writer thread (``Database.write``). Each upload lands in a private temporary
folder under its own base name, so the readers see its suffix; stored documents and error
messages name it ``upload:NAME`` rather than the temporary path.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..ingest import read_path
from ..link import link_corpus
from ..model import Document
from ..pipeline import Failure
from ..settings import load_settings
from ..store import SQLiteStore

if TYPE_CHECKING:
    from ..pipeline import Outcome

UPLOAD_PREFIX = "upload:"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str | None) -> str:
    """A base name that is safe on any file system, keeping the suffix the readers look at."""
    base = Path((name or "").replace("\\", "/")).name
    cleaned = _UNSAFE_NAME.sub("_", base).strip("._") or "upload"
    return cleaned[-120:]


def ingest_upload(store: SQLiteStore, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    """Store the documents in ``files`` (name, content) through the pipeline; returns an UploadResult."""
    from ..pipeline import ingest_documents

    stored: list[dict[str, Any]] = []
    errors: list[str] = []

    def record(outcome: Outcome) -> None:
        if outcome.failure is not None:
            errors.append(outcome.failure.message)
        elif outcome.document is not None and outcome.stored is not None:
            stored.append(_stored(store, outcome))

    with tempfile.TemporaryDirectory(prefix="hearsay-upload-") as folder:
        items = list(_documents(Path(folder), files))
    summary = ingest_documents(store, items, on_outcome=record, link=False)
    if summary.new:
        link_corpus(store)
    return {"documents": stored, "errors": errors}


def _documents(folder: Path, files: list[tuple[str, bytes]]) -> Iterator[Document | Failure]:
    """The documents in each upload, named ``upload:NAME``; a part that cannot be read is a Failure."""
    from ..pipeline import describe

    for name, content in files:
        shown = UPLOAD_PREFIX + safe_name(name)
        path = folder / safe_name(name)
        path.write_bytes(content)
        for item in read_path(path, settings=load_settings()):
            if isinstance(item, InputError):
                yield Failure(str(item).replace(str(path), shown))
            elif isinstance(item, BaseException):
                yield describe(item, shown)
            else:
                where = (item.source_path or str(path)).replace(str(path), shown)
                yield dataclasses.replace(item, source_path=where)


def _stored(store: SQLiteStore, outcome: Outcome) -> dict[str, Any]:
    document = outcome.document
    assert document is not None
    if outcome.reading is not None:
        statements = len(outcome.reading.statements)
    else:
        statements = store.count_statements(document_id=document.id)
    return {
        "id": document.id,
        "title": document.title,
        "source_path": document.source_path,
        "new": bool(outcome.stored),
        "statements": statements,
    }
