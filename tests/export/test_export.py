"""Exporters write real files from a real store: right names, right rows, safe cells."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

import hearsay
from hearsay.errors import ConfigError
from hearsay.export import EXPORTERS, export
from hearsay.export.csv import guard
from hearsay.model import Reading
from hearsay.store import SQLiteStore

SCHEMA = json.loads((Path(hearsay.__file__).parent / "schema" / "reading-v2.json").read_text("utf-8"))
CSV_FILES = ["documents.csv", "statements.csv", "entities.csv", "mentions.csv", "times.csv"]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_registry_names() -> None:
    assert sorted(EXPORTERS) == ["corrections", "csv", "graphml", "json", "jsonl", "jsonld"]


def test_export_unknown_format_lists_the_known_ones(store: SQLiteStore, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'xml'.*csv, graphml, json, jsonl, jsonld"):
        export(store, "xml", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_export_json_is_one_array_of_readings(
    store: SQLiteStore, readings: list[Reading], tmp_path: Path
) -> None:
    out = tmp_path / "new" / "folder"
    assert export(store, "json", out) == [out / "readings.json"]
    data = json.loads((out / "readings.json").read_text("utf-8"))
    assert data == [r.to_dict() for r in readings]
    for item in data:
        jsonschema.validate(item, SCHEMA)
        assert Reading.from_dict(item).document.text == item["document"]["text"]


def test_export_jsonl_is_one_reading_per_line(
    store: SQLiteStore, readings: list[Reading], tmp_path: Path
) -> None:
    assert export(store, "jsonl", tmp_path) == [tmp_path / "readings.jsonl"]
    lines = (tmp_path / "readings.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == len(readings)  # the newline inside a document text stays escaped
    assert [json.loads(line) for line in lines] == [r.to_dict() for r in readings]
    for line in lines:
        jsonschema.validate(json.loads(line), SCHEMA)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_of_an_empty_store(tmp_path: Path, fmt: str) -> None:
    with SQLiteStore(tmp_path / "empty.db") as store:
        (path,) = export(store, fmt, tmp_path / "out")
    text = path.read_text("utf-8")
    assert (json.loads(text) == []) if fmt == "json" else (text == "")


def test_export_csv_files_and_rows(store: SQLiteStore, readings: list[Reading], tmp_path: Path) -> None:
    paths = export(store, "csv", tmp_path)
    assert [p.name for p in paths] == CSV_FILES
    hostile, plain = readings
    documents = read_csv(tmp_path / "documents.csv")
    assert [d["id"] for d in documents] == [hostile.document_id, plain.document_id]
    assert documents[1]["text"] == plain.document.text
    # A newline and quotes survive csv quoting; the leading "=" gets the formula guard.
    assert documents[0]["text"] == "'" + hostile.document.text
    statements = read_csv(tmp_path / "statements.csv")
    assert [(s["document_id"], s["id"]) for s in statements] == [
        (hostile.document_id, "s1"),
        (hostile.document_id, "s2"),
        (plain.document_id, "s1"),
    ]
    assert statements[2]["content_text"] == "the bridge will reopen"
    assert statements[2]["source_name"] == "" and statements[2]["stance"] == "report"
    assert statements[2]["content_start"] == str(plain.statements[0].content.start)
    assert len(read_csv(tmp_path / "entities.csv")) == 1
    assert read_csv(tmp_path / "mentions.csv")[0]["text"] == "The mayor"
    times = read_csv(tmp_path / "times.csv")
    assert [(t["text"], t["value"]) for t in times] == [("Monday", "2025-06-02")]


def test_export_csv_headers_only_for_an_empty_store(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "empty.db") as store:
        paths = export(store, "csv", tmp_path / "out")
    for path in paths:
        lines = path.read_text("utf-8").splitlines()
        assert len(lines) == 1 and lines[0].startswith(("id,", "document_id,"))


def test_export_csv_guards_against_formula_injection(store: SQLiteStore, tmp_path: Path) -> None:
    export(store, "csv", tmp_path)
    cells = [value for name in CSV_FILES for row in read_csv(tmp_path / name) for value in row.values()]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    title = read_csv(tmp_path / "documents.csv")[0]["title"]
    assert title == '\'=HYPERLINK("http://evil.example","click")'
    statements = read_csv(tmp_path / "statements.csv")
    assert statements[0]["content_text"] == "'-5%, or worse"
    assert statements[0]["source_name"] == "'@mayor"
    assert statements[1]["content_text"] == '\'+1 is "@risk"'
    entity = read_csv(tmp_path / "entities.csv")[0]
    assert entity["name"] == "'@mayor"
    assert entity["aliases"] == "'=cmd|' /C calc'!A0; The mayor"
    assert entity["roles"] == "mayor"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("a=1", "a=1"),
        ("", ""),
        (None, None),
        (-1, -1),
        ("'quoted", "'quoted"),
    ],
)
def test_export_guard(value, expected) -> None:
    assert guard(value) == expected


def test_export_json_exports_exact_text_unguarded(store: SQLiteStore, tmp_path: Path) -> None:
    (path,) = export(store, "jsonl", tmp_path)
    first = json.loads(path.read_text("utf-8").splitlines()[0])
    assert first["document"]["title"].startswith("=HYPERLINK")


def test_export_replaces_old_files_and_leaves_no_partials(store: SQLiteStore, tmp_path: Path) -> None:
    (tmp_path / "readings.jsonl").write_text("stale\n", encoding="utf-8")
    export(store, "jsonl", tmp_path)
    export(store, "csv", tmp_path)
    assert "stale" not in (tmp_path / "readings.jsonl").read_text("utf-8")
    assert not list(tmp_path.glob("*.partial"))
