"""Plain-text reader: one file, one Document, the headline (if any) kept as the first line."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from .identity import make_document, normalise_text

MAX_HEADLINE_CHARS = 150
MAX_HEADLINE_WORDS = 25
# A headline may end in a question or exclamation mark, but not in sentence punctuation.
_SENTENCE_END = (".", ",", ";", ":", "…")
_CLOSERS = "\"'”’»)]"


def read_text(text: str, where: str) -> Iterator[Document | InputError]:
    """Yield the Document for one plain-text file."""
    normalised = normalise_text(text)
    yield make_document(normalised, title=headline(normalised), source_path=where, format="text")


def headline(text: str) -> str | None:
    """Return the first line of normalised ``text`` when it looks like a headline, else None."""
    first, newline, rest = text.partition("\n")
    first = first.strip()
    if not newline or not rest.strip() or not first:
        return None
    if len(first) > MAX_HEADLINE_CHARS or len(first.split()) > MAX_HEADLINE_WORDS:
        return None
    if first.rstrip(_CLOSERS).endswith(_SENTENCE_END):
        return None
    return first
