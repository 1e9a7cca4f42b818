"""Normalisation and content ids."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from hearsay.ingest.identity import document_id, make_document, normalise_text

TRICKY = [
    "plain",
    "  leading and trailing  \n\n",
    "a\r\nb\rc\n",
    "a\n\n\n\n\n\nb",
    "a \t\n \n\t\n \nb",
    "nul\x00 and bell\x07 and esc\x1b[0m",
    "e\x00\u0301 and e\u0301",
    "page one\fpage two\vline",
    "\ufeffbom at the start",
    "line\u2028separator \x85nel",
]


@pytest.mark.parametrize("text", ["Minister said.\r\nTalks resume.", "Minister said.\rTalks resume."])
def test_identity_normalise_line_endings(text: str) -> None:
    assert normalise_text(text) == "Minister said.\nTalks resume."


@pytest.mark.parametrize(("text", "expected"), [("said.  \t\nnext \n", "said.\nnext")])
def test_identity_normalise_strips_trailing_whitespace(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\n\n\n\n\nb", "a\n\n\nb"),  # four blank lines -> two
        ("a\n\n\nb", "a\n\n\nb"),  # two blank lines stay
        ("a\n\nb", "a\n\nb"),
        ("a\n \n\t\n  \n \nb", "a\n\n\nb"),  # blank lines holding spaces count as blank
    ],
)
def test_identity_normalise_collapses_blank_lines(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\x00b\x07c\td", "abc\td"),
        ("x\x1b[31my", "x[31my"),
        ("page one\fpage two", "page one\npage two"),  # a page break still separates words
    ],
)
def test_identity_normalise_removes_control_characters(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("Cafe\u0301", "Café"), ("Cafe\x00\u0301", "Café")])
def test_identity_normalise_composes_nfc(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize("text", TRICKY)
def test_identity_normalise_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


@pytest.mark.parametrize("text", TRICKY)
def test_identity_document_id_stable_when_renormalised(text: str) -> None:
    assert document_id(normalise_text(text)) == document_id(text)


@pytest.mark.parametrize("text", ["The minister said on Monday.\nTalks may resume.\n"])
def test_identity_document_id_same_for_crlf_and_lf(text: str) -> None:
    assert document_id(text.replace("\n", "\r\n")) == document_id(text)
    assert document_id(text.replace("\n", "\r")) == document_id(text)


@pytest.mark.parametrize("text", ["  Officials declined to comment. \n"])
def test_identity_document_id_is_sha256_of_normalised_text(text: str) -> None:
    expected = hashlib.sha256(b"Officials declined to comment.").hexdigest()
    assert document_id(text) == expected


@pytest.mark.parametrize(("a", "b"), [("The minister said yes.", "The minister said no.")])
def test_identity_document_id_differs_for_different_text(a: str, b: str) -> None:
    assert document_id(a) != document_id(b)


@pytest.mark.parametrize("text", ["  Headline \r\n\r\n\r\n\r\n\r\nBody said.\x00  "])
def test_identity_make_document_text_is_normalised(text: str) -> None:
    document = make_document(text)
    assert document.text == "Headline\n\n\nBody said."
    assert document.id == document_id(text)
    start = document.text.index("Body")
    assert document.text[start : start + 4] == "Body"


def test_identity_make_document_keeps_metadata() -> None:
    document = make_document(
        "Text.",
        published=dt.date(2025, 6, 2),
        url="https://example.org/a",
        outlet="Daily Ledger",
        title="Title",
        author="Jane Roe",
        source_path="a.txt",
        format="html",
        language="fr",
    )
    assert (document.url, document.outlet, document.title, document.author) == (
        "https://example.org/a",
        "Daily Ledger",
        "Title",
        "Jane Roe",
    )
    assert (document.published, document.source_path, document.format, document.language) == (
        dt.date(2025, 6, 2),
        "a.txt",
        "html",
        "fr",
    )


def test_identity_make_document_metadata_does_not_change_id() -> None:
    assert make_document("Same text.", title="A").id == make_document("Same text.", outlet="B").id


def test_identity_make_document_datetime_published_becomes_date() -> None:
    document = make_document("Text.", published=dt.datetime(2025, 6, 2, 23, 59))
    assert type(document.published) is dt.date
    assert document.to_dict()["published"] == "2025-06-02"


@pytest.mark.parametrize("text", ["\ufeffThe mayor said."])
def test_identity_normalise_drops_byte_order_marks(text: str) -> None:
    assert normalise_text(text) == "The mayor said."
