"""The quality gate for Russian: ADAQ's 104 sentences and factRuEval-2016's devset (122 texts, a few minutes).

The floors live in eval_baseline.json (sections ``adaq`` and ``factrueval_dev``) and move only through
``hearsay eval adaq|factrueval --update-baseline`` (up) or hearsay.evaluate.gate.raise_floors with a reason
(down). The issue's targets are reported beside them by ``hearsay eval all``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearsay.evaluate.gate import shortfalls

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.mark.skipif(not (DATA / "adaq-ru-quotes").is_dir(), reason="../shared/data/adaq-ru-quotes is absent")
def test_quality_gate_adaq():
    from hearsay.evaluate.adaq import evaluate_adaq

    figures = evaluate_adaq(DATA / "adaq-ru-quotes")
    assert figures["sentences"] == 104
    assert shortfalls(json.loads(BASELINE.read_text(encoding="utf-8")), "adaq", figures) == []


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "factrueval2016").is_dir(), reason="../shared/data/factrueval2016 is absent")
def test_quality_gate_factrueval_dev():
    from hearsay.evaluate.factrueval import evaluate_factrueval

    figures = evaluate_factrueval(DATA / "factrueval2016" / "devset")
    assert figures["documents"] == 122
    assert shortfalls(json.loads(BASELINE.read_text(encoding="utf-8")), "factrueval_dev", figures) == []
