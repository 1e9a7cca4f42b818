"""Server-rendered pages: home, documents, a document, entities, an entity, search, upload."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..corrections.marks import mark_rows
from ..link import timeline as link_timeline
from ..link.remembered import remembered
from ..model import CERTAINTIES, STANCES
from ..store.corrections import CorrectionTable
from . import entities as entity_views
from . import listing, urls
from .api import MAX_LIMIT, MAX_OFFSET, statement_filters
from .article import Linked, marked_up, statement_cards
from .entity_forms import writes_context
from .evidence_page import by_statement, claim_of
from .form_writes import form_key
from .render import render_page
from .search_marks import snippet_html
from .state import state
from .svg_timeline import timeline_svg

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

router = APIRouter(include_in_schema=False)

PAGE = 25
SEARCH_DOCUMENTS = 10  # documents shown above the statements on the search page, then "more"
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Text = Annotated[str | None, Query(max_length=500)]


def pager(total: int, offset: int, limit: int = PAGE, *, exact: bool = True) -> dict:
    """A list's pager; ``exact=False`` when ``total`` only says whether more follow."""
    return {
        "total": total,
        "exact": exact,
        "offset": offset,
        "limit": limit,
        "previous": max(offset - limit, 0) if offset > 0 else None,
        "next": offset + limit if offset + limit < total else None,
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    store = state(request).db.reader()
    recent = store.documents(limit=10)
    return render_page(request, "home.html", {"counts": store.counts(), "documents": recent})


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, offset: Offset = 0) -> HTMLResponse:
    store = state(request).db.reader()
    found = store.documents(limit=PAGE, offset=offset)
    total = store.counts()["documents"]
    return render_page(request, "documents.html", {"documents": found, "pager": pager(total, offset)})


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(
    request: Request, document_id: str, cluster: Text = None, proposition: Text = None
) -> HTMLResponse:
    """A document with its statements marked; with ``cluster`` or ``proposition``, read against that claim."""
    store = state(request).db.reader()
    reading = store.reading(document_id)
    claim = claim_of(store, cluster_id=cluster, proposition=proposition)
    if cluster and claim is None:
        raise HTTPException(404, f"no claim cluster {cluster!r}")
    linked = Linked(store, reading.document_id)
    relations = by_statement(claim.evidence if claim else None, reading.document_id)
    cards = statement_cards(reading, linked, relations)
    context = {
        "corrected": CorrectionTable(store).marks(reading.document_id),
        "form_key": form_key(reading.document_id),
        "needs_token": state(request).needs_token,
        "writes_open": state(request).needs_token or state(request).writes_open,
        "claim": claim,
        "document": reading.document,
        "reading": reading,
        "cards": cards,
        "article": marked_up(reading, cards, linked),
        "counts": {
            "statements": len(reading.statements),
            "entities": len(reading.entities),
            "mentions": len(reading.mentions),
            "times": len(reading.times),
        },
    }
    return render_page(request, "document.html", context)


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: Text = None, q: Text = None, offset: Offset = 0) -> HTMLResponse:
    items, total = listing.entity_page(request, type, q, PAGE, offset)
    context = {"entities": items, "pager": pager(total, offset), "type": type or "", "query": q or ""}
    return render_page(request, "entities.html", context)


ListPage = Annotated[int, Query(ge=1, le=100_000)]


@router.get("/entities/{key:path}", response_class=HTMLResponse)
def entity(
    request: Request,
    key: str,
    said_page: ListPage = 1,
    said_about_page: ListPage = 1,
    documents_page: ListPage = 1,
    done: Text = None,
    split_off: Text = None,
    timeline: bool = False,
) -> HTMLResponse:
    """An entity: its names and why they are one, roles, then each list with its count first."""
    store = state(request).db.reader()
    requested = {"said_page": said_page, "said_about_page": said_about_page, "documents_page": documents_page}
    found = entity_views.entity_view(store, key, requested)
    if found is None:
        raise HTTPException(404, f"no entity {key!r}")
    # The timeline reads every statement by or about the entity: drawn when asked for, not on every visit.
    drawn = None
    if timeline and found["id"] == key:
        drawn = timeline_svg([e.to_dict() for e in link_timeline(store, entity=key, limit=200)])
    context = {
        "entity": found,
        "timeline": drawn,
        "timeline_href": urls.with_query(urls.entity(key), timeline=1) + "#timeline-title-h",
        "writes": writes_context(request, found["id"], done, split_off),
    }
    return render_page(request, "entity.html", context)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Text = None,
    source: Text = None,
    about: Text = None,
    stance: Text = None,
    certainty: Text = None,
    outlet: Text = None,
    published_from: Text = None,
    published_to: Text = None,
    offset: Offset = 0,
    documents_offset: Offset = 0,
) -> HTMLResponse:
    """Documents matching the words, and statements matching the words and the filters."""
    store = state(request).db.reader()
    form = {
        "q": q or "",
        "source": source or "",
        "about": about or "",
        "stance": stance or "",
        "certainty": certainty or "",
        "outlet": outlet or "",
        "published_from": published_from or "",
        "published_to": published_to or "",
    }
    problems = []
    if stance and stance not in STANCES:
        problems.append(f"unknown stance {stance!r}")
    if certainty and certainty not in CERTAINTIES:
        problems.append(f"unknown certainty {certainty!r}")
    dates = {}
    for name in ("published_from", "published_to"):
        if form[name]:
            try:
                dates[name] = dt.date.fromisoformat(form[name])
            except ValueError:
                problems.append(f"{name.replace('_', ' ')} must be a date like 2025-06-02")
    context = {"form": form, "problems": problems, "documents": [], "statements": [], "searched": False}
    filters = statement_filters(
        source=source, about=about, stance=stance, certainty=certainty, outlet=outlet, q=q, **dates
    )
    if not problems and (q or filters):
        context["searched"] = True
        # Remembered until the store changes: a common word matches every document and statement.
        key = ("search page", q, tuple(sorted(filters.items())), offset, documents_offset)
        found = remembered(store, key, lambda: _searched(store, q, filters, offset, documents_offset))
        context.update(found)
    return render_page(
        request,
        "search.html",
        {**context, "query": q or "", "stances": STANCES, "certainties": CERTAINTIES, "max_limit": MAX_LIMIT},
    )


def _searched(
    store: SQLiteStore, q: str | None, filters: dict[str, Any], offset: int, documents_offset: int
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if q:
        hits = store.search(
            q, limit=SEARCH_DOCUMENTS, offset=documents_offset, marks=("\x02", "\x03"), kinds=("documents",)
        )
        found["documents"] = [{**h, "snippet_html": snippet_html(h["snippet"])} for h in hits["documents"]]
        document_total = store.count_matches(q, kinds=("documents",))["documents"]
        found["document_total"] = document_total
        found["documents_pager"] = pager(document_total, documents_offset, SEARCH_DOCUMENTS)
    found["statements"] = mark_rows(store, store.statements(limit=PAGE, offset=offset, **filters))
    found["pager"] = pager(store.count_statements(**filters), offset)
    return found


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request) -> HTMLResponse:
    server = state(request)
    context = {
        "needs_token": server.needs_token,
        "writes_open": server.needs_token or server.writes_open,
        "accept": ".txt,.text,.md,.html,.htm,.xhtml,.jsonl,.ndjson,.json,.xml,.rss,.atom",
    }
    return render_page(request, "upload.html", context)
