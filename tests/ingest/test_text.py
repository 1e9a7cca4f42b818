"""The plain-text reader."""

from __future__ import annotations

import pytest

from hearsay.ingest import read_path
from hearsay.ingest.text import headline, read_text

from .conftest import BAD, GOOD, split


def test_text_headline_becomes_title_and_stays_in_text() -> None:
    [document], errors = split(read_path(GOOD / "harbour.txt"))
    assert errors == []
    assert document.title == "Harbour talks to resume next month, minister says"
    assert document.text.startswith(document.title + "\n")
    assert (document.format, document.source_path) == ("text", str(GOOD / "harbour.txt"))


def test_text_paragraph_without_headline_has_no_title() -> None:
    [document], _ = split(read_path(BAD / "latin1.txt"))
    assert document.title is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks to resume, minister says\n\nThe minister said.", "Talks to resume, minister says"),
        ("Will the strike end?\nUnion leaders met on Friday.", "Will the strike end?"),
        ("The minister said talks would resume.\nMore text.", None),  # a sentence, not a headline
        ('He said: "We will win."\nMore text.', None),  # ends in a period inside the quotes
        ("Only one line, no body", None),
        ("Headline\n\n   ", None),
        (" ".join(["word"] * 30) + "\nBody.", None),  # too many words
        ("Officials said:\nthe talks", None),
    ],
)
def test_text_headline(text: str, expected: str | None) -> None:
    assert headline(text) == expected


@pytest.mark.parametrize("text", ["Headline here\r\n\r\nBody said.\r\n"])
def test_text_reader_normalises(text: str) -> None:
    [document] = list(read_text(text, "in.txt"))
    assert document.text == "Headline here\n\nBody said."
    assert document.title == "Headline here"
    assert document.text[: len(document.title)] == document.title
