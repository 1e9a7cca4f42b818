"""hearsay_timex on hand-written sentences, and the TIMEX3 normaliser on its own."""

from __future__ import annotations

import datetime as dt

import pytest

from hearsay.extract.components.timex import hearsay_timex
from hearsay.extract.timex_rules import FUTURE, PAST, PRESENT, Timex, normalise

PUBLISHED = dt.date(2024, 4, 20)  # a Saturday

# sentence, document date, expected [(text, value, type)]
SENTENCES = [
    # absolute
    ("The truce was signed on March 14, 2023, in Geneva.", None, [("March 14, 2023", "2023-03-14", "DATE")]),
    ("Ferry services resumed on 9 April.", None, [("9 April", "XXXX-04-09", "DATE")]),
    ("Ferry services resumed on 9 April.", PUBLISHED, [("9 April", "2024-04-09", "DATE")]),
    # month only, year only, decade, quarter
    ("Exports fell sharply in February.", PUBLISHED, [("February", "2024-02", "DATE")]),
    ("Exports fell sharply in February.", None, [("February", "XXXX-02", "DATE")]),
    ("The bridge was completed in 1998.", None, [("1998", "1998", "DATE")]),
    ("Prices were stable in the 1980s.", None, [("the 1980s", "198", "DATE")]),
    (
        "Profits rose in the second quarter of 2022.",
        None,
        [("the second quarter of 2022", "2022-Q2", "DATE")],
    ),
    # relative, with and without a document date
    ("Yesterday the council voted to close the library.", PUBLISHED, [("Yesterday", "2024-04-19", "DATE")]),
    ("Yesterday the council voted to close the library.", None, [("Yesterday", None, "DATE")]),
    ("Two weeks ago the plant shut down.", PUBLISHED, [("Two weeks ago", "2024-W14", "DATE")]),
    ("Turnout was low last week.", PUBLISHED, [("last week", "2024-W15", "DATE")]),
    ("Turnout was low last week.", None, [("last week", None, "DATE")]),
    ("The festival returns next summer.", PUBLISHED, [("next summer", "2024-SU", "DATE")]),
    # weekdays: the tense of the clause decides the direction
    ("The mayor resigned on Tuesday.", PUBLISHED, [("Tuesday", "2024-04-16", "DATE")]),
    ("The committee will meet on Tuesday.", PUBLISHED, [("Tuesday", "2024-04-23", "DATE")]),
    ("The mayor resigned on Tuesday.", None, [("Tuesday", None, "DATE")]),
    # durations, sets, times of day, vague references
    ("The strike lasted three days.", None, [("three days", "P3D", "DURATION")]),
    ("The drill took five hours.", None, [("five hours", "PT5H", "DURATION")]),
    ("She spent two years in prison.", None, [("two years", "P2Y", "DURATION")]),
    ("Rents doubled during the past year.", PUBLISHED, [("the past year", "P1Y", "DURATION")]),
    ("The market opens every Saturday.", None, [("every Saturday", "XXXX-WXX-6", "SET")]),
    ("The alarm sounded at 6:30 a.m.", PUBLISHED, [("6:30 a.m.", "2024-04-20T06:30", "TIME")]),
    (
        "The station is now closed and was recently sold.",
        None,
        [("now", "PRESENT_REF", "DATE"), ("recently", "PAST_REF", "DATE")],
    ),
    # not times: a modal "may", ages
    ("Officials may announce a decision after the review.", PUBLISHED, []),
    ("A 52-year-old teacher, aged 52, was injured.", PUBLISHED, []),
    ("The board may meet in May.", None, [("May", "XXXX-05", "DATE")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), SENTENCES)
def test_timex_reads_sentence(bare_nlp, text, published, expected):
    doc = bare_nlp(text)
    doc._.hs_published = published
    doc = hearsay_timex(doc)
    assert [(t.span.text, t.value, t.type) for t in doc._.hs_times] == expected


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "expected"),
    [
        ("June 2", None, PAST, Timex("XXXX-06-02")),
        ("June 2", dt.date(2025, 6, 5), PAST, Timex("2025-06-02")),
        ("December 30", dt.date(2025, 1, 3), PAST, Timex("2024-12-30")),
        ("January 5", dt.date(2024, 12, 28), FUTURE, Timex("2025-01-05")),
        ("January 5", dt.date(2024, 12, 28), PRESENT, Timex("2025-01-05")),
        ("the 28th of May", None, PAST, Timex("XXXX-05-28")),
        ("28/05/2025", None, PAST, Timex("2025-05-28")),
        ("mid-2024", None, PAST, Timex("2024")),
        ("last May", None, PAST, Timex(None)),
        ("three days later", PUBLISHED, PAST, Timex(None)),
        ("the next day", PUBLISHED, PAST, Timex(None)),
        ("earlier this year", PUBLISHED, PAST, Timex("2024")),
        ("several years", None, PAST, Timex("PXY", "DURATION")),
        ("a couple of weeks", None, PAST, Timex("P2W", "DURATION")),
        ("years ago", None, PAST, Timex("PAST_REF")),
        ("tomorrow morning", PUBLISHED, FUTURE, Timex("2024-04-21TMO", "TIME")),
        ("last night", PUBLISHED, PAST, Timex("2024-04-19TNI", "TIME")),
        ("the weekend", PUBLISHED, PAST, Timex("2024-W16-WE")),
        ("Q1 2025", None, PAST, Timex("2025-Q1")),
        ("Christmas", PUBLISHED, PAST, Timex("2023-12-25")),
        ("daily", None, PRESENT, Timex("P1D", "SET")),
        ("the future", None, PRESENT, Timex("FUTURE_REF")),
        ("37-year-old", None, PAST, None),
        ("45", None, PAST, None),
        ("the day", PUBLISHED, PAST, None),
        # TempEval-3 conventions (TimeML): decades, durations in years, spoken years
        ("the 1990s", None, PAST, Timex("199")),
        ("two decades", None, PAST, Timex("P20Y", "DURATION")),
        ("decades", None, PAST, Timex("PXY", "DURATION")),
        ("nineteen ninety-six", None, PAST, Timex("1996")),
        ("the year two thousand", None, PAST, Timex("2000")),
        ("twenty-five years", None, PAST, Timex("P25Y", "DURATION")),
        ("the first nine months", None, PAST, Timex("P9M", "DURATION")),
        # quarters: the latest one begun, or the next in a future clause
        ("the fourth quarter", dt.date(1998, 2, 6), PAST, Timex("1997-Q4")),
        ("the third quarter", dt.date(1989, 10, 30), PAST, Timex("1989-Q3")),
        ("the first quarter", dt.date(1989, 10, 30), FUTURE, Timex("1990-Q1")),
        ("the latest quarter", dt.date(1989, 10, 30), PAST, Timex("1989-Q3")),
        # the weekday decides the year; a deadline weeks ahead in a past clause is this year
        ("Monday, Oct. 26", dt.date(1998, 10, 25), PAST, Timex("1998-10-26")),
        ("Nov. 20", dt.date(1989, 11, 2), PAST, Timex("1989-11-20")),
        ("Oct. 23", dt.date(1999, 5, 6), PAST, Timex("1998-10-23")),
        # two dates are never one
        ("Aug. 26 to Oct. 20", None, PAST, None),
        ("today through Nov. 17", PUBLISHED, PAST, None),
        # "a year earlier" counts back in years from the document date, not in days
        ("a year earlier", dt.date(1998, 2, 6), PAST, Timex("1997")),
        ("three days earlier", PUBLISHED, PAST, Timex(None)),
    ],
)
def test_timex_rules_normalise(text, anchor, tense, expected):
    assert normalise(text, anchor, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a year earlier", "1988-Q3"),
        ("a year ago", "1988-Q3"),
        ("year-ago", "1988-Q3"),
        ("the latest period", "1989-Q3"),
        ("the 1988 period", "1988-Q3"),
        ("the 1988 quarter", "1988-Q3"),
    ],
)
def test_timex_rules_count_back_from_the_quarter_under_discussion(text, expected):
    """In an earnings story about the third quarter, "a year earlier" is that quarter of the year before."""
    assert normalise(text, dt.date(1989, 10, 30), PAST, reference="1989-Q3") == Timex(expected)


