"""Writes from plain HTML forms (corrections of statements and entities), working without JavaScript.

A form cannot send the API's ``X-Hearsay-Write`` header, so a form post is allowed when: the server
has a token and the form carries it (an analyst's own token, ``--analyst NAME=TOKEN``, also names who
decided); or, on a loopback server without a token, the form carries the key this server process put
in it (an HMAC of what the form changes, under a secret made at start-up), so a page from another site
cannot post here. (The pages send ``Referrer-Policy: no-referrer``, so browsers send ``Origin: null``
and the origin cannot tell; nor do all browsers send ``Sec-Fetch-Site``.)
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import HTTPException, Request

from .state import state

# Made once per server process: forms from an earlier run of the server must be loaded again.
_FORM_SECRET = secrets.token_bytes(32)


def form_key(subject: str) -> str:
    """The key a form changing ``subject`` (a document id, ``entity:<id>``) carries."""
    return hmac.new(_FORM_SECRET, subject.encode(), hashlib.sha256).hexdigest()


def check_form_write(request: Request, token: str | None, key: str | None, subject: str) -> None:
    """The API's write policy, for a form: the server's token as a field, or this server's form key."""
    server = state(request)
    if server.needs_token:
        if not server.policy.writes_with(token or None):
            raise HTTPException(
                401, "this server needs its write token for corrections: fill in the token field"
            )
        return
    if not server.writes_open:
        raise HTTPException(403, "corrections are off: this server listens beyond 127.0.0.1 without a token")
    if not hmac.compare_digest((key or "").encode(), form_key(subject).encode()):
        raise HTTPException(403, "a correction must be sent from this server's own page: load the form again")
