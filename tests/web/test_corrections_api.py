"""Corrections through the HTTP API of a real server: writes need the write header, bad ones say why."""

from __future__ import annotations

import httpx

from hearsay.store import SQLiteStore
from hearsay.web.app import create_app

from .conftest import ServerThread

WRITE = {"X-Hearsay-Write": "1", "X-Hearsay-User": "ana"}


def _first_statement(db, document_id):
    with SQLiteStore(db, read_only=True) as store:
        return store.reading(document_id).statements[0]


def test_change_reject_add_and_list_over_http(writable_location, main_article_id):
    statement = _first_statement(writable_location, main_article_id)
    with ServerThread(create_app(writable_location)) as server, httpx.Client(base_url=server.url) as http:
        base = f"/api/v1/documents/{main_article_id}/statements"
        refused = http.post(f"{base}/{statement.id}/corrections", json={"stance": "question"})
        assert refused.status_code == 403
        changed = http.post(f"{base}/{statement.id}/corrections", json={"stance": "question"}, headers=WRITE)
        assert changed.status_code == 200, changed.text
        assert changed.json()["who"] == "ana" and changed.json()["after"] == {"stance": "question"}
        unknown = http.post(f"{base}/s999/rejection", json={}, headers=WRITE)
        assert unknown.status_code == 422 and "no statement 's999'" in unknown.json()["error"]
        bad = http.post(f"{base}/{statement.id}/corrections", json={"stance": "maybe"}, headers=WRITE)
        assert bad.status_code == 422
        rejected = http.post(f"{base}/{statement.id}/rejection", json={"note": "not speech"}, headers=WRITE)
        assert rejected.status_code == 200 and rejected.json()["action"] == "reject"
        cue = statement.cue
        added = http.post(
            base,
            json={
                "source": statement.source.text or "0:5",
                "cue": f"{cue.start}:{cue.end}",
                "content": f"{statement.content.start}:{statement.content.end}",
                "stance": "deny",
            },
            headers=WRITE,
        )
        assert added.status_code == 200, added.text
        listed = http.get("/api/v1/corrections", params={"document": main_article_id}).json()
        assert [c["action"] for c in listed["items"]] == ["change", "reject", "add"] and listed["total"] == 3
        reading = http.get(f"/api/v1/documents/{main_article_id}").json()
        back = next(s for s in reading["statements"] if s["cue"]["start"] == cue.start)
        assert back["stance"] == "deny"
