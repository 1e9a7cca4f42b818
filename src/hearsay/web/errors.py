"""Errors as answers: JSON ``{"error": message}`` under /api, an HTML page elsewhere; never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, HearsayError, InputError, StoreError
from ..store import NotStored

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
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    from .render import render_page

    return render_page(request, "error.html", {"status": status, "message": message}, status=status)


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
        return answer(request, status_of(error), str(error))

    @app.middleware("http")
    async def unexpected(request: Request, call_next) -> Response:
        try:
            return await call_next(request)
        except Exception as error:  # noqa: BLE001 - log it here, answer one line
            log.exception("unexpected error on %s", request.url.path)
            message = f"unexpected {type(error).__name__} (please report this as a hearsay bug)"
            if request.url.path.startswith("/api/"):
                return JSONResponse({"error": message}, status_code=500)
            return HTMLResponse(
                f"<!doctype html><title>500</title><p>{_escape(message)}</p>", status_code=500
            )


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))
