"""Quotation marks: where quotes are, and what kind of statement a content span is."""

from __future__ import annotations

from spacy.tokens import Doc, Span

# Curly and guillemet quotes pair unambiguously; straight double quotes pair in order.
# ``...'' is the typewriter convention of Penn Treebank-style texts.
_PAIRED = {"“": "”", "«": "»", "„": "“", "``": "''"}


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (marks excluded).

    A quote left open at the end of a paragraph runs on into the next paragraph when that one
    opens with a quotation mark too (the news convention for multi-paragraph quotes).
    """
    ranges: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    index = 0
    while index < len(text):
        mark = text[index : index + 2] if text.startswith(("``", "''"), index) else text[index]
        if open_at is None:
            # ''...'' (two apostrophes on both sides) is how some newspapers' archives write quotes.
            if mark in _PAIRED or mark in ('"', "''"):
                open_at, closer = index + len(mark), _PAIRED.get(mark, mark)
        elif mark == closer:
            ranges.append((open_at, index))
            open_at = None
        elif mark == "\n":
            resume = _continuation(text, index)
            if resume is not None:
                index = resume  # the quote goes on after the next paragraph's opening mark
                continue
            # An unclosed quote at a paragraph end without a continuation: it ends there.
            if index > open_at:
                ranges.append((open_at, index))
            open_at = None
        index += len(mark)
    return [(s, e) for s, e in ranges if text[s:e].strip()]


def _continuation(text: str, newline: int) -> int | None:
    """Where a quote resumes when the next paragraph opens with a quotation mark, else None."""
    index = newline
    while index < len(text) and text[index].isspace():
        index += 1
    for mark in ("``", "“", "\"", "«", "''"):
        if text.startswith(mark, index):
            return index + len(mark)
    return None


_MARKS_AND_SPACE = " \t\n\"“”«»„`'"


def quote_containing(
    ranges: list[tuple[int, int]], start: int, end: int, text: str = ""
) -> tuple[int, int] | None:
    """The quote that encloses a character range (allowing the range to include the marks)."""
    while text and start < end and text[start] in _MARKS_AND_SPACE:
        start += 1
    while text and end > start and text[end - 1] in _MARKS_AND_SPACE:
        end -= 1
    for q_start, q_end in ranges:
        if q_start - 1 <= start and end <= q_end + 1:
            return q_start, q_end
    return None


def kind_of(ranges: list[tuple[int, int]], content: Span) -> str:
    """direct: the content is a quotation; mixed: it contains one; indirect otherwise."""
    if quote_containing(ranges, content.start_char, content.end_char, content.doc.text):
        return "direct"
    words = 0
    for q_start, q_end in ranges:
        if content.start_char <= q_start and q_end <= content.end_char:
            words += len(content.doc.text[q_start:q_end].split())
    # One quoted word is a scare quote, not a quotation.
    return "mixed" if words >= 2 else "indirect"


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")
