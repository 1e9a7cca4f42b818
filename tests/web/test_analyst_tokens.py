"""An analyst's own write token (`hearsay serve --analyst NAME=TOKEN`): what it corrects is recorded as
made by NAME, whatever name the request or the form gives, through the API, the forms and entity
decisions; the shared token and the loopback forms still work as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from hearsay.cli import cli
from hearsay.store import SQLiteStore
from hearsay.web import create_app, urls
from hearsay.web.access import AccessPolicy, analyst_token

BASE = "http://127.0.0.1"
TEAM = {"analysts": [("Dana Obi", "dana-secret"), ("Lev", "lev-secret")]}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_policy_names_the_holder_of_an_analyst_token() -> None:
    policy = AccessPolicy(token="shared", read_tokens=("reader",), analysts=(("Dana Obi", "d"), ("Lev", "l")))
    assert policy.needs_token and policy.holder("d") == "Dana Obi" and policy.holder("l") == "Lev"
    assert policy.holder("shared") is None and policy.holder("reader") is None and policy.holder(None) is None
    assert policy.refusal("POST", {"authorization": "Bearer l"}) is None
    assert policy.refusal("GET", {"authorization": "Bearer d"}) is None  # a writer also reads
    refused = policy.refusal("POST", {"authorization": "Bearer reader"})
    assert refused is not None and refused.status == 401
    only_analysts = AccessPolicy(analysts=(("Lev", "l"),))
    refused = only_analysts.refusal("POST", {"x-hearsay-write": "1"})
    assert refused is not None and refused.status == 401


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Dana Obi=s3", ("Dana Obi", "s3")), ("lev==x", ("lev", "=x")), (" Lev =t", ("Lev", "t"))],
)
def test_analyst_token_is_name_equals_token(text: str, expected: tuple[str, str]) -> None:
    assert analyst_token(text) == expected


@pytest.mark.parametrize("text", ["no-equals", "=token", "name=", "x" * 101 + "=t", "a\x1bb=t"])
def test_a_malformed_analyst_token_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(ValueError):
        analyst_token(text)
    result = CliRunner().invoke(cli, ["serve", "--db", "x.db", "--analyst", text])
    assert result.exit_code == 2 and "--analyst" in result.output and "Traceback" not in result.output


def test_serve_refuses_one_analyst_name_twice() -> None:
    result = CliRunner().invoke(cli, ["serve", "--analyst", "Lev=a", "--analyst", "Lev=b"])
    assert result.exit_code == 2 and "each analyst's name once" in result.output


def _a_statement(db: Path) -> tuple[str, str]:
    with SQLiteStore(db) as store:
        row = store.statements(limit=1)[0]
    return row["document_id"], row["statement_id"]


def test_api_corrections_are_recorded_as_the_token_holders(db_copy: Path) -> None:
    document, statement = _a_statement(db_copy)
    path = f"/api/v1/documents/{document}/statements/{statement}/corrections"
    with TestClient(create_app(db_copy, host="0.0.0.0", **TEAM), base_url=BASE) as client:
        assert client.post(path, json={"stance": "question"}).status_code == 401
        assert client.post(path, json={"stance": "question"}, headers=bearer("nope")).status_code == 401
        kept = client.post(
            path, json={"stance": "question"}, headers={**bearer("dana-secret"), "X-Hearsay-User": "mallory"}
        )
        assert kept.status_code == 200, kept.text
        assert kept.json()["who"] == "Dana Obi"
        listed = client.get("/api/v1/corrections", headers=bearer("lev-secret")).json()["items"]
        assert [c["who"] for c in listed] == ["Dana Obi"]


def test_the_shared_token_still_takes_the_name_the_request_gives(db_copy: Path) -> None:
    document, statement = _a_statement(db_copy)
    path = f"/api/v1/documents/{document}/statements/{statement}/corrections"
    with TestClient(create_app(db_copy, host="0.0.0.0", token="shared", **TEAM), base_url=BASE) as client:
        kept = client.post(
            path, json={"certainty": "possible"}, headers={**bearer("shared"), "X-Hearsay-User": "ana"}
        )
        assert kept.status_code == 200 and kept.json()["who"] == "ana"


def test_a_correction_form_with_an_analyst_token_is_recorded_as_its_holders(db_copy: Path) -> None:
    document, statement = _a_statement(db_copy)
    with TestClient(create_app(db_copy, **TEAM), base_url=BASE) as client:
        form = client.get(f"/documents/{document}/statements/{statement}/correct").text
        assert 'name="token"' in form  # the server has write tokens: the form asks for one
        saved = client.post(
            f"/documents/{document}/statements/{statement}/correct",
            data={"stance": "question", "who": "someone else", "token": "lev-secret"},
            follow_redirects=False,
        )
        assert saved.status_code == 303
        listed = client.get("/api/v1/corrections").json()["items"]
        assert [(c["who"], c["after"]) for c in listed] == [("Lev", {"stance": "question"})]


def test_entity_merges_record_who_decided_and_the_entity_page_says_so(db_copy: Path) -> None:
    with TestClient(create_app(db_copy, **TEAM), base_url=BASE) as client:
        found = client.get("/api/v1/entities", params={"q": "Timothy D. Cook", "limit": 1}).json()
        cook = found["items"][0]["id"]
        split = client.post(
            f"/api/v1/entities/{cook}/split", json={"names": ["Tim Cook"]}, headers=bearer("dana-secret")
        )
        assert split.status_code == 200, split.text
        merged = client.post(
            f"{urls.entity(cook)}/merge",
            data={"other": split.json()["split_off"], "token": "lev-secret", "who": "not me"},
            follow_redirects=False,
        )
        assert merged.status_code == 303
        why = {r["name"]: r for r in client.get(f"/api/v1/entities/{cook}").json()["why"]}
        assert why["Tim Cook"]["rule"] == "user merge" and "by Lev on" in why["Tim Cook"]["evidence"]
    with SQLiteStore(db_copy) as store:
        decided = store._conn.execute("SELECT action, who FROM link_decisions ORDER BY id").fetchall()
    assert [tuple(row) for row in decided] == [("split", "Dana Obi"), ("merge", "Lev")]


def test_cli_entity_decisions_record_who(db_copy: Path) -> None:
    runner = CliRunner()
    db = str(db_copy)
    split = runner.invoke(
        cli, ["entities", "split", "Timothy D. Cook", "Tim Cook", "--by", "Ines", "--db", db]
    )
    assert split.exit_code == 0, split.output
    merged = runner.invoke(
        cli, ["entities", "merge", "Timothy D. Cook", "Tim Cook", "--db", db], env={"HEARSAY_USER": "Ola"}
    )
    assert merged.exit_code == 0, merged.output
    with SQLiteStore(db_copy) as store:
        decided = store._conn.execute("SELECT action, who FROM link_decisions ORDER BY id").fetchall()
    assert [tuple(row) for row in decided] == [("split", "Ines"), ("merge", "Ola")]
