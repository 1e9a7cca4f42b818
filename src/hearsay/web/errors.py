"""Errors as answers: JSON ``{"error": message}`` under /api, an HTML page elsewhere; never a traceback.

Neither ever shows a server path or an internal error code: a ``HearsayError`` answers with its
message alone (its ``where`` and ``[H200]`` go to the log), and a page says what was not found
and offers a way on (``visitor.py``).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, HearsayError, InputError, StoreError
from ..store import NotStored
from . import visitor

log = logging.getLogger("hearsay.web")


def status_of(error: HearsayError) -> int:
    if isinstance(error, NotStored):
        return 404
    if isinstance(error, InputError | ConfigError):
        return 422
    if isinstance(error, StoreError):
        return 503
    return 500


def validation_message(error: RequestValidationError) -> str:
    """The first problem with the request, e.g. "query limit: Input should be less than or equal to 500"."""
    problems = []
    for item in error.errors()[:3]:
        where = " ".join(str(part) for part in item.get("loc", ()))
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


def answer(request: Request, status: int, message: str) -> Response:
    message = visitor.without_paths(message)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    from .render import render_page

    context = visitor.error_page(request.url.path, status, message)
    return render_page(request, "error.html", context, status=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        response = answer(request, error.status_code, str(error.detail))
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return answer(request, 422, validation_message(error))

    @app.exception_handler(HearsayError)
    async def hearsay_error(request: Request, error: HearsayError) -> Response:
        if error.where:
            log.info("%s on %s: %s", error.code, request.url.path, error)
        return answer(request, status_of(error), error.message)

    @app.middleware("http")
    async def unexpected(request: Request, call_next) -> Response:
        try:
            return await call_next(request)
        except Exception:  # noqa: BLE001 - log it here, answer one line
            log.exception("unexpected error on %s", request.url.path)
            message = "an unexpected error; it is in the server's log (please report it as a hearsay bug)"
            if request.url.path.startswith("/api/"):
                return JSONResponse({"error": message}, status_code=500)
            try:
                return answer(request, 500, message)
            except Exception:  # noqa: BLE001 - the page itself failed: one plain line
                return HTMLResponse(f"<!doctype html><title>Error</title><p>{message}</p>", status_code=500)
