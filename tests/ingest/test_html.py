"""The HTML reader: trafilatura's text and metadata, hostile and broken pages."""

from __future__ import annotations

import datetime as dt

import pytest

from hearsay.errors import InputError
from hearsay.ingest import read_path
from hearsay.ingest.html import NO_TEXT, read_html

from .conftest import BAD, GOOD, split


def test_html_metadata_from_meta_tags() -> None:
    [document], errors = split(read_path(GOOD / "article.html"))
    assert errors == []
    assert document.format == "html"
    assert document.title == "Rail operator denies safety lapse"
    assert document.author == "Priya Nair"
    assert document.published == dt.date(2025, 5, 28)
    assert document.outlet == "The Valley Herald"
    assert document.url == "https://valleyherald.example/news/rail-operator-denies-safety-lapse"


def test_html_main_text_without_boilerplate() -> None:
    [document], _ = split(read_path(GOOD / "article.html"))
    assert "Henrik Lund, said in a statement" in document.text
    assert "could not comment further" in document.text
    for boilerplate in ("Sport", "All rights reserved", "font-family"):
        assert boilerplate not in document.text


def test_html_hostile_page_has_no_markup() -> None:
    [document], errors = split(read_path(BAD / "hostile.html"))
    assert errors == []
    assert "denied any wrongdoing on Monday, its lawyer said." in document.text
    for markup in ("<script", "<img", "<iframe", "<a ", "onerror", "onmouseover", "onload", "javascript:"):
        assert markup not in document.text.lower()
    assert "alert" not in document.text  # script bodies and attribute values are gone too
    assert "document.cookie" not in document.text
    assert "tracker.example" not in document.text
    assert document.url is None  # the canonical link was javascript:


def test_html_escaped_markup_stays_as_visible_text() -> None:
    # We keep what a reader of the page sees: &lt;b&gt; shows as "<b>", so the text holds
    # those characters; displaying a Document must escape it like any other text.
    [document], _ = split(read_path(BAD / "hostile.html"))
    assert "A supplier listed as <b>Smith & Sons</b> in the council's" in document.text
    assert "&lt;" not in document.text
    assert "&amp;" not in document.text


def test_html_broken_page_still_gives_text() -> None:
    [document], errors = split(read_path(BAD / "broken.html"))
    assert errors == []
    assert document.title == "Port strike ends after three weeks"
    for part in (
        "end a three-week strike, the union said",
        "includes a pay rise of six percent",
        "Shipping agents",
    ):
        assert part in document.text
    assert "<" not in document.text


@pytest.mark.parametrize(
    "html",
    [
        "<p>The mayor said the bridge would reopen on Monday.</p>",
        "<div>The mayor said the bridge would reopen on Monday.</div>",
    ],
)
def test_html_fragment_gives_text(html: str) -> None:
    [document] = list(read_html(html, "fragment.html"))
    assert document.text == "The mayor said the bridge would reopen on Monday."


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<html><body><script>alert(1)</script></body></html>",
        "<!DOCTYPE html><html><head><title>Only a title</title></head><body></body></html>",
        "<p><p><p>",
        "<!-- nothing but a comment -->",
    ],
)
def test_html_without_article_text_is_input_error(html: str) -> None:
    [error] = list(read_html(html, "page.html"))
    assert isinstance(error, InputError)
    assert error.message == NO_TEXT
    assert str(error).startswith("[H100] page.html: no article text found")


def test_html_page_date_wins_over_default_date() -> None:
    default = dt.date(2020, 1, 1)
    [dated], _ = split(read_path(GOOD / "article.html", published=default))
    [undated], _ = split(read_path(BAD / "broken.html", published=default))
    assert dated.published == dt.date(2025, 5, 28)
    assert undated.published == default
