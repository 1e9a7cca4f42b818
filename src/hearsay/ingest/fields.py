"""Coerce untrusted metadata values (from JSON or HTML) into Document fields."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any
from urllib.parse import urlsplit

# Python refuses to convert an integer of more digits than this (a guard against slow
# conversions); such a number in a JSON field we never read must not lose the record.
MAX_INT_DIGITS = sys.get_int_max_str_digits() or 4300


def load_json(text: str) -> Any:
    """``json.loads``, with integers too long for Python read as floats (``inf``) instead of refused."""
    return json.loads(text, parse_int=_int)


def _int(digits: str) -> int | float:
    return int(digits) if len(digits.lstrip("-")) < MAX_INT_DIGITS else float(digits)


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
