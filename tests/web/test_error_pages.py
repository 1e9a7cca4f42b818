"""Error pages tell a visitor what was not found and where to go on, never a server path or a code."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hearsay.web import create_app
from hearsay.web.visitor import without_paths

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(sample_db: Path):
    with TestClient(create_app(sample_db), base_url=BASE, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("path", "what", "way_on"),
    [
        ("/documents/ffffffffffff", "There is no document at this address", "/documents"),
        ("/entities/e-000000000000", "There is no entity at this address", "/entities"),
        ("/clusters/c-000000000000", "There is no claim at this address", "/clusters"),
        ("/stories/s-000000000000", "There is no story at this address", "/stories"),
        ("/no/such/page", "There is no page at this address", "/"),
    ],
)
def test_not_found_pages_say_what_and_offer_a_way_on(client, sample_db, path, what, way_on) -> None:
    response = client.get(path)
    assert response.status_code == 404
    body = response.text
    assert what in body
    assert f'href="{way_on}"' in body and 'role="search"' in body
    assert str(sample_db.parent) not in body and "[H2" not in body and "H200" not in body


def test_document_not_found_in_the_api_has_no_path_or_code(client, sample_db) -> None:
    answer = client.get("/api/v1/documents/ffffffffffff").json()["error"]
    assert "no stored document" in answer
    assert str(sample_db.parent) not in answer and "[H" not in answer


def test_bad_value_page_names_the_parameter_without_internals(client) -> None:
    response = client.get("/documents?offset=-1")
    assert response.status_code == 422
    assert "offset" in response.text and "Traceback" not in response.text


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("[H200] /srv/data/hearsay.db: no stored document", "no stored document"),
        ("cannot open C:\\data\\x.db now", "cannot open the server's file now"),
        ("no entity 'Kazakhstan'", "no entity 'Kazakhstan'"),
    ],
)
def test_without_paths_removes_paths_and_codes(message: str, shown: str) -> None:
    assert shown in without_paths(message)
    assert "/srv" not in without_paths(message) and "[H200]" not in without_paths(message)
