"""Whether a content negates what it states of a proposition, or only has a negation elsewhere.

``Frame.negated`` says a content has a negator somewhere. A negator negates the proposition only
when it stands before the words that state it (its verb, else its core), or right after them as
their object's determiner ("took no money"), and is not set aside:
"which killed no one" and ", but no charges were filed" come after them; "a kettle, not faulty
wiring, caused" and "not the wiring but a kettle" negate another argument; "there is no doubt that"
and "not the only one who" negate nothing (``lexicons/nonnegations.tsv``), nor does "No." before a
number ("the No. 1 seller"). Two negators before the words cancel ("did not rule out"). A proposition's
own negation is judged by the same rule (``own_negation``).
"""

from __future__ import annotations

from functools import lru_cache

from . import words as w
from .frame import Frame

_DETERMINERS = ("no", "nothing", "none")
# Words that open another clause after a comma (read off ECB+ news: "despite making an offer").
_CLAUSE_OPENERS = frozenset(
    {
        "despite",
        "although",
        "though",
        "while",
        "whereas",
        "because",
        "since",
        "after",
        "before",
        "when",
        "unless",
        "which",
        "who",
        "where",
        "and",
        "as",
    }
)


def negates(proposition: Frame, content: Frame) -> bool:
    return _negated_at(content, proposition.predicate or proposition.core)


def own_negation(proposition: Frame, content: Frame | None = None) -> bool:
    """Whether the proposition negates what it states, judged by the rule a content is judged by
    (``negates``) and at the same words: those of the proposition the content states first. So
    "which killed no one" in a proposition says nothing false, as in a content; a proposition that
    carries its speaker's verb ("He stated that 'I don't think it will happen'") is read at the words
    the content shares with it; an identical content never reads as the proposition's negation."""
    anchors = proposition.predicate or proposition.core
    if content is not None:
        lowered = _lowered(content.text)
        shared = next((w.stem(t) for t in lowered if w.is_content_word(t) and w.stem(t) in anchors), None)
        if shared is not None:
            anchors = frozenset({shared})
    return _negated_at(proposition, anchors)


# Remembered per text (callers only read them): a content is judged against every proposition asked.
@lru_cache(maxsize=20_000)
def _lowered(text: str) -> list[str]:
    return w.without_number_signs([token.casefold() for token, _start, _end in _spans(text)], text)


@lru_cache(maxsize=20_000)
def _spans(text: str) -> list[tuple[str, int, int]]:
    return w.token_spans(text)


def _negated_at(text_frame: Frame, anchors: frozenset[str]) -> bool:
    """An odd number of negators of the words ``anchors`` (their first occurrence) in the frame's text."""
    if not text_frame.negated:
        return False
    spans = _spans(text_frame.text)
    lowered = _lowered(text_frame.text)
    first = next(
        (i for i, t in enumerate(lowered) if w.is_content_word(t) and w.stem(t) in anchors),
        None,
    )
    set_aside = {
        index + k
        for _order, index, phrase in w.phrase_index("nonnegations").matches(lowered)
        for k in range(len(phrase.words))
    }
    if first is None:
        # No words to place it by: any negator counts, but not one that negates nothing ("nothing less than").
        return any(index not in set_aside for _o, index, _p in w.phrase_index("negators").matches(lowered))
    count = 0
    for _order, index, _phrase in w.phrase_index("negators").matches(lowered):
        if index in set_aside:
            continue
        if index == first:
            count += 1  # the words that state it negate ("denied taking", "did not rule out")
        elif index < first and not _contrast(text_frame.text, spans, lowered, index, first):
            count += 1
        elif index == first + 1 and lowered[index] in _DETERMINERS:
            count += 1  # the object's determiner: "took no money", "accepted no bribe"
    return count % 2 == 1


def _contrast(text: str, spans, lowered: list[str], index: int, first: int) -> bool:
    """The negator negates another argument: "not X but Y ..." or ", not X, ..." before the words; or
    another clause: "do not expect to sign him, despite making an offer" (a comma and a word that opens a
    clause, or a sentence's end, between the negator and the words)."""
    if "but" in lowered[index + 1 : first]:
        return True
    for k in range(index + 1, first):
        gap = text[spans[k - 1][2] : spans[k][1]]
        if any(mark in gap for mark in ".;!?") or ("," in gap and lowered[k] in _CLAUSE_OPENERS):
            return True
    before = text[spans[index - 1][2] : spans[index][1]] if index else ""
    after = text[spans[index][2] : spans[first][1]]
    return "," in before and "," in after
