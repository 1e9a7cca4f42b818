"""Corrections that stick: decisions on a real store read by the real extractor, replayed on re-reads."""

from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.corrections import Change, add, correct, corrections, reject, reread
from hearsay.errors import ConfigError
from hearsay.extract.pipeline import extract
from hearsay.ingest.identity import make_document
from hearsay.link import link_corpus
from hearsay.model import Reading
from hearsay.store import SQLiteStore

TEXT = (
    "Harbour Watch said on Monday that the port had been closed since May. "
    "The ministry denied that any ship was seized. "
    "Mira Osei, a local councillor, recalled the storm of 1998. "
    "Officials hinted the toll may rise, the agency noted."
)


@pytest.fixture()
def stored(new_database):
    """The text read and stored, on each backend (a SQLite file, a PostgreSQL database)."""
    document = make_document(TEXT, published=None)
    reading = extract(document)
    store = SQLiteStore(new_database("c.db"))
    store.put(document, reading)
    yield store, document.id
    store.close()


def _by_cue(reading: Reading, cue: str):
    return next(s for s in reading.statements if s.cue.text == cue)


def _span(piece: str) -> str:
    start = TEXT.index(piece)
    return f"{start}:{start + len(piece)}"


def test_a_change_is_kept_with_who_when_before_and_after(stored):
    store, doc = stored
    said = _by_cue(store.reading(doc), "said")
    asked = {row["statement_id"] for row in store.statements(stance="question")}
    assert said.id not in asked
    kept = correct(
        store, doc, said.id, Change(stance="question", certainty="probable"), who="ana", note="hedged"
    )
    now = _by_cue(store.reading(doc), "said")
    assert (now.stance, now.certainty) == ("question", "probable")
    assert kept.who == "ana" and kept.at and kept.before["stance"] == said.stance
    assert kept.after == {"stance": "question", "certainty": "probable"}
    assert kept.fields == ("stance", "certainty")
    listed = {row["statement_id"] for row in store.statements(stance="question")}
    assert listed == asked | {said.id}


def test_reject_removes_and_add_inserts_a_statement(stored):
    store, doc = stored
    denied = _by_cue(store.reading(doc), "denied")
    before = store.counts()
    reject(store, doc, denied.id, who="ana")
    assert all(s.cue.text != "denied" for s in store.reading(doc).statements)
    # Running counts and the indexed source filter follow the corrected reading.
    assert store.counts()["statements"] == before["statements"] - 1 and store.counts()["documents"] == 1
    assert [row["statement_id"] for row in store.statements(source="ministry")] == []
    kept = add(
        store,
        doc,
        source=_span("Officials"),
        cue=_span("hinted"),
        content=_span("the toll may rise"),
        change=Change(stance="assert"),
        who="bo",
    )
    added = _by_cue(store.reading(doc), "hinted")
    assert added.id == kept.statement_id and added.source.text == "Officials"
    assert added.content.text == "the toll may rise" and added.stance == "assert"


def test_bad_decisions_are_refused_with_a_clear_error(stored):
    store, doc = stored
    said = _by_cue(store.reading(doc), "said")
    with pytest.raises(ConfigError, match="outside the document"):
        correct(store, doc, said.id, Change(content="0:999999"), who="ana")
    with pytest.raises(ConfigError, match="no statement 's99'"):
        reject(store, doc, "s99", who="ana")
    with pytest.raises(ConfigError, match="no entity of this document is called 'Nobody'"):
        correct(store, doc, said.id, Change(source="Nobody"), who="ana")
    assert corrections(store) == []


def test_a_reread_replays_every_decision_and_reports_orphans(stored):
    store, doc = stored
    said = _by_cue(store.reading(doc), "said")
    correct(store, doc, said.id, Change(polarity="neg"), who="ana")
    reject(store, doc, _by_cue(store.reading(doc), "denied").id, who="ana")
    add(
        store,
        doc,
        source=_span("Officials"),
        cue=_span("hinted"),
        content=_span("the toll may rise"),
        who="bo",
    )

    report = reread(store, [doc], extract)
    again = store.reading(doc)
    assert report.applied == 3 and report.orphaned == []
    assert _by_cue(again, "said").polarity == "neg"
    assert all(s.cue.text != "denied" for s in again.statements)
    assert _by_cue(again, "hinted").content.text == "the toll may rise"

    # A newer extractor that no longer reads "said": that decision is reported, the others still land.
    def without_said(document):
        fresh = extract(document)
        kept = tuple(s for s in fresh.statements if s.cue.text != "said")
        return dataclasses.replace(fresh, statements=kept)

    report = reread(store, [doc], without_said)
    assert report.applied == 2 and len(report.orphaned) == 1 and "'said'" in report.orphaned[0]
    statuses = [c.status for c in corrections(store, doc)]
    assert statuses == ["orphaned", "applied", "applied"]


def test_decisions_survive_link_rebuild_and_reingest(stored):
    store, doc = stored
    said = _by_cue(store.reading(doc), "said")
    link_corpus(store)
    correct(store, doc, said.id, Change(stance="deny"), who="ana")
    denied = _by_cue(store.reading(doc), "denied")
    reject(store, doc, denied.id, who="ana")
    linked = store._conn.execute("SELECT statement_id FROM link_statements WHERE document_id = ?", (doc,))
    assert denied.id not in {row[0] for row in linked}  # a rejected statement leaves its cluster at once
    link_corpus(store, rebuild=True)
    assert _by_cue(store.reading(doc), "said").stance == "deny"
    document = store.document(doc)
    assert store.put(document, extract(document)) is False  # re-ingesting changes nothing
    assert _by_cue(store.reading(doc), "said").stance == "deny"
    assert all(s.cue.text != "denied" for s in store.reading(doc).statements)


