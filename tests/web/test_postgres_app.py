"""The web app over PostgreSQL answers as it does over SQLite: the sample corpus in both, the same
answers about documents and statements (full-text search aside: its ranks and snippets are each
engine's own), the same linked lists, pages and evidence, and every HTML page answering.

Linking breaks every tie by an id and orders NULL dates as SQLite does, so the sample corpus
linked on each backend gives the same entities, clusters, stories and evidence (issue 17).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

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
def both(sample_db: Path, sample_pg: str, postgres_server):
    """TestClients over the sample SQLite database and over its readings stored and linked in
    PostgreSQL (a copy of ``sample_pg``)."""
    url = postgres_server.copy(sample_pg)
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


@pytest.mark.parametrize("query", LINKED)
def test_postgres_app_linked_answers_as_sqlite(both, query: str) -> None:
    sqlite, postgres = both
    expected, found = sqlite.get(query), postgres.get(query)
    assert found.status_code == expected.status_code == 200, found.text
    mine, theirs = _without_times(found.json()), _without_times(expected.json())
    assert mine == theirs, _first_difference(mine, theirs)


def test_postgres_app_linked_lists_pages_and_details_answer(both) -> None:
    sqlite, postgres = both
    cluster = postgres.get("/api/v1/clusters?limit=1").json()["items"][0]["id"]
    entity = postgres.get("/api/v1/entities?limit=1").json()["items"][0]["id"]
    for path in (
        f"/api/v1/clusters/{cluster}",
        f"/api/v1/clusters/{cluster}/provenance",
        f"/api/v1/clusters/{cluster}/evidence",
        f"/api/v1/entities/{entity}",
    ):
        found = postgres.get(path)
        assert found.status_code == 200, path
        mine, theirs = _without_times(found.json()), _without_times(sqlite.get(path).json())
        assert mine == theirs, _first_difference(mine, theirs, path)
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
