"""Ingest uploaded files: read with the same readers as `hearsay ingest`, extract, store, link.

Runs in the writer thread (``Database.write``). Each upload lands in a private temporary
folder under its own base name, so the readers see its suffix; stored documents and error
messages name it ``upload:NAME`` rather than the temporary path.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path
from typing import Any

from ..errors import HearsayError, InputError, UnexpectedError
from ..ingest import read_path
from ..link import link_corpus
from ..model import Document
from ..settings import load_settings
from ..store import SQLiteStore

UPLOAD_PREFIX = "upload:"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str | None) -> str:
    """A base name that is safe on any file system, keeping the suffix the readers look at."""
    base = Path((name or "").replace("\\", "/")).name
    cleaned = _UNSAFE_NAME.sub("_", base).strip("._") or "upload"
    return cleaned[-120:]


def ingest_upload(store: SQLiteStore, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    """Store the documents in ``files`` (name, content); returns the UploadResult shape."""
    documents: list[Document] = []
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="hearsay-upload-") as folder:
        for name, content in files:
            shown = UPLOAD_PREFIX + safe_name(name)
            path = Path(folder) / safe_name(name)
            path.write_bytes(content)
            for item in read_path(path, settings=load_settings()):
                if isinstance(item, InputError):
                    errors.append(str(item).replace(str(path), shown))
                else:
                    where = (item.source_path or str(path)).replace(str(path), shown)
                    documents.append(dataclasses.replace(item, source_path=where))
    stored = _extract_and_store(store, documents, errors)
    if any(d["new"] for d in stored):
        link_corpus(store)
    return {"documents": stored, "errors": errors}


def _extract_and_store(store: SQLiteStore, documents: list[Document], errors: list[str]) -> list[dict]:
    from ..extract.pipeline import extract

    stored = []
    for document in documents:
        new = not store.has(document.id)
        statements = 0
        try:
            if new:
                reading = extract(document)
                new = store.put(document, reading)
                statements = len(reading.statements)
            else:
                statements = store.count_statements(document_id=document.id)
        except HearsayError as err:
            errors.append(str(err))
            continue
        except Exception as err:  # noqa: BLE001 - one document's surprise must not lose the others
            errors.append(str(UnexpectedError.wrap(err, document.source_path)))
            continue
        stored.append(
            {
                "id": document.id,
                "title": document.title,
                "source_path": document.source_path,
                "new": new,
                "statements": statements,
            }
        )
    return stored
