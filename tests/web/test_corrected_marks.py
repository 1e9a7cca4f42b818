"""A corrected statement is marked on every page and in every API answer that lists it."""

from __future__ import annotations

import httpx
import pytest

from hearsay.web import urls
from hearsay.web.app import create_app

from .conftest import ServerThread

BADGE = 'title="corrected: certainty">'


@pytest.fixture()
def corrected_server(corrected_db):
    """A server over the store with one corrected statement (conftest.corrected_db)."""
    with ServerThread(create_app(corrected_db.path)) as server, httpx.Client(base_url=server.url) as http:
        yield http, corrected_db.cluster, corrected_db.item


def _marked(rows: list[dict], item: dict) -> list[list[str]]:
    key = (item["document_id"], item["statement_id"])
    return [row["corrected"] for row in rows if (row["document_id"], row["statement_id"]) == key]


def test_every_api_answer_that_lists_the_statement_marks_it(corrected_server):
    http, cluster, item = corrected_server
    rows = http.get("/api/v1/statements", params={"document": item["document_id"], "limit": 500}).json()
    assert _marked(rows["items"], item) == [["certainty"]]
    assert all(r["corrected"] == [] for r in rows["items"] if r["statement_id"] != item["statement_id"])
    reading = http.get(f"/api/v1/documents/{item['document_id']}").json()
    assert [s.get("corrected") for s in reading["statements"] if s["id"] == item["statement_id"]] == [
        ["certainty"]
    ]
    assert sum("corrected" in s for s in reading["statements"]) == 1
    members = http.get(f"/api/v1/clusters/{cluster}").json()["members"]
    evidence = http.get("/api/v1/evidence", params={"cluster": cluster}).json()["sides"]
    listed = [i for side in evidence.values() for i in side["items"]]
    entity = http.get(f"/api/v1/entities/{item['entity_id']}").json()
    timeline = http.get("/api/v1/timeline", params={"cluster": cluster, "limit": 500}).json()["items"]
    statements = [entry for entry in timeline if entry.get("statement_id")]
    for found in (members, listed, entity["said"]):
        assert _marked(found, item) == [["certainty"]]
    assert _marked(statements, item) in ([["certainty"]], [])  # listed when the statement is dated


def test_claim_evidence_entity_and_search_pages_show_the_badge(corrected_server):
    http, cluster, item = corrected_server
    claim = http.get(urls.cluster(cluster)).text
    evidence, provenance = claim.split('aria-labelledby="provenance-title"')
    assert evidence.count(BADGE) == 1 and "</span>corrected: certainty</span>" in evidence
    assert (
        provenance.split('<ul class="links">')[1].split("</ul>")[0].count(BADGE) == 1
    )  # its provenance link
    entity = http.get(urls.entity(item["entity_id"])).text
    assert entity.count(BADGE) == 1
    found = http.get("/search", params={"source": item["source"] or "", "q": item["cue"]}).text
    assert BADGE in found
    document = http.get(urls.document(item["document_id"], cluster=cluster)).text
    assert document.count(BADGE) == 1
    form = http.get(f"/documents/{item['document_id']}/statements/{item['statement_id']}/correct").text
    assert "Already decided by an analyst" in form and BADGE in form
    proposition = http.get("/api/v1/clusters/" + cluster).json()["representative"]
    assert BADGE in http.get(urls.evidence(proposition)).text
