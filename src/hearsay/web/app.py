"""The ASGI application: the HTTP API, the pages, static files, security headers.

app = create_app("hearsay.db")                       # what `hearsay serve` runs
uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import ConfigError
from ..settings import load_settings
from . import (
    api,
    api_corrections,
    api_linked,
    correct_pages,
    entity_forms,
    errors,
    openapi,
    pages,
    pages_linked,
)
from .access import AccessPolicy
from .database import Database
from .guard import RequestGuard
from .state import ServerState, is_loopback, is_wildcard

# Everything comes from this server: no CDN, no inline script, no framing by other sites.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# The largest request body accepted: an upload of a few files at the 20 MB file limit.
MAX_UPLOAD_BYTES = 50_000_000
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
# The interactive docs page loads its scripts from a CDN; the OpenAPI JSON is served instead.
DOCS_NOTE = "The OpenAPI document is at /openapi.json; docs/http-api.md describes each endpoint."


def create_app(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
    read_tokens: Sequence[str] = (),
    max_upload_bytes: int | None = None,
    analysts: Sequence[Sequence[str]] = (),
    warm: bool = False,
) -> FastAPI:
    """The hearsay web app over the SQLite store at ``db_path``.

    Bound to a loopback ``host`` writes need no token; bound elsewhere they need ``token``
    (and are off without one) or an analyst's own token: ``analysts`` are (name, token) pairs,
    and what such a token writes is recorded as made by that name. With ``read_tokens`` every
    request needs one of them (or a write token). ``allowed_hosts`` are the Host headers
    answered (a guard against DNS rebinding): by default the loopback names and ``host``, and
    any host at all when ``host`` is a wildcard address (``0.0.0.0``), whose clients use names
    this server cannot know.
    A request body over ``max_upload_bytes`` ($HEARSAY_MAX_UPLOAD_BYTES) is refused while it
    streams, and a request without the token it needs before its body is read.
    With ``warm`` (``hearsay serve``) the models the evidence view uses are loaded before the first
    request is answered (``warm_up``), not by the first visitor of a claim page.
    """
    db = Database(db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            await asyncio.to_thread(warm_up, db)
        # What the server has loaded by now lives as long as it does: out of the collector's full
        # passes, which otherwise walk it every few requests of a large page (an entity's API detail:
        # a 65 ms pause every 20 requests at 10,000 documents, issue 18).
        gc.collect()
        gc.freeze()
        yield
        gc.unfreeze()
        db.close()

    app = FastAPI(
        title="hearsay",
        version=__version__,
        description="Documents, attributed statements, entities and claims. " + DOCS_NOTE,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    policy = AccessPolicy(
        token=token or None,
        read_tokens=tuple(t for t in read_tokens if t),
        writes_open=is_loopback(host),
        analysts=tuple((str(name), str(secret)) for name, secret in analysts),
    )
    app.state.hearsay = ServerState(db=db, policy=policy)
    limit = max_upload_bytes or max_upload_from_env()
    # Added first, so it runs after the Host check and before every route.
    app.add_middleware(RequestGuard, policy=policy, max_body=limit)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or default_hosts(host))
    errors.install(app)  # inside the headers middleware, so error pages get the headers too

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(api_linked.router)
    app.include_router(pages_linked.router)
    app.include_router(api_corrections.router)
    app.include_router(correct_pages.router)
    app.include_router(entity_forms.router)
    static = Path(str(resources.files("hearsay.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")
    openapi.install(app)
    return app


def warm_up(db: Database) -> None:
    """Load the evidence view's models for ``db`` (``evidence_view.warm_up``); a failure is logged, and
    the request that needs the model then reports it."""
    from ..link.evidence_view import warm_up as warm_evidence
    from ..link.summaries import fill_summaries, missing_summaries
    from .render import compile_templates

    started = time.monotonic()
    try:
        compile_templates()
        warm_evidence(db.reader())
        if db.write_error is None and missing_summaries(db.reader()):
            db.write(fill_summaries)  # a store linked before 0011_cluster_summaries
    except Exception as error:  # noqa: BLE001 - the server still serves what needs no model
        logging.getLogger(__name__).warning("models not loaded at start: %s", error)
        return
    logging.getLogger(__name__).info("models loaded in %.1f s", time.monotonic() - started)


def default_hosts(host: str) -> list[str]:
    """The Host headers answered when none are configured (see ``create_app``)."""
    if is_wildcard(host):
        return ["*"]
    return [*LOOPBACK_NAMES, host]


def max_upload_from_env() -> int:
    """``$HEARSAY_MAX_UPLOAD_BYTES``, else ``MAX_UPLOAD_BYTES`` (or one file at the file limit)."""
    raw = os.environ.get("HEARSAY_MAX_UPLOAD_BYTES", "").strip()
    if not raw:
        return max(MAX_UPLOAD_BYTES, load_settings().max_bytes + 1_000_000)
    if not raw.isdigit() or int(raw) <= 0:
        raise ConfigError(f"HEARSAY_MAX_UPLOAD_BYTES must be a positive integer, got {raw!r}")
    return int(raw)
