"""Quotation ranges and the pieces of a content around its speaker tag, on hand-written text."""

from __future__ import annotations

from hearsay.extract.quotes import content_pieces, quote_ranges


def test_quote_ranges_pair_curly_and_straight_marks():
    text = 'She said "yes" and then “no”.'
    assert [text[s:e] for s, e in quote_ranges(text)] == ["yes", "no"]


def test_quote_left_open_runs_on_into_a_paragraph_opening_with_the_same_mark():
    text = "“We will rebuild.\n\n“And we will do it together,” she said."
    ranges = quote_ranges(text)
    assert len(ranges) == 1
    assert text[ranges[0][0] : ranges[0][1]].endswith("together,")


def test_stray_straight_quote_does_not_swallow_the_curly_quotes_after_it():
    text = '"Kevin was asleep.\n\n“Here he is,” she said.'
    assert [text[s:e] for s, e in quote_ranges(text)] == ["Kevin was asleep.", "Here he is,"]


def test_typewriter_and_doubled_apostrophe_marks_pair_as_two_characters():
    text = "He said ``it works'' and ''it lasts'' but it's Ann's '''call'''."
    assert [text[s:e] for s, e in quote_ranges(text)] == ["it works", "it lasts", "'call"]


def test_single_apostrophes_and_backticks_open_no_quote():
    text = "It's `fine' and the players' union said so."
    assert quote_ranges(text) == []


def test_content_pieces_leave_out_the_speaker_tag_between_two_quotations():
    text = '"We won," she said, "and we will win again."'
    content = (0, len(text))
    cue = (text.index("said"), text.index("said") + 4)
    pieces = content_pieces(text, quote_ranges(text), content, cue)
    assert [text[s:e] for s, e in pieces] == ['"We won,"', '"and we will win again."']


def test_content_pieces_keep_a_content_without_a_tag_inside_whole():
    text = 'Ann said "we won" today.'
    content = (text.index('"'), text.index(" today"))
    cue = (4, 8)
    assert content_pieces(text, quote_ranges(text), content, cue) == [content]


def test_a_curly_quote_closed_with_a_straight_mark_ends_there():
    text = '“We will fix the roads," the mayor said. "Soon,” she added.'
    assert [text[s:e] for s, e in quote_ranges(text)] == ["We will fix the roads,", "Soon,"]


def test_a_straight_mark_inside_a_word_run_does_not_close_a_curly_quote():
    text = '“The "new" plan is old,” he said.'
    assert [text[s:e] for s, e in quote_ranges(text)] == ['The "new" plan is old,']


def test_an_opening_curly_mark_where_the_closer_belongs_ends_the_quote():
    text = "“Who pays for it?“ he asked. “Nobody,” she said."
    assert [text[s:e] for s, e in quote_ranges(text)] == ["Who pays for it?", "Nobody,"]
