"""A run that founded every cluster counts their keys itself (``store/written_keys.py``); one that
did not, or that another process wrote beside, counts them in SQL: the links are the same."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from hearsay.link import link_corpus
from hearsay.store import Store
from hearsay.store.generation import BUMP
from hearsay.store.written_keys import WrittenKeys

from . import corpus
from .test_prepared_pages import link_tables

pytestmark = pytest.mark.sqlite_only  # (PostgreSQL forgets them at every page: no data_version)


def test_keys_counted_in_memory_link_as_keys_counted_in_sql(tmp_path) -> None:
    unlinked = tmp_path / "unlinked.db"
    with Store(unlinked) as store:
        corpus.ingest(store)
    shutil.copy(unlinked, tmp_path / "other.db")
    with Store(unlinked) as store:
        counted_here = link_corpus(store, page_size=2, prepare_aside=False)
        linked = link_tables(store)

    path = str(tmp_path / "other.db")
    commits = []

    def commit_beside(_count: int) -> None:  # another connection's commit: the run forgets its keys
        with sqlite3.connect(path) as other:
            other.execute(BUMP)
        commits.append(1)

    with Store(path) as store:
        counted_in_sql = link_corpus(store, page_size=2, prepare_aside=False, progress=commit_beside)
        assert link_tables(store) == linked
    assert len(commits) == 4
    assert (counted_here["clusters"], counted_here["documents"]) == (
        counted_in_sql["clusters"],
        counted_in_sql["documents"],
    )


def test_written_keys_are_written_once_and_counted() -> None:
    keys = WrittenKeys()
    keys.decide(store_has_clusters=False)
    keys.founded("c1")
    assert keys.new("c1", ["e:a", "w:port", "w:close"]) == ["e:a", "w:port", "w:close"]
    assert keys.new("c1", ["e:a", "e:b", "w:port"]) == ["e:b"]
    assert keys.complete()
    assert keys.counts(["c1", "c2"], ["e:a", "e:c", "w:port", "w:ship"]) == [(2, 1), (0, 0)]
    keys.forget()
    assert not keys.decided()
    keys.decide(store_has_clusters=True)
    assert not keys.complete()
    assert keys.new("c1", ["e:a"]) == ["e:a"]


def test_a_run_past_the_clusters_it_can_keep_counts_in_sql_and_links_the_same(tmp_path, monkeypatch) -> None:
    from hearsay.store import written_keys

    unlinked = tmp_path / "unlinked.db"
    with Store(unlinked) as store:
        corpus.ingest(store)
    shutil.copy(unlinked, tmp_path / "small.db")
    with Store(unlinked) as store:
        link_corpus(store, page_size=2, prepare_aside=False)
        linked = link_tables(store)
    monkeypatch.setattr(written_keys, "CLUSTERS_KEPT", 2)  # forgotten again and again, key rows written twice
    with Store(tmp_path / "small.db") as store:
        link_corpus(store, page_size=2, prepare_aside=False)
        assert link_tables(store) == linked


def test_written_keys_past_their_limit_are_forgotten_and_no_longer_complete(monkeypatch) -> None:
    from hearsay.store import written_keys

    monkeypatch.setattr(written_keys, "CLUSTERS_KEPT", 2)
    keys = WrittenKeys()
    keys.decide(store_has_clusters=False)
    for cluster in ("c1", "c2", "c3"):
        keys.new(cluster, ["w:port"])
    assert keys.complete()
    assert keys.new("c4", ["w:port"]) == ["w:port"]
    assert not keys.complete() and keys.decided()
    assert keys.new("c1", ["w:port"]) == ["w:port"]  # written again: the store keeps one row
