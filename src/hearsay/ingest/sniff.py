"""Bytes to (format, decoded text), or an InputError that names the file and the fix.

Decoding goes step by step and stops at the first step that fits: refuse known binary
signatures; byte-order mark; NUL bytes mean UTF-16 without a mark or else binary; strict
UTF-8; the charset an HTML/XML page declares; charset-normalizer's guess. Decoded text
with too many control characters is refused as binary too.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

FORMATS = ("text", "html", "jsonl", "feed", "telegram")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
GIVE_TEXT = "give hearsay text, HTML, JSON Lines, an RSS/Atom feed or a Telegram export"

MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office/EPUB file"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office file"),
)

# UTF-32 first: its little-endian mark starts with UTF-16's.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that no text file needs; tab, newlines and form feed are fine.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Real text has none; random bytes decode to about 12% controls.
MAX_CONTROL_RATIO = 0.05
_DECLARED = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset|<\?xml[^>]{0,200}?encoding)\s*=\s*["']?([a-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do we.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"})
_HTML_START = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|"
    r"main|section|div|p|h[1-6]|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<article[\s>]", re.IGNORECASE)
_XML_START = re.compile(r"<\?xml\b|<rss\b|<feed\b|<rdf:RDF\b", re.IGNORECASE)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
# Telegram Desktop writes the chat's name, type and id before its "messages" list.
_TELEGRAM_HEAD = re.compile(r'^\s*\{.*?"messages"\s*:\s*\[', re.DOTALL)
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
HEAD_CHARS = 2048
_NON_BLANK = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What sniffing found: the reader to use, the decoded text and how it was decoded."""

    format: str
    text: str
    encoding: str


def read_limited(path: Path, *, max_bytes: int) -> bytes:
    """Read ``path`` after checking its size, and never more than ``max_bytes + 1`` bytes."""
    where = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputError("is not a regular file; give a file or a folder", where=where)
        if size > max_bytes:
            raise _too_big(size, max_bytes, where)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("does not exist; check the path", where=where) from None
    except PermissionError:
        raise InputError("cannot be read (permission denied); check its permissions", where=where) from None
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror or err}); check the file", where=where) from None
    if len(data) > max_bytes:  # it grew after stat, or it is a device that reports no size
        raise _too_big(len(data), max_bytes, where)
    return data


def _too_big(size: int, max_bytes: int, where: str) -> InputError:
    """The error for a file over the byte limit."""
    return InputError(
        f"is {size:,} bytes, over the {max_bytes:,}-byte limit; split it or raise HEARSAY_MAX_BYTES",
        where=where,
    )


def sniff_file(path: Path, *, max_bytes: int) -> Sniffed:
    """Read, decode and classify one file."""
    return sniff_bytes(read_limited(path, max_bytes=max_bytes), where=str(path), suffix=path.suffix)


def sniff_bytes(data: bytes, *, where: str, suffix: str = "") -> Sniffed:
    """Decode ``data`` and detect its format; ``suffix`` (``.jsonl``) is only a hint."""
    if not data:
        raise InputError("is empty (0 bytes); give a file with article text", where=where)
    # A UTF-16 mark can be the first bytes of a broken first line of UTF-8 JSON Lines (in real
    # UTF-16 every line holds NULs, so its lines are never UTF-8 JSON objects).
    utf16_mark = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        if utf16_mark and mostly_json_lines(data):
            raise InputError("starts with a UTF-16 mark but its lines are UTF-8 JSON", where=where)
        text, encoding = decode_bytes(data, where=where)
    except InputError:
        if not mostly_json_lines(data):
            raise
        return _json_lines(data)
    if encoding != "utf-8" and mostly_json_lines(data):
        # Mostly UTF-8 JSON objects: JSON Lines with a few bad lines, not text in a guessed charset
        # (charset-normalizer read such files as EBCDIC or UTF-16: every good line was lost).
        return _json_lines(data)
    if not text.strip():
        raise InputError("contains only whitespace; give a file with article text", where=where)
    check_controls(text, where=where)
    return Sniffed(format=detect_format(text, suffix=suffix, where=where), text=text, encoding=encoding)


def _json_lines(data: bytes) -> Sniffed:
    """JSON Lines, UTF-8 by definition: a line with bad bytes (or NULs) fails alone. The bad bytes
    are kept as lone surrogates, which the reader reports for that line."""
    return Sniffed(format="jsonl", text=data.decode("utf-8", "surrogateescape"), encoding="utf-8")


