"""Shared paths and helpers for the ingest tests; every input is a real file."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

import pytest

from hearsay.errors import InputError
from hearsay.model import Document
from hearsay.settings import Settings, load_settings

DATA = Path(__file__).resolve().parent.parent / "data"
BAD = DATA / "bad"
GOOD = DATA / "good"


def split(items: Iterable[Document | InputError]) -> tuple[list[Document], list[InputError]]:
    """Separate reader items into documents and errors, failing on anything else."""
    documents: list[Document] = []
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, InputError):
            errors.append(item)
        else:  # pragma: no cover - the contract under test
            raise AssertionError(f"unexpected item {item!r}")
    return documents, errors


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The packaged defaults, whatever the environment running the tests says."""
    monkeypatch.delenv("HEARSAY_MAX_BYTES", raising=False)
    monkeypatch.delenv("HEARSAY_MAX_CHARS", raising=False)
    return load_settings()


def with_limits(settings: Settings, **limits: int) -> Settings:
    """A copy of ``settings`` with other limits."""
    return dataclasses.replace(settings, **limits)
