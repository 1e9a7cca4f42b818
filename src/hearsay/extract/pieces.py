"""Long texts through spaCy in bounded pieces, joined back into one Doc with the document's offsets.

A text of 300,000 characters on one line once held its batch (and the server's writer) for
minutes: spaCy's parser and hearsay's per-sentence rules saw sentences as long as the text allowed.
A text over ``LONG_TEXT_CHARS`` is cut into pieces of at most ``PIECE_CHARS`` (at a paragraph
break if there is one, else after a sentence, else at a space); the tokenizer, tagger, parser and
recogniser run on each piece, and ``Doc.from_docs`` joins the pieces without adding a character,
so hearsay's own components see one Doc whose offsets are the document's. A piece always starts a
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

# Texts up to this length go through spaCy whole (every real news article does).
LONG_TEXT_CHARS = 50_000
# At most this many characters per piece: about 2,000 tokens, a few seconds of parsing.
PIECE_CHARS = 10_000
# hearsay components that read sentences only: they run on each piece, before the join.
# Pieces a spaCy component handles in one batch (bounds its memory whatever the text's length).
PIECES_PER_BATCH = 2
PIECEWISE_COMPONENTS = frozenset({"hearsay_paragraphs"})
_PARAGRAPH = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


def is_long(text: str) -> bool:
    return len(text) > LONG_TEXT_CHARS


def piece_bounds(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``, none longer than ``limit``."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end the piece that starts at ``start``: the latest good break in its second half."""
    floor = start + (stop - start) // 2
    for pattern in (_PARAGRAPH, _SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(text, floor, stop) if m.end() <= stop]
        if ends:
            return ends[-1]
    return stop  # one unbroken run of characters: cut it anywhere


def parse_in_pieces(nlp: Language, text: str) -> tuple[Doc, list[tuple[str, Callable[[Doc], Doc]]]]:
    """The joined Doc of ``text`` after spaCy's own components, and the components still to run."""
    pipeline = list(nlp.pipeline)
    split = next(
        (
            i
            for i, (name, _) in enumerate(pipeline)
            if name.startswith("hearsay_") and name not in PIECEWISE_COMPONENTS
        ),
        len(pipeline),
    )
    docs = [nlp.make_doc(text[start:end]) for start, end in piece_bounds(text)]
    for _, component in pipeline[:split]:
        docs = _run(component, docs)
    return Doc.from_docs(docs, ensure_whitespace=False), pipeline[split:]


def _whole_document(name: str) -> bool:
    """Whether a component must see the joined document (hearsay's entity, attribution... rules)."""
    return name.startswith("hearsay_") and name not in PIECEWISE_COMPONENTS


def _run(component: Any, docs: list[Doc]) -> list[Doc]:
    # A few pieces per batch: spaCy's default batch (all 30 pieces of a 300,000-character text,
    # some 50,000 tokens) held about 800 MB of the parser's activations at once.
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=PIECES_PER_BATCH))
    return [component(doc) for doc in docs]
