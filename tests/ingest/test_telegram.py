"""Telegram channel exports: text posts become documents, service messages and bare photos do not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hearsay.ingest import read_path
from hearsay.ingest.telegram import message_text

from .conftest import BAD, GOOD, split


def test_telegram_posts_become_documents() -> None:
    documents, errors = split(read_path(GOOD / "telegram.json"))
    assert [d.text for d in documents] == [
        "The ministry said on Sunday that the border crossing would reopen.",
        "According to ura.ru, the warehouse was rented in May.",
    ]
    first = documents[0]
    assert first.outlet == "Steppe Observer"
    assert first.published == dt.date(2025, 6, 1)
    assert first.format == "telegram"
    assert first.source_path == f"{GOOD / 'telegram.json'}:message 2"
    assert errors == []


def test_telegram_malformed_post_fails_alone() -> None:
    documents, errors = split(read_path(BAD / "telegram-partial.json"))
    assert [d.text for d in documents] == ["The governor said the road was closed."]
    assert [e.where for e in errors] == [f"{BAD / 'telegram-partial.json'}:message 2"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain", "plain"),
        (["a ", {"type": "bold", "text": "b"}, " c"], "a b c"),
        ([], ""),
        (42, None),
        (["a", {"type": "link"}], None),
    ],
)
def test_telegram_message_text(value: object, expected: str | None) -> None:
    assert message_text(value) == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"name": "x", "messages": [}', "not valid JSON"),
        ('{"name": "x", "messages": [{"id": 1, "type": "service"}]}', "no text posts"),
    ],
)
def test_telegram_bad_exports_fail_with_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "result.json"
    path.write_text(content, encoding="utf-8")
    documents, errors = split(read_path(path))
    assert documents == []
    assert len(errors) == 1 and message in errors[0].message
    assert errors[0].where == str(path)
