"""Types of attributions for the error breakdown, read from their spans alone.

The same rules type annotated and predicted attributions, so each type has a recall and a
precision. The primary type is the first that applies, in this order:

- ``according_to``: the cue contains "according" ("according to", "according to a report");
- ``internal_state``: a word of the cue is a belief, desire or feeling form ("believes", "wants");
- ``direct``: the content starts with a quotation mark, or one opens right before it;
- ``indirect``: everything else (reported speech, mixed quotes that start unquoted).

Besides, the source is ``anonymous`` (no name: "sources", "a senior official"), ``none`` (no
source span at all) or ``named``.
"""

from __future__ import annotations

import re

from .brat import Attribution

TYPES = ("direct", "indirect", "according_to", "internal_state")
SOURCE_KINDS = ("named", "anonymous", "none")

# Word forms, not lemmas: typing must not need a parser, and must type both sides alike.
INTERNAL_STATE_FORMS = frozenset(
    [
        "believe",
        "believes",
        "believed",
        "believing",
        "belief",
        "beliefs",
        "think",
        "thinks",
        "thought",
        "thinking",
        "want",
        "wants",
        "wanted",
        "wanting",
        "hope",
        "hopes",
        "hoped",
        "hoping",
        "fear",
        "fears",
        "feared",
        "fearing",
        "expect",
        "expects",
        "expected",
        "expecting",
        "expectation",
        "feel",
        "feels",
        "felt",
        "feeling",
        "know",
        "knows",
        "knew",
        "known",
        "worry",
        "worries",
        "worried",
        "worrying",
        "wish",
        "wishes",
        "wished",
        "doubt",
        "doubts",
        "doubted",
        "suspect",
        "suspects",
        "suspected",
        "assume",
        "assumes",
        "assumed",
        "consider",
        "considers",
        "considered",
        "understand",
        "understands",
        "understood",
        "realize",
        "realizes",
        "realized",
        "realise",
        "realises",
        "realised",
        "intend",
        "intends",
        "intended",
        "plan",
        "plans",
        "planned",
        "convinced",
        "confident",
        "sure",
        "aware",
        "concerned",
        "afraid",
        "skeptical",
        "sceptical",
        "view",
        "views",
        "opinion",
        "love",
        "loves",
        "loved",
        "hate",
        "hates",
        "hated",
        "prefer",
        "prefers",
        "preferred",
    ]
)

# Heads of noun phrases that name nobody in particular.
ANONYMOUS_HEADS = frozenset(
    [
        "source",
        "sources",
        "official",
        "officials",
        "aide",
        "aides",
        "insider",
        "insiders",
        "person",
        "people",
        "someone",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "staffer",
        "staffers",
        "critics",
        "observers",
        "analysts",
        "experts",
        "strategists",
        "operatives",
        "operative",
        "individuals",
    ]
)

QUOTE_MARKS = "\"“”‘’'«»„"
_WORD = re.compile(r"\w+")


def attribution_type(attribution: Attribution, text: str = "") -> str:
    """The primary type of ``attribution`` (one of ``TYPES``) in the document ``text``."""
    cue_words = [w.lower() for w in _WORD.findall(attribution.cue.text)] if attribution.cue else []
    if "according" in cue_words:
        return "according_to"
    if any(word in INTERNAL_STATE_FORMS for word in cue_words):
        return "internal_state"
    if (
        attribution.content is not None
        and _opens_with_quote(attribution.content.text)
        or _quote_before(attribution, text)
    ):
        return "direct"
    return "indirect"


def source_kind(attribution: Attribution) -> str:
    """``none`` without a source span, ``anonymous`` for an unnamed one, else ``named``."""
    if attribution.source is None:
        return "none"
    words = _WORD.findall(attribution.source.text)
    if not words:
        return "none"
    named = any(word[:1].isupper() for word in words[1:]) or (
        len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in ANONYMOUS_HEADS
    )
    if not named and any(word.lower() in ANONYMOUS_HEADS for word in words):
        return "anonymous"
    return "named"


def _opens_with_quote(content: str) -> bool:
    stripped = content.lstrip(" \n\t—–-:")
    return stripped[:1] in QUOTE_MARKS and stripped[:1] != ""


def _quote_before(attribution: Attribution, text: str) -> bool:
    """Whether a quotation mark opens right before the content (spans that leave the marks out)."""
    if attribution.content is None or not text:
        return False
    before = text[max(0, attribution.content.start - 3) : attribution.content.start].rstrip()
    return before[-1:] in QUOTE_MARKS and before[-1:] != ""
