"""Jinja2 with autoescaping on for every template; pages never mark article text as safe."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from ..model import VERDICTS
from ..vocabulary import label, labels
from . import urls


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("hearsay.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        urls=urls, stance_labels=labels("stance"), verdicts=VERDICTS, label=label, labels=labels
    )
    env.filters["short_id"] = lambda value: (value or "")[:12]
    return env


def compile_templates() -> None:
    """Compile every page template now (a warm start), not on the first request that shows each."""
    env = environment()
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)


def page_html(name: str, context: dict[str, Any], *, path: str = "/") -> str:
    """The HTML of the page template ``name`` for a request to ``path``."""
    base = {"request_path": path, "query": ""}
    return environment().get_template(name).render({**base, **context})


def render_page(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    return HTMLResponse(page_html(name, context, path=request.url.path), status_code=status)
