"""Score the relations hearsay gives a document's statements against an evidence gold.

An evidence gold (``*.evidence.json`` beside a ``*.gold.json``) lists propositions about the
article; for each, the statements (named by source and cue) that bear on it, with their relation
(supports / refutes / discusses) and strength, and whether the proposition is contested. A
statement not listed is unrelated. A relation is right when it is exactly the gold's; a strength
is right when it is within one step of the gold's (certain / probable / possible).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Reading, Statement, verdict_of
from ..relation import relate_reading

STEPS = ("certain", "probable", "possible")


def load_evidence_gold(path: str | Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def evidence_gold_beside(gold_path: str | Path) -> Path | None:
    """``name.evidence.json`` beside ``name.gold.json``, when there is one."""
    path = Path(gold_path)
    stem = path.name.removesuffix(".gold.json").removesuffix(".json")
    candidate = path.with_name(f"{stem}.evidence.json")
    return candidate if candidate.is_file() else None


def score_evidence(evidence_gold: dict[str, Any], reading: Reading, same_source) -> dict[str, Any]:
    """Figures for every proposition: relations right, strengths within a step, contested right.

    ``same_source(gold_source, statement)`` says whether a statement's source is the gold's.
    """
    propositions = []
    total = right = strengths = strength_total = 0
    for proposition in evidence_gold["propositions"]:
        relations = relate_reading(proposition["text"], reading)
        listed = {}
        for entry in proposition["relations"]:
            index = _find(reading.statements, entry, same_source)
            if index is not None:
                listed[index] = entry
        rows = []
        for index, (statement, relation) in enumerate(zip(reading.statements, relations, strict=True)):
            entry = listed.get(index, {"relation": "unrelated", "strength": None})
            ok = relation.relation == entry["relation"]
            strength_ok = _within_a_step(relation.strength, entry["strength"]) if ok else False
            total += 1
            right += ok
            if entry["strength"] is not None:
                strength_total += 1
                strengths += strength_ok
            rows.append(
                {
                    "statement": statement.id,
                    "source": statement.source.text,
                    "cue": statement.cue.text,
                    "gold": entry["relation"],
                    "gold_strength": entry["strength"],
                    "predicted": relation.relation,
                    "strength": relation.strength,
                    "right": ok,
                    "reason": relation.reason,
                }
            )
        contested = _verdict(reading.statements, relations) == "contested"
        propositions.append(
            {
                "text": proposition["text"],
                "gold_contested": proposition["contested"],
                "contested": contested,
                "contested_right": contested == proposition["contested"],
                "missing_in_reading": len(proposition["relations"]) - len(listed),
                "relations_right": sum(r["right"] for r in rows),
                "statements": len(rows),
                "rows": rows,
            }
        )
    return {
        "propositions": propositions,
        "relations": total,
        "relations_right": right,
        "relation_accuracy": right / total if total else 0.0,
        "strengths": strength_total,
        "strengths_within_a_step": strengths,
        "contested_right": sum(p["contested_right"] for p in propositions),
        "all_right": right == total
        and strengths == strength_total
        and all(p["contested_right"] and not p["missing_in_reading"] for p in propositions),
    }


def _find(statements: tuple[Statement, ...], entry: dict[str, Any], same_source) -> int | None:
    candidates = [i for i, s in enumerate(statements) if entry["cue"] in s.cue.text]
    exact = [i for i in candidates if same_source(entry["source"], statements[i])]
    if exact:
        return exact[0]
    return candidates[0] if len(candidates) == 1 else None


def _within_a_step(predicted: str | None, gold: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is predicted
    return abs(STEPS.index(predicted) - STEPS.index(gold)) <= 1


def _verdict(statements: tuple[Statement, ...], relations) -> str:
    def sources(side: str) -> int:
        return len(
            {
                s.source.entity or (s.source.text or "").casefold() or f"anonymous-{s.id}"
                for s, r in zip(statements, relations, strict=True)
                if r.relation == side
            }
        )

    return verdict_of(sources("supports"), sources("refutes"), sources("discusses"))


def gold_beside(evidence_path: str | Path) -> Path:
    """``name.gold.json`` beside ``name.evidence.json``."""
    path = Path(evidence_path)
    return path.with_name(path.name.removesuffix(".evidence.json").removesuffix(".json") + ".gold.json")


def evaluate_evidence_gold(evidence_path: str | Path, gold_path: str | Path | None = None) -> dict[str, Any]:
    """Read the article of the reference reading beside ``evidence_path`` (or ``gold_path``) and score
    only its evidence gold: the figures of ``score_evidence`` with the shares the headlines quote."""
    from .gold import evaluate_gold

    gold = Path(gold_path) if gold_path is not None else gold_beside(evidence_path)
    figures = evaluate_gold(gold, evidence_path=evidence_path)
    evidence = figures["evidence"]
    return {
        "dataset": "evidence",
        "evidence_gold": figures["evidence_gold"],
        "gold": figures["gold"],
        "data_sha256": figures["data_sha256"],
        **evidence,
        "relations_right_share": round(evidence["relation_accuracy"], 4),
        "strengths_within_a_step_share": round(
            evidence["strengths_within_a_step"] / evidence["strengths"] if evidence["strengths"] else 0.0, 4
        ),
    }
