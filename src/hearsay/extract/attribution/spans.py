"""Span helpers shared by the attribution stages."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..drafts import StatementDraft


def span_of(doc: Doc, tokens: Iterable[Token]) -> Span | None:
    indices = sorted(t.i for t in tokens)
    return doc[indices[0] : indices[-1] + 1] if indices else None


def trim(span: Span | None) -> Span | None:
    """Drop leading and trailing punctuation, conjunctions and whitespace.

    A leading "that", "whether" or "if" stays: it is part of the reported clause, as PolNeAR and
    PARC mark it ("denied that workers were paid late").
    """
    if span is None:
        return None
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].is_punct
        and doc[start].text not in '“"‘«'
        or doc[start].is_space
        or doc[start].dep_ in ("cc", "mark")
        and doc[start].lower_ in ("and", "but", "or")
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or doc[end - 1].is_punct
        and doc[end - 1].text not in '”"’»)'
        or doc[end - 1].dep_ == "cc"
        and doc[end - 1].lower_ in ("and", "but", "or")
    ):
        end -= 1
    return doc[start:end] if end > start else None


def subtree_span(token: Token, exclude: Iterable[Token] = ()) -> Span | None:
    """The contiguous run of the token's subtree around it, leaving out the excluded tokens."""
    excluded = {t.i for t in exclude}
    indices = [t.i for t in token.subtree if t.i not in excluded]
    start = end = token.i
    present = set(indices)
    while start - 1 in present:
        start -= 1
    while end + 1 in present:
        end += 1
    return trim(token.doc[start : end + 1])


def overlaps(a: Span, b: Span) -> bool:
    return a.start_char < b.end_char and b.start_char < a.end_char


def holds(content: Span, cue: Span) -> bool:
    return content.start_char <= cue.start_char and cue.end_char <= content.end_char


def within(draft: StatementDraft, start: int, end: int) -> bool:
    """A statement nested inside a quotation (marks included): its cue and content both lie within it.

    '"We know," she said' is not nested in its quotation: its cue lies outside.
    """
    cue, content = draft.cue, draft.content
    return start <= min(cue.start_char, content.start_char) and max(cue.end_char, content.end_char) <= end
