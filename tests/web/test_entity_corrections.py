"""Entity pages say why names are one entity, and split or merge them with plain forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hearsay.link.why import explain
from hearsay.web import create_app, urls

BASE = "http://127.0.0.1"


@pytest.fixture
def writable(db_copy: Path):
    with TestClient(create_app(db_copy), base_url=BASE) as client:
        yield client


def entity_id(client: TestClient, name: str) -> str:
    return client.get("/api/v1/entities", params={"q": name, "limit": 1}).json()["items"][0]["id"]


def form_key(client: TestClient, entity: str) -> str:
    """The key the entity page's correction forms carry."""
    return client.get(urls.entity(entity)).text.split('name="form_key" value="')[1].split('"')[0]


def test_entity_page_says_why_its_names_are_one(writable) -> None:
    html = writable.get(urls.entity(entity_id(writable, "U.S."))).text
    assert "Why these names are one entity" in html
    assert "the same name in another spelling" in html and "once spelling variants are folded" in html
    smadiyarov = writable.get(urls.entity(entity_id(writable, "Smadiyarov"))).text
    assert "written so in the same article" in smadiyarov and "also “Smadiryarov”" in smadiyarov


@pytest.mark.parametrize(
    ("name", "type_", "main", "main_type", "rule", "words"),
    [
        ("Tokaev", "PERSON", "Tokayev", "PERSON", "spelling", "spelling variants are folded"),
        (
            "A. Smadiyarov",
            "PERSON",
            "Aybek Smadiyarov",
            "PERSON",
            "person",
            "given names “a” and “aibek” agree",
        ),
        ("Smadiryarov", "PERSON", "Aybek Smadiyarov", "PERSON", "surname alone", "% alike"),
        ("Teixeira", "ORG", "Jack Teixeira", "PERSON", "surname alone", "tagged ORG by the model"),
        ("Georgia Mills", "GPE", "Georgia Mills", "PERSON", "across types", "several words"),
        ("Interfaxx Agency", "ORG", "Interfax Agency", "ORG", "near name", "% alike"),
    ],
)
def test_explain_names_the_resolver_rule(name, type_, main, main_type, rule, words) -> None:
    found, evidence = explain(name, type_, main, main_type, [main, name], {})
    assert found == rule and words in evidence


def test_split_and_merge_forms_work_without_script(writable) -> None:
    us = entity_id(writable, "Timothy D. Cook")
    page = writable.get(urls.entity(us)).text
    assert f'action="{urls.entity(us)}/split"' in page and 'name="names" value="Tim Cook"' in page
    refused = writable.post(f"{urls.entity(us)}/split", data={"names": ["Tim Cook"]})
    assert refused.status_code == 403  # no sign that the form came from this server's page
    same_origin = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
    assert (
        writable.post(
            f"{urls.entity(us)}/split", data={"names": ["Tim Cook"]}, headers=same_origin
        ).status_code
        == 403
    )
    key = form_key(writable, us)
    other_entity = entity_id(writable, "Kazakhstan")
    stolen = writable.post(f"{urls.entity(other_entity)}/merge", data={"other": "U.S.", "form_key": key})
    assert stolen.status_code == 403  # a key is good for its own entity's forms only
    done = writable.post(
        f"{urls.entity(us)}/split",
        data={"names": ["Tim Cook"], "form_key": key},
        follow_redirects=False,
    )
    assert done.status_code == 303 and "done=split" in done.headers["location"]
    after = writable.get(done.headers["location"]).text
    assert "Split: the names you chose" in after
    split_off = done.headers["location"].split("split_off=")[1].split("#")[0]
    assert "Tim Cook" not in writable.get(f"/api/v1/entities/{us}").json()["variants"]
    merged = writable.post(
        f"{urls.entity(us)}/merge", data={"other": split_off, "form_key": key}, follow_redirects=False
    )
    assert merged.status_code == 303
    assert "Tim Cook" in writable.get(f"/api/v1/entities/{us}").json()["variants"]
    merge_row = writable.get(urls.entity(us)).text
    assert "merged by a user" in merge_row


def test_forms_need_the_token_when_the_server_has_one(db_copy: Path) -> None:
    with TestClient(create_app(db_copy, token="s3cret"), base_url=BASE) as client:
        us = entity_id(client, "U.S.")
        page = client.get(urls.entity(us)).text
        assert 'name="token"' in page and 'name="form_key"' not in page
        other = entity_id(client, "Kazakhstan")
        wrong = client.post(f"{urls.entity(us)}/merge", data={"other": other, "token": "nope"})
        assert wrong.status_code == 401 and "write token" in wrong.text
        right = client.post(
            f"{urls.entity(us)}/merge", data={"other": other, "token": "s3cret"}, follow_redirects=False
        )
        assert right.status_code == 303


def test_a_bad_merge_is_a_page_that_says_why(writable) -> None:
    us = entity_id(writable, "U.S.")
    answer = writable.post(
        f"{urls.entity(us)}/merge",
        data={"other": "No Such Name Anywhere", "form_key": form_key(writable, us)},
    )
    assert answer.status_code == 422 and "no linked entity is called" in answer.text


def test_api_entity_says_why_each_name_is_its_own(writable) -> None:
    cook = writable.get(f"/api/v1/entities/{entity_id(writable, 'Timothy D. Cook')}").json()
    reasons = {r["name"]: r for r in cook["why"]}
    assert reasons["Tim Cook"]["rule"] == "person" and reasons["Tim Cook"]["splittable"]
    assert cook["type_label"] == "person"
