"""The claim, evidence and document pages and the evidence API over the real linked sample corpus."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from hearsay.link import cluster_for_statement
from hearsay.model import SIDES, STANCES, VERDICTS
from hearsay.store import SQLiteStore
from hearsay.web import create_app, urls
from hearsay.web.evidence_page import PER_PAGE

BASE = "http://127.0.0.1"
# The sample article's question, asked by TASS and Ulys-Media.
QUESTION = "Kazakhstan's possible involvement in supplying drone components attacking Russian bases"


@pytest.fixture(scope="module")
def client(sample_db: Path):
    with TestClient(create_app(sample_db), base_url=BASE) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def question_cluster(client: TestClient, sample_db: Path, main_article_id: str) -> str:
    rows = client.get("/api/v1/statements", params={"document": main_article_id, "stance": "question"}).json()
    row = next(r for r in rows["items"] if r["content"] == QUESTION)
    with SQLiteStore(sample_db) as store:
        return cluster_for_statement(store, main_article_id, row["statement_id"])


def tree_of(response) -> lxml.html.HtmlElement:
    assert response.status_code == 200, response.text
    return lxml.html.fromstring(response.text)


def text(element) -> str:
    return " ".join(element.text_content().split())


def test_api_evidence_of_a_cluster_is_the_evidence_record(client: TestClient, question_cluster: str) -> None:
    answer = client.get("/api/v1/evidence", params={"cluster": question_cluster}).json()
    assert answer == client.get(f"/api/v1/clusters/{question_cluster}/evidence").json()
    assert list(answer["sides"]) == list(SIDES)
    assert answer["verdict_definition"] == VERDICTS[answer["verdict"]]
    for relation, side in answer["sides"].items():
        assert side["count"] >= len(side["items"])
        assert side["independent_sources"] <= side["count"]
        assert all(i["relation"] == relation for i in side["items"])
        assert side["first"] == (side["items"][0] if side["items"] else None)
    discussed = {i["source"] for i in answer["sides"]["discusses"]["items"] if i["stance"] == "question"}
    assert {"TASS", "Ulys-Media"} <= discussed


@pytest.mark.parametrize(
    ("params", "status"),
    [({}, 422), ({"proposition": "drones", "cluster": "c-1"}, 422), ({"cluster": "c-000000000000"}, 404)],
)
def test_api_evidence_needs_exactly_one_known_subject(client: TestClient, params: dict, status: int) -> None:
    response = client.get("/api/v1/evidence", params=params)
    assert response.status_code == status and response.json()["error"]


def test_claim_page_counts_match_the_evidence_it_lists(client: TestClient, question_cluster: str) -> None:
    evidence = client.get("/api/v1/evidence", params={"cluster": question_cluster, "limit": 500}).json()
    tree = tree_of(client.get(urls.cluster(question_cluster)))
    verdict = text(tree.xpath('//p[contains(@class, "verdict")]')[0])
    assert verdict == f"Verdict: {evidence['verdict']}: {evidence['verdict_definition']}."
    for relation in SIDES:
        side = evidence["sides"][relation]
        row = tree.xpath(f'//tr[@class="side-row-{relation}"]/td')
        assert [text(td) for td in row[:2]] == [str(side["count"]), str(side["independent_sources"])]
        section = tree.xpath(f'//section[@id="side-{relation}"]')[0]
        assert text(section.xpath("h3")[0]).endswith(str(side["count"]))
        assert len(section.xpath('.//li[contains(@class, "ev-card")]')) == min(len(side["items"]), PER_PAGE)
    if evidence["verdict"] == "contested":
        assert evidence["sides"]["refutes"]["count"] > 0 and evidence["sides"]["supports"]["count"] > 0


def test_claim_page_cards_link_to_the_statement_in_its_article(
    client: TestClient, question_cluster: str
) -> None:
    tree = tree_of(client.get(urls.cluster(question_cluster)))
    link = tree.xpath('//section[@id="side-discusses"]//a[@class="in-article"]')[0].get("href")
    path, _, anchor = link.partition("#")
    assert anchor.startswith("s-") and f"cluster={question_cluster}" in path
    document = tree_of(client.get(path))
    target = document.xpath(f'//div[@id="article-text"]//*[@id="{anchor}"]')
    assert len(target) == 1 and "hl-content" in target[0].get("class")
    assert "relation-discusses" in target[0].get("class")
    back = document.xpath('//aside[@class="claim-context"]//a[@class="back-to-claim"]')[0]
    assert back.get("href") == urls.cluster(question_cluster)


def test_side_page_parameters_are_checked_and_clamped(client: TestClient, question_cluster: str) -> None:
    assert client.get(urls.cluster(question_cluster), params={"supports_page": 0}).status_code == 422
    tree = tree_of(client.get(urls.cluster(question_cluster), params={"discusses_page": 50}))
    assert tree.xpath('//section[@id="side-discusses"]//li[contains(@class, "ev-card")]')


def test_evidence_page_for_free_text(client: TestClient) -> None:
    tree = tree_of(client.get("/evidence", params={"q": "Kazakhstan supplied drone components"}))
    assert [h.get("id") for h in tree.xpath('//div[@class="sides"]/section')] == [f"side-{r}" for r in SIDES]
    assert tree.xpath('//p[contains(@class, "verdict")]//abbr')[0].get("title") in VERDICTS.values()
    link = tree.xpath('//a[@class="in-article"]')[0].get("href")
    assert "proposition=Kazakhstan+supplied+drone+components" in link
    empty = tree_of(client.get("/evidence"))
    assert empty.xpath('//form[@action="/evidence"]') and not empty.xpath('//div[@class="sides"]')


def test_evidence_page_escapes_the_proposition(client: TestClient) -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    response = client.get("/evidence", params={"q": hostile})
    tree = tree_of(response)
    assert "<script>alert(1)" not in response.text
    assert tree.xpath("//main//script | //main//img | //*[@onerror]") == []
    assert text(tree.xpath('//h2[@id="evidence-title"]')[0]) == f"Evidence for “{hostile}”"


def test_document_page_shades_each_statement_by_stance_and_has_the_legend(
    client: TestClient, main_article_id: str
) -> None:
    tree = tree_of(client.get(urls.document(main_article_id)))
    contents = tree.xpath('//div[@id="article-text"]//*[contains(@class, "hl-content") and @id]')
    stances = {
        c.get("id"): next(k for k in c.get("class").split() if k.startswith("stance-")) for c in contents
    }
    assert {"stance-deny", "stance-assert", "stance-question", "stance-refuse_to_comment"} <= set(
        stances.values()
    )
    cards = tree.xpath('//li[contains(@class, "card")]')
    for card in cards:  # a card and its highlight: the same class, and links both ways
        anchor = card.xpath('.//a[@class="in-text"]')[0].get("href")[1:]
        assert f"{stances[anchor]}" in card.get("class").split()
    legend = tree.xpath('//aside[@class="legend"]')[0]
    shown = {k for s in legend.xpath('.//*[contains(@class, "hl-content")]') for k in s.get("class").split()}
    assert {f"stance-{s}" for s in STANCES} | {f"relation-{r}" for r in SIDES} <= shown


def test_document_page_read_against_an_unknown_cluster_is_404(
    client: TestClient, main_article_id: str
) -> None:
    response = client.get(urls.document(main_article_id, cluster="c-000000000000"))
    assert response.status_code == 404
