"""An ASGI middleware that refuses a request from its headers, before anything reads its body.

FastAPI reads and parses a multipart body before it runs a route's dependencies, so a check
there would let an unauthenticated client make the server take in a 100 MB upload first. Here
the token is checked as soon as the headers arrive, a declared ``Content-Length`` over the cap
is refused at once, and a body that streams past the cap (chunked, or longer than declared) is
cut off and answered 413 without reading the rest.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .access import AccessPolicy, Refusal
from .errors import answer


class RequestGuard:
    """Checks ``policy`` on every HTTP request and caps its body at ``max_body`` bytes."""

    def __init__(self, app: ASGIApp, *, policy: AccessPolicy, max_body: int) -> None:
        self.app = app
        self.policy = policy
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is None:
            refusal = self._declared_too_big(headers.get("content-length"))
        if refusal is not None:
            await _refuse(scope, send, refusal)
            return
        await _CappedBody(self.app, self.max_body).run(scope, receive, send)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> Refusal | None:
        """The policy's refusal; a page's own form (a urlencoded POST outside /api) passes the read
        rules here and is checked by its route (the token field, or proof it came from this server's
        page), since a form without script cannot send the write header or a bearer token."""
        if not _page_form(scope, headers):
            return self.policy.refusal(scope["method"], headers)
        refusal = self.policy.refusal("GET", headers)
        if refusal is None and not self.policy.needs_token and not self.policy.writes_open:
            refusal = self.policy.write_refusal(None, headers)
        return refusal

    def _declared_too_big(self, length: str | None) -> Refusal | None:
        if length is None or not length.strip().isdigit() or int(length) <= self.max_body:
            return None
        return too_big(self.max_body)


def _page_form(scope: Scope, headers: dict[str, str]) -> bool:
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    return (
        scope["method"] == "POST"
        and not str(scope.get("path", "")).startswith("/api/")
        and content_type == "application/x-www-form-urlencoded"
    )


def too_big(limit: int) -> Refusal:
    return Refusal(413, f"the request body is over the limit of {limit:,} bytes (HEARSAY_MAX_UPLOAD_BYTES)")


class _CappedBody:
    """One request whose body is counted as it streams; past the cap the answer becomes a 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.received = 0
        self.over = False
        self.started = False

    async def run(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def counted_receive() -> Message:
            if self.over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                self.received += len(message.get("body", b""))
                if self.received > self.limit:
                    self.over = True  # what the app makes of a cut-off body is replaced below
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if self.over:
                if not self.started:
                    self.started = True
                    await _refuse(scope, send, too_big(self.limit))
                return
            self.started = self.started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not self.over or self.started:
                raise
        if self.over and not self.started:
            self.started = True
            await _refuse(scope, send, too_big(self.limit))


async def _refuse(scope: Scope, send: Send, refusal: Refusal) -> None:
    """Send ``refusal`` as the API's JSON error or the error page, whatever the path."""
    response: Any = answer(Request(scope), refusal.status, refusal.message)
    for name, value in refusal.headers:
        response.headers[name] = value
    response.headers["connection"] = "close"  # the unread rest of the body is never read

    async def no_body() -> Message:
        return {"type": "http.disconnect"}

    await response(scope, no_body, send)
