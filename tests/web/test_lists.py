"""No page grows without bound: every list shows its count first and one page (or folds the rest)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hearsay.web import create_app, urls

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(sample_location: Path | str):
    """The app over the sample corpus, on SQLite and on PostgreSQL."""
    with TestClient(create_app(sample_location), base_url=BASE) as test_client:
        yield test_client


def pagers(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", p) for p in re.findall(r'<nav class="pager".*?</nav>', html, re.S)]


def test_entities_pager_counts_every_entity(client, sample_db) -> None:
    with sqlite3.connect(sample_db) as conn:
        total = conn.execute("SELECT count(*) FROM link_entities").fetchone()[0]
    assert total > 50
    assert f"1–25 of {total}" in pagers(client.get("/entities").text)[0]
    assert client.get("/api/v1/entities", params={"limit": 5}).json()["total"] == total
    with sqlite3.connect(sample_db) as conn:
        people = conn.execute("SELECT count(*) FROM link_entities WHERE type = 'PERSON'").fetchone()[0]
    assert client.get("/api/v1/entities", params={"type": "person", "limit": 1}).json()["total"] == people


def test_entity_page_shows_counts_then_one_page_of_each_list(client) -> None:
    busiest = client.get("/api/v1/entities", params={"limit": 1}).json()["items"][0]
    html = client.get(urls.entity(busiest["id"])).text
    said = int(re.search(r'id="said-title">.*?<span class="count">(\d+)', html).group(1))
    assert said > 10
    assert html.count('<li class="statement') <= 20  # ten said, ten said about
    assert f"1–10 of {said}" in " ".join(pagers(html))
    second = client.get(urls.entity(busiest["id"]), params={"said_page": 2}).text
    assert f"11–{min(20, said)} of {said}" in " ".join(pagers(second))
    beyond = client.get(urls.entity(busiest["id"]), params={"said_page": 999}).text
    assert "← Previous" in beyond  # clamped to the last page, not an empty one


def test_search_shows_more_documents(client) -> None:
    html = client.get("/search", params={"q": "the"}).text
    assert 'class="more"' in html and "documents_offset=10" in html
    following = client.get("/search", params={"q": "the", "documents_offset": 10}).text
    assert "11–20 of" in " ".join(pagers(following))


def test_document_page_folds_long_lists_behind_their_counts(client) -> None:
    documents = client.get("/api/v1/documents", params={"limit": 100}).json()["items"]
    longest = max(
        documents,
        key=lambda d: client.get("/api/v1/statements", params={"document": d["id"], "limit": 1}).json()[
            "total"
        ],
    )
    html = client.get(urls.document(longest["id"])).text
    count = int(re.search(r'id="statements-title"[^>]*>Statements <span class="count">(\d+)', html).group(1))
    cards = html.count('<li id="statement-')
    assert cards == count
    if count > 20:
        assert f"{count - 20} more statements</summary>" in html


def test_stories_and_claims_pagers_have_true_totals(client, sample_db) -> None:
    with sqlite3.connect(sample_db) as conn:
        stories = conn.execute("SELECT count(*) FROM link_stories").fetchone()[0]
        clusters = conn.execute("SELECT count(*) FROM link_clusters").fetchone()[0]
    assert f"of {stories}" in pagers(client.get("/stories").text)[0]
    assert f"of {clusters}" in pagers(client.get("/clusters").text)[0]
    story = client.get("/api/v1/stories", params={"limit": 1}).json()["items"][0]
    assert client.get(urls.story(story["id"])).status_code == 200


def test_entity_timeline_is_drawn_on_request(client) -> None:
    busiest = client.get("/api/v1/entities", params={"limit": 1}).json()["items"][0]
    plain = client.get(urls.entity(busiest["id"])).text
    assert "Show the timeline" in plain and 'class="timeline"' not in plain
    drawn = client.get(urls.entity(busiest["id"]), params={"timeline": 1}).text
    assert 'class="timeline"' in drawn
