"""The ASGI application: the HTTP API, the pages, static files, security headers.

app = create_app("hearsay.db")                       # what `hearsay serve` runs
uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from . import api, api_linked, entity_forms, errors, openapi, pages, pages_linked
from .database import Database
from .state import ServerState, is_loopback

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
# The interactive docs page loads its scripts from a CDN; the OpenAPI JSON is served instead.
DOCS_NOTE = "The OpenAPI document is at /openapi.json; docs/http-api.md describes each endpoint."


def create_app(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The hearsay web app over the SQLite store at ``db_path``.

    Bound to a loopback ``host`` writes need no token; bound elsewhere they need ``token``
    (and are off without one). ``allowed_hosts`` are the Host headers answered (a guard
    against DNS rebinding); by default the loopback names and ``host``.
    """
    db = Database(db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="hearsay",
        version=__version__,
        description="Documents, attributed statements, entities and claims. " + DOCS_NOTE,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.hearsay = ServerState(db=db, token=token or None, writes_open=is_loopback(host))
    hosts = allowed_hosts or ["127.0.0.1", "localhost", "[::1]", host]
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
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
    app.include_router(entity_forms.router)
    static = Path(str(resources.files("hearsay.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=static), name="static")
    openapi.install(app)
    return app
