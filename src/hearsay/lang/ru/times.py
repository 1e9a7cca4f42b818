"""Russian time expressions with TIMEX3 values: "2 июня" → XXXX-06-02 (2025-06-02 with a document date).

Explicit dates are read from the month names here; words relative to the document date ("в
понедельник", "вчера") are read by dateparser, which knows Russian, against that date, preferring
the past, as the English rules do. Without a document date they keep no value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

MONTHS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
_GENITIVE = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_PREPOSITIONAL = "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
_WEEKDAYS = "понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье"
_RELATIVE = "позавчера|вчера|сегодня|завтра"

DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({_GENITIVE})(?: (\d{{4}})(?: года| г\.)?)?", re.IGNORECASE)
IN_MONTH = re.compile(rf"(?<=\b[вВ] )({_PREPOSITIONAL})(?: (\d{{4}}) года)?", re.IGNORECASE)
YEAR = re.compile(r"(?<=\b[вВ] )(\d{4}) году\b")
WEEKDAY = re.compile(rf"(?<=\b[вВ] )({_WEEKDAYS})\b|(?<=\bво )(вторник)\b", re.IGNORECASE)
RELATIVE = re.compile(rf"\b({_RELATIVE})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeFound:
    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"


def find_times(text: str, anchor: dt.date | None) -> list[TimeFound]:
    """The time expressions of ``text``, in order, none overlapping."""
    found: list[TimeFound] = []
    for pattern, read in ((DAY_MONTH, _day_month), (IN_MONTH, _in_month), (YEAR, _year)):
        for match in pattern.finditer(text):
            found.append(_found(match, read(match, anchor)))
    for pattern in (WEEKDAY, RELATIVE):
        for match in pattern.finditer(text):
            found.append(_found(match, _relative(match.group(0), anchor)))
    found.sort(key=lambda t: (t.start, -t.end))
    out: list[TimeFound] = []
    for time in found:
        if not out or time.start >= out[-1].end:
            out.append(time)
    return out


def _found(match: re.Match[str], value: str | None) -> TimeFound:
    return TimeFound(match.start(), match.end(), match.group(0), value)


def _month(word: str) -> int:
    lowered = word.lower()
    best = max((m for m in MONTHS if lowered.startswith(m)), key=len)
    return MONTHS.index(best) + 1


def _day_month(match: re.Match[str], anchor: dt.date | None) -> str | None:
    day, month = int(match.group(1)), _month(match.group(2))
    if not 1 <= day <= 31:
        return None
    year = match.group(3) or (str(_past_year(month, day, anchor)) if anchor else "XXXX")
    return f"{year}-{month:02d}-{day:02d}"


def _in_month(match: re.Match[str], anchor: dt.date | None) -> str | None:
    month = _month(match.group(1))
    year = match.group(2) or (str(_past_year(month, 1, anchor)) if anchor else "XXXX")
    return f"{year}-{month:02d}"


def _year(match: re.Match[str], anchor: dt.date | None) -> str | None:
    return match.group(1)


def _past_year(month: int, day: int, anchor: dt.date | None) -> int:
    assert anchor is not None
    return anchor.year if (month, day) <= (anchor.month, anchor.day + 7) else anchor.year - 1


def _relative(words: str, anchor: dt.date | None) -> str | None:
    if anchor is None:
        return None
    parsed = _dateparser_parse(words.lower(), anchor)
    return parsed.isoformat() if parsed else None


@cache
def _dateparser_parse(words: str, anchor: dt.date) -> dt.date | None:
    import dateparser  # imported on first use: it takes a moment

    base = dt.datetime(anchor.year, anchor.month, anchor.day, 12)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    value = dateparser.parse(words, languages=["ru"], settings=settings)
    return value.date() if value else None
