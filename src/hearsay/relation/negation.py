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

from . import words as w
from .frame import Frame

_DETERMINERS = ("no", "nothing", "none")


def negates(proposition: Frame, content: Frame) -> bool:
    if not content.negated:
        return False
    spans = w.token_spans(content.text)
    lowered = w.without_number_signs([token.casefold() for token, _start, _end in spans], content.text)
    anchors = proposition.predicate or proposition.core
    first = next(
        (i for i, t in enumerate(lowered) if w.is_content_word(t) and w.stem(t) in anchors),
        None,
    )
    if first is None:
        return True
    set_aside = {
        index + k
        for _order, index, phrase in w.phrase_index("nonnegations").matches(lowered)
        for k in range(len(phrase.words))
    }
    count = 0
    for _order, index, _phrase in w.phrase_index("negators").matches(lowered):
        if index in set_aside:
            continue
        if index == first:
            count += 1  # the words that state it negate ("denied taking", "did not rule out")
        elif index < first and not _contrast(content.text, spans, lowered, index, first):
            count += 1
        elif index == first + 1 and lowered[index] in _DETERMINERS:
            count += 1  # the object's determiner: "took no money", "accepted no bribe"
    return count % 2 == 1


def _contrast(text: str, spans, lowered: list[str], index: int, first: int) -> bool:
    """The negator negates another argument: "not X but Y ..." or ", not X, ..." before the words."""
    if "but" in lowered[index + 1 : first]:
        return True
    before = text[spans[index - 1][2] : spans[index][1]] if index else ""
    after = text[spans[index][2] : spans[first][1]]
    return "," in before and "," in after


def own_negation(proposition: Frame) -> bool:
    """Whether the proposition negates what it states, judged by the rule a content is judged by
    (``negates``): "which killed no one" in a proposition says nothing false, as in a content; an
    identical content must never read as the proposition's negation."""
    return negates(proposition, proposition)
