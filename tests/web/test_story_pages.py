"""Browsing story -> claims -> evidence: the stories page, a story's page and the stories API."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from hearsay.web import create_app

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(sample_location: Path | str):
    """The app over the sample corpus, on SQLite and on PostgreSQL."""
    with TestClient(create_app(sample_location), base_url=BASE) as test_client:
        yield test_client


def test_the_stories_api_lists_stories_and_a_story_its_propositions(client: TestClient):
    stories = client.get("/api/v1/stories").json()
    assert stories["items"], stories
    first = stories["items"][0]
    assert first["title"] and first["propositions"] >= 1
    detail = client.get(f"/api/v1/stories/{first['id']}").json()
    assert detail["story"]["id"] == first["id"]
    assert len(detail["propositions"]) == first["propositions"]
    assert all(p["story_id"] == first["id"] for p in detail["propositions"])
    assert client.get("/api/v1/stories/s-none").status_code == 404


def test_a_story_page_links_its_claims_and_each_claim_page_shows_the_sides(client: TestClient):
    listing = lxml.html.fromstring(client.get("/stories").text)
    links = listing.xpath("//table//a/@href")
    assert links and all(link.startswith("/stories/") for link in links)
    story = client.get(links[0])
    assert story.status_code == 200
    claims = lxml.html.fromstring(story.text).xpath("//table//a/@href")
    assert claims and all(link.startswith("/clusters/") for link in claims)
    claim = client.get(claims[0])
    assert claim.status_code == 200 and "supports" in claim.text.casefold()
    assert client.get("/stories/s-none").status_code == 404


def test_story_titles_are_escaped(client: TestClient):
    page = client.get("/stories").text
    assert "<script>" not in page.split("<main", 1)[-1] or "&lt;script&gt;" in page
