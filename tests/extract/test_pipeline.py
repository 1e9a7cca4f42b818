"""The pipeline: components in order, each requirement assigned by an earlier component."""

from __future__ import annotations

import pytest

from hearsay.errors import ModelError
from hearsay.extract import pipeline


def test_pipeline_components_run_after_what_they_require(nlp):
    problems = nlp.analyze_pipes()["problems"]
    # en_core_web_sm's attribute_ruler sets token.pos but declares no assigns, so spaCy cannot see it.
    unexplained = {name: [p for p in found if p != "token.pos"] for name, found in problems.items()}
    assert all(not found for found in unexplained.values()), unexplained
    reported = {p for found in problems.values() for p in found}
    assert "token.pos" in reported or "attribute_ruler" not in nlp.pipe_names


def test_pipeline_order_puts_line_breaks_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("hearsay_paragraphs") < names.index("parser")
    ours = [n for n in names if n.startswith("hearsay_") and n != "hearsay_paragraphs"]
    assert ours == [f for f, _ in pipeline.COMPONENTS if f != "hearsay_paragraphs"]


def test_pipeline_is_loaded_once_per_process():
    assert pipeline.load_pipeline() is pipeline.load_pipeline()


def test_pipeline_unknown_model_is_a_one_line_model_error():
    with pytest.raises(ModelError) as error:
        pipeline._load_base("no_such_pipeline_xyz")
    message = str(error.value)
    assert "no_such_pipeline_xyz" in message and "\n" not in message and "HEARSAY_MODEL" in message


def test_pipeline_without_a_parser_is_refused(monkeypatch):
    import spacy

    monkeypatch.setattr(pipeline, "_load_base", lambda name: spacy.blank("en"))
    pipeline._load.cache_clear()
    try:
        with pytest.raises(ModelError, match="lacks parser"):
            pipeline._load("blank-for-test")
    finally:
        pipeline._load.cache_clear()


def test_pipeline_line_break_starts_a_sentence(nlp):
    doc = nlp("Minister quits over leak\nThe minister resigned on Friday.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Minister quits over leak", "The minister resigned on Friday."]


def test_pipeline_text_over_the_model_limit_is_an_input_error(nlp):
    import hearsay

    with pytest.raises(hearsay.InputError, match="over the model's limit"):
        hearsay.read("The minister said it. " * (nlp.max_length // 20))
