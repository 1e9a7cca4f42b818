"""Corrections applied to a reading: pure functions, no store.

``apply_all`` is what replaying means: the same decisions, in the order they were made, applied
to whichever reading the current extractor gives. A decision whose statement cannot be found
again (the extractor no longer reads anything at its cue) comes back as orphaned with the reason.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..model import (
    CERTAINTIES,
    KINDS,
    POLARITIES,
    STANCES,
    Addressee,
    Medium,
    Reading,
    Source,
    Span,
    Statement,
    one_of,
)
from .records import Anchor, Correction

# How much of a content span must still overlap for a re-read statement to be the same one.
SAME_CONTENT = 0.5


@dataclass(frozen=True, slots=True)
class Outcome:
    """What replaying one correction did: the statement it landed on, or why it could not."""

    correction: Correction
    statement_id: str | None
    orphaned: bool = False
    reason: str = ""


def anchor_of(statement: Statement) -> Anchor:
    cue, content = statement.cue, statement.content
    return Anchor(cue.start, cue.end, cue.text, content.start, content.end)


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """How much two character ranges overlap: intersection over union, 0.0 when they do not."""
    inside = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inside / union if inside > 0 and union > 0 else 0.0


def find(reading: Reading, anchor: Anchor) -> Statement | None:
    """The statement of ``reading`` at ``anchor``: the same cue span, else a cue with the same words
    (or overlapping) whose content still covers most of the anchored content."""
    content = (anchor.content_start, anchor.content_end)
    for statement in reading.statements:
        if (statement.cue.start, statement.cue.end) == (anchor.cue_start, anchor.cue_end):
            return statement
    best: tuple[float, Statement] | None = None
    for statement in reading.statements:
        cue_close = statement.cue.text.lower() == anchor.cue_text.lower() or span_overlap(
            (statement.cue.start, statement.cue.end), (anchor.cue_start, anchor.cue_end)
        )
        score = span_overlap((statement.content.start, statement.content.end), content)
        if cue_close and score >= SAME_CONTENT and (best is None or score > best[0]):
            best = (score, statement)
    return best[1] if best else None


def span_from(data: dict[str, Any]) -> Span:
    return Span(int(data["start"]), int(data["end"]), str(data["text"]))


def changed(statement: Statement, after: dict[str, Any]) -> Statement:
    """``statement`` with the fields of ``after`` decided (see records.FIELDS)."""
    updates: dict[str, Any] = {}
    if "source" in after:
        updates["source"] = Source.from_dict(after["source"])
    if "addressee" in after:
        updates["addressee"] = Addressee.from_dict(after["addressee"])
    if "medium" in after:
        updates["medium"] = Medium.from_dict(after["medium"])
    if "stance" in after:
        updates["stance"] = one_of(after["stance"], STANCES, "stance")
    if "certainty" in after:
        updates["certainty"] = one_of(after["certainty"], CERTAINTIES, "certainty")
    if "polarity" in after:
        updates["polarity"] = one_of(after["polarity"], POLARITIES, "polarity")
    if "cue" in after:
        updates["cue"] = span_from(after["cue"])
        updates["cue_lemma"] = str(after["cue"].get("lemma", statement.cue_lemma))
    if "content" in after:
        updates["content"] = span_from(after["content"])
    return dataclasses.replace(statement, **updates)


def added(after: dict[str, Any], statement_id: str) -> Statement:
    """A statement an analyst added: ``after`` holds every field (source, cue, content at least)."""
    blank = Statement(
        id=statement_id,
        source=Source.from_dict(after["source"]),
        cue=span_from(after["cue"]),
        content=span_from(after["content"]),
        kind=one_of(after.get("kind", "indirect"), KINDS, "kind"),
        cue_lemma=str(after["cue"].get("lemma", after["cue"]["text"].lower())),
    )
    rest = {name: value for name, value in after.items() if name not in ("source", "cue", "content", "kind")}
    return changed(blank, rest)


def _new_id(reading: Reading) -> str:
    taken = {statement.id for statement in reading.statements}
    number = 1
    while f"c{number}" in taken:
        number += 1
    return f"c{number}"


def _replace(reading: Reading, old: Statement, new: Statement | None) -> Reading:
    statements = (
        [s for s in reading.statements if s is not old]
        if new is None
        else [new if s is old else s for s in reading.statements]
    )
    return dataclasses.replace(reading, statements=tuple(statements))


def apply_one(reading: Reading, correction: Correction) -> tuple[Reading, Outcome]:
    """``reading`` with one correction applied, and where it landed."""
    target = find(reading, correction.anchor)
    if correction.action == "add":
        if target is not None:  # the extractor reads it now: the analyst's fields still decide
            new = changed(target, {k: v for k, v in correction.after.items() if k != "kind"})
            return _replace(reading, target, new), Outcome(correction, target.id)
        statement = added(correction.after, _new_id(reading))
        statements = sorted((*reading.statements, statement), key=lambda s: (s.cue.start, s.id))
        return dataclasses.replace(reading, statements=tuple(statements)), Outcome(correction, statement.id)
    if target is None:
        cue = correction.anchor
        reason = f"no statement at the cue {cue.cue_text!r} ({cue.cue_start}-{cue.cue_end}) any more"
        return reading, Outcome(correction, None, orphaned=True, reason=reason)
    if correction.action == "reject":
        return _replace(reading, target, None), Outcome(correction, target.id)
    if correction.action == "relation":  # kept for the evidence view; the reading stays as it is
        return reading, Outcome(correction, target.id)
    return _replace(reading, target, changed(target, correction.after)), Outcome(correction, target.id)


def apply_all(reading: Reading, corrections: list[Correction]) -> tuple[Reading, list[Outcome]]:
    """Every correction of one document, in the order they were made."""
    outcomes: list[Outcome] = []
    for correction in corrections:
        reading, outcome = apply_one(reading, correction)
        outcomes.append(outcome)
    return reading, outcomes
