"""Correction forms on a real server: they work without JavaScript, refuse cross-site posts, mark results."""

from __future__ import annotations

import httpx

from hearsay.store import SQLiteStore
from hearsay.web.app import create_app

from .conftest import ServerThread


def test_a_form_correction_without_javascript_is_kept_and_marked(db_copy, main_article_id):
    with SQLiteStore(db_copy, read_only=True) as store:
        statement = store.reading(main_article_id).statements[0]
    with ServerThread(create_app(db_copy)) as server, httpx.Client(base_url=server.url) as http:
        path = f"/documents/{main_article_id}/statements/{statement.id}/correct"
        form = http.get(path)
        assert form.status_code == 200 and 'name="stance"' in form.text and "Reject" in form.text
        fields = {
            "stance": "question",
            "certainty": statement.certainty,
            "polarity": statement.polarity,
            "cue": f"{statement.cue.start}:{statement.cue.end}",
            "who": "ana",
            "action": "save",
        }
        cross_site = http.post(path, data=fields)  # another site's page cannot know the form's key
        assert cross_site.status_code == 403 and "load the form again" in cross_site.text
        key = form.text.split('name="form_key" value="')[1].split('"')[0]
        fields["form_key"] = key
        saved = http.post(path, data=fields)
        assert saved.status_code == 303 and saved.headers["location"].endswith(f"#statement-{statement.id}")
        page = http.get(f"/documents/{main_article_id}").text
        assert 'title="corrected: stance">' in page and "</span>corrected: stance</span>" in page
        listed = http.get("/api/v1/corrections").json()["items"]
        assert [(c["who"], c["after"]) for c in listed] == [("ana", {"stance": "question"})]
        nothing = http.post(path, data={**fields, "stance": "question"})
        assert nothing.status_code == 422 and "nothing changed" in nothing.text
        added = http.post(
            f"/documents/{main_article_id}/statements/new",
            data={"source": "0:5", "cue": "x", "content": "1:9", "form_key": key},
        )
        assert added.status_code == 422 and "START:END" in added.text  # the form comes back with why


def test_a_relation_decision_from_the_document_page_changes_the_evidence(db_copy, main_article_id):
    proposition = "The drones were launched from Kazakhstan"
    with ServerThread(create_app(db_copy)) as server, httpx.Client(base_url=server.url) as http:
        page = http.get(f"/documents/{main_article_id}", params={"proposition": proposition}).text
        assert 'class="relation-decision"' in page
        action = page.split('class="relation-decision" method="post" action="')[1].split('"')[0]
        statement_id = action.split("/statements/")[1].split("/")[0]
        key = page.split('name="form_key" value="')[1].split('"')[0]
        kept = http.post(
            action, data={"proposition": proposition, "relation": "unrelated", "form_key": key, "who": "ana"}
        )
        assert kept.status_code == 303
        found = http.get("/api/v1/evidence", params={"proposition": proposition}).json()
        ids = {
            (item["document_id"], item["statement_id"])
            for side in found["sides"].values()
            for item in side["items"]
        }
        assert (main_article_id, statement_id) not in ids
        listed = http.get("/api/v1/corrections").json()["items"]
        assert listed[-1]["action"] == "relation" and listed[-1]["after"]["relation"] == "unrelated"
