"""Field accuracy on matched statements: which fields are right, and which rules produced the wrong ones."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from hearsay.evaluate.fields import FieldTally, gold_fields, same_words, text_of
from hearsay.model import Addressee, Source, Span, Statement

TEXT = "Ann Lee told reporters in a statement on Tuesday that the plant would close."


@dataclass(frozen=True, slots=True)
class RuledStatement(Statement):
    """A statement that names the rules behind it, as the attribution stages record them."""

    rules: tuple[str, ...] = ()


def _statement(addressee: str | None, certainty: str = "certain", rules: tuple[str, ...] = ()) -> Statement:
    where = TEXT.find(addressee) if addressee else -1
    return RuledStatement(
        id="s1",
        source=Source(entity="e1", text="Ann Lee", start=0, end=7),
        cue=Span(8, 12, "told"),
        content=Span(54, 77, "the plant would close"),
        kind="indirect",
        addressee=Addressee(addressee, where, where + len(addressee)) if addressee else None,
        certainty=certainty,
        polarity="pos",
        stance="assert",
        rules=rules,
    )


GOLD_ITEM = {
    "source": "Ann Lee",
    "content": "the plant would close",
    "stance": "assert",
    "certainty": "probable",
    "polarity": "pos",
    "addressee": "reporters",
}


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ("reporters", "reporters", True),
        ("DW", "DW", True),
        ("reporters", "reporters on Tuesday", False),  # a time inside the addressee
        (None, "a statement", False),  # a channel as the addressee
        (None, None, True),
        ("the Daily Star", "Daily Star", True),
    ],
)
def test_fields_same_words(gold, predicted, right):
    assert same_words(gold, predicted) is right


def test_fields_text_of_reads_strings_and_records():
    assert text_of(None) is None and text_of("X") == "X" and text_of(Span(0, 2, "DW")) == "DW"


def test_fields_medium_is_scored_only_when_the_gold_gives_one():
    assert "medium" not in gold_fields({"statements": [GOLD_ITEM]})
    assert gold_fields({"statements": [GOLD_ITEM, {**GOLD_ITEM, "medium": "a statement"}]})[-1] == "medium"


def test_fields_count_wrong_fields_and_the_rules_behind_them():
    tally = FieldTally(gold_fields({"statements": [{**GOLD_ITEM, "medium": "a statement"}]}))
    tally.add(
        {**GOLD_ITEM, "medium": "a statement"}, _statement("reporters on Tuesday", rules=("told_that",)), True
    )
    tally.add(GOLD_ITEM, _statement("reporters", certainty="probable", rules=("told_that",)), False)
    tally.extra(_statement(None, rules=("colon_quote",)))
    figures = tally.to_dict()
    assert figures["certainty"] == {"right": 1, "of": 2, "accuracy": 0.5}
    assert figures["errors_by_field"] == {
        "source_entity": 1,
        "stance": 0,
        "certainty": 1,
        "polarity": 0,
        "addressee": 1,
        "medium": 1,  # the first has no medium though the gold gives one; the second's gold has none
    }
    assert figures["all_right"]["right"] == 0
    assert figures["by_rule"] == {
        "colon_quote": {"right": 0, "errors": 1},
        "told_that": {"right": 0, "errors": 2},
    }
    assert {e["field"] for e in tally.errors} == {"source_entity", "certainty", "addressee", "medium"}
    assert all(e["rules"] == ["told_that"] for e in tally.errors)


def test_fields_a_statement_without_rules_counts_against_none():
    tally = FieldTally(("source_entity", "certainty"))
    plain = Statement(
        id="s2",
        source=Source(entity=None, text=None, start=None, end=None),
        cue=Span(0, 4, "said"),
        content=Span(5, 9, "this"),
        kind="indirect",
        certainty="probable",
    )
    tally.add(GOLD_ITEM, plain, True)
    assert tally.to_dict()["by_rule"] == {} and tally.to_dict()["all_right"]["right"] == 1
