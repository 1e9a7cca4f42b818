"""The web app over PostgreSQL answers as it does over SQLite: the sample corpus in both, the same
answers about documents and statements (full-text search aside: its ranks and snippets are each
engine's own), and every linked page and list answering.

Linked answers are not compared item by item: linking truncates candidate lists (``LIMIT``) whose
ties have no total order, and the two engines break such ties differently, so a few links differ.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hearsay.link import link_corpus
from hearsay.store import SQLiteStore
from hearsay.web import create_app

BASE = "http://127.0.0.1"

QUERIES = (
    "/api/v1/documents?limit=50",
    "/api/v1/documents?limit=10&offset=40",
    "/api/v1/statements?limit=200",
    "/api/v1/statements?source=smadiyarov",
    "/api/v1/statements?about=kazakhstan&stance=deny",
    "/api/v1/statements?about=apple&limit=20&offset=5",
)
LINKED = (
    "/api/v1/entities?limit=100",
    "/api/v1/entities?q=smad",
    "/api/v1/clusters?limit=100",
    "/api/v1/stories?limit=100",
    "/api/v1/timeline?limit=100",
    "/api/v1/evidence?proposition=Kazakhstan+bought+drones",
)


@pytest.fixture(scope="module")
def both(sample_db: Path, postgres_server):
    """TestClients over the sample SQLite database and over a PostgreSQL copy of its readings."""
    url = postgres_server.database()
    with SQLiteStore(sample_db, read_only=True) as source, SQLiteStore(url) as target:
        for reading in source.iter_readings():
            assert reading.document is not None
            target.put(reading.document, reading)
        link_corpus(target)
    with (
        TestClient(create_app(sample_db), base_url=BASE) as sqlite,
        TestClient(create_app(url), base_url=BASE) as postgres,
    ):
        yield sqlite, postgres
    postgres_server.drop(url)


@pytest.mark.parametrize("query", QUERIES)
def test_postgres_app_answers_as_sqlite(both, query: str) -> None:
    sqlite, postgres = both
    expected, found = sqlite.get(query), postgres.get(query)
    assert found.status_code == expected.status_code == 200, found.text
    mine, theirs = _without_times(found.json()), _without_times(expected.json())
    assert mine == theirs, _first_difference(mine, theirs)


def test_postgres_app_linked_lists_pages_and_details_answer(both) -> None:
    sqlite, postgres = both
    for path in LINKED:
        found = postgres.get(path)
        assert found.status_code == 200, f"{path}: {found.text}"
        assert set(found.json()) == set(sqlite.get(path).json()), path
    cluster = postgres.get("/api/v1/clusters?limit=1").json()["items"][0]["id"]
    entity = postgres.get("/api/v1/entities?limit=1").json()["items"][0]["id"]
    for path in (
        f"/api/v1/clusters/{cluster}",
        f"/api/v1/clusters/{cluster}/provenance",
        f"/api/v1/clusters/{cluster}/evidence",
        f"/api/v1/entities/{entity}",
    ):
        assert postgres.get(path).status_code == 200, path
    pages = (
        "/",
        "/documents",
        "/entities",
        "/clusters",
        "/stories",
        "/search?q=drones",
        "/evidence?q=drones",
    )
    document = postgres.get("/api/v1/documents?limit=1").json()["items"][0]["id"]
    story = postgres.get("/api/v1/stories?limit=1").json()["items"][0]["id"]
    for page in (
        *pages,
        f"/entities/{entity}",
        f"/clusters/{cluster}",
        f"/documents/{document}",
        f"/stories/{story}",
    ):
        assert postgres.get(page).status_code == 200, page
    hits = postgres.get("/api/v1/documents?q=drones").json()
    assert hits["total"] > 0


def _without_times(value):
    """Answers with the moments of storing and linking left out (each copy has its own)."""
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k not in ("ingested_at", "linked_at")}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def _first_difference(mine, theirs, where: str = "") -> str:
    """Where two JSON answers first differ, and how (PostgreSQL's, then SQLite's)."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for key in sorted(set(mine) | set(theirs)):
            if mine.get(key) != theirs.get(key):
                return _first_difference(mine.get(key), theirs.get(key), f"{where}.{key}")
    if isinstance(mine, list) and isinstance(theirs, list) and len(mine) == len(theirs):
        for index, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{where}[{index}]")
    return f"{where}: {mine!r:.300} != {theirs!r:.300}"
