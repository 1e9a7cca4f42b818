"""The HTTP API against the real sample database: shapes, filters, pagination, errors, writes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from hearsay.web import create_app, urls
from hearsay.web import entities as entity_views

from .conftest import DATA

BASE = "http://127.0.0.1"
WRITE = {"X-Hearsay-Write": "1"}


@pytest.fixture(scope="module")
def client(sample_location: Path | str):
    """The app over the sample corpus, on SQLite and on PostgreSQL."""
    with TestClient(create_app(sample_location), base_url=BASE) as test_client:
        yield test_client


@pytest.fixture
def writable(writable_location: Path | str):
    with TestClient(create_app(writable_location), base_url=BASE) as test_client:
        yield test_client


def test_api_documents_page_with_total_and_next(client: TestClient) -> None:
    first = client.get("/api/v1/documents", params={"limit": 10}).json()
    assert first["total"] >= 92 and len(first["items"]) == 10 and first["offset"] == 0
    assert first["next"].startswith("/api/v1/documents?") and "offset=10" in first["next"]
    second = client.get(first["next"]).json()
    assert {d["id"] for d in first["items"]}.isdisjoint(d["id"] for d in second["items"])
    last = client.get("/api/v1/documents", params={"limit": 10, "offset": first["total"] - 1}).json()
    assert len(last["items"]) == 1 and last["next"] is None


def test_api_document_search_finds_the_main_article(client: TestClient, main_article_id: str) -> None:
    found = client.get("/api/v1/documents", params={"q": "Smadiyarov drones"}).json()
    assert [d["id"] for d in found["items"]] == [main_article_id]
    assert "[" in found["items"][0]["snippet"]


def test_api_reading_follows_the_reading_schema(client: TestClient, main_article_id: str) -> None:
    schema = json.loads(resources.files("hearsay").joinpath("schema/reading-v2.json").read_text())
    reading = client.get(f"/api/v1/documents/{main_article_id[:10]}").json()
    jsonschema.validate(reading, schema)
    assert reading["document_id"] == main_article_id and len(reading["statements"]) >= 15
    text = reading["document"]["text"]
    assert all(text[s["cue"]["start"] : s["cue"]["end"]] == s["cue"]["text"] for s in reading["statements"])


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"source": "Smadiyarov"}, lambda r: "Smadiyarov" in (r["source"] or "")),
        ({"stance": "deny"}, lambda r: r["stance"] == "deny"),
        ({"certainty": "possible"}, lambda r: r["certainty"] == "possible"),
        ({"about": "Kazakhstan"}, lambda r: True),
        ({"outlet": "wikinews"}, lambda r: r["outlet"] == "Wikinews"),
        (
            {"published_from": "2007-01-01", "published_to": "2007-12-31"},
            lambda r: r["published"][:4] == "2007",
        ),
        ({"q": "drone"}, lambda r: "drone" in (r["content"] + r["cue"] + (r["source"] or "")).lower()),
    ],
)
def test_api_statement_filters(client: TestClient, params: dict, check) -> None:
    answer = client.get("/api/v1/statements", params={**params, "limit": 500}).json()
    assert len(answer["items"]) == min(answer["total"], 500) > 0
    assert all(check(row) for row in answer["items"])


def test_api_statements_of_one_document(client: TestClient, main_article_id: str) -> None:
    answer = client.get("/api/v1/statements", params={"document": main_article_id[:8]}).json()
    assert answer["total"] >= 15 and {r["document_id"] for r in answer["items"]} == {main_article_id}


def test_api_entities_and_one_entity(client: TestClient) -> None:
    listed = client.get("/api/v1/entities", params={"q": "smadiyarov"}).json()
    person = next(e for e in listed["items"] if e["type"] == "PERSON")
    detail = client.get(f"/api/v1/entities/{person['id']}").json()
    assert detail["name"] == person["name"]
    assert any("spokesperson" in role["text"] for role in detail["roles"])
    assert detail["said"] and all(s["stance"] for s in detail["said"])


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/documents/ffffffffffff", 404),
        ("/api/v1/entities/PERSON:Nobody%20At%20All", 404),
        ("/api/v1/nothing-here", 404),
        ("/api/v1/statements?limit=0", 422),
        ("/api/v1/statements?stance=shout", 422),
        ("/api/v1/statements?published_from=yesterday", 422),
        ("/api/v1/documents?offset=-1", 422),
    ],
)
def test_api_errors_are_json_with_a_message(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"] and "Traceback" not in body["error"]


def test_api_sends_security_headers_and_refuses_other_hosts(client: TestClient) -> None:
    headers = client.get("/api/v1/documents").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/v1/documents", headers={"host": "evil.example"}).status_code == 400


def test_api_upload_needs_the_write_header(writable: TestClient) -> None:
    files = {"files": ("note.txt", (DATA / "web" / "upload-note.txt").read_bytes(), "text/plain")}
    response = writable.post("/api/v1/documents", files=files)
    assert response.status_code == 403 and "X-Hearsay-Write" in response.json()["error"]


@pytest.mark.parametrize(
    "name",
    [
        "web/upload-note.txt",
        "good/article.html",
        "good/three.jsonl",
        "good/feed.rss",
        "good/feed.atom",
        "good/telegram.json",
    ],
)
def test_api_upload_ingests_every_format(writable: TestClient, name: str) -> None:
    path = DATA / name
    before = writable.get("/api/v1/documents").json()["total"]
    response = writable.post(
        "/api/v1/documents", files={"files": (path.name, path.read_bytes())}, headers=WRITE
    )
    assert response.status_code == 200, response.text
    stored = response.json()["documents"]
    assert stored and all(d["new"] for d in stored)
    assert all(d["source_path"].startswith(f"upload:{path.name}") for d in stored)
    assert writable.get("/api/v1/documents").json()["total"] == before + len(stored)
    reading = writable.get(f"/api/v1/documents/{stored[0]['id']}").json()
    assert reading["document_id"] == stored[0]["id"]
    again = writable.post("/api/v1/documents", files={"files": (path.name, path.read_bytes())}, headers=WRITE)
    assert [d["new"] for d in again.json()["documents"]] == [False] * len(stored)


def test_api_upload_of_a_bad_file_is_a_one_line_error(writable: TestClient) -> None:
    path = DATA / "bad" / "binary.bin"
    response = writable.post(
        "/api/v1/documents", files={"files": (path.name, path.read_bytes())}, headers=WRITE
    )
    assert response.status_code == 422
    message = response.json()["error"]
    assert "upload:binary.bin" in message and "/tmp" not in message and "\n" not in message


def test_api_token_guards_writes(writable_location: Path | str) -> None:
    app = create_app(writable_location, host="0.0.0.0", token="s3cret", allowed_hosts=["127.0.0.1"])
    files = {"files": ("note.txt", (DATA / "web" / "upload-note.txt").read_bytes())}
    with TestClient(app, base_url=BASE) as client:
        assert client.post("/api/v1/documents", files=files, headers=WRITE).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert client.post("/api/v1/documents", files=files, headers=wrong).status_code == 401
        right = {"Authorization": "Bearer s3cret"}
        assert client.post("/api/v1/documents", files=files, headers=right).status_code == 200
        assert client.get("/api/v1/documents").status_code == 200  # reads need no token


def test_api_off_loopback_without_token_refuses_writes(db_copy: Path) -> None:
    app = create_app(db_copy, host="0.0.0.0", allowed_hosts=["127.0.0.1"])
    files = {"files": ("note.txt", b"The mayor said the bridge would reopen.")}
    with TestClient(app, base_url=BASE) as client:
        response = client.post("/api/v1/documents", files=files, headers=WRITE)
    assert response.status_code == 403 and "--token" in response.json()["error"]


def test_api_reads_use_read_only_connections(client: TestClient) -> None:
    state = client.app.state.hearsay
    assert state.db.reader().read_only


def test_api_linked_views_of_the_sample_question(client: TestClient, main_article_id: str) -> None:
    rows = client.get("/api/v1/statements", params={"document": main_article_id, "source": "TASS"}).json()
    row = next(r for r in rows["items"] if r["stance"] == "question")
    reading = client.get(f"/api/v1/documents/{main_article_id}").json()
    assert reading["document_id"] == main_article_id
    clusters = client.get("/api/v1/clusters", params={"limit": 5}).json()
    assert clusters["items"] and clusters["items"][0]["size"] >= clusters["items"][-1]["size"]
    evidence = client.get("/api/v1/evidence", params={"proposition": row["content"]}).json()
    questioned = [i["source"] for i in evidence["sides"]["discusses"]["items"] if i["stance"] == "question"]
    assert "TASS" in questioned and "Ulys-Media" in questioned
    cluster_id = evidence["clusters"][0]
    provenance = client.get(f"/api/v1/clusters/{cluster_id}/provenance").json()
    assert {n["kind"] for n in provenance["nodes"]} >= {"document"}
    timeline = client.get("/api/v1/timeline", params={"cluster": cluster_id}).json()
    assert timeline["items"] and all(e["document_id"] for e in timeline["items"])
    assert client.get("/api/v1/clusters/c-000000000000").status_code == 404


def test_api_entity_merge_and_split(writable_location: Path | str) -> None:
    with TestClient(create_app(writable_location), base_url=BASE) as client:
        duatbaev = client.get("/api/v1/entities", params={"q": "Duatbaev"}).json()["items"][0]
        koltochnik = client.get("/api/v1/entities", params={"q": "Koltochnik"}).json()["items"][0]
        refused = client.post(f"/api/v1/entities/{duatbaev['id']}/merge", json={"other": koltochnik["id"]})
        assert refused.status_code == 403
        merged = client.post(
            f"/api/v1/entities/{duatbaev['id']}/merge", json={"other": koltochnik["id"]}, headers=WRITE
        )
        assert merged.status_code == 200, merged.text
        detail = client.get(f"/api/v1/entities/{duatbaev['id']}").json()
        assert "Vitaly Koltochnik" in detail["variants"]
        split = client.post(
            f"/api/v1/entities/{duatbaev['id']}/split", json={"names": ["Vitaly Koltochnik"]}, headers=WRITE
        )
        assert split.status_code == 200, split.text
        assert "Vitaly Koltochnik" not in client.get(f"/api/v1/entities/{duatbaev['id']}").json()["variants"]
        again = client.post(
            f"/api/v1/entities/{duatbaev['id']}/merge", json={"other": duatbaev["id"]}, headers=WRITE
        )
        assert again.status_code == 422 and "already one entity" in again.json()["error"]


def _windows(client: TestClient, path: str, limit: int) -> list[dict]:
    """Every window of an entity, following ``next`` from the first."""
    found, url = [], f"{path}?limit={limit}"
    while url is not None:
        answer = client.get(url).json()
        assert answer["limit"] == limit and len(found) < 100
        found.append(answer)
        url = answer["next"]
    return found


@pytest.mark.parametrize("linked", [True, False])
def test_api_entity_lists_come_in_windows_with_totals(client: TestClient, linked: bool) -> None:
    busiest = client.get("/api/v1/entities", params={"limit": 1}).json()["items"][0]
    key = busiest["id"] if linked else urls.entity_key(busiest["name"], busiest["type"])
    whole = client.get(f"/api/v1/entities/{key}", params={"limit": 500}).json()
    assert whole["next"] is None and whole["documents_count"] == len(whole["documents"]) >= 3
    windows = _windows(client, f"/api/v1/entities/{key}", 2)
    assert len(windows) >= 2 and windows[-1]["next"] is None
    for name in ("said", "said_about", "documents"):
        assert all(len(w[name]) <= 2 and w[f"{name}_count"] == whole[f"{name}_count"] for w in windows)
        joined = [item for w in windows for item in w[name]]
        assert joined == whole[name] and len(joined) == whole[f"{name}_count"]
    assert [w["offset"] for w in windows] == list(range(0, 2 * len(windows), 2))
    for role in whole["roles"]:
        assert len(role["documents"]) <= entity_views.ROLE_DOCUMENTS <= role["document_count"] or (
            len(role["documents"]) == role["document_count"]
        )
