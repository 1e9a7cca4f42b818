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
from .registry import default_floors
from .registry import section_for as registry_section

# The figures below are deterministic on one machine; the margin absorbs parses that differ with
# the CPU's floating point. One attribution of PolNeAR dev's 2,192 moves F1 by about 0.0004.
DEFAULT_EPSILON = 0.002

# The figures each section pins when it is first measured: the ``floors`` of the registry's entries.
DEFAULT_FLOORS = default_floors()


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
    """The baseline section a result belongs to, as its registry entry names it (``polnear_dev``)."""
    return registry_section(figures)


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


def _keys_to_pin(
    section: dict[str, Any], declared: tuple[str, ...], figures: dict[str, Any]
) -> tuple[str, ...]:
    """The figures pinned already, then those the registry declared for the section since (if measured)."""
    added = []
    for key in declared:
        if key in section["floors"]:
            continue
        try:
            figure(figures, key)
        except KeyError:
            continue
        added.append(key)
    return (*section["floors"], *added)


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
    for key in keys or _keys_to_pin(section, DEFAULT_FLOORS.get(name, ()), figures):
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
