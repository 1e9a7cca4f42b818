"""Errors and wins counted by rule name, from an evaluation's error lines (issue 15).

Each statement records the rules that produced and shaped it (``Statement.rules``). An error line of
a predicted attribution (a false positive or a near miss) carries those rules; a found attribution
counts as a win for each of its rules. The summary says, per rule, how often its statements were
right and how often they were wrong, and how: the rules to look at first head the table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

PREDICTED_ERRORS = ("false_positive", "near_miss")


def rule_summary(errors: Iterable[Mapping[str, Any]], wins: Mapping[str, int]) -> dict[str, dict[str, Any]]:
    """Per rule: ``right`` (wins), each predicted error kind, ``errors`` and ``precision``.

    ``errors`` are the evaluation's error lines (their ``error`` kind and ``rules``); ``wins`` counts
    the found attributions by rule. Rules are ordered by errors (most first), then name.
    """
    counts: dict[str, Counter[str]] = {}
    for line in errors:
        kind = line.get("error")
        if kind not in PREDICTED_ERRORS:
            continue
        for rule in line.get("rules") or ():
            counts.setdefault(rule, Counter())[kind] += 1
    for rule in wins:
        counts.setdefault(rule, Counter())
    summary = {}
    for rule, kinds in counts.items():
        right = wins.get(rule, 0)
        wrong = sum(kinds[k] for k in PREDICTED_ERRORS)
        summary[rule] = {
            "right": right,
            **{kind: kinds[kind] for kind in PREDICTED_ERRORS},
            "errors": wrong,
            "precision": round(right / (right + wrong), 4) if right + wrong else 0.0,
        }
    return dict(sorted(summary.items(), key=lambda item: (-item[1]["errors"], item[0])))
