"""Headline speakers, trailing polls, and requests ("asked X to Y")."""

from __future__ import annotations

import hearsay
from hearsay.model import Reading, Statement


def with_cue(reading: Reading, cue: str) -> list[Statement]:
    return [s for s in reading.statements if s.cue.text == cue]


def test_a_bare_name_before_a_colon_in_the_headline_is_its_speaker():
    reading = hearsay.read("Okafor: No new toll on the river bridge.\n\nThe council meets on Monday.")
    [statement] = with_cue(reading, ":")
    assert statement.source.text == "Okafor"
    assert statement.content.text == "No new toll on the river bridge"


def test_a_verbless_colon_line_below_the_headline_is_no_statement():
    reading = hearsay.read("Council news.\n\nOkafor: a life in local politics.\n")
    assert with_cue(reading, ":") == []


def test_a_headline_label_that_is_not_a_name_is_no_speaker():
    reading = hearsay.read("The Latest: Flood waters recede in the valley.\n\nCrews cleared roads on Sunday.")
    assert with_cue(reading, ":") == []


def test_a_poll_after_the_clause_stays_a_fact_not_a_source():
    # PolNeAR's annotators mark "leads in the polls" only now and then: it stays unattributed.
    reading = hearsay.read("Mendes holds a narrow lead in the latest polls.")
    assert with_cue(reading, "in") == []


def test_a_request_reports_whom_it_asks_and_what():
    reading = hearsay.read("The mayor asked residents to stay indoors during the storm.")
    [statement] = with_cue(reading, "asked")
    assert statement.source.text == "The mayor"
    assert statement.content.text == "residents to stay indoors during the storm"


def test_asking_to_stay_anonymous_is_no_statement():
    reading = hearsay.read("The official asked to remain anonymous.")
    assert with_cue(reading, "asked") == []


def test_a_headline_name_before_a_described_life_is_a_title():
    reading = hearsay.read("Maria Quinn: A Life in the Senate\n\nShe served four terms.")
    assert with_cue(reading, ":") == []
