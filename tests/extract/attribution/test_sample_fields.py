"""The sample article: every statement's addressee and medium as the copy of its gold (tests/data) says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import hearsay
from hearsay.extract.attribution.rules import describe

DATA = Path(__file__).resolve().parents[2] / "data"
GOLD = json.loads((DATA / "kazakhstan-drones.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reading():
    return hearsay.read((DATA / GOLD["document"]).read_text(encoding="utf-8"))


def _matched(reading, gold):
    """The statement with the gold's cue whose source (entity name or text) is the gold's source."""
    for statement in reading.statements:
        entity = reading.entity(statement.source.entity)
        source = entity.name if entity else statement.source.text
        if statement.cue.text.endswith(gold["cue"]) and source == gold["source"]:
            return statement
    raise AssertionError(f"no statement for {gold['source']!r} {gold['cue']!r}")


@pytest.mark.parametrize("gold", GOLD["statements"], ids=lambda g: f"{g['source']}-{g['cue']}")
def test_sample_addressee_and_medium(reading, gold):
    statement = _matched(reading, gold)
    assert (statement.addressee.text if statement.addressee else None) == gold.get("addressee")
    assert (statement.medium.text if statement.medium else None) == gold["medium"]


def test_sample_every_statement_says_why(reading):
    for statement in reading.statements:
        assert statement.rules and statement.rules[0].startswith(("cue.", "quote.", "label."))
        assert all(describe(rule) != "(no description)" for rule in statement.rules), statement.rules
