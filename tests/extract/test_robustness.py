"""Extraction over real news: never raises, every span is grounded, every reading fits the schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from hearsay.extract.pipeline import extract_many
from hearsay.ingest import make_document, read_path
from hearsay.model import Document, Reading
from hearsay.sample import sample_paths

POLNEAR_DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear" / "dev" / "text"
SCHEMA = json.loads((resources.files("hearsay") / "schema" / "reading-v2.json").read_text(encoding="utf-8"))


def problems(reading: Reading) -> list[str]:
    text = reading.document.text
    found = [
        f"schema: {e.message}" for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(reading.to_dict())
    ]
    spans = [*reading.mentions, *reading.times]
    for statement in reading.statements:
        spans += [statement.cue, statement.content]
        if statement.source.start is not None:
            spans.append(statement.source)
        if statement.addressee is not None:
            spans.append(statement.addressee)
    found += [f"ungrounded: {s}" for s in spans if text[s.start : s.end] != s.text]
    return found


def check_all(documents: list[Document]) -> int:
    statements = 0
    for reading in extract_many(documents):
        assert problems(reading) == [], reading.document.source_path
        statements += len(reading.statements)
    return statements


def test_robustness_bundled_sample_corpus():
    documents = [item for path in sample_paths() for item in read_path(path) if isinstance(item, Document)]
    assert len(documents) == 94
    assert check_all(documents) > 400


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="../shared/data/polnear is not beside the checkout")
def test_robustness_polnear_dev_split():
    paths = sorted(POLNEAR_DEV.glob("*.txt"))
    documents = [
        make_document(p.read_text(encoding="utf-8"), source_path=str(p), language="en") for p in paths
    ]
    assert len(documents) == 84
    assert check_all(documents) > 1000
