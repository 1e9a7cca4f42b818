"""hearsay's web layer: an HTTP API under /api/v1 and server-rendered pages over the store.

Needs the ``web`` extra (FastAPI, uvicorn, jinja2, python-multipart); the core never imports it.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
