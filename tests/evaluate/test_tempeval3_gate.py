"""The quality gate for time expressions: TempEval-3's training set (all 256 documents, about 30 s of CPU).

The floors live in eval_baseline.json (section ``tempeval3_train``) and move only through
``hearsay eval tempeval3 --update-baseline`` (up) or scripts/update_quality_floors (down, with a reason).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearsay.evaluate.gate import shortfalls

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"
TEMPEVAL3 = Path(__file__).resolve().parents[3] / "shared" / "data" / "tempeval3"


@pytest.mark.skipif(not TEMPEVAL3.is_dir(), reason="../shared/data/tempeval3 is not beside the checkout")
def test_quality_gate_tempeval3_train():
    from hearsay.evaluate.tempeval3 import evaluate_tempeval3

    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    figures = evaluate_tempeval3(TEMPEVAL3)
    assert figures["documents"] == 256
    assert shortfalls(baseline, "tempeval3_train", figures) == []
