"""Decoding, binary detection, size limits and format detection, on real files."""

from __future__ import annotations

import codecs
import os
import random
import tracemalloc
from pathlib import Path

import pytest

from hearsay.errors import InputError
from hearsay.ingest import read_path
from hearsay.ingest.sniff import detect_format, sniff_bytes, sniff_file
from hearsay.settings import Settings

from .conftest import BAD, GOOD, split, with_limits

NEWS = "The minister said on Monday that talks would resume, according to officials.\n"
MB = 1_000_000


def sniff_text(data: bytes, tmp_path: Path, name: str = "in.txt") -> str:
    """Write ``data`` to a file and return the decoded text sniff finds."""
    path = tmp_path / name
    path.write_bytes(data)
    return sniff_file(path, max_bytes=MB).text


@pytest.fixture
def fifty_mb_file(tmp_path: Path) -> Path:
    """A 50 MB text file, made for the test and never committed."""
    path = tmp_path / "huge.txt"
    chunk = (NEWS * (MB // len(NEWS))).encode("utf-8")
    with path.open("wb") as handle:
        while handle.tell() < 50 * MB:
            handle.write(chunk)
    return path


def test_sniff_binary_png_fixture() -> None:
    path = BAD / "binary.bin"
    with pytest.raises(InputError) as caught:
        sniff_file(path, max_bytes=MB)
    expected = (
        "looks like a binary file (PNG image), not text; "
        "give hearsay text, HTML, JSON Lines, an RSS/Atom feed or a Telegram export"
    )
    assert str(caught.value) == f"[H100] {path}: {expected}"
    assert caught.value.where == str(path)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", "PDF document"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
        (b"\x7fELF\x02\x01", "ELF executable"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
    ],
)
def test_sniff_binary_magic_numbers(head: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=kind):
        sniff_bytes(head + NEWS.encode(), where="x")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sniff_binary_random_bytes(seed: int, tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(seed).randbytes(4096))
    with pytest.raises(InputError, match="looks like a binary file"):
        sniff_file(path, max_bytes=MB)


@pytest.mark.parametrize("data", [bytes(range(1, 32)) * 50 + b"some text"])
def test_sniff_binary_control_characters(data: bytes) -> None:
    with pytest.raises(InputError, match=r"looks like a binary file \(\d+% control characters\)"):
        sniff_bytes(data, where="x")


@pytest.mark.parametrize(
    ("name", "message"), [("empty.txt", "is empty"), ("whitespace.txt", "only whitespace")]
)
def test_sniff_empty_and_whitespace_files(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        sniff_file(BAD / name, max_bytes=MB)
    assert caught.value.where == str(BAD / name)


def test_sniff_latin1_decodes_correctly() -> None:
    sniffed = sniff_file(BAD / "latin1.txt", max_bytes=MB)
    assert sniffed.format == "text"
    for word in ("café", "Zürich", "£4", "£3", "Jürgen Müller"):
        assert word in sniffed.text
    assert "Ł" not in sniffed.text  # the cp1250 reading of £


def test_sniff_cp1252_decodes_correctly() -> None:
    text = sniff_file(GOOD / "cp1252.txt", max_bytes=MB).text
    for part in ("€2m", "“only a start”", "Tuesday — a move", "Élise", "council’s"):
        assert part in text


@pytest.mark.parametrize("text", ["El señor Muñoz dijo que España no cederá, según fuentes."])
def test_sniff_short_western_text_prefers_cp1252(text: str) -> None:
    assert sniff_bytes(text.encode("latin-1"), where="x").text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_sniff_byte_order_marks(encoding: str, tmp_path: Path) -> None:
    text = "Zoë Brandt said: “we will appeal”.\nThe court declined to comment."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert sniff_text(data, tmp_path) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_sniff_utf16_without_bom(encoding: str, tmp_path: Path) -> None:
    text = "The spokesperson said the ministry would respond on Friday."
    assert sniff_text(text.encode(encoding), tmp_path) == text


def test_sniff_utf16_bom_with_broken_body() -> None:
    with pytest.raises(InputError, match="not valid utf-16-le"):
        sniff_bytes(codecs.BOM_UTF16_LE + b"A\x00B", where="x")


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("windows-1251", "Министр заявил, что переговоры возобновятся."),
        ("iso-8859-1", "Les “négociations” reprendront, a déclaré le ministre."),  # read as windows-1252
    ],
)
def test_sniff_declared_html_charset(charset: str, text: str) -> None:
    html = f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'
    encoding = "cp1252" if charset == "iso-8859-1" else charset
    sniffed = sniff_bytes(html.encode(encoding), where="x")
    assert text in sniffed.text


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", ".txt", "html"),
        ("  \n<p>One.</p>\n<p>Two.</p>", "", "html"),
        ('{"text": "The mayor said."}\n{"text": "Officials said."}', ".txt", "jsonl"),
        ('\n\n{"text": "The mayor said."}', "", "jsonl"),
        ("not json at all", ".jsonl", "jsonl"),  # the name is a hint when the content says nothing
        ("<html><body><p>The mayor said.</p></body></html>", ".jsonl", "html"),  # the content decides
        ("Plain text, the mayor said.", ".html", "text"),
        ("The mayor said 2 < 3 and {x} was fine.", "", "text"),
        ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', ".xml", "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', "", "feed"),
        ('{\n "name": "Channel",\n "type": "public_channel",\n "messages": [\n ]\n}', ".json", "telegram"),
    ],
)
def test_sniff_detect_format(text: str, suffix: str, expected: str) -> None:
    assert detect_format(text, suffix=suffix) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{\n  "text": "pretty printed"\n}', "not JSON Lines"),
        ('[\n {"text": "an array"}\n]', "not JSON Lines"),
        ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', "not an RSS or Atom feed"),
    ],
)
def test_sniff_detect_format_refuses_what_no_reader_takes(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        detect_format(text, where="feed.xml")


def test_sniff_fifty_mb_file_refused_before_reading(fifty_mb_file: Path, settings: Settings) -> None:
    assert os.stat(fifty_mb_file).st_size > settings.max_bytes
    tracemalloc.start()
    try:
        documents, errors = split(read_path(fifty_mb_file, settings=settings))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert documents == []
    assert [e.where for e in errors] == [str(fifty_mb_file)]
    assert f"over the {settings.max_bytes:,}-byte limit" in errors[0].message
    assert "HEARSAY_MAX_BYTES" in errors[0].message
    assert peak < 2 * MB  # the 50 MB were never read into memory


@pytest.mark.parametrize("size", [100])
def test_sniff_max_bytes_is_inclusive(size: int, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * size)
    assert len(sniff_file(path, max_bytes=size).text) == size
    path.write_bytes(b"x" * (size + 1))
    with pytest.raises(InputError, match="over the 100-byte limit"):
        sniff_file(path, max_bytes=size)


def test_sniff_max_chars_applies_after_extraction(settings: Settings) -> None:
    small = with_limits(settings, max_chars=100)
    documents, errors = split(read_path(GOOD / "harbour.txt", settings=small))
    assert documents == []
    assert "over the 100-character limit" in errors[0].message
    assert "HEARSAY_MAX_CHARS" in errors[0].message
    # the HTML page is longer than its article text: the limit counts the text
    page = GOOD / "article.html"
    roomy = with_limits(settings, max_chars=page.stat().st_size - 1)
    assert len(split(read_path(page, settings=roomy))[0]) == 1


def test_sniff_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        sniff_file(tmp_path / "nope.txt", max_bytes=MB)


def test_sniff_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        sniff_file(tmp_path, max_bytes=MB)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_sniff_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        sniff_file(fifo, max_bytes=MB)
