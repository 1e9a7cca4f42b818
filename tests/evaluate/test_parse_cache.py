"""`hearsay eval polnear --parse-cache DIR`: stored parses give the same readings and figures as parsing."""

from __future__ import annotations

from pathlib import Path

from hearsay.evaluate.parse_cache import ParseCache, read_with_cache
from hearsay.evaluate.polnear import evaluate_polnear
from hearsay.extract import pieces
from hearsay.extract.pipeline import extract_english, load_pipeline
from hearsay.ingest.identity import document_id
from hearsay.model import Document

MINI = Path(__file__).resolve().parents[1] / "data" / "polnear_mini"

TEXTS = (
    "Mayor Ida Brandt said on Monday that the bridge would reopen in May.\n\n"
    '"We have no plans to sell," the company said in a statement. It added that talks had ended.',
    "The ministry denied the report, which claimed that 40 people had been detained.",
)


def _documents(texts: tuple[str, ...]) -> list[Document]:
    return [Document(id=document_id(text), text=text, language="en") for text in texts]


def _without_figures_of_time(figures: dict) -> dict:
    return {key: value for key, value in figures.items() if key != "elapsed_s"}


def test_stored_parses_read_as_fresh_ones(tmp_path):
    documents = _documents(TEXTS)
    fresh = list(extract_english(documents))
    first = list(read_with_cache(documents, tmp_path))  # parses and stores
    again = list(read_with_cache(documents, tmp_path))  # loads
    assert len(list(tmp_path.iterdir())) == len(TEXTS)
    assert first == fresh
    assert again == fresh
    assert any(s.cue.text == "denied" for s in again[1].statements)


def test_a_stored_parse_is_found_by_its_text_and_pipeline(tmp_path):
    cache = ParseCache(tmp_path, load_pipeline())
    [document] = _documents(TEXTS[:1])
    list(read_with_cache([document], tmp_path))
    assert cache.load(document.text) is not None
    assert cache.load(document.text + " ") is None  # another text: not the same file
    assert cache.path(document.text) != cache.path(document.text + " ")


def test_a_long_text_is_stored_after_its_pieces_are_joined(tmp_path, monkeypatch):
    monkeypatch.setattr(pieces, "LONG_TEXT_CHARS", 60)  # the first text now counts as long
    documents = _documents(TEXTS)
    fresh = list(extract_english(documents))
    list(read_with_cache(documents, tmp_path))
    assert list(read_with_cache(documents, tmp_path)) == fresh


def test_polnear_figures_are_the_same_with_the_cache(tmp_path):
    plain = evaluate_polnear(MINI, "dev", errors_path=tmp_path / "plain.jsonl")
    filled = evaluate_polnear(MINI, "dev", errors_path=tmp_path / "filled.jsonl", parse_cache=tmp_path / "c")
    reused = evaluate_polnear(MINI, "dev", errors_path=tmp_path / "reused.jsonl", parse_cache=tmp_path / "c")
    assert _without_figures_of_time(filled) == _without_figures_of_time(plain)
    assert _without_figures_of_time(reused) == _without_figures_of_time(plain)
    errors = (tmp_path / "plain.jsonl").read_text(encoding="utf-8")
    assert (tmp_path / "reused.jsonl").read_text(encoding="utf-8") == errors
