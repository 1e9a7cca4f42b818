"""The HTTP API under /api/v1: documents, statements, entities, uploads; linked views when linked.

Every list takes ``limit`` and ``offset`` and answers a ``Page`` with ``total`` and ``next``.
Errors are ``{"error": message}`` (see ``errors.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from ..corrections.marks import mark_reading, mark_rows, marks_for
from ..link.why import why_one
from ..settings import load_settings
from ..vocabulary import label
from . import entities as entity_views
from . import listing, urls
from .api_models import (
    Certainty,
    DocumentSummary,
    EntityDetail,
    EntitySummary,
    ErrorBody,
    Page,
    Stance,
    StatementRow,
    UploadResult,
)
from .openapi import READING_REF
from .state import state
from .upload import ingest_upload

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (404, "not found"),
        (422, "a parameter is invalid"),
        (500, "an internal error (the message says what to report)"),
        (503, "the database cannot be used"),
    )
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ErrorBody, "description": "the token is missing or wrong"},
    403: {"model": ErrorBody, "description": "writes are off, or the write header is missing"},
    413: {"model": ErrorBody, "description": "a file is over the size limit"},
}
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
MAX_FILES = 50

router = APIRouter(prefix="/api/v1", responses=ERRORS)
Handler = TypeVar("Handler", bound=Callable[..., Any])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Text = Annotated[str | None, Query(max_length=500)]


def page(request: Request, items: list, total: int, limit: int, offset: int) -> dict[str, Any]:
    following = at_offset(request, offset + limit) if offset + limit < total else None
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next": following}


def at_offset(request: Request, offset: int) -> str:
    """This request's URL with ``offset`` instead of its own."""
    params = dict(request.query_params)
    params["offset"] = str(offset)
    return f"{request.url.path}?{urlencode(params)}"


# --- documents ------------------------------------------------------------------------------


@router.get("/documents", response_model=Page[DocumentSummary], tags=["documents"])
def list_documents(request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Stored documents in ingest order, or those matching the full-text words ``q``, best first."""
    store = state(request).db.reader()
    if q:
        hits = store.search(q, limit=limit, offset=offset, kinds=("documents",))["documents"]
        by_id = store.documents_by_id([h["document_id"] for h in hits])
        items = [_summary(by_id[h["document_id"]], h["snippet"]) for h in hits]
        return page(request, items, store.count_matches(q, kinds=("documents",))["documents"], limit, offset)
    items = [_summary(d) for d in store.documents(limit=limit, offset=offset)]
    return page(request, items, store.counts()["documents"], limit, offset)


def _summary(document, snippet: str | None = None) -> dict[str, Any]:
    data = document.to_dict(with_text=False)
    data.pop("author", None)
    return {**data, "snippet": snippet}


@router.get(
    "/documents/{document_id}",
    tags=["documents"],
    responses={
        200: {
            "description": "the document with its reading (schema reading-v2)",
            "content": {"application/json": {"schema": {"$ref": READING_REF}}},
        }
    },
)
def get_document(request: Request, document_id: str) -> JSONResponse:
    """One document (its id, or a unique prefix of it) with its reading, as in `hearsay read --json`."""
    store = state(request).db.reader()
    reading = store.reading(document_id)
    marks = marks_for(store, [reading.document_id])
    return JSONResponse(mark_reading(reading.to_dict(), marks))


def check_write(request: Request) -> None:
    """Writes are refused before their body is even read (a dependency runs before validation)."""
    state(request).check_write(request)


def post_write(on: APIRouter, path: str, model: type[BaseModel], tag: str) -> Callable[[Handler], Handler]:
    """A POST route that writes: checked by ``check_write`` first, documented with the write errors."""
    return on.post(
        path, response_model=model, tags=[tag], responses=WRITE_ERRORS, dependencies=[Depends(check_write)]
    )


@post_write(router, "/documents", UploadResult, "documents")
async def upload_documents(request: Request, files: Annotated[list[UploadFile], File()]) -> dict:
    """Ingest uploaded files: text, HTML, JSON Lines, RSS/Atom feeds, Telegram exports.

    Needs the header ``X-Hearsay-Write: 1``, or ``Authorization: Bearer TOKEN`` when the server
    has a token. Documents already stored are reported with ``new: false`` and change nothing.
    """
    server = state(request)
    if len(files) > MAX_FILES:
        raise HTTPException(422, f"at most {MAX_FILES} files per upload")
    limit = load_settings().max_bytes
    contents = []
    for upload in files:
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise HTTPException(
                413, f"{upload.filename}: over the limit of {limit:,} bytes (HEARSAY_MAX_BYTES)"
            )
        contents.append((upload.filename or "upload", data))
    result = await _in_writer(server, contents)
    if not result["documents"] and result["errors"]:
        raise HTTPException(422, "; ".join(result["errors"])[:2000])
    return result


async def _in_writer(server, contents):
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(server.db.write, ingest_upload, contents)


# --- statements and entities ---------------------------------------------------------------


@router.get("/statements", response_model=Page[StatementRow], tags=["statements"])
def list_statements(
    request: Request,
    source: Text = None,
    about: Text = None,
    stance: Stance | None = None,
    certainty: Certainty | None = None,
    outlet: Text = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
    q: Text = None,
    document: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    """Statements filtered by source, what they are about, stance, certainty, outlet, dates and words."""
    store = state(request).db.reader()
    filters = statement_filters(
        source=source,
        about=about,
        stance=stance,
        certainty=certainty,
        outlet=outlet,
        published_from=published_from,
        published_to=published_to,
        q=q,
        document=document,
    )
    rows = mark_rows(store, store.statements(limit=limit, offset=offset, **filters))
    return page(request, rows, store.count_statements(**filters), limit, offset)


def statement_filters(*, published_from=None, published_to=None, q=None, document=None, **rest) -> dict:
    """Query parameters as ``SQLiteStore.statements`` filters (empty values dropped)."""
    filters = {k: v for k, v in rest.items() if v}
    if published_from:
        filters["published_from"] = published_from.isoformat()
    if published_to:
        filters["published_to"] = published_to.isoformat()
    if q:
        filters["text"] = q
    if document:
        filters["document_id"] = document
    return filters


@router.get("/entities", response_model=Page[EntitySummary], tags=["entities"])
def list_entities(
    request: Request, type: Text = None, q: Text = None, limit: Limit = 50, offset: Offset = 0
) -> dict:
    """Entities, most mentioned first; ``type`` is PERSON, ORG, OUTLET, GPE, ...; ``q`` part of a name."""
    items, total = listing.entity_page(request, type, q, limit, offset)
    return page(request, items, total, limit, offset)


@router.get("/entities/{key:path}", response_model=EntityDetail, tags=["entities"])
def get_entity(request: Request, key: str, limit: Limit = 50, offset: Offset = 0) -> dict:
    """One entity: names and variants, roles over time, and ``limit`` items from ``offset`` of what it
    said, what was said about it and its documents, with each list's total (``said_count``, ...) and
    ``next``, the URL of the following window while any list has more."""
    server = state(request)
    store = server.db.reader()
    found = entity_views.entity_api(store, key, limit, offset)
    if found is None:
        raise HTTPException(404, f"no entity {key!r}")
    linked = urls.split_entity_key(key) is None
    mark_rows(store, [*found["said"], *found["said_about"]])
    more = found.pop("more")
    return {
        **found,
        "type_label": label("entity_type", found["type"]),
        "why": why_one(store, found["id"]) if linked else None,
        "limit": limit,
        "offset": offset,
        "next": at_offset(request, offset + limit) if more else None,
    }
