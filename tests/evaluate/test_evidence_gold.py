"""The quality gate for relations: every relation of the sample article's evidence gold is right."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearsay.evaluate.gold import evaluate_gold

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
GOLD = CORPUS / "kazakhstan-drones.gold.json"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/corpus is not beside the checkout")


@pytest.fixture(scope="module")
def evidence():
    return evaluate_gold(GOLD)["evidence"]


def test_every_relation_of_the_evidence_gold_is_right(evidence):
    wrong = [
        (p["text"][:40], r["source"], r["cue"], r["predicted"], r["gold"])
        for p in evidence["propositions"]
        for r in p["rows"]
        if not r["right"]
    ]
    assert wrong == []
    assert evidence["strengths_within_a_step"] == evidence["strengths"]


def test_only_the_first_proposition_is_contested(evidence):
    assert [p["contested"] for p in evidence["propositions"]] == [True, False, False]
    assert evidence["all_right"]
