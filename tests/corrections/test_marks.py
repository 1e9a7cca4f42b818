"""Corrected statements are marked in every export and in the reading schema, found in one query."""

from __future__ import annotations

import csv
import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.corrections import Change, add, correct
from hearsay.corrections.marks import every_mark, mark_rows, marks_for
from hearsay.corrections.records import FIELDS
from hearsay.export import export
from hearsay.extract.pipeline import extract
from hearsay.ingest.identity import make_document
from hearsay.link import link_corpus
from hearsay.store import SQLiteStore
from hearsay.vocabulary import LABELS

TEXTS = (
    "Harbour Watch said on Monday that the port had been closed since May. "
    "The ministry denied that any ship was seized. Officials hinted the toll may rise.",
    "Harbour Watch said on Tuesday that the port had been closed since May. "
    "Mira Osei said the storm was the worst in years.",
)
SCHEMA = json.loads((resources.files("hearsay") / "schema" / "reading-v2.json").read_text(encoding="utf-8"))


@pytest.fixture()
def corrected(tmp_path):
    """Two linked documents; in the first, one statement's stance changed and a missed one added."""
    store = SQLiteStore(tmp_path / "m.db")
    ids = []
    for text in TEXTS:
        document = make_document(text, published=None)
        store.put(document, extract(document))
        ids.append(document.id)
    link_corpus(store)
    said = next(s for s in store.reading(ids[0]).statements if s.cue.text == "said")
    correct(store, ids[0], said.id, Change(stance="question", certainty="probable"), who="ana")
    text = TEXTS[0]

    def span(words: str) -> str:
        return f"{text.index(words)}:{text.index(words) + len(words)}"

    added = add(
        store,
        ids[0],
        source=span("Officials"),
        cue=span("hinted"),
        content=span("the toll may rise"),
        who="bo",
    )
    yield store, ids, said.id, added.statement_id
    store.close()


def test_marks_name_the_decided_fields_per_statement(corrected):
    store, (first, second), said, added = corrected
    expected = {(first, said): ["stance", "certainty"], (first, added): ["add"]}
    assert marks_for(store, [first, second]) == expected
    assert every_mark(store) == expected
    rows = mark_rows(store, store.statements(limit=50))
    assert {(r["document_id"], r["statement_id"]): r["corrected"] for r in rows if r["corrected"]} == expected
    assert all(r["corrected"] == [] for r in rows if r["document_id"] == second)


def test_marks_of_many_documents_is_one_query(corrected):
    store, ids, _, _ = corrected
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    try:
        marks_for(store, [*ids, *(f"{n:064x}" for n in range(600))])
    finally:
        store._conn.set_trace_callback(None)
    # 602 documents: one query per 500 ids, not one per document.
    assert len([s for s in statements if "FROM corrections" in s]) == 2


def test_json_exports_carry_corrected_and_stay_reading_v2(corrected, tmp_path):
    store, (first, _), said, added = corrected
    for fmt in ("json", "jsonl"):
        (path,) = export(store, fmt, tmp_path / fmt)
        text = path.read_text(encoding="utf-8")
        readings = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        for reading in readings:
            jsonschema.validate(reading, SCHEMA)
        marked = {
            (r["document_id"], s["id"]): s["corrected"]
            for r in readings
            for s in r["statements"]
            if "corrected" in s
        }
        assert marked == {(first, said): ["stance", "certainty"], (first, added): ["add"]}


def test_schema_refuses_a_corrected_list_that_names_no_field():
    document = make_document(TEXTS[1], published=None)
    reading = extract(document).to_dict()
    reading["statements"][0]["corrected"] = ["stance"]
    jsonschema.validate(reading, SCHEMA)
    for wrong in ([], ["colour"], ["stance", "stance"]):
        reading["statements"][0]["corrected"] = wrong
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(reading, SCHEMA)


def test_schema_vocabulary_and_correction_fields_agree():
    allowed = SCHEMA["$defs"]["statement"]["properties"]["corrected"]["items"]["enum"]
    assert set(allowed) == {*FIELDS, "add", "relation"} == set(LABELS["corrected"])


