"""Entity corrections from the entity page: split and merge as plain HTML forms (no script needed).

A form write is allowed as ``form_writes`` says (the server's token in the form, or this server's
form key for the entity). Each answers with a redirect back to the entity page (303), which says
what changed.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from ..errors import ConfigError
from ..link import merge, split
from . import urls
from .form_writes import check_form_write, form_key
from .state import state

router = APIRouter(include_in_schema=False)

Token = Annotated[str | None, Form(max_length=500)]
FormKey = Annotated[str | None, Form(max_length=100, alias="form_key")]
Who = Annotated[str, Form(max_length=100)]
NOTICES = {
    "merged": "Merged: the names of the other entity are now this entity's.",
    "split": "Split: the names you chose are now an entity of their own.",
}


def _who(request: Request, token: str | None, who: str) -> str:
    return state(request).decided_by(request, who, "web", token or None)


def entity_subject(entity_id: str) -> str:
    """What an entity form's key is made from (a document's forms use the document id)."""
    return f"entity:{entity_id}"


def writes_context(
    request: Request, entity_id: str, done: str | None, split_off: str | None
) -> dict[str, object]:
    """What the entity page's correction forms need: may it write, its token or key, what changed."""
    server = state(request)
    return {
        "open": server.needs_token or server.writes_open,
        "needs_token": server.needs_token,
        "form_key": form_key(entity_subject(entity_id)),
        "notice": NOTICES.get(done or ""),
        "split_off": split_off if done == "split" else None,
    }


def _run(request: Request, work, *args):
    try:
        return state(request).db.write(work, *args)
    except ConfigError as err:
        raise HTTPException(422, err.message) from None


@router.post("/entities/{entity_id}/merge")
def merge_form(
    request: Request,
    entity_id: str,
    other: Annotated[str, Form(min_length=1, max_length=500)],
    token: Token = None,
    who: Who = "",
    key: FormKey = None,
) -> RedirectResponse:
    check_form_write(request, token, key, entity_subject(entity_id))
    result = _run(request, merge, entity_id, other.strip(), _who(request, token, who))
    return RedirectResponse(
        urls.with_query(urls.entity(result["id"]), done="merged") + "#correct", status_code=303
    )


@router.post("/entities/{entity_id}/split")
def split_form(
    request: Request,
    entity_id: str,
    names: Annotated[list[str] | None, Form(max_length=50)] = None,
    token: Token = None,
    who: Who = "",
    key: FormKey = None,
) -> RedirectResponse:
    check_form_write(request, token, key, entity_subject(entity_id))
    if not names:
        raise HTTPException(422, "choose at least one name to split off")
    result = _run(request, split, entity_id, names, _who(request, token, who))
    target = urls.with_query(urls.entity(result["id"]), done="split", split_off=result["split_off"])
    return RedirectResponse(target + "#correct", status_code=303)
