"""Five CSV files, one row per record, with a header row; UTF-8, quoted by the csv module.

``documents.csv``   the document metadata and text
``statements.csv``  who said what: source, cue, content, kind, addressee, certainty, polarity, stance,
                    offsets, the claim a verdict points at (target_text, offsets, target_statement),
                    the medium (medium_text) and the rules that made it a statement (space-separated)
``entities.csv``    entities per document; aliases and role texts joined by ``"; "``
``mentions.csv``    every mention with its entity id and offsets
``times.csv``       time expressions with their normalised value

Spreadsheet formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would run as a formula when the file is opened in Excel, LibreOffice or
Google Sheets, and news text is written by strangers. Such text cells get a leading ``'``,
which spreadsheets hide and treat as "this is text". The JSON exports keep the exact text;
use them when the values matter byte for byte.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..corrections.marks import every_mark
from ..model import Reading
from ..store import rows
from .files import replaced

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(value: Any) -> Any:
    """``value`` made safe to open in a spreadsheet (see the module docstring)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _documents(reading: Reading) -> list[dict[str, Any]]:
    return [rows.document_row(reading.document)] if reading.document is not None else []


def _statements(reading: Reading) -> list[dict[str, Any]]:
    return [rows.statement_row(reading, s) for s in reading.statements]


def _entities(reading: Reading) -> list[dict[str, Any]]:
    return [
        {
            "document_id": reading.document_id,
            "id": entity.id,
            "name": entity.name,
            "type": entity.type,
            "aliases": "; ".join(entity.aliases),
            "roles": "; ".join(role.text for role in entity.roles),
        }
        for entity in reading.entities
    ]


def _mentions(reading: Reading) -> list[dict[str, Any]]:
    return [rows.mention_row(reading.document_id, m) for m in reading.mentions]


def _times(reading: Reading) -> list[dict[str, Any]]:
    return [rows.time_row(reading.document_id, t) for t in reading.times]


RowsOf = Callable[[Reading], Iterable[dict[str, Any]]]

# file name -> (header, rows of one reading)
TABLES: dict[str, tuple[tuple[str, ...], RowsOf]] = {
    "documents.csv": (rows.DOCUMENT_COLUMNS, _documents),
    # ``corrected``: the fields an analyst decided (hearsay correct), joined by "; ".
    "statements.csv": ((*rows.STATEMENT_COLUMNS, "corrected"), _statements),
    "entities.csv": (rows.ENTITY_COLUMNS, _entities),
    "mentions.csv": (rows.MENTION_COLUMNS, _mentions),
    "times.csv": (rows.TIME_COLUMNS, _times),
}


def export_csv(store, out_dir: Path) -> list[Path]:
    """Write all five files in one pass over the stored readings."""
    paths = [out_dir / name for name in TABLES]
    specs = list(TABLES.values())
    with replaced(paths, newline="") as handles:
        writers = [csv.writer(handle) for handle in handles]
        for writer, (header, _rows_of) in zip(writers, specs, strict=True):
            writer.writerow(header)
        by_document: dict[str, dict[str, list[str]]] = {}
        for (document_id, statement_id), fields in every_mark(store).items():
            by_document.setdefault(document_id, {})[statement_id] = fields
        for reading in store.iter_readings():
            marks = by_document.get(reading.document_id, {})
            for writer, (header, rows_of) in zip(writers, specs, strict=True):
                table = [
                    {**row, "corrected": "; ".join(marks.get(row.get("id", ""), []))}
                    for row in rows_of(reading)
                ]
                writer.writerows([guard(row[c]) for c in header] for row in table)
    return paths
