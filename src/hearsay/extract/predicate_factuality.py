"""Factuality of any predicate in a text, not only of statement contents.

>>> from hearsay.extract.predicate_factuality import factuality_of
>>> text = "The plant did not close, officials said."
>>> [(f.text, f.certainty, f.polarity) for f in factuality_of(text, [(18, 23)])]
[('close', 'certain', 'neg')]

The values come from ``factuality_rules.assess_span``, the rules the ``hearsay_factuality``
component applies to statements; spans are character offsets, as everywhere in hearsay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..model import Span
from .factuality_rules import assess_span


@dataclass(frozen=True, slots=True)
class PredicateFactuality:
    start: int
    end: int
    text: str
    certainty: str  # certain, probable, possible, underspecified
    polarity: str  # pos, neg, underspecified
    cues: tuple[Span, ...]  # the words that set the values


def factuality_in_doc(doc: Doc, start: int, end: int) -> PredicateFactuality:
    """The factuality of the predicate at characters ``start:end`` of a parsed ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        raise InputError(f"characters {start}:{end} hold no token", where="predicate span")
    reading = assess_span(span)
    cues = tuple(Span(start=c.start_char, end=c.end_char, text=c.text) for c in reading.cues)
    return PredicateFactuality(start, end, doc.text[start:end], reading.certainty, reading.polarity, cues)


def factuality_of(
    text: str, spans: Iterable[tuple[int, int]], nlp: Language | None = None
) -> list[PredicateFactuality]:
    """The factuality of each predicate span (character offsets) in ``text``, in the given order."""
    from .pipeline import load_pipeline

    doc = (nlp or load_pipeline())(text)
    return [factuality_in_doc(doc, start, end) for start, end in spans]
