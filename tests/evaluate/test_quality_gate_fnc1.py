"""The quality gate for document-level relations: FNC-1's dev side of the split by body (334 bodies).

The bodies' readings come from the evaluation's cache (``~/.cache/hearsay/fnc1``, keyed by the extraction
code), so the check takes seconds once they have been read and about a minute before. The floors live in
eval_baseline.json (section ``fnc1_dev``) and move only through ``hearsay eval fnc1 --update-baseline``
(up) or hearsay.evaluate.gate.raise_floors with a reason (down). The issue's targets (FNC score 0.80,
macro-F1 0.60) are reported beside them by ``hearsay eval all``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearsay.evaluate.gate import shortfalls

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"
FNC1 = Path(__file__).resolve().parents[3] / "shared" / "data" / "fnc-1"


@pytest.mark.skipif(not FNC1.is_dir(), reason="../shared/data/fnc-1 is not beside the checkout")
def test_quality_gate_fnc1_dev():
    from hearsay.evaluate.fnc1 import evaluate_fnc1

    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    figures = evaluate_fnc1(FNC1, "dev")
    assert figures["bodies"] == 334 and figures["pairs"] == 9655
    assert figures["readings"]["unread"] == 0
    assert shortfalls(baseline, "fnc1_dev", figures) == []
