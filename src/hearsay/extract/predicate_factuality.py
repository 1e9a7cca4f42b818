"""Factuality of any predicate in a text, not only of statement contents.

>>> from hearsay.extract.predicate_factuality import factuality_of
>>> text = "The plant did not close, officials said."
>>> [(f.text, f.certainty, f.polarity) for f in factuality_of(text, [(18, 23)])]
[('close', 'certain', 'neg')]

The values come from ``factuality_rules.assess_span``, the rules the ``hearsay_factuality``
component applies to statements; spans are character offsets, as everywhere in hearsay.
``read_with_events`` gives, for many documents, hearsay's reading of each and the factuality of
the events named in it, from one parse: what the evaluations score.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..model import Document, Reading, Span
from .doc_text import text_of
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
    return PredicateFactuality(start, end, text_of(doc)[start:end], reading.certainty, reading.polarity, cues)


def factuality_of(
    text: str, spans: Iterable[tuple[int, int]], nlp: Language | None = None
) -> list[PredicateFactuality]:
    """The factuality of each predicate span (character offsets) in ``text``, in the given order."""
    from .pipeline import load_pipeline

    doc = (nlp or load_pipeline())(text)
    return [factuality_in_doc(doc, start, end) for start, end in spans]


def read_with_events(
    documents: Iterable[tuple[Document, Sequence[tuple[int, int]]]], nlp: Language | None = None
) -> Iterator[tuple[Reading, list[PredicateFactuality]]]:
    """For each (document, event spans): hearsay's reading of the document and the factuality of each
    event span in it, in order; each document is parsed once."""
    from .pipeline import extractor_name, load_pipeline
    from .reading import to_reading

    nlp = nlp or load_pipeline()
    name = extractor_name(nlp)
    pairs = list(documents)
    for (document, spans), doc in zip(pairs, nlp.pipe(d.text for d, _ in pairs), strict=True):
        yield to_reading(doc, document, extractor=name), [factuality_in_doc(doc, a, b) for a, b in spans]
