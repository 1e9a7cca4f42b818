"""The OpenAPI document, with the reading schema (``schema/reading-v2.json``) as its components.

The reading endpoint's answer is documented by the very schema the CLI and exports follow:
its ``$defs`` become ``components/schemas/reading_v2.*`` and its references are rewritten.
Until 2026-12 the same schema was named ``reading_v1`` (though it held version 2); that name stays
as a deprecated alias of ``reading_v2`` so a client generated against it still resolves.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

READING = "reading_v2"
READING_REF = f"#/components/schemas/{READING}"
OLD_NAME = "reading_v1"


@cache
def reading_components() -> dict[str, Any]:
    text = resources.files("hearsay").joinpath("schema/reading-v2.json").read_text(encoding="utf-8")
    schema = json.loads(text.replace('"#/$defs/', f'"#/components/schemas/{READING}.'))
    definitions = schema.pop("$defs")
    schema.pop("$schema", None)
    schema.pop("$id", None)
    components = {f"{READING}.{name}": value for name, value in definitions.items()}
    components[READING] = schema
    components[OLD_NAME] = {
        "$ref": READING_REF,
        "deprecated": True,
        "description": f"the old name of {READING} (it always held the reading schema in force)",
    }
    return components


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` include the reading schema components."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            document.setdefault("components", {}).setdefault("schemas", {}).update(reading_components())
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