def test_timex_rules_period_needs_a_quarter_under_discussion():
    assert normalise("the latest period", dt.date(1989, 10, 30), PAST) is None
    assert normalise("the 1988 period", dt.date(1989, 10, 30), PAST) == Timex("1988")


def test_timex_reads_the_pieces_of_one_spacy_date(bare_nlp):
    """spaCy tags "the quarter ended Sept. 30" as one DATE; it holds two time expressions."""
    text = "Coast earned $1 million for the quarter ended Sept. 30. A year earlier it lost $2 million."
    doc = bare_nlp(text)
    doc._.hs_published = dt.date(1989, 10, 30)
    times = hearsay_timex(doc)._.hs_times
    assert [(t.span.text, t.value) for t in times] == [
        ("the quarter", "1989-Q3"),
        ("Sept. 30", "1989-09-30"),
        ("A year earlier", "1988-Q3"),
    ]


def test_timex_sees_only_the_expression_text(bare_nlp):
    """A sentence with modal "may" next to a weekday: the modal never becomes the month."""
    doc = bare_nlp("Ministers may vote on Monday.")
    doc._.hs_published = PUBLISHED
    times = hearsay_timex(doc)._.hs_times
    assert [(t.span.text, t.value) for t in times] == [("Monday", "2024-04-22")]
