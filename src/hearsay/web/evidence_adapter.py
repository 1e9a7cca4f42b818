"""A stop-gap: the old evidence dict of ``hearsay.link.evidence`` as a ``model.Evidence`` record.

Delete this module (and the ``as_evidence(...)`` around each call) once ``hearsay.link.evidence``
returns ``model.Evidence`` itself; a record passes through unchanged until then. The old view
grouped statements by their own stance; here that stance stands in for the relation to the
proposition, and each reason says so.
"""

from __future__ import annotations

from typing import Any

from ..model import (
    SIDES,
    Evidence,
    EvidenceItem,
    EvidenceSide,
    LinkedStatement,
    Relation,
    verdict_of,
)

STRENGTH_OF_CERTAINTY = {"certain": "certain", "probable": "probable", "possible": "possible"}


def as_evidence(found: Evidence | dict[str, Any]) -> Evidence:
    """``found`` as a record: unchanged when it is one, else built from the old dict's items."""
    if isinstance(found, Evidence):
        return found
    items = [_item(row) for row in found.get("items", [])]
    sides = tuple(_side(side, [i for i in items if i.relation.relation == side]) for side in SIDES)
    counts = [side.independent_sources for side in sides]
    return Evidence(
        proposition=found.get("proposition", ""),
        verdict=verdict_of(*counts),
        sides=sides,
        clusters=tuple(found.get("clusters", ())),
        candidates=len(items),
    )


def _side(relation: str, items: list[EvidenceItem]) -> EvidenceSide:
    return EvidenceSide(
        relation=relation,
        items=tuple(items),
        independent_sources=len({i.independent_group for i in items}),
        first=items[0] if items else None,
    )


def _item(row: dict[str, Any]) -> EvidenceItem:
    statement = LinkedStatement.from_row(row)
    return EvidenceItem(
        statement=statement,
        relation=_relation(statement, responds=row.get("relation") == "response"),
        independent_group=row.get("independent_group", ""),
        origin=row.get("origin", ""),
    )


def _relation(statement: LinkedStatement, *, responds: bool) -> Relation:
    said = f"stance {statement.stance}, polarity {statement.polarity} (provisional: its own stance)"
    strength = STRENGTH_OF_CERTAINTY.get(statement.certainty, "probable")
    if statement.stance == "deny" or statement.polarity == "neg":
        return Relation("refutes", strength, said, rule="stance")
    if statement.stance in ("assert", "report") and not responds:
        return Relation("supports", strength, said, rule="stance")
    return Relation("discusses", None, said, rule="stance")
