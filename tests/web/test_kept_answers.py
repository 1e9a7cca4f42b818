"""A claim page after a restart, from the evidence kept on disk, is the page computed before it."""

from __future__ import annotations

import shutil
import sqlite3

from starlette.testclient import TestClient

from hearsay.link import cluster_list, evidence_answers
from hearsay.link.remembered import _DATABASES
from hearsay.store import SQLiteStore
from hearsay.web import create_app, urls


def _page(path, url) -> str:
    with TestClient(create_app(path), base_url="http://127.0.0.1") as client:
        response = client.get(url)
        assert response.status_code == 200
        evidence_answers.flush()
        return response.text


def test_a_claim_page_from_kept_answers_is_the_page_computed(sample_db, tmp_path):
    path = tmp_path / "kept.db"
    shutil.copy(sample_db, path)
    with SQLiteStore(path, read_only=True) as store:
        cluster_id = cluster_list(store, limit=1)[0].id
    url = urls.cluster(cluster_id)
    computed = _page(path, url)
    with sqlite3.connect(f"{path}.answers") as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 1  # the claim's evidence
    _DATABASES.clear()  # a restart: nothing remembered in memory
    assert _page(path, url) == computed
