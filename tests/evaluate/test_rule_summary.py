"""Errors and wins by rule name, from error lines written by hand and from `hearsay eval polnear --errors`."""

from __future__ import annotations

import json
from pathlib import Path

from hearsay.evaluate.polnear import evaluate_polnear
from hearsay.evaluate.rule_summary import rule_summary

MINI = Path(__file__).resolve().parents[1] / "data" / "polnear_mini"


def test_rule_summary_counts_errors_by_kind_and_wins():
    errors = [
        {"error": "false_positive", "rules": ["cue.verb", "source.it"]},
        {"error": "near_miss", "rules": ["cue.verb", "content.clause"]},
        {"error": "near_miss", "rules": ["source.it"]},
        {"error": "miss"},  # a missed attribution has no statement, so no rule
    ]
    summary = rule_summary(errors, {"cue.verb": 6, "content.clause": 3})
    assert list(summary) == ["cue.verb", "source.it", "content.clause"]  # most errors first, then name
    assert summary["cue.verb"] == {
        "right": 6,
        "false_positive": 1,
        "near_miss": 1,
        "errors": 2,
        "precision": 0.75,
    }
    assert summary["source.it"]["right"] == 0 and summary["source.it"]["precision"] == 0.0
    assert summary["content.clause"]["errors"] == 1


def test_rule_summary_of_a_rule_that_only_wins():
    assert rule_summary([], {"quote.continued": 2})["quote.continued"]["precision"] == 1.0


def test_polnear_by_rule_agrees_with_the_error_lines(tmp_path):
    path = tmp_path / "errors.jsonl"
    figures = evaluate_polnear(MINI, errors_path=path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_rule = figures["by_rule"]
    assert by_rule, "the mini corpus's statements carry rules"
    for rule, counts in by_rule.items():
        for kind in ("false_positive", "near_miss"):
            assert counts[kind] == sum(
                line["error"] == kind and rule in line.get("rules", []) for line in lines
            )
    # every found attribution wins for its cue rule
    found = figures["whole"]["overlap_0.3"]["found"]
    assert sum(c["right"] for name, c in by_rule.items() if name.startswith("cue.")) == found


def test_polnear_without_errors_has_no_rule_summary():
    assert "by_rule" not in evaluate_polnear(MINI, limit=1)
