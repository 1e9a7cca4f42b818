"""Entity corrections from the entity page: split and merge as plain HTML forms (no script needed).

A form cannot send the API's ``X-Hearsay-Write`` header, so a form write is allowed when the
server's token is in the form, or, on a loopback server without a token, when the browser says
the form came from this same site (``Origin`` or ``Sec-Fetch-Site``): a page on another site
cannot post here. Each answers with a redirect back to the entity page (303), which says what
changed.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from ..errors import ConfigError
from ..link import merge, split
from . import urls
from .state import ServerState, state

router = APIRouter(include_in_schema=False)

Token = Annotated[str | None, Form(max_length=500)]
Who = Annotated[str, Form(max_length=100)]
NOTICES = {
    "merged": "Merged: the names of the other entity are now this entity's.",
    "split": "Split: the names you chose are now an entity of their own.",
}


def _who(request: Request, token: str | None, who: str) -> str:
    return state(request).decided_by(request, who, "web", token or None)


def check_form_write(request: Request, server: ServerState, token: str | None) -> None:
    if server.needs_token:
        if not server.policy.writes_with(token or None):
            raise HTTPException(
                401, "this server needs its write token for corrections; the form has a field for it"
            )
        return
    if not server.writes_open:
        raise HTTPException(403, "corrections are off: the server is bound beyond 127.0.0.1 without a token")
    if not same_site(request):
        raise HTTPException(403, "a correction must come from this server's own page")


def same_site(request: Request) -> bool:
    """Whether the browser says the request came from a page of this server."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return False
    return urlsplit(origin).netloc == request.headers.get("host")


def writes_context(request: Request, done: str | None, split_off: str | None) -> dict[str, object]:
    """What the entity page's correction forms need: may it write, does it need the token, what changed."""
    server = state(request)
    return {
        "open": server.needs_token or server.writes_open,
        "needs_token": server.needs_token,
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
) -> RedirectResponse:
    check_form_write(request, state(request), token)
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
) -> RedirectResponse:
    check_form_write(request, state(request), token)
    if not names:
        raise HTTPException(422, "choose at least one name to split off")
    result = _run(request, split, entity_id, names, _who(request, token, who))
    target = urls.with_query(urls.entity(result["id"]), done="split", split_off=result["split_off"])
    return RedirectResponse(target + "#correct", status_code=303)
