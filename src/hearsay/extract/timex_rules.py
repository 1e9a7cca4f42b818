"""TIMEX3 values for English time expressions: ``normalise(text, anchor, tense) -> Timex | None``.

Pure string and date logic, no spaCy, so the rules can be tested and reused on any span text.
The words come from ``lexicons/time_words.tsv``. An expression is read in one pass: each word
fills a slot (month, day, year, weekday, quantity, unit, relative word, ...), and the filled slots
decide the value. A word that fills no slot means the text is not understood and ``normalise``
returns None; only then, and only for numeric forms ("28/05/2025"), is ``dateparser`` tried.

Values (TimeML TIMEX3): ``2025-05-28``, ``2025-05``, ``2025``, ``2025-W23``, ``199`` (the 1990s),
``2025-SU``, ``2025-Q1``, ``2025-06-04TNI``, ``XXXX-05-28`` (year unknown), ``PRESENT_REF``,
durations ``P3D``/``PT5H``/``PXY``, sets ``XXXX-WXX-1``/``P1D``. An expression that needs the
document date ("yesterday", "last week") gets value None when there is none.

``tense`` ("past", "present", "future") of the clause decides which way an underspecified date
points: "on Monday" in a past-tense clause is the latest Monday on or before the document
date, in a future one the next on or after it, otherwise the nearest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .lexicon import load_lexicon

PAST, PRESENT, FUTURE = "past", "present", "future"
_TIME_UNITS = {"TH": "H", "TM": "M", "TS": "S"}
_YEARS_PER = {"DE": 10, "CE": 100}
_SEASONS = ("SP", "SU", "FA", "WI")  # winter is labelled with the year it starts in
_TOKEN = re.compile(r"\d{1,2}:\d{2}|[ap]\.m\.?|'\d0s|\d{3}0s|q[1-4]\b|\d+(?:st|nd|rd|th)?|[a-z]+(?:'s)?")
_MERIDIEM = {"a.m.": "am", "a.m": "am", "am": "am", "p.m.": "pm", "p.m": "pm", "pm": "pm"}
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
PERIOD_VALUE = re.compile(r"^(\d{4})-([QH]\d)$")
_ANAPHORIC = ("back", "forward")
_PAST_CLAUSE_MONTHS_AHEAD = 2
_DIGIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
_TENS_WORD = "ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TENS_AND_ONES = re.compile(rf"\b({_TENS_WORD.removeprefix('ten|')})[- ]({_DIGIT_WORD})\b")
_SPELLED_YEAR = re.compile(
    rf"\b(?:(seventeen|eighteen|nineteen)\s+({_TENS_WORD})(?:[- ]({_DIGIT_WORD}))?"
    rf"|(two thousand)(?:\s+(?:and\s+)?({_DIGIT_WORD}))?)\b"
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class Timex:
    value: str | None
    type: str = "DATE"  # DATE, TIME, DURATION, SET


@cache
def words(category: str) -> dict[str, str]:
    """The ``time_words`` lexicon entries of one category, word -> value."""
    return {r["word"]: r["value"] for r in load_lexicon("time_words") if r["category"] == category}


def _number(word: str) -> int | str | None:
    if word.isdigit():
        return int(word)
    value = words("number").get(word)
    return None if value is None else (value if value == "X" else int(value))


def _is_year(word: str, after: str) -> bool:
    """ "the 1988 quarter": a four-digit number before a singular unit is its year."""
    return len(word) == 4 and word.isdigit() and 1000 <= int(word) <= 2199 and not after.endswith("s")


def _ordinal(word: str) -> int | None:
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if match:
        return int(match.group(1))
    value = words("ordinal").get(word)
    return int(value) if value else None


@dataclass(slots=True)
class _Slots:
    year: int | None = None
    decade: str | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    quantity: int | str | None = None
    unit: str | None = None
    plural: bool = False
    ordinal: int | None = None
    relative: int | None = None
    relative_word: str = ""
    direction: str | None = None
    set_word: str | None = None
    every: bool = False
    day_offset: int | None = None
    season: str | None = None
    clock: str | None = None  # "15:00", "MO"
    meridiem: str | None = None
    unit_then_direction: bool = False
    period: bool = False
    pending: list[int] = field(default_factory=list)  # numbers not yet placed


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_spelled_years(text.lower().replace("\u2019", "'")))


def _spelled_years(text: str) -> str:
    """Spelled-out numbers: years read out in broadcasts ("nineteen ninety-six" -> 1996, "two thousand"
    -> 2000), then compounds ("twenty-four" -> 24)."""

    def year(match: re.Match) -> str:
        number = words("number")
        century, tens, ones, thousand, thousand_ones = match.groups()
        if thousand:
            return str(2000 + int(number.get(thousand_ones or "", 0)))
        return str(int(number[century]) * 100 + int(number[tens]) + int(number.get(ones or "", 0)))

    def tens_and_ones(match: re.Match) -> str:
        return str(int(words("number")[match.group(1)]) + int(words("number")[match.group(2)]))

    return _TENS_AND_ONES.sub(tens_and_ones, _SPELLED_YEAR.sub(year, text))  # "twenty-four hours" -> 24


def _fill(tokens: list[str]) -> _Slots | None:
    """Put every word in a slot; None when a word fits none."""
    slots = _Slots()
    for i, word in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if not _fill_one(slots, word, after):
            return None
        if word in words("direction") and i and tokens[i - 1] in words("unit"):
            slots.unit_then_direction = True  # "year-ago", "a year earlier"
    return _place_numbers(slots)


def _fill_one(s: _Slots, word: str, after: str) -> bool:
    number = _number(word)
    if word in _MERIDIEM:
        s.meridiem = _MERIDIEM[word]
    elif re.fullmatch(r"\d{1,2}:\d{2}", word):
        s.clock = word.zfill(5)
    elif re.fullmatch(r"'\d0s|\d{3}0s", word):
        s.decade = "19" + word[1] if word.startswith("'") else word[:3]
    elif re.fullmatch(r"q[1-4]", word):
        s.ordinal, s.unit = int(word[1]), "Q"
    elif word in ("a", "an") and (_number(after) is not None or after in ("quarter", "half")):
        pass  # "a few", "a couple", "a quarter"
    elif number is not None and after in (*words("unit"), "of", "more") and not _is_year(word, after):
        s.quantity = number  # "three days", "a couple of weeks"
    elif word.isdigit():
        s.pending.append(int(word))
    elif _ordinal(word) is not None and not (word == "second" and after in ("", "ago", "later")):
        s.ordinal = _ordinal(word)
    elif word in words("month"):
        if s.month is not None or s.day_offset is not None:
            return False  # "Aug. 26 to Oct. 20", "today through Nov. 17" are two expressions
        s.month = int(words("month")[word])
    elif word in words("weekday"):
        if s.weekday is not None:
            return False
        s.weekday = int(words("weekday")[word])
    elif word in words("unit"):
        if s.unit is None:
            s.unit, s.plural = words("unit")[word], word.endswith("s")
    elif word in words("relative"):
        s.relative, s.relative_word = int(words("relative")[word]), word
    elif word in words("direction"):
        s.direction = words("direction")[word]
    elif word in words("set_quantifier"):
        s.every = True
    elif word in words("set_word"):
        s.set_word = words("set_word")[word]
    elif word in words("day_offset"):
        s.day_offset = int(words("day_offset")[word])
        s.clock = words("part_of_day").get(word, s.clock)  # "tonight"
    elif word in words("period"):
        s.period = True
    elif word in words("season"):
        s.season = words("season")[word]
    elif word in words("part_of_day"):
        s.clock = words("part_of_day")[word]
    elif number == "X" or word in words("filler") or word in words("modifier") or word in words("timezone"):
        s.quantity = "X" if number == "X" else s.quantity
    elif word == "now" and s.direction is None:
        s.direction = "1"  # "from now"
    else:
        return False
    return True


def _place_numbers(s: _Slots) -> _Slots | None:
    """Numbers that are not quantities: day of month, year, or clock hour."""
    for n in s.pending:
        if s.meridiem and s.clock is None and 1 <= n <= 12:
            s.clock = f"{n:02d}:00"
        elif 1000 <= n <= 2199 and s.year is None:
            s.year = n
        elif s.month is not None and 1 <= n <= 31 and s.day is None:
            s.day = n
        else:
            return None
    if s.ordinal is not None and s.month is not None and s.day is None and s.ordinal <= 31:
        s.day, s.ordinal = s.ordinal, None  # "the 28th of May"
    if s.meridiem and s.clock and ":" in s.clock:
        hour, minute = int(s.clock[:2]), s.clock[3:]
        hour = hour % 12 + (12 if s.meridiem == "pm" else 0)
        s.clock = f"{hour:02d}:{minute}"
    return s


@lru_cache(maxsize=8192)
def normalise(
    text: str, anchor: dt.date | None = None, tense: str = PRESENT, reference: str | None = None
) -> Timex | None:
    """The TIMEX3 reading of a time expression's text, or None when it is not one.

    ``anchor`` is the document date; ``reference``, when known, the value of the quarter or
    half-year under discussion ("1989-Q3"), which "a year earlier" and "a year ago" count back from.
    """
    lowered = text.lower().strip()
    if _ISO_DATE.match(lowered):
        return Timex(lowered)
    for phrase, value in {**words("ref"), **words("holiday")}.items():
        if lowered == phrase or lowered.removeprefix("the ").removeprefix("on ") == phrase:
            if value.endswith("_REF"):
                return Timex(value)
            return _holiday(value, anchor, tense)
    slots = _fill(_tokens(lowered))
    if slots is not None:
        timex = _decide(slots, anchor, tense, reference)
        if timex is not None:
            return timex
    if _NUMERIC_DATE.search(lowered):
        return _dateparser(lowered, anchor)
    return None


def _decide(s: _Slots, anchor: dt.date | None, tense: str, reference: str | None) -> Timex | None:
    """The value the filled slots add up to."""
    if s.every or s.set_word:
        return _set(s)
    if s.direction in _ANAPHORIC and s.relative is not None:
        s.direction = None  # "earlier this year" is this year
    if s.direction in _ANAPHORIC and s.month is not None:
        s.direction = s.unit = s.quantity = None  # "November 11, three days later" is November 11
    if s.direction is not None:
        return _shifted(s, anchor, reference) if s.unit is not None else None
    first = s.ordinal == 1 and s.quantity is not None  # "the first nine months"
    countable = s.unit is not None and s.unit != "WE" and (s.ordinal is None or first) and s.year is None
    if countable and (s.quantity is not None or s.plural or s.relative_word == "past"):
        return _duration(s)
    if s.period or (s.unit == "Q" and s.year is not None and s.ordinal is None):
        return _period_under_discussion(s, reference)
    for rule in (_quarter, _season, _absolute, _relative_unit, _weekday, _day_offset, _clock):
        timex = rule(s, anchor, tense)
        if timex is not None:
            return timex
    return None


def _period_under_discussion(s: _Slots, reference: str | None) -> Timex | None:
    """ "the latest period", "the 1989 period": the quarter the story reports on, if one was named."""
    if s.unit not in (None, "Q") or s.quantity is not None or s.relative not in (None, -1):
        return None
    period = PERIOD_VALUE.match(reference or "")
    if s.year is not None:
        return Timex(f"{s.year}-{period.group(2)}" if period else str(s.year))
    return Timex(reference) if period else None


def _set(s: _Slots) -> Timex | None:
    if s.set_word:
        return Timex(s.set_word, "SET")
    if s.weekday is not None:
        return Timex(f"XXXX-WXX-{s.weekday}" + (f"T{s.clock}" if s.clock else ""), "SET")
    if s.unit is not None:
        return Timex(_period(s.quantity if isinstance(s.quantity, int) else 1, s.unit), "SET")
    if s.month is not None:
        return Timex(f"XXXX-{s.month:02d}", "SET")
    if s.clock is not None:
        return Timex(f"XXXX-XX-XXT{s.clock}", "SET")
    return None


def _period(n: int | str, unit: str) -> str:
    if unit in _TIME_UNITS:
        return f"PT{n}{_TIME_UNITS[unit]}"
    if unit == "H":  # half a year
        return f"P{n * 6}M" if isinstance(n, int) else "PXM"
    if unit in _YEARS_PER:  # "two decades" is P20Y, "decades" PXY
        return f"P{n * _YEARS_PER[unit]}Y" if isinstance(n, int) else "PXY"
    return f"P{n}{unit}"


def _duration(s: _Slots) -> Timex:
    n = s.quantity if s.quantity is not None else ("X" if s.plural else 1)
    return Timex(_period(n, s.unit or "D"), "DURATION")


def _shifted(s: _Slots, anchor: dt.date | None, reference: str | None) -> Timex | None:
    """ "two weeks ago", "three days from now", "a year earlier"; "two days later" is left unresolved."""
    if s.direction == "forward":
        return Timex(None)
    sign = -1 if s.direction in ("-1", "back") else 1
    implicit_one = s.quantity is None and not s.plural and s.unit_then_direction  # "the year-ago quarter"
    quantity = 1 if implicit_one else s.quantity
    if not isinstance(quantity, int):
        return Timex("PAST_REF" if sign < 0 else "FUTURE_REF")
    period = PERIOD_VALUE.match(reference or "")
    if period and sign < 0 and quantity == 1 and s.unit == "Y":
        return Timex(f"{int(period.group(1)) - 1}-{period.group(2)}")  # the same quarter a year before
    if s.direction == "back" and s.unit not in ("Y", "DE", "CE"):
        return Timex(None)  # "three days earlier" counts from an event, not from the document date
    if anchor is None:
        return Timex(None)
    return Timex(_shift(anchor, sign * quantity, s.unit or "D"))


def _shift(anchor: dt.date, n: int, unit: str) -> str:
    """The TIMEX3 value n units away from the anchor, at the unit's granularity."""
    if unit in ("D", "TH", "TM", "TS"):
        return (anchor + dt.timedelta(days=n if unit == "D" else 0)).isoformat()
    if unit in ("W", "WE"):
        year, week, _ = (anchor + dt.timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit in ("M", "Q", "H"):
        size = {"M": 1, "Q": 3, "H": 6}[unit]
        index = anchor.year * 12 + anchor.month - 1 + n * size
        year, month = divmod(index, 12)
        if unit == "M":
            return f"{year:04d}-{month + 1:02d}"
        return f"{year:04d}-{unit}{month // size + 1}"
    if unit == "DE":
        return f"{(anchor.year + 10 * n) // 10}"
    if unit == "CE":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    return f"{anchor.year + n:04d}"


def _quarter(s: _Slots, anchor: dt.date | None, tense: str) -> Timex | None:
    if s.ordinal is None or s.unit not in ("Q", "H", "CE"):
        return None
    if s.unit == "CE":
        return Timex(f"{s.ordinal - 1:02d}")
    year = s.year or _quarter_year(anchor, s.unit, s.ordinal, tense, s.relative)
    return Timex(f"{year or 'XXXX'}-{s.unit}{s.ordinal}")


def _quarter_year(
    anchor: dt.date | None, unit: str, ordinal: int, tense: str, relative: int | None
) -> int | None:
    """The year of "the fourth quarter": the latest begun by the anchor, in a future clause the next."""
    if anchor is None:
        return None
    if relative is not None:
        return anchor.year + relative
    current = (anchor.month - 1) // (3 if unit == "Q" else 6) + 1
    if tense == FUTURE:
        return anchor.year + (ordinal < current)
    return anchor.year - (ordinal > current)


def _season(s: _Slots, anchor: dt.date | None, tense: str) -> Timex | None:
    if s.season is None:
        return None
    if s.year is not None:
        return Timex(f"{s.year}-{s.season}")
    if anchor is None:
        return Timex(None if s.relative else f"XXXX-{s.season}")
    # Seasons in order from spring; January and February close the previous year's winter.
    now = (anchor.year - (anchor.month < 3), (anchor.month - 3) % 12 // 3)
    target = _SEASONS.index(s.season)
    direction = s.relative if s.relative is not None else {PAST: -2, FUTURE: 2}.get(tense, 0)
    year = now[0]
    if direction == -1 and target >= now[1] or direction == -2 and target > now[1]:
        year -= 1
    elif direction == 1 and target <= now[1] or direction == 2 and target < now[1]:
        year += 1
    return Timex(f"{year}-{s.season}")


def _absolute(s: _Slots, anchor: dt.date | None, tense: str) -> Timex | None:
    if s.quantity is not None or s.day_offset is not None or s.unit not in (None, "Y"):
        return None
    if s.month is None:
        if s.year is not None and s.day is None:
            return Timex(str(s.year))
        return Timex(s.decade) if s.decade and s.year is None else None
    if s.year is None and s.relative is not None and anchor is None:
        return Timex(None)  # "last May" without a document date
    year = s.year if s.year is not None else _infer_year(anchor, s.month, s.day, tense, s.relative)
    if s.year is None and year is not None and s.weekday is not None and s.day is not None:
        year = _year_of_weekday(year, s.month, s.day, s.weekday)  # "Monday, Oct. 26"
    if s.day is not None and not _valid(year or 2000, s.month, s.day):
        return None
    value = f"{year or 'XXXX'}-{s.month:02d}" + (f"-{s.day:02d}" if s.day else "")
    if s.day and s.clock:
        return Timex(f"{value}T{s.clock}", "TIME")
    return Timex(value)


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year nearest ``year`` in which month-day falls on the weekday, else ``year``."""
    for candidate in (year, year - 1, year + 1):
        if _valid(candidate, month, day) and dt.date(candidate, month, day).isoweekday() == weekday:
            return candidate
    return year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _infer_year(
    anchor: dt.date | None, month: int, day: int | None, tense: str, relative: int | None
) -> int | None:
    """The year of a month (and day) written without one: nearest to the anchor, in the tense's way."""
    if anchor is None:
        return None
    now = (anchor.month, anchor.day if day else 0)
    then = (month, day or 0)
    if relative == 0:
        return anchor.year
    ahead = ((month - anchor.month) % 12 + ((day or anchor.day) - anchor.day) / 31) if then > now else 0
    if relative == -1 or tense == PAST:
        before = then < now if relative == -1 else then <= now
        # A date weeks ahead in a past clause is a deadline set, not last year: "was extended to Nov. 20".
        soon = relative is None and ahead <= _PAST_CLAUSE_MONTHS_AHEAD
        return anchor.year if before or soon else anchor.year - 1
    if relative == 1 or tense == FUTURE:
        after = then > now if relative == 1 else then >= now
        return anchor.year if after else anchor.year + 1
    # Nearest, leaning to the past as news does: over five months ahead is last year's.
    months = (month - anchor.month) + ((day or anchor.day) - anchor.day) / 31
    return anchor.year + (1 if months < -6 else -1 if months > 5 else 0)


def _relative_unit(s: _Slots, anchor: dt.date | None, tense: str) -> Timex | None:
    if s.unit is None or s.quantity is not None:
        return None
    if s.relative is None and s.unit == "Q" and not s.plural:
        s.relative = -1  # "the quarter" in a news story is the latest reported one
    if s.relative is None:
        if s.unit != "WE":
            return None
        return _weekday(_Slots(weekday=6), anchor, tense, suffix="-WE")  # "the weekend"
    if s.unit == "D" and s.relative != 0:
        return Timex(None)  # "the next day" counts from the story's events, not the document date
    if anchor is None:
        return Timex(None)
    return Timex(_shift(anchor, s.relative, s.unit))


def _weekday(s: _Slots, anchor: dt.date | None, tense: str, suffix: str = "") -> Timex | None:
    if s.weekday is None or s.month is not None or s.year is not None:
        return None
    if anchor is None:
        return Timex(None, "TIME" if s.clock else "DATE")
    back = (anchor.isoweekday() - s.weekday) % 7
    ahead = (s.weekday - anchor.isoweekday()) % 7
    if s.relative == -1:
        offset = -(back or 7)
    elif s.relative == 1:
        offset = ahead or 7
    elif s.relative == 0:
        offset = s.weekday - anchor.isoweekday()
    elif tense == PAST:
        offset = -back
    elif tense == FUTURE:
        offset = ahead
    else:
        offset = -back if back <= ahead else ahead
    day = anchor + dt.timedelta(days=offset)
    if suffix:
        year, week, _ = day.isocalendar()
        return Timex(f"{year}-W{week:02d}{suffix}")
    return _with_clock(day.isoformat(), s.clock)


def _day_offset(s: _Slots, anchor: dt.date | None, tense: str) -> Timex | None:
    if s.day_offset is None:
        return None
    if anchor is None:
        return Timex(None, "TIME" if s.clock else "DATE")
    return _with_clock((anchor + dt.timedelta(days=s.day_offset)).isoformat(), s.clock)


def _clock(s: _Slots, anchor: dt.date | None, tense: str) -> Timex | None:
    """A time of day alone ("3 p.m.", "this morning", "last night"), on the document date."""
    if s.clock is None or s.quantity is not None or s.unit is not None:
        return None
    if anchor is None:
        return Timex(f"XXXX-XX-XXT{s.clock}", "TIME")
    day = anchor - dt.timedelta(days=1 if s.relative == -1 else 0)
    return _with_clock(day.isoformat(), s.clock)


def _with_clock(date: str, clock: str | None) -> Timex:
    return Timex(f"{date}T{clock}", "TIME") if clock else Timex(date)


def _holiday(month_day: str, anchor: dt.date | None, tense: str) -> Timex:
    month, day = (int(part) for part in month_day.split("-"))
    year = _infer_year(anchor, month, day, tense, None)
    return Timex(f"{year or 'XXXX'}-{month:02d}-{day:02d}")


@lru_cache(maxsize=1024)
def _dateparser(text: str, anchor: dt.date | None) -> Timex | None:
    """Numeric dates ("28/05/2025") through dateparser, the only forms left to it."""
    import dateparser  # imported late: it takes a tenth of a second and most texts never need it

    base = dt.datetime.combine(anchor or dt.date(2000, 1, 1), dt.time())
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return Timex(parsed.date().isoformat())  # the pattern has three parts, so a year is written
