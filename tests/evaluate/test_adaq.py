"""The ADAQ token scorer on a two-sentence folder written for this test."""

from __future__ import annotations

from hearsay.evaluate.adaq import load_sentences, predicted_tags, score_readings
from hearsay.model import Reading, Source, Span, Statement

SENTENCE = "Министр сказал, что дождь пойдёт."
TOKENS = [
    ("Министр", "source"),
    ("сказал", "cue"),
    (",", "None"),
    ("что", "content"),
    ("дождь", "content"),
    ("пойдёт", "content"),
    (".", "None"),
]


def _folder(tmp_path):
    (tmp_path / "ru_sentences.tsv").write_text(f"sentences\tsentence_id\n{SENTENCE}\ts1\n", encoding="utf-8")
    rows = ["lemmas\ttext\tsentence_num\tindex_of_token_sent\ttags"]
    rows += [f"{t.lower()}\t{t}\ts1\t{k}\t{tag}" for k, (t, tag) in enumerate(TOKENS, start=1)]
    (tmp_path / "ru_tokens.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def _span(text: str) -> Span:
    start = SENTENCE.index(text)
    return Span(start, start + len(text), text)


def _reading(source: str, cue: str, content: str) -> Reading:
    s = _span(source)
    statement = Statement(
        id="s1",
        source=Source(None, s.text, s.start, s.end),
        cue=_span(cue),
        content=_span(content),
        kind="indirect",
    )
    return Reading(document_id="d", statements=(statement,), language="ru")


def test_adaq_tags_follow_the_statement_spans(tmp_path):
    (sentence,) = load_sentences(_folder(tmp_path))
    tags = predicted_tags(sentence, _reading("Министр", "сказал", "что дождь пойдёт"))
    assert tags == [tag for _, tag in TOKENS]


def test_adaq_scores_tokens_per_role(tmp_path):
    sentences = load_sentences(_folder(tmp_path))
    figures = score_readings(sentences, [_reading("Министр", "сказал", "дождь пойдёт")])
    assert figures["source"]["f1"] == 1.0 and figures["cue"]["f1"] == 1.0
    assert figures["content"]["precision"] == 1.0 and round(figures["content"]["recall"], 3) == 0.667
