"""Reading brat standoff attributions, on hand-written files in tests/data/polnear_mini."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearsay.errors import InputError
from hearsay.evaluate.brat import make_part, read_attributions

MINI = Path(__file__).resolve().parents[1] / "data" / "polnear_mini" / "dev"
COUNCIL = "wire_2016-10-01_council-vote"


@pytest.fixture(scope="module")
def council():
    text = (MINI / "text" / f"{COUNCIL}.txt").read_text(encoding="utf-8")
    return text, read_attributions(MINI / "attributions" / f"{COUNCIL}_aa11.ann", text)


def test_brat_reads_every_event_with_a_cue_or_content(council):
    _, attributions = council
    # E6 has only its trigger: left out
    assert [a.id for a in attributions] == ["E1", "E2", "E3", "E4", "E5"]


def test_brat_roles_are_the_annotated_text(council):
    text, attributions = council
    first = attributions[0]
    assert (first.source.text, first.cue.text, first.content.text) == (
        "Mayor Ana Ruiz",
        "said",
        "the budget would pass on Tuesday",
    )
    assert text[first.content.start : first.content.end] == first.content.text


def test_brat_discontinuous_content_keeps_both_ranges(council):
    text, attributions = council
    quote = attributions[1].content
    assert len(quote.ranges) == 2
    assert [text[s:e] for s, e in quote.ranges] == ['"This is a fair plan,"', '"and it protects schools."']


def test_brat_second_content_piece_joins_the_content(council):
    text, attributions = council
    according = attributions[2]
    assert [text[s:e] for s, e in according.content.ranges] == ["The vote", "is expected to be close"]
    assert according.cue.text == "according to"


def test_brat_attribution_without_source(council):
    _, attributions = council
    assert attributions[4].source is None
    assert attributions[4].cue.text == "It is widely expected"


def test_brat_text_field_over_a_line_break_uses_offsets():
    name = "wire_2016-10-02_harbor-report"
    text = (MINI / "text" / f"{name}.txt").read_text(encoding="utf-8")
    attributions = read_attributions(MINI / "attributions" / f"{name}_cc33.ann", text)
    assert [a.content.text for a in attributions] == [
        "The harbor will close in March",
        "that the pier was unsafe",
    ]


def test_brat_span_outside_the_text_names_the_file(tmp_path):
    ann = tmp_path / "x_aa11.ann"
    ann.write_text("T1\tCue 5 50\tsaid\nE1\tAttribution:T1 Cue:T1\n", encoding="utf-8")
    with pytest.raises(InputError, match="x_aa11.ann.*line 1.*outside the text"):
        read_attributions(ann, "short text")


@pytest.mark.parametrize(
    ("ranges", "merged"),
    [([(5, 9), (0, 3)], ((0, 3), (5, 9))), ([(0, 4), (2, 6)], ((0, 6),)), ([(0, 3), (3, 5)], ((0, 5),))],
)
def test_brat_parts_sort_and_merge_ranges(ranges, merged):
    assert make_part("abcdefghij", ranges).ranges == merged
