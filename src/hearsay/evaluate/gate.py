"""The quality gate: pinned floors for measured figures, and the only ways to move them.

A baseline file (``tests/evaluate/eval_baseline.json``) has one section per measurement
(``polnear_dev``, ``sample_article``), each with the sha256 of the data it was measured on and a
floor per figure (a dotted path into the figures' dict, e.g. ``whole.overlap_0.3.f1``). A figure
passes when it is at least its floor minus ``epsilon``. Floors move only through
``raise_floors``: up freely, down only with ``allow_regression`` and a reason, and every move is
appended to the section's ``history`` so that a test can tell a hand-lowered floor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ConfigError

# The figures below are deterministic on one machine; the margin absorbs parses that differ with
# the CPU's floating point. One attribution of PolNeAR dev's 2,192 moves F1 by about 0.0004.
DEFAULT_EPSILON = 0.002

# The figures each section pins when it is first measured.
DEFAULT_FLOORS = {
    "polnear_dev": (
        "whole.overlap_0.3.f1",
        "whole.overlap_0.8.f1",
        "whole.exact.f1",
        "roles.content.overlap_0.8.f1",
        "roles.content.overlap_0.3.f1",
        "roles.source.exact.f1",
        "roles.cue.exact.f1",
        "roles.content.exact.f1",
        "source_resolution.accuracy",
    ),
    "sample_article": (
        "statements.precision",
        "statements.recall",
        "factuality_accuracy_on_matched.certainty",
        "factuality_accuracy_on_matched.polarity",
        "factuality_accuracy_on_matched.stance",
        "entities.found_with_type",
        "times.found_with_value",
    ),
    "meantime": (
        "certainty.macro_f1",
        "polarity.macro_f1",
        "attribution.cue_recall",
        "attribution.source_accuracy",
    ),
    "factuality_uw_dev": ("pearson_r",),
    "tempeval3_train": ("value.f1", "relaxed.f1", "strict.f1", "value.accuracy", "type.accuracy"),
    # FNC-1's dev side of the split by body (hearsay.evaluate.fnc1); the targets are FNC 0.80, macro-F1 0.60
    "fnc1_dev": (
        "fnc_score.relative",
        "macro_f1",
        "disagree_f1",
        "classes.agree.f1",
        "classes.discuss.f1",
        "classes.unrelated.f1",
        "related_accuracy",
    ),
    # Russian (hearsay.lang.ru): factRuEval-2016's devset by the Track 1 rules, and ADAQ's 104 sentences
    "factrueval_dev": ("per.f1", "loc.f1", "org.f1", "overall.f1"),
    "adaq": ("source.f1", "cue.f1", "content.f1"),
    # measured on ECB+ topics 1-10 (tests/evaluate/test_ecbplus_gate.py): all 35 take over two minutes
    "ecbplus": (
        "coreference.conll_f1",
        "coreference.muc.f1",
        "coreference.b_cubed.f1",
        "coreference.ceaf_e.f1",
        "merges.precision",
        "mentions.recall",
    ),
}


def files_sha256(paths: Iterable[Path], first: bytes = b"") -> str:
    """The digest a section pins: sha256 over ``first``, then each file's folder/name and bytes, in order."""
    hasher = hashlib.sha256(first)
    for path in paths:
        hasher.update(f"{path.parent.name}/{path.name}\n".encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def load_baseline(path: str | Path) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"is not a readable baseline: {error}", where=str(path)) from None


def figure(figures: dict[str, Any], dotted: str) -> float:
    """The value at ``dotted`` (``roles.cue.exact.f1``); keys may themselves contain dots."""
    value: Any = figures
    parts = dotted.split(".")
    while parts:
        for take in range(len(parts), 0, -1):
            key = ".".join(parts[:take])
            if isinstance(value, dict) and key in value:
                value, parts = value[key], parts[take:]
                break
        else:
            raise KeyError(dotted)
    return float(value)


