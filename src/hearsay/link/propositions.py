"""A second chance for ``hearsay.relation.same_proposition``: a wording that restates another with detail.

``same_proposition`` wants each wording to have half the other's words; a short denial ("the Marisol
had leaked any fuel") of a detailed claim ("Marisol leaked fuel into Valmora harbour on Sunday
night") has not. ``restates_with_detail`` accepts such a pair when

* most of the content words of the shorter one are in the other (``WORD_SHARE`` of the
  shorter's words, ``LONGER_SHARE`` of the longer's, not counting names only the longer gives:
  "the Marisol leaked fuel" restates "the Marisol leaked fuel into Valmora harbour"), and
* their arguments agree: names, numbers, years and dates. Arguments disagree when each side
  has one of a kind the other lacks ("Ford recalled 500 cars" / "GM recalled 300 cars"; "in
  2022" / "in 2025").

The second value says that exactly one of them is negated ("did not leak fuel"). It was the
clusterer's own ``same_proposition`` before ``hearsay.relation`` landed (same signature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..handed import Handed
from ..relation.frame import FRAMES_KEPT  # as many as hearsay.relation.frame keeps
from ..relation.words import raw_stem

WORD_SHARE = 0.6
LONGER_SHARE = 0.55
MIN_SHARED = 2

MONTHS = (
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())  # noqa: SIM905
_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
NUMBER_WORDS = {w: str(i) for i, w in enumerate(_SMALL_NUMBERS.split())} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
    "million": "1e6",
    "billion": "1e9",
    "dozen": "12",
}
NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot"})
# Words that change how firmly a content is put, not what it says.
HEDGES = frozenset(
    {"allegedly", "reportedly", "possibly", "probably", "likely", "apparently", "may", "might"}
)

_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})|({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_TOKEN = re.compile(r"n't|[^\W_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class Frame:
    """What a content says, for comparing: its content-word stems, arguments and negation."""

    words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    years: frozenset[str]
    dates: frozenset[tuple[str, str]]  # (month or weekday, day of month or "")
    negated: bool


_given: Handed[str, Frame] = Handed(FRAMES_KEPT)  # frames the linker's helper computed (``framed``)


def frame(text: str) -> Frame:
    """The frame of one content (cached: a cluster's wording is compared again and again)."""
    return _given.get(text) or _frame(text)


def remember(frames: list[tuple[str, Frame]]) -> None:
    """Take (text, frame) pairs computed elsewhere: ``frame`` answers them as it would have computed them."""
    _given.take(frames)


@lru_cache(maxsize=FRAMES_KEPT)
def _frame(text: str) -> Frame:
    dates: set[tuple[str, str]] = set()

    def take_date(match: re.Match[str]) -> str:
        day = match.group(1) or match.group(4)
        month = (match.group(2) or match.group(3)).casefold()
        dates.add((month, str(int(day))))
        return " "

    rest = _DATE.sub(take_date, text)
    years = set(_YEAR.findall(rest))
    rest = _YEAR.sub(" ", rest)
    numbers = {n.replace(",", "") for n in _NUMBER.findall(rest)}
    words: set[str] = set()
    names: set[str] = set()
    negations = 0
    for token in _TOKEN.findall(rest):
        lower = token.casefold()
        if lower in NEGATORS or lower.endswith("n't"):
            negations += 1
            continue
        if lower in NUMBER_WORDS:
            numbers.add(NUMBER_WORDS[lower])
            continue
        if lower in WEEKDAYS or (lower in MONTHS and (token[0].isupper() or lower != "may")):
            dates.add((lower, ""))
            continue
        if lower.isdigit() or len(lower) <= 2 or lower in STOP_WORDS or lower in HEDGES:
            continue
        words.add(raw_stem(lower))
        if token[0].isupper():  # a name; a capitalised first word too ("Ford recalled ...")
            names.add(raw_stem(lower))
    return Frame(
        frozenset(words),
        frozenset(names),
        frozenset(numbers),
        frozenset(years),
        frozenset(dates),
        negations % 2 == 1,
    )


def _both_exclusive(a: frozenset[Any], b: frozenset[Any]) -> bool:
    return bool(a - b) and bool(b - a)


def _dates_disagree(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    def fits(x: tuple[str, str], others: frozenset[tuple[str, str]]) -> bool:
        return any(x[0] == y[0] and (not x[1] or not y[1] or x[1] == y[1]) for y in others)

    return any(not fits(x, b) for x in a) and any(not fits(y, a) for y in b)


def arguments_disagree(a: Frame, b: Frame) -> bool:
    """Each side has a name, number, year or date the other lacks (see the module docstring)."""
    return (
        _both_exclusive(a.names, b.names)
        or _both_exclusive(a.numbers, b.numbers)
        or _both_exclusive(a.years, b.years)
        or _dates_disagree(a.dates, b.dates)
    )


def restates_with_detail(a: str, b: str) -> tuple[bool, bool]:
    """(does one of ``a`` and ``b`` restate the other, with detail?, is exactly one of them negated?)."""
    first, second = frame(a), frame(b)
    if arguments_disagree(first, second):
        return False, False
    short, long = sorted((first, second), key=lambda f: len(f.words))
    shared = len(short.words & long.words)
    if not short.words or shared < min(MIN_SHARED, len(short.words)):
        return False, False
    # Names only the longer one gives are detail ("into Valmora harbour"), not another claim.
    told = len(long.words) - len(long.names - short.words)
    if shared / len(short.words) < WORD_SHARE or shared / max(told, 1) < LONGER_SHARE:
        return False, False
    return True, first.negated != second.negated
