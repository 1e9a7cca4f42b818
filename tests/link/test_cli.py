"""The linking commands through the real CLI, on the hand-written corpus."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from postgres_server import BACKENDS, scoped_database

from . import corpus


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):
    path = scoped_database(request, tmp_path_factory, "cli.db")
    result = CliRunner().invoke(cli, ["ingest", str(corpus.ARTICLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_cli_ingest_links_by_default_and_link_is_then_a_no_op(db):
    result = run("link", "--db", db, "--json")
    assert result.exit_code == 0
    counts = json.loads(result.output)
    assert counts["documents"] == 0 and counts["already"] == 7


def test_cli_ingest_no_link_leaves_linking_to_link(new_database):
    path = new_database("nolink.db")
    assert run("ingest", str(corpus.ARTICLES), "--db", path, "--no-link").exit_code == 0
    assert json.loads(run("clusters", "--db", path, "--json").output or "null") is None
    counts = json.loads(run("link", "--db", path, "--json").output)
    assert counts["documents"] == 7


def test_cli_entity_clusters_evidence_provenance_timeline_json(db):
    entity = json.loads(run("entity", "Alekseev", "--db", db, "--json").output)
    assert "Дмитрий Алексеев" in entity["variants"]
    clusters = [json.loads(line) for line in run("clusters", "--db", db, "--json").output.splitlines()]
    assert clusters[0]["size"] >= clusters[-1]["size"]
    result = run("evidence", "The tanker Marisol leaked fuel", "--db", db, "--json")
    evidence = json.loads(result.output)
    assert evidence["verdict"] == "contested" and evidence["sides"]["supports"]["items"]
    shown = run("provenance", evidence["clusters"][0], "--db", db, "--json")
    assert shown.exit_code == 0, shown.output
    provenance = json.loads(shown.output)
    assert provenance["first_reported_by"]["outlet"] == "Valmora Herald"
    events = [
        json.loads(line) for line in run("timeline", "Oskar Lind", "--db", db, "--json").output.splitlines()
    ]
    assert events and all(e["kind"] in ("document", "statement", "time") for e in events)


def test_cli_tables_and_errors_are_one_line(db):
    assert "Marisol" in run("evidence", "The tanker Marisol leaked fuel", "--db", db).output
    assert run("entities", "--db", db, "--type", "PERSON").exit_code == 0
    missing = run("entity", "Nobody Atall", "--db", db)
    assert missing.exit_code == 3 and "no linked entity" in missing.output
    assert run("evidence", "--db", db).exit_code == 2
    assert run("provenance", "c-none", "--db", db).exit_code == 3


def test_cli_merge_and_split(new_database):
    path = new_database("decide.db")
    assert run("ingest", str(corpus.ARTICLES), "--db", path).exit_code == 0
    split = run("entities", "split", "Dmitry Alekseyev", "D. Alekseev", "--db", path, "--json")
    assert split.exit_code == 0, split.output
    assert json.loads(split.output)["names"] == ["D. Alekseev"]
    merged = run("entities", "merge", "Oskar Lind", "Maria Olsen", "--db", path)
    assert merged.exit_code == 0 and "merged" in merged.output


def test_cli_export_jsonld_claims_and_graphml(db, tmp_path):
    assert run("export", "--format", "jsonld", "--out", str(tmp_path), "--db", db).exit_code == 0
    document = json.loads((tmp_path / "claims.jsonld").read_text(encoding="utf-8"))
    assert "https://schema.org" in document["@context"]
    claims = document["@graph"]
    assert all(c["@type"] == "Claim" and c["appearance"] and "firstAppearance" in c for c in claims)
    leak = next(c for c in claims if "leak" in c["text"])
    assert leak["firstAppearance"]["isPartOf"]["publisher"]["name"] == "Valmora Herald"
    assert run("export", "--format", "graphml", "--out", str(tmp_path), "--db", db).exit_code == 0
    tree = ElementTree.parse(tmp_path / "links.graphml")
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    nodes = {n.get("id") for n in tree.iter(ns + "node")}
    edges = list(tree.iter(ns + "edge"))
    assert edges and all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
