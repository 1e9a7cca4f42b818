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
        assert "✎ corrected" in page and "corrected by an analyst: stance" in page
        listed = http.get("/api/v1/corrections").json()["items"]
        assert [(c["who"], c["after"]) for c in listed] == [("ana", {"stance": "question"})]
        nothing = http.post(path, data={**fields, "stance": "question"})
        assert nothing.status_code == 422 and "nothing changed" in nothing.text
        added = http.post(
            f"/documents/{main_article_id}/statements/new",
            data={"source": "0:5", "cue": "x", "content": "1:9", "form_key": key},
        )
        assert added.status_code == 422 and "START:END" in added.text  # the form comes back with why
