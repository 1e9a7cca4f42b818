"""Coerce untrusted metadata values (from JSON or HTML) into Document fields."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit


def clean_str(value: object) -> str | None:
    """Return ``value`` as a one-line stripped string, or None when it is not a non-empty string."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def http_url(value: object) -> str | None:
    """Return ``value`` when it is an http(s) URL; None for anything else (``javascript:``, paths)."""
    url = clean_str(value)
    if url is None:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def parse_date(value: object) -> dt.date | None:
    """Return the date of an ISO date or datetime string (``2025-06-02``, ``2025-06-02T10:00Z``) or None."""
    text = clean_str(value)
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None
