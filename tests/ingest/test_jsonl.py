"""The JSON Lines reader: per-line documents and per-line errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from hearsay.errors import InputError
from hearsay.ingest import read_path
from hearsay.ingest.jsonl import read_jsonl, read_line

from .conftest import BAD, GOOD, split


def line(**fields: object) -> str:
    """One JSON line."""
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_malformed_lines_do_not_stop_the_file() -> None:
    path = BAD / "malformed.jsonl"
    documents, errors = split(read_path(path))
    assert [d.source_path for d in documents] == [f"{path}:1", f"{path}:4"]
    assert [e.where for e in errors] == [f"{path}:2", f"{path}:3"]
    assert str(errors[0]).startswith(f"[H100] {path}:2: not valid JSON (")
    assert str(errors[1]) == (
        f'[H100] {path}:3: has no "text" field; each line must be one JSON object with a "text" field'
    )
    assert documents[0].published == dt.date(2025, 6, 5)


def test_jsonl_three_articles_with_metadata() -> None:
    path = GOOD / "three.jsonl"
    documents, errors = split(read_path(path))
    assert errors == []
    first, second, third = documents
    assert first.url == "https://citynews.example/bridge"
    assert (first.title, first.outlet, first.author) == (
        "Old bridge to reopen by June",
        "City News",
        "Lena Ortiz",
    )
    assert first.published == dt.date(2025, 6, 3)
    assert second.published == dt.date(2025, 6, 4)  # from a datetime with "Z"
    assert '\n\n"It is the driest spring' in second.text  # an escaped newline inside "text"
    assert (third.url, third.title, third.published, third.outlet) == (None, None, None, None)
    assert {d.format for d in documents} == {"jsonl"}


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2025-06-02", dt.date(2025, 6, 2)),
        ("2025-06-02T23:30:00+02:00", dt.date(2025, 6, 2)),
        ("yesterday", None),
        ("2025-13-01", None),
        (20250602, None),
        (None, None),
        ("", None),
    ],
)
def test_jsonl_published_parsed_or_none(published: object, expected: dt.date | None) -> None:
    document = read_line(line(text="The minister said.", published=published), "x:1")
    assert document.published == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("javascript:alert(1)", None),
        ("/relative/path", None),
        (42, None),
    ],
)
def test_jsonl_only_http_urls_kept(url: object, expected: str | None) -> None:
    assert read_line(line(text="The minister said.", url=url), "x:1").url == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[1, 2]", "is a JSON array, not an object"),
        ('"text"', "is a JSON string, not an object"),
        ("42", "is a JSON number, not an object"),
        ('{"text": 42}', '"text" is a JSON number, not a string'),
        ('{"text": null}', '"text" is a JSON null, not a string'),
        ('{"text": "  \\u0000 "}', '"text" is empty'),
        ('{"text": "unterminated}', "not valid JSON"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_jsonl_bad_line_is_input_error(raw: str, message: str) -> None:
    error = read_line(raw, "feed.jsonl:7")
    assert isinstance(error, InputError)
    assert message in error.message
    assert error.where == "feed.jsonl:7"
    assert "\n" not in str(error)


def test_jsonl_blank_lines_are_skipped_but_counted() -> None:
    text = "\n" + line(text="The mayor said.") + "\r\n\n   \n{broken\n"
    items = list(read_jsonl(text, "f.jsonl"))
    assert [getattr(i, "source_path", None) or i.where for i in items] == ["f.jsonl:2", "f.jsonl:5"]
    assert isinstance(items[1], InputError)


def test_jsonl_line_separator_inside_text_stays_one_line() -> None:
    text = line(text="The mayor said\u2028the bridge\u0085 would reopen.", title="A")
    [document] = list(read_jsonl(text, "f.jsonl"))
    assert document.title == "A"
    assert "the bridge" in document.text


def test_jsonl_default_date_fills_missing_dates_only(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(line(text="Dated.", published="2025-06-01") + "\n" + line(text="Undated.") + "\n")
    documents, _ = split(read_path(path, published=dt.date(2020, 1, 1)))
    assert [d.published for d in documents] == [dt.date(2025, 6, 1), dt.date(2020, 1, 1)]
