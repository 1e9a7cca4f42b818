"""A server started with ``warm`` (``hearsay serve``) loads the evidence view's models and summarises the
claims of a store linked before the summaries were kept, before it answers."""

from __future__ import annotations

import shutil

from starlette.testclient import TestClient

from hearsay.link.embeddings import _load_embedder
from hearsay.link.queries import _cluster_list
from hearsay.relation.frame import _frame, frame
from hearsay.store import SQLiteStore
from hearsay.web import create_app


def _stored(path) -> int:
    with SQLiteStore(path, read_only=True) as store:
        return int(store._conn.execute("SELECT count(*) FROM link_cluster_summaries").fetchone()[0])


def test_a_warm_start_loads_the_models_and_fills_the_missing_summaries(sample_db, tmp_path):
    path = tmp_path / "older.db"
    shutil.copy(sample_db, path)
    with SQLiteStore(path) as store:
        expected = [p.to_dict() for p in _cluster_list(store, None, None, -1, 0)]
        store._conn.execute("DELETE FROM link_cluster_summaries")  # as after an upgrade to 0011
    assert expected and _stored(path) == 0
    with TestClient(create_app(path, warm=True), base_url="http://127.0.0.1") as client:
        assert _load_embedder.cache_info().currsize == 1
        assert _stored(path) == len(expected)
        assert client.get("/clusters").status_code == 200
        assert client.get("/api/v1/clusters?limit=20").json()["items"] == expected[:20]


def test_a_warm_start_frames_the_newest_stored_contents(sample_db):
    with SQLiteStore(sample_db, read_only=True) as store:
        contents = [r[0] for r in store._conn.execute("SELECT content_text FROM statements LIMIT 20")]
    _frame.cache_clear()
    with TestClient(create_app(sample_db, warm=True), base_url="http://127.0.0.1"):
        hits = _frame.cache_info().hits
        for text in contents:
            frame(text)
        # every content the first evidence question would relate is framed already
        assert _frame.cache_info().hits == hits + len(contents)
