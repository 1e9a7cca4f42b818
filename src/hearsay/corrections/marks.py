"""Corrected statements marked wherever statements are shown or written.

A mark is the list of fields analysts decided for one statement (``stance``, ``source``, ...,
or ``add`` / ``relation``), as ``hearsay correct list`` shows them. Views and the HTTP API put it
in a ``corrected`` field (empty when nobody corrected the statement); a reading (schema reading-v2)
carries ``corrected`` only on the statements that have one, so an uncorrected reading is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Marks = dict[tuple[str, str], list[str]]


def marks_for(store, document_ids: Iterable[str]) -> Marks:
    """(document id, statement id) -> decided fields, for every statement of ``document_ids``."""
    from ..store.corrections import CorrectionTable  # the store imports this package's records

    return CorrectionTable(store).marks_of(document_ids)


def every_mark(store) -> Marks:
    """The marks of the whole store (one query), for exports that walk every reading."""
    from ..store.corrections import CorrectionTable

    return CorrectionTable(store).every_mark()


def mark_rows(store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each statement row (``document_id`` and ``statement_id``) its ``corrected`` list."""
    marks = marks_for(store, (row["document_id"] for row in rows))
    for row in rows:
        row["corrected"] = marks.get((row["document_id"], row["statement_id"]), [])
    return rows


def mark_reading(reading: dict[str, Any], marks: Marks) -> dict[str, Any]:
    """Add ``corrected`` to the statements of a reading's JSON form that analysts corrected."""
    document_id = reading["document_id"]
    for statement in reading["statements"]:
        fields = marks.get((document_id, statement["id"]))
        if fields:
            statement["corrected"] = list(fields)
    return reading


def mark_evidence(store, evidence: dict[str, Any]) -> dict[str, Any]:
    """Give every statement of an evidence record's JSON form (each side's items and first) its marks."""
    sides = evidence["sides"].values()
    items = [item for side in sides for item in (*side["items"], side["first"]) if item]
    mark_rows(store, items)
    return evidence


def mark_provenance(store, provenance: dict[str, Any]) -> dict[str, Any]:
    """Give each statement edge of a provenance record's JSON form, and its first report, their marks.

    An edge that belongs to a document (its outlet publishing it) has no statement and gets none."""
    edges = [edge for edge in provenance["edges"] if edge.get("statement_id")]
    first = provenance.get("first_reported_by")
    rows = [*edges, first] if first and first.get("statement_id") else edges
    mark_rows(store, rows)
    return provenance
