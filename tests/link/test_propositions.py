"""Claim clusters are propositions grouped into stories, on invented articles (propositions.jsonl).

Two outlets state that Kazeria supplied drone components, a spokesman says it did not; they
give different figures (40 / 25 drones), years (2025 / 2022) and builders (Tarvia / Velmar);
a third outlet reports a ferry strike elsewhere, months later.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.extract.pipeline import extract
from hearsay.ingest import read_path
from hearsay.link import cluster_detail, cluster_list, link_corpus, story_detail, story_list
from hearsay.link.claims import same_proposition
from hearsay.link.titles import clause_score, title_of
from hearsay.store import Store

from .corpus import DATA

ARTICLES = DATA / "propositions.jsonl"


def _ingest(store, path: Path, hints: set[str] | None = None) -> dict[str, str]:
    """Store the articles of ``path`` (those whose id_hint is in ``hints``); returns hint -> id."""
    titles = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        titles[record["title"]] = record["id_hint"]
    ids = {}
    for document in read_path(path):
        hint = titles[document.title]
        if hints is None or hint in hints:
            store.put(document, extract(document))
            ids[hint] = document.id
    return ids


@pytest.fixture(scope="module")
def drones(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("propositions") / "p.db") as store:
        ids = _ingest(store, ARTICLES)
        link_corpus(store)
        yield store, ids


def _cluster(store, document_id: str, words: str) -> str:
    row = store._conn.execute(
        """SELECT ls.cluster_id FROM statements AS s JOIN link_statements AS ls
        ON ls.document_id = s.document_id AND ls.statement_id = s.id
        WHERE s.document_id = ? AND instr(s.content_text, ?) > 0""",
        (document_id, words),
    ).fetchone()
    assert row is not None and row[0] is not None, words
    return row[0]


def test_same_proposition_across_outlets_and_its_negation_join_one_cluster(drones):
    store, ids = drones
    supplied = _cluster(store, ids["kestrel"], "Kazeria supplied components")
    assert _cluster(store, ids["morava"], "Kazeria supplied components") == supplied
    assert _cluster(store, ids["morava"], "Kazeria did not supply") == supplied
    proposition = cluster_detail(store, supplied)
    assert proposition.size == 3 and proposition.documents == 2
    assert proposition.sides == {"supports": 2, "refutes": 1, "discusses": 0}
    assert proposition.verdict == "contested" and proposition.contradiction


def test_different_figure_year_or_name_is_another_proposition_of_the_same_story(drones):
    store, ids = drones
    pairs = (
        ("destroyed 40 aircraft", "destroyed 25 aircraft"),
        ("attacked in 2025", "attacked in 2022"),
        ("Tarvia had built", "Velmar had built"),
    )
    story = cluster_detail(store, _cluster(store, ids["kestrel"], "Kazeria supplied")).story_id
    for first, second in pairs:
        one, other = _cluster(store, ids["kestrel"], first), _cluster(store, ids["morava"], second)
        assert one != other, (first, second)
        assert cluster_detail(store, one).story_id == cluster_detail(store, other).story_id == story


def test_stories_group_propositions_and_keep_other_incidents_apart(drones):
    store, ids = drones
    stories = story_list(store)
    assert len(stories) == 2
    dravok, found = story_detail(store, stories[0].id)
    assert dravok.documents == 2 and dravok.propositions == len(found) == 7
    assert dravok.title == "Kazeria supplied components for the drones used in the 1 June attack"
    assert (dravok.first_published, dravok.last_published) == ("2025-06-02", "2025-06-03")
    ferry = cluster_detail(store, _cluster(store, ids["harbour"], "the strike in Osterby"))
    assert ferry.story_id == stories[1].id != dravok.id
    assert story_detail(store, "st-none") is None


def test_titles_are_clauses_not_fragments(drones):
    store, _ids = drones
    for proposition in cluster_list(store, limit=100):
        title = proposition.title
        assert not title[0].islower() and not title.lower().startswith("that "), title
        assert title[-1] != "." and '"' not in title
    assert title_of("that the port would stay closed.") == "The port would stay closed"
    assert title_of("“and Kazeria supplied the parts") == "Kazeria supplied the parts"
    assert title_of("himself as 'Deep Throat'") == "Himself as 'Deep Throat'"
    clause = clause_score("that Kazeria supplied the parts for the drones")
    assert clause > clause_score("himself as 'Deep Throat'")
    assert clause > clause_score("it supplied the parts for the drones")
    assert clause > clause_score("Kazeria supplied the parts for the drones", plainly_stated=False)


def test_same_proposition_needs_agreeing_arguments():
    assert same_proposition("Ford recalled 500 cars", "Ford recalled 500 cars last week") == (True, False)
    assert same_proposition("Ford recalled 500 cars", "GM recalled 300 cars")[0] is False
    assert same_proposition("Ford recalled 500 cars", "Ford recalled 300 cars")[0] is False
    assert (
        same_proposition("the drones struck Engels in 2022", "the drones struck Engels in June 2025")[0]
        is False
    )
    assert same_proposition("the drones struck Engels", "the drones did not strike Engels") == (True, True)
    detailed = "the Lumo ferry spilled fuel into Ostra harbour on Sunday night"
    assert same_proposition("the Lumo ferry had spilled any fuel", detailed) == (True, False)
    assert same_proposition("our ferry did not spill fuel into the harbour", detailed) == (True, True)
    assert same_proposition("the ferry spilled fuel in 2021", detailed + " in 2024")[0] is False


def test_query_with_several_words_finds_by_every_word(drones):
    store, _ids = drones
    found = cluster_list(store, query="Kazeria drones")
    assert [p.title for p in found] == [
        "Kazeria supplied components for the drones used in the 1 June attack"
    ]
    assert [p.title for p in cluster_list(store, query="Dravok 2022")] == [
        "The Dravok airbase had first been attacked in 2022"
    ]
    assert cluster_list(store, query="Kazeria ferries") == []
    assert cluster_list(store, query="!!") == []


def test_cli_clusters_query_story_and_stories(drones):
    store, ids = drones
    db = str(store.path)
    runner = CliRunner()
    shown = runner.invoke(cli, ["clusters", "--query", "Kazeria drones", "--db", db])
    assert shown.exit_code == 0 and "Kazeria" in shown.output and "nothing matches" not in shown.output
    story = cluster_detail(store, _cluster(store, ids["harbour"], "the strike in Osterby")).story_id
    listed = runner.invoke(cli, ["clusters", "--story", story, "--db", db, "--json"])
    assert {json.loads(line)["story_id"] for line in listed.output.splitlines()} == {story}
    stories = [
        json.loads(line) for line in runner.invoke(cli, ["stories", "--db", db, "--json"]).output.splitlines()
    ]
    assert [s["propositions"] for s in stories] == [7, 2]
    assert all(c["story_id"] == s["id"] for s in stories for c in s["clusters"])
    table = runner.invoke(cli, ["stories", "--db", db])
    assert table.exit_code == 0 and "Kazeria" in table.output and "Osterby" in table.output


def test_incremental_linking_keeps_cluster_ids_and_joins_existing_ones(tmp_path):
    later = tmp_path / "later.jsonl"
    later.write_text(
        json.dumps(
            {
                "id_hint": "later",
                "title": "Kazeria under pressure",
                "outlet": "Lutania Today",
                "published": "2025-06-05",
                "text": "Kazeria under pressure\nA Lutanian minister said that Kazeria supplied components "
                "for the drones used in the 1 June attack.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "incremental.db") as store:
        ids = _ingest(store, ARTICLES, {"kestrel", "morava"})
        link_corpus(store)
        before = dict(
            store._conn.execute("SELECT statement_id || document_id, cluster_id FROM link_statements")
        )
        titles = {p.id: p.title for p in cluster_list(store, limit=100)}
        ids |= _ingest(store, ARTICLES, {"harbour"}) | _ingest(store, later)
        counts = link_corpus(store)
        assert counts["documents"] == 2
        after = dict(
            store._conn.execute("SELECT statement_id || document_id, cluster_id FROM link_statements")
        )
        assert {k: after[k] for k in before} == before
        assert {p.id: p.title for p in cluster_list(store, limit=100) if p.id in titles} == titles
        supplied = _cluster(store, ids["kestrel"], "Kazeria supplied")
        assert _cluster(store, ids["later"], "Kazeria supplied") == supplied
        rebuilt = link_corpus(store, rebuild=True)
        assert rebuilt["clusters"] == counts["clusters"]
        assert cluster_detail(store, supplied).size == 4


def test_clusters_linked_before_stories_still_join_and_list(tmp_path):
    """A store linked before migration 0006 has clusters without story or title until --rebuild."""
    with Store(tmp_path / "before.db") as store:
        ids = _ingest(store, ARTICLES, {"kestrel"})
        link_corpus(store)
        with store._conn:
            store._conn.execute("UPDATE link_clusters SET story_id = NULL, title = NULL, title_score = 0")
            store._conn.execute("DELETE FROM link_stories")
        ids |= _ingest(store, ARTICLES, {"morava"})
        assert link_corpus(store)["failures"] == []
        supplied = cluster_detail(store, _cluster(store, ids["kestrel"], "Kazeria supplied"))
        assert supplied.size == 3 and supplied.story_id is None
        assert supplied.title == "Kazeria supplied components for the drones used in the 1 June attack"
        assert [s.propositions for s in story_list(store)] == [3]  # the new document's own clusters
        link_corpus(store, rebuild=True)
        assert cluster_detail(store, supplied.id).story_id == story_list(store)[0].id


def test_a_fragment_is_titled_as_the_whole_statement():
    from hearsay.link.titles import as_clause, title_of

    assert title_of(as_clause("the shipyard over its use of the name", "Norvik Lines", "sued")) == (
        "Norvik Lines sued the shipyard over its use of the name"
    )
    assert as_clause("the port will stay closed", "the director", "said") == "the port will stay closed"
    timetable = "the new ferry timetable"
    assert as_clause(timetable, "the port authority", "according to") == timetable
