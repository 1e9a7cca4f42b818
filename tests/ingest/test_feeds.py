"""RSS and Atom feeds: one document per item, hostile XML neutralised, bad items fail alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hearsay.ingest import read_path

from .conftest import BAD, GOOD, split


def test_feeds_rss_items_become_documents() -> None:
    documents, errors = split(read_path(GOOD / "feed.rss"))
    assert [d.title for d in documents] == ["Ferry service to resume", "Council & the budget"]
    ferry, council = documents
    assert ferry.outlet == "Harbour Gazette"
    assert ferry.published == dt.date(2025, 6, 2)
    assert ferry.url == "https://gazette.example/ferry"
    assert ferry.author == "Mara Olsen"
    assert ferry.format == "feed"
    # The full content wins over the teaser; its paragraphs are lines; script bodies are dropped.
    assert ferry.text.splitlines() == [
        "The harbour master said on Monday that the ferry would run again in July.",
        "Port officials declined to comment on the cost.",
    ]
    assert "alert" not in ferry.text
    # Escaped HTML in a description is read as markup and reduced to text.
    assert council.text == "The mayor told reporters the budget was balanced."
    assert council.url is None  # a javascript: link is not kept
    assert council.published is None
    assert ferry.source_path.endswith("feed.rss:item 1")
    assert errors == []


def test_feeds_item_without_text_fails_alone() -> None:
    documents, errors = split(read_path(BAD / "feed-partial.rss"))
    assert [d.title for d in documents] == ["Tide tables"]
    assert [e.where for e in errors] == [f"{BAD / 'feed-partial.rss'}:item 2"]
    assert "has no text" in errors[0].message


def test_feeds_atom_entries_become_documents() -> None:
    documents, errors = split(read_path(GOOD / "feed.atom"))
    assert errors == []
    dam, weather = documents
    assert dam.outlet == "Valley Wire"
    assert dam.url == "https://wire.example/dam"  # the alternate link, not the self link
    assert dam.author == "Ines Duarte"
    assert dam.published == dt.date(2025, 6, 3)
    assert dam.text == "Engineers said the dam was safe, according to the regional authority."
    assert weather.text == "Forecasters expect rain on Thursday."
    assert weather.published == dt.date(2025, 6, 4)  # no <published>: <updated> stands in


def test_feeds_broken_xml_is_one_error_naming_the_file_and_item() -> None:
    documents, errors = split(read_path(BAD / "feed-broken.xml"))
    assert documents == []
    assert [e.where for e in errors] == [f"{BAD / 'feed-broken.xml'}:item 1"]
    assert "has no end tag" in errors[0].message


def test_feeds_one_ill_formed_item_fails_alone(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title>\n'
        "<item><title>Dam</title><description>Engineers said the dam was safe.</description></item>\n"
        "<item><title>Fish & chips</title><description>Cooks <b>said it was</description></item>\n"
        "<item><title>Rain</title><description>Forecasters expect rain on Thursday.</description></item>\n"
        "</channel></rss>\n",
        encoding="utf-8",
    )
    documents, errors = split(read_path(feed))
    assert [d.title for d in documents] == ["Dam", "Rain"]
    assert [e.where for e in errors] == [f"{feed}:item 2"]
    assert str(errors[0]).startswith("[") and "not well-formed XML" in errors[0].message


def test_feeds_ill_formed_channel_header_is_reported_and_items_read(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire & Co</title>\n'
        "<item><title>Dam</title><description>Engineers said the dam was safe.</description></item>\n"
        "</channel></rss>\n",
        encoding="utf-8",
    )
    documents, errors = split(read_path(feed))
    assert [(d.title, d.outlet) for d in documents] == [("Dam", None)]
    assert [e.where for e in errors] == [str(feed)] and "before its first item" in errors[0].message


def test_feeds_entities_are_never_expanded() -> None:
    documents, _ = split(read_path(BAD / "feed-entities.xml"))
    text = " ".join(d.text for d in documents)
    assert "root:" not in text  # no file was read through an external entity
    assert "lollol" not in text  # no entity expansion at all
    assert "Officials said the report was true." in text


def test_feeds_same_feed_twice_gives_same_ids() -> None:
    first, _ = split(read_path(GOOD / "feed.rss"))
    second, _ = split(read_path(GOOD / "feed.rss"))
    assert [d.id for d in first] == [d.id for d in second]


def test_feeds_unclosed_item_on_one_line_fails_alone(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(
        '<rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Dam</title><description>Engineers said the dam was safe.</description></item>"
        "<item><title>Cut</title><description>Cooks said"
        "<item><title>Rain</title><description>Forecasters expect rain.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    documents, errors = split(read_path(feed))
    assert [(d.title, d.outlet) for d in documents] == [("Dam", "Wire"), ("Rain", "Wire")]
    assert [e.where for e in errors] == [f"{feed}:item 2"] and "no end tag" in errors[0].message
