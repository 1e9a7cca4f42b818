"""Quotation marks: where quotes are, and what kind of statement a content span is."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .doc_text import text_of

# Curly and guillemet quotes pair unambiguously; straight double quotes pair in order.
# ``...'' is the typewriter convention of Penn Treebank-style texts.
_PAIRED = {"“": "”", "«": "»", "„": "“", "``": "''"}
OPENING_MARKS = "\"“«„`'"
CLOSING_MARKS = "\"”»'"
_OPENERS = (*_PAIRED, '"', "''")
# Every mark that opens or closes a quote, and the line break that ends one: the text between them
# is skipped. Two-character marks are tried first, as a left-to-right reading pairs them.
_MARK = re.compile("``|''|[\"“”«»„\n]")


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (marks excluded).

    A quote left open at the end of a paragraph runs on into the next paragraph when that one
    opens with a quotation mark too (the news convention for multi-paragraph quotes).
    """
    ranges: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = closer = ""
    found = _MARK.search(text)
    while found is not None:
        index, mark = found.start(), found.group()
        if open_at is None:
            # ''...'' (two apostrophes on both sides) is how some newspapers' archives write quotes.
            if mark in _OPENERS:
                open_at, opener, closer = index + len(mark), mark, _PAIRED.get(mark, mark)
        elif mark == closer or _closes_with_the_other_mark(text, open_at, index, opener, mark):
            ranges.append((open_at, index))
            open_at = None
        elif mark == "\n":
            resume = _continuation(text, index, opener)
            if resume is not None:
                # The quote goes on after the next paragraph's opening mark.
                found = _MARK.search(text, resume)
                continue
            # An unclosed quote at a paragraph end without a continuation: it ends there.
            if index > open_at:
                ranges.append((open_at, index))
            open_at = None
        found = _MARK.search(text, index + len(mark))
    return [(s, e) for s, e in ranges if text[s:e].strip()]


# A quote opened with one kind of double mark and closed with another: '“We won," she said', '“We won,“'.
_MIXED_CLOSERS = {"“": ('"', "“"), '"': ("”",)}
_AFTER_A_CLOSER = " \t\n,.;:?!)—–-"


def _closes_with_the_other_mark(text: str, open_at: int, index: int, opener: str, mark: str) -> bool:
    """'“We won," she said', '“We won,“ she said', '"We won,” she said': a straight or an opening
    mark after a curly opener (or a curly closer after a straight one) ends the quote when it stands
    where a closer stands: glued to the word before it, with a space, a punctuation mark or the end
    of the text after it, and no mark of its kind inside the quote left open ('“The "new" plan”')."""
    if mark not in _MIXED_CLOSERS.get(opener, ()) or index == 0 or text[index - 1].isspace():
        return False
    nested_opener = '"' if mark == '"' else "“"
    if text.count(nested_opener, open_at, index) % 2:
        return False
    after = index + len(mark)
    return after >= len(text) or text[after] in _AFTER_A_CLOSER


def _continuation(text: str, newline: int, opener: str) -> int | None:
    """Where a quote resumes when the next paragraph opens with the same quotation mark, else None.

    A straight quote left open before a paragraph of curly quotes is a stray mark, not a
    quotation that goes on.
    """
    index = newline
    while index < len(text) and text[index].isspace():
        index += 1
    return index + len(opener) if text.startswith(opener, index) else None


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


def kind_of(ranges: list[tuple[int, int]], content: Span, text: str | None = None) -> str:
    """direct: the content is a quotation; mixed: it contains one; indirect otherwise.

    ``text`` is the document's text when the caller holds it: spaCy rebuilds ``Doc.text`` on each access.
    """
    text = text_of(content.doc) if text is None else text
    if quote_containing(ranges, content.start_char, content.end_char, text):
        return "direct"
    words = 0
    for q_start, q_end in ranges:
        if content.start_char <= q_start and q_end <= content.end_char:
            words += len(text[q_start:q_end].split())
    # One quoted word is a scare quote, not a quotation.
    return "mixed" if words >= 2 else "indirect"


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def content_pieces(
    text: str, quotes: list[tuple[int, int]], content: tuple[int, int], cue: tuple[int, int]
) -> list[tuple[int, int]]:
    """A content's ranges without the speaker tag inside it.

    '"We won," she said, "and we will win again."' is one statement whose content runs over the
    tag "she said": the content is then the two quotations, the stretch between the quotation
    that closes before the cue and the one that opens after it left out. A content without a
    cue inside it between two quotations is its one range.
    """
    start, end = content
    if not (start <= cue[0] and cue[1] <= end):
        return [content]
    before = [q for q in quotes if start <= q[1] <= cue[0] and q[0] >= start - 1]
    after = [q for q in quotes if cue[1] <= q[0] and q[1] <= end + 1]
    if not before or not after:
        return [content]
    gap_start, gap_end = before[-1][1], after[0][0]
    while gap_start < gap_end and text[gap_start] in CLOSING_MARKS + ",?!":
        gap_start += 1
    while gap_end > gap_start and text[gap_end - 1] in OPENING_MARKS:
        gap_end -= 1
    if gap_end <= gap_start:
        return [content]
    return [(start, gap_start), (gap_end, end)]
