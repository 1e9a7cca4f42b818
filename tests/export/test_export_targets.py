"""A verdict's target in every export: JSON/JSONL (the reading), CSV columns, the JSON-LD property."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema

import hearsay
from hearsay.export import export
from hearsay.export.jsonld import _appearance
from hearsay.model import Reading, Source, Span, Statement, Target
from hearsay.store import SQLiteStore

from .conftest import reading, span

SCHEMA = json.loads((Path(hearsay.__file__).parent / "schema" / "reading-v2.json").read_text("utf-8"))
TEXT = "Rebels said the army shelled the town. A colonel said the report was false."


def verdict_reading() -> Reading:
    base = reading(TEXT, "Town", [("Rebels", "said", "the army shelled the town", "report")])
    claim = span(TEXT, "the army shelled the town")
    colonel = span(TEXT, "A colonel")
    said = Span(TEXT.rindex("said"), TEXT.rindex("said") + 4, "said")
    verdict = Statement(
        "s2",
        Source("e2", colonel.text, colonel.start, colonel.end),
        said,
        span(TEXT, "the report was false"),
        "indirect",
        stance="deny",
        polarity="neg",
        certainty="certain",
        target=Target(claim.text, claim.start, claim.end, statement="s1", pointer="the report"),
    )
    return Reading(base.document_id, statements=(base.statements[0], verdict), document=base.document)


def stored(tmp_path: Path) -> SQLiteStore:
    item = verdict_reading()
    with SQLiteStore(tmp_path / "hearsay.db") as store:
        store.put(item.document, item)
    return SQLiteStore(tmp_path / "hearsay.db", read_only=True)


def test_export_targets_in_json_and_jsonl(tmp_path: Path) -> None:
    with stored(tmp_path) as store:
        (json_path,) = export(store, "json", tmp_path / "json")
        (jsonl_path,) = export(store, "jsonl", tmp_path / "jsonl")
    (from_json,) = json.loads(json_path.read_text("utf-8"))
    (from_jsonl,) = [json.loads(line) for line in jsonl_path.read_text("utf-8").splitlines()]
    for data in (from_json, from_jsonl):
        jsonschema.validate(data, SCHEMA)
        first, second = data["statements"]
        assert first["target"] is None
        assert second["target"] == {
            "text": "the army shelled the town",
            "start": 12,
            "end": 37,
            "statement": "s1",
            "pointer": "the report",
        }


def test_export_targets_in_csv(tmp_path: Path) -> None:
    with stored(tmp_path) as store:
        export(store, "csv", tmp_path)
    with (tmp_path / "statements.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["target_text"], r["target_start"], r["target_end"], r["target_statement"]) for r in rows] == [
        ("", "", "", ""),
        ("the army shelled the town", "12", "37", "s1"),
    ]


def test_export_targets_in_jsonld_appearances() -> None:
    row = {
        "document_id": "d",
        "statement_id": "s2",
        "content": "the report was false",
        "cue": "said",
        "stance": "deny",
        "certainty": "certain",
        "polarity": "neg",
        "content_start": 50,
        "content_end": 70,
        "title": "Town",
        "target_text": "the army shelled the town",
    }
    assert _appearance(row)["hearsay:target"] == "the army shelled the town"
    assert "hearsay:target" not in _appearance({**row, "target_text": None})
