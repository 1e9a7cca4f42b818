"""Scores for a labelling task: per-class precision, recall and F1, their macro mean, accuracy.

Macro-F1 averages over every class of the scheme, so a class never predicted counts as 0: on
MEANTIME, where 85% of events are certain and positive, it tells a system that answers
"CERTAIN, POS" everywhere from one that reads the text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def class_scores(gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str]) -> dict[str, Any]:
    """Per-class P/R/F1 with counts, macro-F1 over ``classes``, accuracy and the confusion counts."""
    pairs = Counter(zip(gold, predicted, strict=True))
    per_class = {}
    for name in classes:
        correct = pairs[(name, name)]
        in_gold = sum(n for (g, _), n in pairs.items() if g == name)
        in_predicted = sum(n for (_, p), n in pairs.items() if p == name)
        precision, recall = _ratio(correct, in_predicted), _ratio(correct, in_gold)
        f1 = _ratio(2 * correct, in_gold + in_predicted)
        per_class[name] = {
            "gold": in_gold,
            "predicted": in_predicted,
            "correct": correct,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    total = sum(pairs.values())
    return {
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / len(classes), 4),
        "accuracy": round(_ratio(sum(n for (g, p), n in pairs.items() if g == p), total), 4),
        "of": total,
        "classes": per_class,
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(pairs.items()) if g != p},
    }
