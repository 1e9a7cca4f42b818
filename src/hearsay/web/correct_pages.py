"""Correction pages: forms that change, reject or add a statement, working without JavaScript.

A form post is a write, allowed as ``form_writes`` says (the token, or this server's form key).
Only the fields that differ from what hearsay read become the decision.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..corrections import Change, add, correct, reject, relate
from ..corrections.marks import marks_for
from ..errors import ConfigError
from ..model import CERTAINTIES, POLARITIES, STANCES, Reading, Statement
from .form_writes import check_form_write, form_key
from .render import render_page
from .state import state

router = APIRouter(include_in_schema=False)
# Characters of the text shown around a statement on its correction page.
CONTEXT = 400
SPAN_FIELDS = ("addressee", "medium", "cue", "content")


def _statement(reading: Reading, statement_id: str) -> Statement:
    for statement in reading.statements:
        if statement.id == statement_id:
            return statement
    raise HTTPException(404, f"this document has no statement {statement_id}")


def _span(start: int | None, end: int | None) -> str:
    return f"{start}:{end}" if start is not None and end is not None else ""


def _current(reading: Reading, statement: Statement) -> dict[str, str]:
    entity = reading.entity(statement.source.entity)
    return {
        "source": entity.name if entity else _span(statement.source.start, statement.source.end),
        "stance": statement.stance,
        "certainty": statement.certainty,
        "polarity": statement.polarity,
        "addressee": _span(statement.addressee.start, statement.addressee.end) if statement.addressee else "",
        "medium": _span(statement.medium.start, statement.medium.end) if statement.medium else "",
        "cue": _span(statement.cue.start, statement.cue.end),
        "content": _span(statement.content.start, statement.content.end),
    }


def _context(reading: Reading, start: int, end: int) -> dict[str, Any]:
    text = reading.document.text if reading.document is not None else ""
    first, last = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    return {
        "offset": first,
        "text": text[first:last],
        "clipped_start": first > 0,
        "clipped_end": last < len(text),
    }


def _page(
    request: Request,
    reading: Reading,
    mode: str,
    values: dict[str, str],
    context: dict[str, Any],
    statement: Statement | None = None,
    problem: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    server = state(request)
    data: dict[str, Any] = {
        "document": reading.document,
        "reading": reading,
        "statement": statement,
        "mode": mode,
        "values": values,
        "context": context,
        "stances": STANCES,
        "certainties": CERTAINTIES,
        "polarities": POLARITIES,
        "needs_token": server.needs_token,
        "writes_open": server.needs_token or server.writes_open,
        "problem": problem,
        "form_key": form_key(reading.document_id),
        "decided": [],
    }
    if statement is not None:
        marks = marks_for(server.db.reader(), [reading.document_id])
        data["decided"] = marks.get((reading.document_id, statement.id), [])
    return render_page(request, "correct.html", data, status=status)


@router.get("/documents/{document_id}/statements/{statement_id}/correct", response_class=HTMLResponse)
def correct_form(request: Request, document_id: str, statement_id: str) -> HTMLResponse:
    """The correction form of one statement."""
    reading = state(request).db.reader().reading(document_id)
    statement = _statement(reading, statement_id)
    context = _context(
        reading,
        min(statement.cue.start, statement.content.start),
        max(statement.cue.end, statement.content.end),
    )
    return _page(request, reading, "change", _current(reading, statement), context, statement)


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {key: str(value) for key, value in form.items() if isinstance(value, str)}


def _who(request: Request, form: dict[str, str]) -> str:
    return state(request).decided_by(request, form.get("who"), "web", form.get("token") or None)


def _back(document_id: str, statement_id: str | None) -> RedirectResponse:
    anchor = f"#statement-{statement_id}" if statement_id else ""
    return RedirectResponse(f"/documents/{document_id}{anchor}", status_code=303)


@router.post("/documents/{document_id}/statements/{statement_id}/correct", response_class=HTMLResponse)
async def correct_post(request: Request, document_id: str, statement_id: str) -> Any:
    """Apply the fields that changed, or reject the statement (the form's ``action`` button)."""
    form = await _form(request)
    reading = state(request).db.reader().reading(document_id)
    check_form_write(request, form.get("token"), form.get("form_key"), reading.document_id)
    statement = _statement(reading, statement_id)
    who, note = _who(request, form), form.get("note", "")[:2000]
    try:
        if form.get("action") == "reject":
            kept = state(request).db.write(
                lambda store: reject(store, reading.document_id, statement_id, who=who, note=note)
            )
            return _back(reading.document_id, None)
        current = _current(reading, statement)
        changed = {
            name: form[name].strip()
            for name in current
            if name in form and form[name].strip() != current[name]
        }
        if not changed:
            raise ConfigError("nothing changed: edit a field before saving")
        kept = state(request).db.write(
            lambda store: correct(
                store, reading.document_id, statement_id, Change(**changed), who=who, note=note
            )
        )
    except ConfigError as err:
        context = _context(reading, statement.cue.start, statement.content.end)
        values = {**_current(reading, statement), **{k: v for k, v in form.items() if k in SPAN_FIELDS}}
        return _page(request, reading, "change", values, context, statement, problem=err.message, status=422)
    return _back(reading.document_id, kept.statement_id)


@router.get("/documents/{document_id}/statements/new", response_class=HTMLResponse)
def add_form(request: Request, document_id: str) -> HTMLResponse:
    """The form that adds a statement hearsay missed."""
    reading = state(request).db.reader().reading(document_id)
    text = reading.document.text if reading.document is not None else ""
    values = {
        "source": "",
        "stance": "report",
        "certainty": "certain",
        "polarity": "pos",
        "addressee": "",
        "medium": "",
        "cue": "",
        "content": "",
    }
    return _page(
        request,
        reading,
        "add",
        values,
        {"offset": 0, "text": text, "clipped_start": False, "clipped_end": False},
    )


@router.post("/documents/{document_id}/statements/new", response_class=HTMLResponse)
async def add_post(request: Request, document_id: str) -> Any:
    form = await _form(request)
    reading = state(request).db.reader().reading(document_id)
    check_form_write(request, form.get("token"), form.get("form_key"), reading.document_id)
    fields = {
        name: form.get(name, "").strip()
        for name in ("stance", "certainty", "polarity", "addressee", "medium")
    }
    change = Change(**{name: value for name, value in fields.items() if value})
    try:
        kept = state(request).db.write(
            lambda store: add(
                store,
                reading.document_id,
                source=form.get("source", ""),
                cue=form.get("cue", ""),
                content=form.get("content", ""),
                change=change,
                who=_who(request, form),
                note=form.get("note", "")[:2000],
            )
        )
    except ConfigError as err:
        text = reading.document.text if reading.document is not None else ""
        values = {
            name: form.get(name, "")
            for name in ("source", "stance", "certainty", "polarity", "addressee", "medium", "cue", "content")
        }
        context = {"offset": 0, "text": text, "clipped_start": False, "clipped_end": False}
        return _page(request, reading, "add", values, context, problem=err.message, status=422)
    return _back(reading.document_id, kept.statement_id)


@router.post("/documents/{document_id}/statements/{statement_id}/relation", response_class=HTMLResponse)
async def relation_post(request: Request, document_id: str, statement_id: str) -> Any:
    """Keep an analyst's reading of how a statement bears on the claim the page was read against."""
    form = await _form(request)
    reading = state(request).db.reader().reading(document_id)
    check_form_write(request, form.get("token"), form.get("form_key"), reading.document_id)
    proposition, relation = form.get("proposition", ""), form.get("relation", "")
    try:
        state(request).db.write(
            lambda store: relate(
                store,
                reading.document_id,
                statement_id,
                proposition=proposition,
                relation=relation,
                who=_who(request, form),
                note=form.get("note", "")[:2000],
            )
        )
    except ConfigError as err:
        raise HTTPException(422, err.message) from None
    query = urlencode({"proposition": proposition})
    return RedirectResponse(
        f"/documents/{reading.document_id}?{query}#statement-{statement_id}", status_code=303
    )