def mostly_json_lines(data: bytes, sample: int = 100) -> bool:
    """Whether most of the first ``sample`` non-blank lines are UTF-8 JSON objects without NULs."""
    lines = []
    for line in data.split(b"\n", sample * 2)[: sample * 2]:
        try:
            lines.append("" if b"\x00" in line else line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append("")
    return _mostly_json_objects(lines)


def _mostly_json_objects(lines: list[str], sample: int = 100) -> bool:
    """Whether at least two non-blank lines, and half of the first ``sample``, are JSON objects."""
    chosen = [line.strip() for line in lines if line.strip()][:sample]
    good = sum(_is_json_object(line) for line in chosen)
    return len(chosen) >= 2 and good * 2 >= len(chosen)


def decode_bytes(data: bytes, *, where: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data``, refusing binary data."""
    check_magic(data, where=where)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, where), encoding
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(
                f"looks like a binary file (it contains NUL bytes), not text; {GIVE_TEXT}", where=where
            )
        return _decode_strict(data, utf16, where), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for step in (_declared_charset, _guessed_charset):
        found = step(data)
        if found is not None:
            return found
    raise InputError("cannot tell its text encoding; save it as UTF-8", where=where)


def check_magic(data: bytes, *, where: str) -> None:
    """Refuse data that starts with a known binary file signature."""
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise InputError(f"looks like a binary file ({kind}), not text; {GIVE_TEXT}", where=where)


def check_controls(text: str, *, where: str) -> None:
    """Refuse text with too many control characters to be anything but binary."""
    sample = text[:100_000]
    ratio = len(_CONTROL.findall(sample)) / len(sample)
    if ratio > MAX_CONTROL_RATIO:
        raise InputError(
            f"looks like a binary file ({ratio:.0%} control characters), not text; {GIVE_TEXT}", where=where
        )


def check_length(text: str, *, where: str, max_chars: int) -> None:
    """Refuse a document text longer than ``max_chars`` characters."""
    if len(text) > max_chars:
        raise InputError(
            f"has {len(text):,} characters of text, over the {max_chars:,}-character limit; "
            "split it or raise HEARSAY_MAX_CHARS",
            where=where,
        )


def _decode_strict(data: bytes, encoding: str, where: str) -> str:
    """Decode with ``encoding`` or explain that the file is not what it claims."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            f"is not valid {encoding} although it starts like it; save it as UTF-8", where=where
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """Name the UTF-16 byte order when NULs sit on one side of each byte pair, as in ASCII-heavy UTF-16."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even = head[0::2].count(0) / len(head[0::2])
    odd = head[1::2].count(0) / len(head[1::2])
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> tuple[str, str] | None:
    """Decode with the charset an HTML ``<meta>`` or XML declaration names, when it fits."""
    match = _DECLARED.search(data[:HEAD_CHARS])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    encoding = "cp1252" if label in _AS_CP1252 else label
    try:
        return data.decode(encoding), codecs.lookup(encoding).name
    except (LookupError, UnicodeDecodeError):
        return None


def _guessed_charset(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer, preferring windows-1252 when it reads the bytes as cleanly as the best."""
    # Only NUL-free data gets here, and UTF-16 or UTF-32 text without a NUL byte is not text a
    # person wrote: that guess turned a JSON Lines file with one bad line into one line of junk.
    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return None
    # On short Western European texts charset-normalizer often ranks cp1250 or cp852 first
    # ("£" becomes "Ł", "ñ" becomes "˝"), on a language-coherence score that a sentence or
    # two cannot settle; cp1252 reads them as cleanly and is by far the more common.
    cleanest = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos <= cleanest and "cp1252" in match.could_be_from_charset:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:  # the guess came from a sample of a larger file
                break
    return str(matches[0]), matches[0].encoding


def detect_format(text: str, *, suffix: str = "", where: str | None = None) -> str:
    """Return ``html``, ``feed``, ``telegram``, ``jsonl`` or ``text``.

    An RSS/Atom root element wins, then markup at the very start, then a Telegram export (a JSON
    document with a "messages" list), then JSON Lines (a first line that is a JSON object: its
    articles may hold ``<p>`` markup; or most lines are, when the first is broken, even into
    markup), then HTML found further in, then a .jsonl name. Refuses other XML and other
    whole-file JSON documents.
    """
    head = text.lstrip("\ufeff \t\r\n")[:HEAD_CHARS]
    if _XML_START.match(head) and _FEED_ROOT.search(head):
        return "feed"  # before HTML: item bodies often hold <p> markup
    if _HTML_START.match(head):
        return "html"
    if _TELEGRAM_HEAD.match(head):
        return "telegram"
    first = _first_line(text)
    if _is_json_object(first) or _mostly_json_objects(text.split("\n", 200)[:200]):
        return "jsonl"  # the second: JSON Lines whose first line is broken (even into markup)
    if _looks_like_html(head):
        return "html"
    if _XML_START.match(head):
        raise InputError(f"looks like XML but not an RSS or Atom feed; {GIVE_TEXT}", where=where)
    if first in ("{", "["):  # its lines are not mostly JSON objects (that returned above)
        raise InputError("looks like a JSON document, not JSON Lines; write one object per line", where=where)
    if suffix.lower() in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def _looks_like_html(head: str) -> bool:
    """Markup at the very start, a document-level tag, or several paragraphs near the start."""
    return bool(_HTML_START.match(head) or _HTML_ANYWHERE.search(head) or len(_PARAGRAPH.findall(head)) >= 2)


def _first_line(text: str) -> str:
    """The first non-blank line, stripped, read without splitting the whole text."""
    match = _NON_BLANK.search(text)
    if match is None:
        return ""
    end = text.find("\n", match.start())
    return text[match.start() : end if end >= 0 else len(text)].strip()


def _is_json_object(line: str) -> bool:
    """Whether ``line`` parses as one JSON object."""
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except RecursionError:  # an object nested too deeply: still JSON Lines, whose reader says so
        return True
    except ValueError:
        return False


__all__ = [
    "FORMATS",
    "Sniffed",
    "check_length",
    "decode_bytes",
    "detect_format",
    "read_limited",
    "sniff_bytes",
    "sniff_file",
]
