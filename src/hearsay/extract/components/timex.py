"""hearsay_timex: time expressions with TIMEX3 values -> ``doc._.hs_times``.

Candidates are spaCy's DATE and TIME entities plus a few token patterns for what the small
English model misses ("on Monday", "last week", "two weeks ago", "recently"); the words come
from ``lexicons/time_words.tsv``. Ages ("37-year-old", "aged 37") and numbers that are not
dates are dropped. Extents keep determiners ("the past year") and lose leading prepositions
and trailing punctuation. Only the expression's own text is normalised (never its sentence,
so a modal "may" is never May), by ``timex_rules.normalise`` against ``doc._.hs_published``;
a candidate it does not understand is not a time.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..anchored_matcher import AnchoredMatcher
from ..drafts import TimeDraft
from ..timex_rules import FUTURE, PAST, PERIOD_VALUE, PRESENT, normalise, words

_LABELS = ("DATE", "TIME")
_FUTURE_AUX = ("will", "shall", "'ll", "wo")
# Modals that put a clause's time ahead of the document date ("may resume on Friday"),
# unless a perfect puts it behind ("must have left on Friday").
_MODAL_AUX = ("may", "might", "can", "must", "should")
_matchers: dict[int, tuple[Vocab, AnchoredMatcher]] = {}


@Language.component(
    "hearsay_timex",
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc._.hs_times"],
)
def hearsay_timex(doc: Doc) -> Doc:
    """Set ``doc._.hs_times`` to the document's time expressions, in text order."""
    doc._.hs_times = find_times(doc)
    return doc


def find_times(doc: Doc) -> list[TimeDraft]:
    """The time expressions of a parsed document with their TIMEX3 values."""
    anchor = doc._.hs_published
    times: list[TimeDraft] = []
    reference = None  # the latest quarter or half-year read: "a year earlier" counts back from it
    for candidate in candidates(doc):
        for span in readable_parts(candidate):
            timex = normalise(span.text, anchor, tense_of(span), reference)
            if timex is not None:
                times.append(TimeDraft(span=span, value=timex.value, type=timex.type))
                own = normalise(span.text, anchor, tense_of(span))  # read without the reference
                if timex == own and timex.value and PERIOD_VALUE.match(timex.value):
                    reference = timex.value
    return times


def readable_parts(span: Span) -> list[Span]:
    """The span itself when the normaliser reads it, else its longest readable pieces, left to right.

    spaCy joins ranges and clauses into one entity ("Aug. 26 to Oct. 20", "the quarter ended
    Sept. 30"); each time expression inside is read on its own.
    """
    if normalise(span.text) is not None:
        return [span]
    parts, i = [], span.start
    while i < span.end:
        for j in range(span.end, i, -1):
            piece = _trim(span.doc[i:j])
            if piece is not None and normalise(piece.text) is not None:
                parts.append(piece)
                i = j
                break
        else:
            i += 1
    return parts


def candidates(doc: Doc) -> list[Span]:
    """Trimmed candidate spans: entities and pattern matches, longest first where they overlap."""
    spans = [e for e in doc.ents if e.label_ in _LABELS]
    spans += [doc[start:end] for start, end in _matcher(doc.vocab).matches(doc)]
    pieces = (piece for span in filter_spans(spans) for piece in _split_lines(span))
    trimmed = (_trim(piece) for piece in pieces)
    kept = [span for span in trimmed if span is not None and not _is_age(span)]
    return _join_adjacent(kept)


def _split_lines(span: Span) -> list[Span]:
    """An entity that runs over a line break ("2010\nJune 8, 2010") is two candidates."""
    pieces, start = [], span.start
    for token in span:
        if token.is_space and "\n" in token.text:
            pieces.append(span.doc[start : token.i])
            start = token.i + 1
    pieces.append(span.doc[start : span.end])
    return [piece for piece in pieces if len(piece)]


