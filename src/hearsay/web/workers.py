"""Several server processes (``hearsay serve --workers N``): the app each uvicorn worker builds.

uvicorn starts worker processes from an import string, so the settings of ``hearsay serve`` travel
to them in one environment variable (``SETTINGS``, JSON) and each worker builds the same app with
``app_from_environment``. Only a PostgreSQL database takes several workers: its writers take turns
through the database's own lock, where a SQLite file would have several processes queue on one file.
"""

from __future__ import annotations

import json
import os
from typing import Any

SETTINGS = "HEARSAY_SERVE_SETTINGS"
IMPORT_STRING = "hearsay.web.workers:app_from_environment"


def settings_environment(db: str, **settings: Any) -> dict[str, str]:
    """The environment entry that hands ``create_app``'s arguments to the workers."""
    return {SETTINGS: json.dumps({"db": db, **settings})}


def app_from_environment() -> Any:
    """The app of one worker, from the settings ``hearsay serve`` put in the environment."""
    from . import create_app

    settings = json.loads(os.environ[SETTINGS])
    db = settings.pop("db")
    return create_app(db, **settings)
