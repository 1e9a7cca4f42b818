"""Text normalisation and content identity: the same article always gets the same id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from ..lang import unsupported
from ..languages import detect_language, supported
from ..model import Document
from ..settings import load_settings

# Vertical tab and form feed separate lines or pages (pdftotext writes \f between pages);
# turning them into newlines keeps the words on either side apart.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f]")
# Every other C0 control except tab and newline (NUL, bells, escapes, separators), and
# byte-order marks, so that text read without "utf-8-sig" gets the same id.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\ufeff]")
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)
# Four newlines or more is three blank lines or more; keep two blank lines.
_BLANK_RUN = re.compile(r"\n{4,}")
# A lone surrogate (a JSON "\ud800" escape, an undecodable file name) cannot be encoded as
# UTF-8, so it could be neither hashed nor stored: it becomes U+FFFD, as a decoder would make it.
_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD REPLACEMENT CHARACTER."""
    return _SURROGATES.sub("\ufffd", text)


def normalise_text(text: str) -> str:
    """Return the canonical form of ``text`` that ids and character offsets refer to."""
    text = without_surrogates(text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    # NFC after removing controls: a removed NUL could have kept a letter and its accent apart.
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUN.sub("\n\n\n", text)
    return text.strip()


def _digest(normalised: str) -> str:
    """Hex sha256 of already-normalised text."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """Return the sha256 hex digest of the normalised ``text``."""
    return _digest(normalise_text(text))


def make_document(
    text: str,
    *,
    published: dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    author: str | None = None,
    source_path: str | None = None,
    format: str = "text",
    language: str | None = None,
) -> Document:
    """Build a Document whose text is the normalised ``text`` and whose id is its digest.

    The language is, in order: the one given, ``HEARSAY_LANGUAGE``, or the one detected in the text.
    """
    normalised = normalise_text(text)
    language = language or load_settings().language or detect_language(normalised)
    if isinstance(published, dt.datetime):
        published = published.date()
    return Document(
        id=_digest(normalised),
        text=normalised,
        url=_clean(url),
        outlet=_clean(outlet),
        title=_clean(title),
        author=_clean(author),
        published=published,
        language=without_surrogates(language),
        source_path=_clean(source_path),
        format=format,
    )


def _clean(value: str | None) -> str | None:
    """A metadata value without lone surrogates (a channel name, a file name), or None."""
    return None if value is None else without_surrogates(value)


def check_language(language: str, *, where: str) -> None:
    """Raise InputError for a language hearsay has no extraction pipeline for."""
    if not supported(language):
        raise unsupported(language, where=where)
