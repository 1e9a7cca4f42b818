"""`hearsay serve`: the web UI and HTTP API over a database, with uvicorn."""

from __future__ import annotations

import os
from typing import Any

import click

from ..errors import ConfigError
from .ingest import DB_HELP

SERVE_EPILOG = """\b
Binds 127.0.0.1 by default, so only this machine can reach the server: pages show article
text and the API accepts uploads. Bound to another address (--host 0.0.0.0), uploads need
the token from --token or $HEARSAY_TOKEN, sent as "Authorization: Bearer TOKEN", or an
analyst's own (--analyst NAME=TOKEN, repeatable): corrections sent with it are recorded as
NAME's. Without a write token they are refused. With --read-token (or $HEARSAY_READ_TOKEN)
every page and API call needs a read token or a write token (a browser asks for it: any
user name, the token as password). Tokens are checked before a request body is read, and bodies over
$HEARSAY_MAX_UPLOAD_BYTES are cut off. Requests must name an allowed host (--allowed-host,
$HEARSAY_ALLOWED_HOSTS): by default any host when bound to 0.0.0.0, else the loopback names
and --host. Reads always use read-only connections.
Exit codes: 0 stopped; 2 usage error; 3 the database cannot be used or the web extra is missing."""


@click.command(epilog=SERVE_EPILOG)
@click.option("--db", envvar="HEARSAY_DB", default="hearsay.db", show_default=True, help=DB_HELP)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 127.0.0.1 keeps the server private to this machine.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token", envvar="HEARSAY_TOKEN", help="Token that writes (uploads) must send; needed off 127.0.0.1."
)
@click.option(
    "--read-token",
    "read_tokens",
    multiple=True,
    envvar="HEARSAY_READ_TOKEN",
    help="A token every read must send (repeatable; $HEARSAY_READ_TOKEN: space-separated). "
    "Without one, reads are open.",
)
@click.option(
    "--analyst",
    "analysts",
    multiple=True,
    envvar="HEARSAY_ANALYST_TOKENS",
    metavar="NAME=TOKEN",
    callback=lambda _ctx, _param, values: _analysts(values),
    help="An analyst's own write token (repeatable; $HEARSAY_ANALYST_TOKENS: space-separated): "
    "what it uploads or corrects is recorded as made by NAME.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    envvar="HEARSAY_ALLOWED_HOSTS",
    metavar="NAME",
    help="A Host header to answer, e.g. news.example.org or *.example.org (repeatable; "
    "$HEARSAY_ALLOWED_HOSTS: space-separated). Others get 400.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes; more than one needs a PostgreSQL database (--db postgresql://...).",
)
def serve(
    db: str,
    host: str,
    port: int,
    token: str | None,
    read_tokens: tuple[str, ...],
    analysts: tuple[tuple[str, str], ...],
    allowed_hosts: tuple[str, ...],
    workers: int,
) -> None:
    """Serve the web UI and the HTTP API (under /api/v1, OpenAPI at /openapi.json)."""
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as err:
        raise ConfigError(
            f"hearsay serve needs the web extra ({err.name} is missing): pip install 'hearsay[web]'"
        ) from None
    from ..store import open_store
    from ..store.database_url import is_postgres, shown
    from ..web.state import is_loopback
    from . import output

    if workers > 1 and not is_postgres(db):
        raise click.UsageError("--workers above 1 needs a PostgreSQL database (--db postgresql://...)")
    settings: dict[str, Any] = {
        "host": host,
        "token": token,
        "read_tokens": list(read_tokens),
        "analysts": [list(pair) for pair in analysts],
        "allowed_hosts": list(allowed_hosts) or None,
        "warm": True,  # the evidence view's models load before the first request
    }
    # Opening (and migrating) the database here: its errors stop us before any worker starts.
    if workers == 1:
        app = create_app(db, **settings)
    else:
        open_store(db).close()
    if not is_loopback(host) and not token and not analysts:
        output.note(f"listening on {host} without --token or --analyst: uploads are off")
    processes = f" with {workers} workers" if workers > 1 else ""
    output.note(f"serving {shown(db)} at http://{host}:{port}/{processes} (Ctrl-C stops)")
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
        return
    from ..web import workers as worker_app

    os.environ.update(worker_app.settings_environment(db, **settings))
    uvicorn.run(
        worker_app.IMPORT_STRING,
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
    )


def _analysts(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    from ..web.access import analyst_token

    try:
        pairs = tuple(analyst_token(value) for value in values)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--analyst") from None
    names = [name for name, _token in pairs]
    if len(set(names)) != len(names):
        raise click.BadParameter("each analyst's name once", param_hint="--analyst")
    return pairs