def test_csv_jsonld_and_graphml_mark_the_corrected_statement(corrected, tmp_path):
    store, (first, second), said, _ = corrected
    storm = next(s for s in store.reading(second).statements if s.content.text.startswith("the storm"))
    correct(store, second, storm.id, Change(stance="report"), who="ana")  # a claim cluster's statement
    export(store, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "statements.csv").open(encoding="utf-8") as handle:
        rows = {(r["document_id"], r["id"]): r["corrected"] for r in csv.DictReader(handle)}
    assert rows[(first, said)] == "stance; certainty"
    (jsonld,) = export(store, "jsonld", tmp_path / "jsonld")
    graph = json.loads(jsonld.read_text(encoding="utf-8"))["@graph"]
    appearances = {a["@id"]: a for claim in graph for a in claim["appearance"]}
    assert appearances[f"urn:hearsay:statement:{second}:{storm.id}"]["hearsay:corrected"] == ["stance"]
    assert sum("hearsay:corrected" in a for a in appearances.values()) == 1
    (graphml,) = export(store, "graphml", tmp_path / "graphml")
    text = graphml.read_text(encoding="utf-8")
    assert f'<data key="statement">{said}</data><data key="corrected">stance, certainty</data>' in text


def test_cli_entity_and_evidence_mark_the_corrected_statement(corrected, tmp_path):
    store, (_, second), _, _ = corrected
    storm = next(s for s in store.reading(second).statements if s.content.text.startswith("the storm"))
    correct(store, second, storm.id, Change(certainty="possible"), who="ana")
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    detail = json.loads(runner.invoke(cli, ["entity", "Mira Osei", "--db", db, "--json"]).output)
    assert [row["corrected"] for row in detail["said"]] == [["certainty"]]
    shown = runner.invoke(cli, ["entity", "Mira Osei", "--db", db], env={"COLUMNS": "200"}).output
    assert "✎" in shown and "corrected by an analyst" in shown
    cluster = detail["said"][0]["cluster_id"]
    found = runner.invoke(cli, ["evidence", "--cluster", cluster, "--db", db, "--json"]).output
    items = [i for side in json.loads(found)["sides"].values() for i in side["items"]]
    assert [i["corrected"] for i in items] == [["certainty"]]
    listed = runner.invoke(cli, ["evidence", "--cluster", cluster, "--db", db], env={"COLUMNS": "200"})
    assert "✎" in listed.output and "corrected by an analyst" in listed.output


def test_provenance_and_timeline_mark_the_corrected_statement(corrected, tmp_path):
    from fastapi.testclient import TestClient

    from hearsay.web import create_app

    store, (_, second), _, _ = corrected
    storm = next(s for s in store.reading(second).statements if s.content.text.startswith("the storm"))
    correct(store, second, storm.id, Change(certainty="possible"), who="ana")
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    detail = json.loads(runner.invoke(cli, ["entity", "Mira Osei", "--db", db, "--json"]).output)
    cluster = detail["said"][0]["cluster_id"]
    shown = json.loads(runner.invoke(cli, ["provenance", cluster, "--db", db, "--json"]).output)
    marked = [e for e in shown["edges"] if e["statement_id"] == storm.id]
    assert marked and all(e["corrected"] == ["certainty"] for e in marked)
    assert all("corrected" not in e for e in shown["edges"] if e["statement_id"] is None)
    assert shown["first_reported_by"]["corrected"] == ["certainty"]
    table = runner.invoke(cli, ["provenance", cluster, "--db", db], env={"COLUMNS": "200"}).output
    assert "✎" in table and "corrected by an analyst" in table
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        served = client.get(f"/api/v1/clusters/{cluster}/provenance").json()
    assert [e.get("corrected") for e in served["edges"] if e["statement_id"] == storm.id] == [
        e["corrected"] for e in marked
    ]
    events = [
        json.loads(line)
        for line in runner.invoke(cli, ["timeline", "Mira Osei", "--db", db, "--json"]).output.splitlines()
    ]
    said = [e for e in events if e["statement_id"] == storm.id]
    assert said and all(e["corrected"] == ["certainty"] for e in said)
    assert all(e["corrected"] == [] for e in events if e["statement_id"] not in (None, storm.id))
    text = runner.invoke(cli, ["timeline", "Mira Osei", "--db", db], env={"COLUMNS": "200"}).output
    assert "✎" in text and "corrected by an analyst" in text
