"""Jinja2 with autoescaping on for every template; pages never mark article text as safe."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from . import urls
from .article import STANCE_LABELS


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("hearsay.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(urls=urls, stance_labels=STANCE_LABELS)
    env.filters["short_id"] = lambda value: (value or "")[:12]
    return env


def render_page(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    server = getattr(request.app.state, "hearsay", None)
    base = {"request_path": request.url.path, "linked": bool(server and server.link), "query": ""}
    html = environment().get_template(name).render({**base, **context})
    return HTMLResponse(html, status_code=status)
