"""``schema/reading-v2.json`` describes ``Reading.to_dict()`` exactly: real readings pass, wrong ones fail."""

from __future__ import annotations

import copy
import json
from importlib import resources

import jsonschema
import pytest

import hearsay
from hearsay.model import CERTAINTIES, KINDS, POLARITIES, SCHEMA_VERSION, STANCES, Reading
from hearsay.sample import sample_paths

SCHEMA = json.loads((resources.files("hearsay") / "schema" / "reading-v2.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@pytest.fixture(scope="module")
def reading() -> dict:
    text = sample_paths()[0].read_text(encoding="utf-8")
    return hearsay.read(text, published="2025-06-05").to_dict()


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_schema_enums_match_the_model():
    statement = SCHEMA["$defs"]["statement"]["properties"]
    assert tuple(statement["kind"]["enum"]) == KINDS
    assert tuple(statement["certainty"]["enum"]) == CERTAINTIES
    assert tuple(statement["polarity"]["enum"]) == POLARITIES
    assert tuple(statement["stance"]["enum"]) == STANCES


def test_schema_accepts_a_real_reading(reading):
    VALIDATOR.validate(reading)
    assert reading["statements"] and reading["entities"] and reading["mentions"]


def test_schema_accepts_a_reading_without_document(reading):
    without = {k: v for k, v in reading.items() if k != "document"}
    VALIDATOR.validate(without)


def test_schema_accepts_an_empty_reading():
    VALIDATOR.validate(hearsay.read("Nothing was said here.").to_dict())


def test_schema_reading_round_trips(reading):
    assert Reading.from_dict(reading).to_dict() == reading


def test_schema_spans_are_grounded(reading):
    """What the schema cannot say: every span's text is the document text at its offsets."""
    text = reading["document"]["text"]
    spans = [*reading["mentions"], *reading["times"]]
    for statement in reading["statements"]:
        spans += [statement["cue"], statement["content"], *statement["factuality_cues"]]
        if statement["source"]["start"] is not None:
            spans.append(statement["source"])
        if statement["target"] is not None:
            spans.append(statement["target"])
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def _broken(reading: dict, change) -> dict:
    copied = copy.deepcopy(reading)
    change(copied)
    return copied


BREAKAGES = {
    "unknown top-level field": lambda r: r.update(extra=1),
    "wrong schema version": lambda r: r.update(schema_version="1"),
    "missing statements": lambda r: r.pop("statements"),
    "bad date": lambda r: r.update(published="5 June 2025"),
    "bad document id": lambda r: r.update(document_id="abc"),
    "unknown stance": lambda r: r["statements"][0].update(stance="maybe"),
    "unknown certainty": lambda r: r["statements"][0].update(certainty="sure"),
    "extra statement field": lambda r: r["statements"][0].update(note="x"),
    "cue without lemma": lambda r: r["statements"][0]["cue"].pop("lemma"),
    "negative offset": lambda r: r["statements"][0]["content"].update(start=-1),
    "extra entity field": lambda r: r["entities"][0].update(score=0.5),
    "time type": lambda r: r.update(
        times=[{"text": "x", "start": 0, "end": 1, "value": None, "type": "WHEN"}]
    ),
    "extra document field": lambda r: r["document"].update(html="<p>"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_schema_rejects(reading, name):
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(_broken(reading, BREAKAGES[name]))


def test_schema_accepts_a_verdict_target_and_a_reading_without_the_key():
    text = "The agency reported that the dam had failed. The ministry said the report was false."
    data = hearsay.read(text).to_dict()
    assert data["statements"][1]["target"]["statement"] == "s1"
    VALIDATOR.validate(data)
    for statement in data["statements"]:
        del statement["target"]  # readings written before targets existed
    VALIDATOR.validate(data)