def section_for(figures: dict[str, Any]) -> str:
    """The baseline section a result belongs to: ``polnear_<split>`` or ``sample_article``."""
    if figures.get("dataset") == "polnear":
        return f"polnear_{figures['split']}"
    if figures.get("dataset") == "meantime":
        return "meantime"
    if figures.get("dataset") == "tempeval3":
        return f"tempeval3_{figures['split']}"
    if figures.get("dataset") == "ecbplus":
        return "ecbplus"
    if figures.get("dataset") == "fnc1":
        return f"fnc1_{figures['split']}"
    if figures.get("dataset") == "factrueval":
        return "factrueval_dev"
    if figures.get("dataset") == "adaq":
        return "adaq"
    if figures.get("dataset") == "factuality":
        return f"factuality_{figures['set'].lower()}_{figures['split']}"
    return "sample_article"


def shortfalls(baseline: dict[str, Any], name: str, figures: dict[str, Any]) -> list[str]:
    """One line per figure below its floor (minus epsilon), or for data that is not the pinned data."""
    section = baseline[name]
    epsilon = float(baseline.get("epsilon", DEFAULT_EPSILON))
    if section["data_sha256"] != figures["data_sha256"]:
        return [
            f"{name}: the data differs from the data the floors were measured on (sha256 "
            f"{figures['data_sha256'][:12]} vs {section['data_sha256'][:12]}); re-measure the floors"
        ]
    return [
        f"{name}: {key} = {figure(figures, key):.4f} is below its floor {floor:.4f} (epsilon {epsilon})"
        for key, floor in section["floors"].items()
        if figure(figures, key) < floor - epsilon
    ]


def history_problems(baseline: dict[str, Any]) -> list[str]:
    """Floors that differ from their last recorded move, and lowerings without a reason."""
    problems = []
    for name, section in baseline.items():
        if not isinstance(section, dict) or "floors" not in section:
            continue
        last: dict[str, float] = {}
        for move in section.get("history", []):
            if move["to"] < move.get("from", -math.inf) and not str(move.get("reason", "")).strip():
                problems.append(f"{name}: {move['figure']} was lowered without a reason")
            last[move["figure"]] = move["to"]
        for key, floor in section["floors"].items():
            if last.get(key) != floor:
                problems.append(
                    f"{name}: the floor of {key} ({floor}) is not its last recorded move; "
                    "move floors with scripts/update_quality_floors"
                )
    return problems


def floor_of(value: float, epsilon: float) -> float:
    """The floor pinned for a measured ``value``: ``value - epsilon``, rounded down to 4 places."""
    return max(0.0, math.floor((value - epsilon) * 10_000) / 10_000)


def raise_floors(
    path: str | Path,
    figures: dict[str, Any],
    *,
    allow_regression: bool = False,
    reason: str = "",
    keys: tuple[str, ...] | None = None,
) -> list[str]:
    """Move the floors in the baseline at ``path`` to the measured ``figures``; returns what changed.

    Without ``allow_regression`` a floor only ever rises, and data other than the pinned data is
    refused. With it, floors may fall and the data digest may change, and ``reason`` is required.
    """
    if allow_regression and not reason.strip():
        raise ConfigError("lowering floors needs a reason (--reason TEXT)", where=str(path))
    baseline: dict[str, Any] = load_baseline(path) if Path(path).exists() else {"epsilon": DEFAULT_EPSILON}
    epsilon = float(baseline.get("epsilon", DEFAULT_EPSILON))
    name = section_for(figures)
    section = baseline.setdefault(name, {"data_sha256": figures["data_sha256"], "floors": {}, "history": []})
    if section["data_sha256"] != figures["data_sha256"]:
        if not allow_regression:
            raise ConfigError(
                f"{name} was measured on other data (sha256 {section['data_sha256'][:12]}, now "
                f"{figures['data_sha256'][:12]}); re-pinning needs --allow-regression and a reason",
                where=str(path),
            )
        section["data_sha256"] = figures["data_sha256"]
    today = dt.date.today().isoformat()
    changes = []
    for key in keys or tuple(section["floors"]) or DEFAULT_FLOORS.get(name, ()):
        old = section["floors"].get(key)
        new = floor_of(figure(figures, key), epsilon)
        if old is not None and (new == old or (new < old and not allow_regression)):
            if new < old:
                changes.append(f"{name}: kept {key} at {old} (measured {figure(figures, key):.4f})")
            continue
        section["floors"][key] = new
        move = {"figure": key, "from": old, "to": new, "date": today}
        if reason:
            move["reason"] = reason
        if old is None:
            del move["from"]
        section["history"].append(move)
        changes.append(f"{name}: {key} {old} -> {new}")
    Path(path).write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return changes
