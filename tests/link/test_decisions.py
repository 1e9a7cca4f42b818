"""Incremental linking and the user's merges and splits, which survive re-linking."""

from __future__ import annotations

import json

import pytest

from hearsay.errors import ConfigError
from hearsay.link import entity_detail, entity_for_mention, link_corpus, merge, split
from hearsay.store import Store

from . import corpus


def _lines(path, wanted):
    lines = [
        line
        for line in corpus.ARTICLES.read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id_hint"] in wanted
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def partial(tmp_path, new_database):
    """A store with four of the seven articles linked, and the other three in a file."""
    first = _lines(tmp_path / "first.jsonl", {"herald", "times", "wire", "sport"})
    rest = _lines(tmp_path / "rest.jsonl", {"post", "observer", "gazette"})
    with Store(new_database("partial.db")) as store:
        ids = corpus.ingest(store, first)
        link_corpus(store)
        yield store, ids, rest


def test_decisions_adding_documents_links_only_them(partial):
    store, ids, rest = partial
    before = store._conn.execute("SELECT document_id, linked_at FROM link_documents").fetchall()
    assert link_corpus(store)["documents"] == 0  # nothing new: nothing done
    ids.update(corpus.ingest(store, rest))
    counts = link_corpus(store)
    assert counts["documents"] == 3 and counts["already"] == 4
    after = dict(store._conn.execute("SELECT document_id, linked_at FROM link_documents").fetchall())
    assert all(after[d] == t for d, t in before)  # earlier documents were not relinked
    found = corpus.entity_assignments(store, ids)
    assert found[("observer", "Дмитрий Алексеев")] == found[("herald", "Dmitry Alekseyev")]
    dup = store._conn.execute(
        "SELECT duplicate_of FROM link_documents WHERE document_id = ?", (ids["post"],)
    ).fetchone()[0]
    assert dup == ids["wire"]


def test_decisions_incremental_equals_a_rebuild(partial):
    store, ids, rest = partial
    ids.update(corpus.ingest(store, rest))
    link_corpus(store)
    incremental = corpus.cluster_assignments(store, ids), corpus.entity_assignments(store, ids)
    counts = link_corpus(store, rebuild=True)
    assert counts["documents"] == 7 and counts["embedded"] == 0  # vectors are cached, never recomputed
    rebuilt = corpus.cluster_assignments(store, ids), corpus.entity_assignments(store, ids)
    assert rebuilt == incremental


def test_decisions_split_and_merge_survive_a_rebuild(partial):
    store, ids, _rest = partial
    result = split(store, "Dmitry Alekseyev", ["D. Alekseev"])
    assert result["names"] == ["D. Alekseev"]
    merged = merge(store, "Oskar Lind", "Maria Olsen")
    assert merged["name"] == "Oskar Lind"
    link_corpus(store, rebuild=True)
    found = {name: entity_for_mention(store, ids[hint], local) for hint, local, name in _locals(store, ids)}
    assert found["D. Alekseev"] != found["Dmitry Alekseyev"]
    assert found["Dmitri Alekseev"] == found["Dmitry Alekseyev"]
    assert found["Maria Olsen"] == found["Oskar Lind"]
    assert "Maria Olsen" in entity_detail(store, "Oskar Lind")["variants"]


def _locals(store, ids):
    wanted = {"D. Alekseev", "Dmitry Alekseyev", "Dmitri Alekseev", "Maria Olsen", "Oskar Lind"}
    for hint, document_id in ids.items():
        for row in store._conn.execute("SELECT id, name FROM entities WHERE document_id = ?", (document_id,)):
            if row[1] in wanted:
                yield hint, row[0], row[1]


def test_decisions_refuse_unknown_names_and_self_merges(partial):
    store, _ids, _rest = partial
    with pytest.raises(ConfigError, match="no linked entity"):
        merge(store, "Oskar Lind", "Nobody Atall")
    with pytest.raises(ConfigError, match="already one entity"):
        merge(store, "Oskar Lind", "Lind")
    with pytest.raises(ConfigError, match="no member called"):
        split(store, "Oskar Lind", ["Somebody Else"])
    assert store._conn.execute("SELECT count(*) FROM link_decisions").fetchone()[0] == 0


def test_decisions_a_reading_that_cannot_be_linked_fails_alone(new_database):
    from hearsay.model import Document, Reading, Source, Span, Statement

    def stored(text: str, source: Source) -> tuple[Document, Reading]:
        document = Document(id=text[:8].ljust(64, "0"), text=text)
        cue = text.index("said")
        statement = Statement(
            id="s1",
            source=source,
            cue=Span(cue, cue + 4, "said"),
            content=Span(cue + 5, len(text), text[cue + 5 :]),
            kind="indirect",
        )
        return document, Reading(document_id=document.id, statements=(statement,))

    good = stored("Officials said the bridge at Kalosk would reopen.", Source(None, "Officials", 0, 9))
    # A source span with a start and no end: not something extraction writes, but stored data may hold it.
    broken = stored(
        "Brokenly said the bridge at Kalosk would reopen, citing engineers.",
        Source(None, "Brokenly", 0, None),
    )
    with Store(new_database("broken.db")) as store:
        for document, reading in (good, broken):
            store.put(document, reading)
        counts = link_corpus(store)
        assert counts["documents"] == 1 and len(counts["failures"]) == 1
        assert broken[0].id in counts["failures"][0]
        assert store._conn.execute("SELECT count(*) FROM link_statements").fetchone()[0] == 1
        assert link_corpus(store)["failures"]  # retried, and still refused alone


def test_decisions_a_rebuild_reports_a_decision_that_finds_no_entity(partial):
    from click.testing import CliRunner

    from hearsay.cli import cli
    from hearsay.store.links import LinkTables

    store, _ids, _rest = partial
    merge(store, "Oskar Lind", "Maria Olsen", who="Ana")
    tables = LinkTables(store)
    with tables.transaction():
        tables.add_decision("merge", "person", "vera nobody", "ivo nobody", "Bo")
    counts = link_corpus(store, rebuild=True)
    assert [(d["action"], d["name"], d["other"], d["who"]) for d in counts["unmatched_decisions"]] == [
        ("merge", "vera nobody", "ivo nobody", "Bo")
    ]
    assert "Maria Olsen" in entity_detail(store, "Oskar Lind")["variants"]  # the other still applies
    assert store._conn.execute("SELECT count(*) FROM link_decisions").fetchone()[0] == 2  # kept
    assert link_corpus(store)["unmatched_decisions"] == []  # only a rebuild replays decisions
    database = getattr(store, "_url", store.path)  # a PostgreSQL URL unmasked
    shown = CliRunner().invoke(cli, ["link", "--rebuild", "--db", database])
    assert shown.exit_code == 0, shown.output
    assert "merge of “ivo nobody” into “vera nobody” by Bo on" in shown.output
    assert "no linked entity has that name now" in shown.output
