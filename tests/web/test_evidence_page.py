"""The claim and evidence pages rendered from real ``model.Evidence`` records of invented statements:
the three sides, their counts, the verdict with its definition, pagination, escaping."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from hearsay.model import SIDES, STANCES, VERDICTS, Proposition
from hearsay.web import urls
from hearsay.web.evidence_page import PER_PAGE, Claim, side_pages
from hearsay.web.render import page_html

from .evidence_records import item, many, record

CSS = Path(__file__).resolve().parents[2] / "src" / "hearsay" / "web" / "static" / "hearsay.css"


def evidence_page(evidence, requested=None, proposition="the ferry left the harbour at dawn"):
    """The /evidence page of ``evidence`` as a parsed tree, and its HTML."""
    claim = Claim(evidence, urls.evidence(proposition), {"proposition": proposition})
    sides = side_pages(evidence, requested or {}, "/evidence", {"q": proposition})
    html = page_html(
        "evidence.html", {"claim": claim, "sides": sides, "proposition": proposition}, path="/evidence"
    )
    return lxml.html.fromstring(html), html


def text(element) -> str:
    return " ".join(element.text_content().split())


def side(tree, relation: str):
    return tree.xpath(f'//section[@id="side-{relation}"]')[0]


def cards(tree, relation: str) -> list:
    return side(tree, relation).xpath('.//li[contains(@class, "ev-card")]')


def test_page_shows_the_three_sides_in_order_with_their_counts() -> None:
    evidence = record(
        supports=[item("supports", 1, group="g-a"), item("supports", 2, group="g-a"), item("supports", 3)],
        refutes=[item("refutes", 1, published="2031-03-02", outlet="Coast Radio")],
        discusses=many("discusses", 2),
    )
    tree, _ = evidence_page(evidence)
    headings = [text(h) for h in tree.xpath('//div[@class="sides"]/section/h3')]
    assert headings == ["Supports 3", "Refutes 1", "Discusses 2"]  # the brackets come from CSS
    rows = {text(r.xpath("th")[0]): [text(td) for td in r.xpath("td")] for r in tree.xpath("//tbody/tr")}
    # Two of the three supporting statements share an origin: 3 statements, 2 independent sources.
    assert rows["Supports"][:2] == ["3", "2"]
    assert rows["Refutes"][:2] == ["1", "1"] and rows["Discusses"][:2] == ["2", "2"]
    assert rows["Refutes"][2].startswith("2031-03-02, Coast Radio: Harbour pilot refutes 1 said")
    assert [len(cards(tree, r)) for r in SIDES] == [3, 1, 2]


def test_verdict_is_explained_where_it_appears() -> None:
    evidence = record(supports=many("supports", 2), refutes=many("refutes", 1))
    tree, _ = evidence_page(evidence)
    verdict = tree.xpath('//p[contains(@class, "verdict")]')[0]
    assert verdict.xpath(".//abbr")[0].get("title") == VERDICTS["contested"]
    assert text(verdict) == f"Verdict: contested: {VERDICTS['contested']}."


@pytest.mark.parametrize(
    ("sides", "verdict"),
    [
        ({"supports": 1}, "supported only"),
        ({"refutes": 2}, "refuted only"),
        ({"discusses": 3}, "discussed only"),
        ({}, "no evidence"),
    ],
)
def test_verdict_follows_the_sides_never_contested_without_a_refutation(sides, verdict) -> None:
    evidence = record(**{relation: many(relation, count) for relation, count in sides.items()})
    tree, _ = evidence_page(evidence)
    line = text(tree.xpath('//p[contains(@class, "verdict")]')[0])
    assert line == f"Verdict: {verdict}: {VERDICTS[verdict]}."
    assert "contested" not in line


def test_an_empty_side_still_has_its_column() -> None:
    tree, _ = evidence_page(record(supports=many("supports", 4)))
    assert text(side(tree, "refutes").xpath('.//p[@class="empty"]')[0]) == "No statement refutes it."
    assert cards(tree, "refutes") == []


def test_each_card_has_source_cue_content_strength_reason_date_outlet_and_its_place() -> None:
    found = item("refutes", 7, source="Captain Ilse Marr", reason="denies that the ferry left")
    tree, _ = evidence_page(record(refutes=[found]))
    card = cards(tree, "refutes")[0]
    words = text(card)
    for part in ("Captain Ilse Marr", "said", found.statement.content, "probably refutes"):
        assert part in words
    assert "denies that the ferry left" in text(card.xpath('.//p[@class="reason"]')[0])
    assert card.xpath(".//time")[0].get("datetime") == "2031-03-04" and "Valmora Gazette" in words
    link = card.xpath('.//a[@class="in-article"]')[0].get("href")
    proposition = "the+ferry+left+the+harbour+at+dawn"
    assert link == f"/documents/doc-harbour?proposition={proposition}#s-s7"


def test_each_side_is_paginated_with_links_that_keep_the_other_sides() -> None:
    evidence = record(
        supports=many("supports", 23), refutes=many("refutes", 12), discusses=many("discusses", 3)
    )
    tree, _ = evidence_page(evidence, {"supports": 2, "refutes": 2})
    shown = [text(c.xpath(".//blockquote")[0]) for c in cards(tree, "supports")]
    assert (
        len(shown) == PER_PAGE and shown[0].endswith("(supports 11)") and shown[-1].endswith("(supports 20)")
    )
    assert side(tree, "supports").xpath(".//ol")[0].get("start") == "11"
    pager = side(tree, "supports").xpath('.//nav[@class="pager"]')[0]
    assert "page 2 of 3" in text(pager)
    assert pager.xpath('.//a[@rel="next"]')[0].get("href") == (
        "/evidence?q=the+ferry+left+the+harbour+at+dawn&supports_page=3&refutes_page=2#side-supports"
    )
    assert pager.xpath('.//a[@rel="prev"]')[0].get("href") == (
        "/evidence?q=the+ferry+left+the+harbour+at+dawn&refutes_page=2#side-supports"
    )
    assert len(cards(tree, "refutes")) == 2  # the last page: 11 and 12
    assert side(tree, "discusses").xpath('.//nav[@class="pager"]') == []


def test_a_page_past_the_end_shows_the_last_page() -> None:
    tree, _ = evidence_page(record(supports=many("supports", 12)), {"supports": 99})
    assert [text(c.xpath(".//blockquote")[0])[-13:] for c in cards(tree, "supports")] == [
        "(supports 11)",
        "(supports 12)",
    ]


HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def test_hostile_text_is_escaped_everywhere() -> None:
    hostile = item(
        "refutes",
        1,
        source=f"Mallory {HOSTILE}",
        content=f"the ferry {HOSTILE} left",
        reason=f'because "{HOSTILE}',
        outlet=f"Outlet {HOSTILE}",
    )
    tree, html = evidence_page(record(proposition=HOSTILE, refutes=[hostile]), proposition=HOSTILE)
    assert tree.xpath("//main//script | //main//img | //*[@onerror]") == []
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    words = text(cards(tree, "refutes")[0])
    assert f"Mallory {HOSTILE}" in words and f"the ferry {HOSTILE} left" in words
    assert tree.xpath('//input[@id="proposition"]')[0].get("value") == HOSTILE


def _css_rules() -> str:
    return CSS.read_text()


@pytest.mark.parametrize("name", [f"stance-{s}" for s in STANCES] + [f"relation-{r}" for r in SIDES])
def test_every_class_of_the_vocabulary_has_a_shade_a_line_and_a_sign(name: str) -> None:
    css = _css_rules()
    assert re.search(rf"^\.{name} {{ --shade: #\w+; --edge: [^;]+; --line: \w+; }}", css, re.MULTILINE)
    assert re.search(
        rf'^\.{name}:is\(\.hl-content:not\(\[data-part\]\), \.mark-glyph\)::before {{ content: "[^"]+";',
        css,
        re.MULTILINE,
    )


def test_denial_and_assertion_differ_in_shade_line_and_sign() -> None:
    css = _css_rules()

    def rule(name: str) -> str:
        return re.search(rf"^\.{name} {{(.*)}}", css, re.MULTILINE).group(1)

    assert rule("stance-deny") != rule("stance-assert")
    assert len({rule(f"stance-{s}") for s in STANCES}) == len(STANCES)
    assert rule("relation-refutes") == rule("stance-deny") and rule("relation-supports") == rule(
        "stance-assert"
    )


def test_pages_use_only_classes_of_the_vocabulary() -> None:
    evidence = record(
        supports=many("supports", 2), refutes=many("refutes", 2), discusses=many("discusses", 2)
    )
    _, html = evidence_page(evidence)
    used = set(re.findall(r"\b((?:stance|relation)-[a-z_]+)\b", html))
    defined = {f"stance-{s}" for s in STANCES} | {f"relation-{r}" for r in SIDES}
    assert used <= defined and {"relation-supports", "relation-refutes", "stance-deny"} <= used


def test_claim_list_shows_the_evidence_verdict_and_never_a_guess() -> None:
    proposition = Proposition(
        id="c-ferry",
        title="Ferry",
        representative="the ferry left the harbour at dawn",
        size=3,
        documents=2,
        sources=3,
        independent_sources=2,
        verdict="contested",
        sides={"supports": 2, "refutes": 1, "discusses": 0},
    )
    # A cluster summary without a verdict (only the old member-stance guess) shows none.
    guessed = {**proposition.to_dict(), "id": "c-guess", "contradiction": True}
    del guessed["verdict"]
    pager = {"previous": None, "next": None, "total": 2, "offset": 0, "limit": 25}
    html = page_html(
        "clusters.html", {"clusters": [proposition.to_dict(), guessed], "pager": pager, "query": ""}
    )
    rows = lxml.html.fromstring(html).xpath("//tbody/tr")
    verdict = rows[0].xpath("td")[-1]
    assert verdict.xpath(".//abbr")[0].get("title") == VERDICTS["contested"]
    assert text(verdict) == "contested supports2 refutes1 discusses0"
    assert text(rows[1].xpath("td")[-1]) == "–"


def test_sides_are_relations_to_the_proposition_not_speech_acts() -> None:
    # "The ferry never left" asserted refutes "the ferry left"; a denial of a denial supports it.
    opposite = item("refutes", 1, content="the ferry never left the harbour")
    opposite = replace(opposite, statement=replace(opposite.statement, stance="assert", polarity="pos"))
    double = item("supports", 1, content="that the ferry stayed in the harbour")
    double = replace(double, statement=replace(double.statement, stance="deny", polarity="neg"))
    tree, _ = evidence_page(record(supports=[double], refutes=[opposite]))
    refuting = cards(tree, "refutes")[0]
    assert "the ferry never left" in text(refuting) and "asserts" in text(refuting)
    assert "relation-refutes" in refuting.get("class")
    supporting = cards(tree, "supports")[0]
    assert "denies" in text(supporting) and "relation-supports" in supporting.get("class")


def test_a_side_listing_fewer_than_it_counts_says_so() -> None:
    # hearsay.link caps each side's list at its limit; the counts still cover every statement.
    evidence = record(supports=many("supports", 3))
    capped = replace(evidence.side("supports"), total=40)
    tree, _ = evidence_page(replace(evidence, sides=(capped, *evidence.sides[1:])))
    assert [text(td) for td in tree.xpath('//tr[@class="side-row-supports"]/td')][0] == "40"
    assert text(side(tree, "supports").xpath("h3")[0]) == "Supports 40"
    assert "Listing the first 3 of 40." in text(side(tree, "supports"))
    assert len(cards(tree, "supports")) == 3 and not side(tree, "supports").xpath('.//nav[@class="pager"]')