def test_the_cli_corrects_lists_and_rereads(tmp_path, new_database):
    path = tmp_path / "t.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = new_database("cli.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(path), "--db", db, "--no-link"]).exit_code == 0
    with SQLiteStore(db, read_only=True) as store:
        doc = store.documents()[0].id
        said = _by_cue(store.reading(doc), "said").id
    result = runner.invoke(
        cli,
        ["correct", "statement", doc[:10], said, "--stance", "question", "--by", "ana", "--db", db, "--json"],
    )
    assert result.exit_code == 0, result.output
    kept = json.loads(result.output)
    assert kept["who"] == "ana" and kept["after"] == {"stance": "question"} and kept["status"] == "applied"
    result = runner.invoke(cli, ["correct", "statement", doc[:10], said, "--stance", "nonsense", "--db", db])
    assert result.exit_code == 2
    result = runner.invoke(cli, ["correct", "reread", "--db", db, "--json"])
    assert json.loads(result.output) == {"documents": 1, "applied": 1, "orphaned": []}
    listed = runner.invoke(cli, ["correct", "list", "--db", db, "--json"])
    assert [json.loads(line)["action"] for line in listed.output.splitlines()] == ["change"]


def test_corrections_export_as_gold_that_eval_scores(stored, tmp_path):
    store, doc = stored
    said = _by_cue(store.reading(doc), "said")
    correct(store, doc, said.id, Change(stance="question"), who="ana")
    reject(store, doc, _by_cue(store.reading(doc), "denied").id, who="ana")
    add(
        store,
        doc,
        source=_span("Officials"),
        cue=_span("hinted"),
        content=_span("the toll may rise"),
        who="bo",
    )
    from hearsay.export import export

    (path,) = export(store, "corrections", tmp_path / "out")
    (line,) = [json.loads(raw) for raw in path.read_text(encoding="utf-8").splitlines()]
    assert line["format"] == "hearsay-corrections-1" and line["document"]["text"] == TEXT
    assert sorted(s["cue"]["text"] for s in line["verified"]) == ["hinted", "said"]
    assert [a["cue"][2] for a in line["rejected"]] == ["denied"]
    assert [d["action"] for d in line["decisions"]] == ["change", "reject", "add"]

    result = CliRunner().invoke(cli, ["eval", "corrections", str(path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    # The extractor reads "said" (with its own stance) but neither the rejection nor the addition.
    assert figures["verified"] == 2 and figures["found"] == 1
    assert figures["fields"]["stance"] == 0.0 and figures["fields"]["cue"] == 1.0
    assert (figures["rejected"], figures["rejected_still_read"]) == (1, 1)


def test_corrected_statements_are_marked_in_the_cli_and_the_csv_export(stored, tmp_path):
    import csv

    from hearsay.export import export

    store, doc = stored
    said = _by_cue(store.reading(doc), "said")
    correct(store, doc, said.id, Change(stance="question", polarity="neg"), who="ana")
    store.close()
    db = str(store.path)
    result = CliRunner().invoke(cli, ["statements", "--db", db, "--document", doc, "--json"])
    marked = {row["statement_id"]: row["corrected"] for row in map(json.loads, result.output.splitlines())}
    assert marked[said.id] == ["stance", "polarity"] and not any(v for k, v in marked.items() if k != said.id)
    with SQLiteStore(db, read_only=True) as again:
        paths = export(again, "csv", tmp_path / "csv")
    statements_csv = next(p for p in paths if p.name == "statements.csv")
    with statements_csv.open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row["corrected"] for row in csv.DictReader(handle)}
    assert rows[said.id] == "stance; polarity" and rows.get("s2") == ""


def test_a_relation_decision_replaces_the_scorers_side_in_the_evidence_view(stored):
    from hearsay.corrections import relate
    from hearsay.link import evidence

    store, doc = stored
    link_corpus(store)
    proposition = "Any ship was seized"

    def side_of(cue: str) -> str | None:
        found = evidence(store, proposition=proposition)
        for side in found.sides:
            for item in side.items:
                if item.statement.cue == cue:
                    return side.relation
        return None

    assert side_of("denied") == "refutes"
    denied = _by_cue(store.reading(doc), "denied")
    relate(
        store,
        doc,
        denied.id,
        proposition="any ship  was SEIZED",
        relation="discusses",
        who="ana",
        note="vague",
    )
    assert side_of("denied") == "discusses"
    item = next(
        i
        for s in evidence(store, proposition=proposition).sides
        for i in s.items
        if i.statement.cue == "denied"
    )
    assert item.relation.rule == "analyst" and "ana decided it discusses" in item.relation.reason
    relate(store, doc, denied.id, proposition=proposition, relation="unrelated", who="bo")
    assert side_of("denied") is None
    # Kept through a re-read (found again by its anchor) and marked as corrected.
    reread(store, [doc], extract)
    assert side_of("denied") is None
    assert [c.status for c in corrections(store, doc)] == ["applied", "applied"]


def test_the_medium_is_a_field_an_analyst_can_decide_and_remove(stored):
    store, doc = stored
    said = _by_cue(store.reading(doc), "said")
    correct(store, doc, said.id, Change(medium=_span("on Monday")), who="ana")
    assert _by_cue(store.reading(doc), "said").medium.text == "on Monday"
    correct(store, doc, said.id, Change(medium=""), who="ana")
    assert _by_cue(store.reading(doc), "said").medium is None
    assert [c.fields for c in corrections(store, doc)] == [("medium",), ("medium",)]
    report = reread(store, [doc], extract)
    assert report.applied == 2 and _by_cue(store.reading(doc), "said").medium is None
