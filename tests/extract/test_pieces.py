"""Long one-line texts read in bounded pieces with the document's offsets (issue 17, item 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearsay.extract import pieces
from hearsay.extract.pipeline import extract, load_pipeline
from hearsay.ingest.identity import make_document

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "hearsay" / "sample" / "wikinews.jsonl"


def one_line(chars: int) -> str:
    """The sample articles run together on one line, ``chars`` long."""
    texts = [json.loads(line)["text"] for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line]
    blob = " ".join(" ".join(text.split()) for text in texts)
    while len(blob) < chars:
        blob += " " + blob
    return blob[:chars]


@pytest.mark.parametrize("limit", [50, 1000])
def test_pieces_cover_the_text_and_respect_the_limit(limit: int) -> None:
    text = one_line(7000)
    bounds = pieces.piece_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(bounds, bounds[1:], strict=False))
    assert all(0 < end - start <= limit for start, end in bounds)


def test_pieces_cut_at_paragraphs_then_sentences_then_spaces() -> None:
    assert pieces.piece_bounds("aaaa bbbb\ncccc. dddd eeee", 12) == [(0, 10), (10, 21), (21, 25)]
    assert pieces.piece_bounds("aaaa bbbbbb. cccc dd", 16) == [(0, 13), (13, 20)]
    assert pieces.piece_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_pieces_reading_keeps_document_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    document = make_document(one_line(6000), language="en")
    whole = extract(document)
    monkeypatch.setattr(pieces, "LONG_TEXT_CHARS", 2000)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 1500)
    reading = extract(document)
    text = document.text
    assert reading.statements and reading.mentions
    for statement in reading.statements:
        assert text[statement.cue.start : statement.cue.end] == statement.cue.text
        assert text[statement.content.start : statement.content.end] == statement.content.text
    assert all(text[m.start : m.end] == m.text for m in reading.mentions)
    cues = {(s.cue.start, s.cue.text) for s in reading.statements}
    whole_cues = {(s.cue.start, s.cue.text) for s in whole.statements}
    assert len(cues & whole_cues) >= 0.8 * len(whole_cues)


@pytest.mark.slow
def test_pieces_300000_character_line_is_parsed_in_bounded_sentences() -> None:
    # What kept a 300,000-character line from finishing (issue 17) was one sentence as long as the
    # text; time and memory are measured by benchmarks/long_text.py, not here.
    text = one_line(300_000)
    doc, remaining = pieces.parse_in_pieces(load_pipeline(), text)
    assert doc.text == text
    assert max(len(sentence.text) for sentence in doc.sents) <= pieces.PIECE_CHARS
    assert [name for name, _ in remaining][0].startswith("hearsay_")
