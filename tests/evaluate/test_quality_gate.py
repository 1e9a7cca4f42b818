"""The quality gate: hearsay's measured figures stay at or above the floors in eval_baseline.json.

The PolNeAR dev split is read once for all its checks (about 30 s). Floors move only through
scripts/update_quality_floors: up freely, down with --allow-regression and a recorded reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearsay.evaluate.gate import DEFAULT_FLOORS, history_problems, shortfalls

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"
SHARED = Path(__file__).resolve().parents[3] / "shared"
POLNEAR = SHARED / "data" / "polnear"
SAMPLE_GOLD = SHARED / "corpus" / "kazakhstan-drones.gold.json"


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def test_quality_gate_every_floor_move_is_recorded(baseline):
    assert history_problems(baseline) == []


def test_quality_gate_pins_the_issue_figures(baseline):
    for name, keys in DEFAULT_FLOORS.items():
        assert set(keys) <= set(baseline[name]["floors"]), name


@pytest.mark.skipif(
    not (POLNEAR / "dev").is_dir(), reason="../shared/data/polnear is not beside the checkout"
)
def test_quality_gate_polnear_dev(baseline):
    from hearsay.evaluate.polnear import evaluate_polnear

    figures = evaluate_polnear(POLNEAR, "dev")
    assert shortfalls(baseline, "polnear_dev", figures) == []


@pytest.mark.skipif(not SAMPLE_GOLD.exists(), reason="../shared/corpus is not beside the checkout")
def test_quality_gate_sample_article(baseline):
    from hearsay.evaluate.gold import evaluate_gold

    figures = evaluate_gold(SAMPLE_GOLD)
    assert shortfalls(baseline, "sample_article", figures) == []
