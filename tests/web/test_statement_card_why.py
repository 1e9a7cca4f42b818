"""Statement cards on the document page: the rules that made each one are its tooltip; the medium shows."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from hearsay.web import create_app
from hearsay.web.urls import document


def test_statement_card_tooltip_names_the_rules_and_shows_the_medium(sample_db: Path, main_article_id: str):
    with TestClient(create_app(sample_db), base_url="http://127.0.0.1") as client:
        page = client.get(document(main_article_id)).text
    assert 'title="why: cue.verb · content.' in page
    assert '<span class="via">via a statement</span>' in page