def _trim(span: Span) -> Span | None:
    """Drop leading prepositions and modals, and edge punctuation, unless the phrase is fixed.

    spaCy sometimes starts an entity at a modal or a verb ("may last months").
    """
    if span.text.lower() in words("ref"):
        return span
    doc, start, end = span.doc, span.start, span.end
    while start < end and _leading_filler(doc[start], doc[start + 1] if start + 1 < end else None):
        start += 1
    while end > start and _trailing_filler(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start else None


def _trailing_filler(token: Token) -> bool:
    """Punctuation, a possessive, or a preposition or conjunction left over: "Aug. 26 to"."""
    if token.is_punct or token.is_space or token.tag_ == "POS":
        return True
    leftover = token.lower_ in words("filler") or token.lower_ in words("modifier")
    return token.pos_ in ("ADP", "CCONJ", "SCONJ") and leftover


def _leading_filler(token: Token, after: Token | None) -> bool:
    if token.is_punct or token.is_space or token.tag_ == "MD":
        return True
    if token.pos_ == "VERB" and after is not None and token.lower_ not in words("relative"):
        return True
    # "in March" loses "in"; "at least 2014" keeps "at".
    modifier = after is not None and after.lower_ in words("modifier")
    return token.pos_ == "ADP" and token.lower_ in words("filler") and not modifier


def _is_age(span: Span) -> bool:
    """ "37-year-old", "37 years old", "aged 37", "in his 40s"."""
    markers = words("age_marker")
    doc = span.doc
    if any(t.lower_ in markers for t in span) or "-old" in span.text.lower():
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.lower_ in markers or after.lower_.startswith("-old")):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None:
        return False
    # "his 40s", "her early 30s": a possessive before a small number with no unit or month.
    calendar = {**words("unit"), **words("month")}
    numbers = [t.text.removesuffix("s") for t in span if t.like_num or t.text[:1].isdigit()]
    small = bool(numbers) and all(len(n) <= 2 for n in numbers)
    unitless = not any(t.lower_ in calendar for t in span)
    return before.lower_ in markers or (before.tag_ == "PRP$" and small and unitless)


def _join_adjacent(spans: list[Span]) -> list[Span]:
    """ "tomorrow" + "morning" -> "tomorrow morning": adjacent, and read together."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        both = span.doc[joined[-1].start : span.end] if joined else None
        if both is not None and joined[-1].end == span.start and normalise(both.text) is not None:
            joined[-1] = both
        else:
            joined.append(span)
    return joined


def tense_of(span: Span) -> str:
    """past, present or future: the tense of the clause the expression belongs to."""
    verb = span.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return _tense(verb)


def _tense(verb: Token) -> str:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words_ = {a.lower_ for a in auxiliaries} | {verb.lower_}
    if words_ & set(_FUTURE_AUX):
        return FUTURE
    if verb.tag_ == "VBN" and words_ & {"have", "has", "had", "'ve", "'d"}:
        return PAST
    if words_ & set(_MODAL_AUX):
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return PAST
    if verb.tag_ == "VBN" and not auxiliaries:
        return PAST  # "the injunction issued Thursday"
    return PRESENT


def _matcher(vocab: Vocab) -> AnchoredMatcher:
    cached = _matchers.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        cached = _matchers[id(vocab)] = (vocab, AnchoredMatcher(vocab, _patterns()))
    return cached[1]


def _patterns() -> dict[str, list[list[dict]]]:
    """Token patterns for time expressions spaCy's small model tends to miss."""
    weekdays = [w for w in words("weekday") if len(w) > 4]  # full names: "sun", "wed" are words too
    months = [w for w in words("month") if len(w) > 3]
    units, parts = list(words("unit")), list(words("part_of_day"))
    numbers = list(words("number"))

    def among(values: list[str], op: str | None = None) -> dict:
        return {"LOWER": {"IN": values}, **({"OP": op} if op else {})}

    return {
        "TIMEX_WEEKDAY": [[among(weekdays), among(parts, "?")]],
        "TIMEX_RELATIVE": [
            [among(list(words("relative"))), among(units + weekdays + months + parts)],
            [among(list(words("relative"))), among(list(words("season")))],
        ],
        "TIMEX_AGO": [
            [among(numbers, "?"), {"LIKE_NUM": True, "OP": "?"}, among(units), among(["ago"])],
        ],
        "TIMEX_DAY": [[among(list(words("day_offset"))), among(parts, "?")]],
        "TIMEX_SET": [[among(list(words("set_quantifier"))), among(weekdays + units)]],
        "TIMEX_REF": [[{"LOWER": w} for w in phrase.split()] for phrase in words("ref")],
        "TIMEX_PERIOD": [  # "the latest period", "the 1989 period", "the year-earlier period"
            [among(["latest", "comparable", "corresponding"]), among(list(words("period")))],
            [{"SHAPE": "dddd"}, among(list(words("period")))],
            [among(["year"]), {"ORTH": "-"}, among(["earlier", "ago"]), among(["period", "quarter"])],
        ],
    }
