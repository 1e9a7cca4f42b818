"""The sample article against its reference reading (the 0.1 acceptance figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

import hearsay
from hearsay.evaluate.gold import load_gold, score_reading

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
ARTICLE = CORPUS / "kazakhstan-drones.txt"

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/corpus is not beside the checkout")


@pytest.fixture(scope="module")
def score():
    gold = load_gold(ARTICLE.with_suffix(".gold.json"))
    return score_reading(gold, hearsay.read(ARTICLE.read_text(encoding="utf-8")))


def test_sample_statements_precision_and_recall_with_the_right_source(score):
    assert score.precision >= 0.8, score.to_dict()["unmatched_predicted"]
    assert score.recall >= 0.8, score.to_dict()["unmatched_gold"]


def test_sample_every_gold_entity_found_with_its_type(score):
    assert score.entity_misses == []


def test_sample_spelling_variants_are_one_entity(score):
    assert score.variants_merged


def test_sample_both_times_normalised(score):
    assert score.times_found == score.times_gold == 2


def test_sample_times_resolve_against_a_publication_date():
    reading = hearsay.read(ARTICLE.read_text(encoding="utf-8"), published="2025-06-05")
    assert {(t.text, t.value) for t in reading.times} >= {("May 28", "2025-05-28"), ("June 2", "2025-06-02")}
