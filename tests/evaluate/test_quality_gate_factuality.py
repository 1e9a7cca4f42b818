"""The quality gate for factuality: MEANTIME (macro-F1, reporting events) and UW dev (Pearson r).

Both read the shared data beside the checkout (about 6 s and 10 s) and skip without it. Floors
live in eval_baseline.json and move only through hearsay.evaluate.gate.raise_floors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearsay.evaluate.gate import shortfalls

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
MEANTIME = DATA / "meantime"
UW_DEV = DATA / "factuality" / "UW" / "dev.jsonl"


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.mark.skipif(not MEANTIME.is_dir(), reason="../shared/data/meantime is not beside the checkout")
def test_quality_gate_meantime(baseline):
    from hearsay.evaluate.meantime import evaluate_meantime

    figures = evaluate_meantime(MEANTIME)
    assert shortfalls(baseline, "meantime", figures) == []
    # the targets, beside the pinned floors
    assert figures["certainty"]["macro_f1"] >= 0.40 and figures["polarity"]["macro_f1"] >= 0.60


@pytest.mark.skipif(not UW_DEV.exists(), reason="../shared/data/factuality is not beside the checkout")
def test_quality_gate_factuality_uw_dev(baseline):
    from hearsay.evaluate.factuality import evaluate_factuality

    figures = evaluate_factuality(DATA / "factuality", "UW", "dev")
    assert shortfalls(baseline, "factuality_uw_dev", figures) == []
    assert figures["pearson_r"] >= 0.60
