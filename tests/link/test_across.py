"""One story across languages: a Russian report and its English retelling are one claim.

Hand-made readings of invented Russian and English texts (the Russian reading is not merged yet),
stored and linked for real with the multilingual encoder.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from hearsay.link import cluster_detail, cluster_for_statement, entity_for_mention, evidence, link_corpus
from hearsay.model import Document, Entity, Mention, Reading, Source, Span, Statement
from hearsay.relation import Claim, relate
from hearsay.relation.crosslingual import relate_by_meaning
from hearsay.store import Store
from postgres_server import BACKENDS, scoped_database

SUPPLIED_EN = "Kazakhstan supplied drone components to Russia"
SUPPLIED_RU = "Казахстан поставлял России компоненты для дронов"


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def _report(
    text: str,
    source: str,
    cue: str,
    content: str,
    places: tuple[str, ...],
    *,
    day: int,
    language: str,
    stance: str = "report",
    polarity: str = "pos",
) -> tuple[Document, Reading]:
    """One statement, ``source`` ``cue`` ``content``, with the source a person and ``places`` GPEs."""
    document = Document(
        id=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        published=dt.date(2026, 6, day),
        language=language,
        outlet=f"outlet-{day}",
    )
    names = [(source, "PERSON"), *((place, "GPE") for place in places)]
    entities = tuple(Entity(id=f"e{i}", name=n, type=t, aliases=(n,)) for i, (n, t) in enumerate(names, 1))
    mentions = []
    for entity in entities:
        span = _span(text, entity.name)
        mentions.append(Mention(entity.id, span.start, span.end, entity.name, entity.type))
    where = _span(text, source)
    statement = Statement(
        id="s1",
        source=Source("e1", source, where.start, where.end),
        cue=_span(text, cue),
        content=_span(text, content),
        kind="indirect",
        certainty="certain",
        polarity=polarity,  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
    )
    reading = Reading(
        document_id=document.id,
        entities=entities,
        mentions=tuple(mentions),
        statements=(statement,),
        published=document.published,
        language=language,
        document=document,
    )
    return document, reading


RUSSIAN = _report(
    f"Айбек Смадияров заявил, что {SUPPLIED_RU}.",
    "Айбек Смадияров",
    "заявил",
    SUPPLIED_RU,
    ("Казахстан", "России"),
    day=1,
    language="ru",
)
ENGLISH = _report(
    f"Aybek Smadiyarov said that {SUPPLIED_EN}.",
    "Aybek Smadiyarov",
    "said",
    SUPPLIED_EN,
    ("Kazakhstan", "Russia"),
    day=3,
    language="en",
)
UNRELATED_RU = _report(
    "Айбек Смадияров сообщил, что дроны атаковали аэропорт в Челябинске.",
    "Айбек Смадияров",
    "сообщил",
    "дроны атаковали аэропорт в Челябинске",
    ("Челябинске",),
    day=2,
    language="ru",
)


@pytest.fixture(scope="module", params=BACKENDS)
def linked_across(request, tmp_path_factory):
    """English first, then the earlier Russian report and an unrelated Russian one."""
    with Store(scoped_database(request, tmp_path_factory, "across.db")) as store:
        for document, reading in (ENGLISH, RUSSIAN, UNRELATED_RU):
            store.put(document, reading)
        link_corpus(store)
        yield store


def test_across_russian_and_english_names_are_one_person(linked_across):
    ids = {
        entity_for_mention(linked_across, r.document_id, "e1") for _d, r in (ENGLISH, RUSSIAN, UNRELATED_RU)
    }
    assert len(ids) == 1
    places = {entity_for_mention(linked_across, r.document_id, "e3") for _d, r in (ENGLISH, RUSSIAN)}
    assert len(places) == 1  # "России" is Russia


def test_across_report_and_retelling_are_one_claim_first_seen_in_russian(linked_across):
    english = cluster_for_statement(linked_across, ENGLISH[1].document_id, "s1")
    russian = cluster_for_statement(linked_across, RUSSIAN[1].document_id, "s1")
    other = cluster_for_statement(linked_across, UNRELATED_RU[1].document_id, "s1")
    assert english is not None and english == russian != other
    detail = cluster_detail(linked_across, english)
    assert detail is not None and detail.size == 2
    assert detail.first_appearance["document_id"] == RUSSIAN[1].document_id


def _side(found, document_id: str) -> str | None:
    for side in found.sides:
        if any(item.statement.document_id == document_id for item in side.items):
            return side.relation
    return None


def test_across_english_evidence_finds_the_russian_statement(linked_across):
    found = evidence(linked_across, proposition=SUPPLIED_EN)
    assert _side(found, RUSSIAN[1].document_id) == "supports"
    assert _side(found, ENGLISH[1].document_id) == "supports"
    assert _side(found, UNRELATED_RU[1].document_id) is None


def test_across_russian_evidence_finds_the_english_statement(linked_across):
    found = evidence(linked_across, proposition=SUPPLIED_RU)
    assert _side(found, ENGLISH[1].document_id) == "supports"
    assert _side(found, RUSSIAN[1].document_id) == "supports"


def test_across_russian_denial_refutes(new_database):
    denial = _report(
        f"МИД Казахстана опроверг, что {SUPPLIED_RU}.",
        "МИД Казахстана",
        "опроверг",
        SUPPLIED_RU,
        ("России",),
        day=4,
        language="ru",
        stance="deny",
    )
    with Store(new_database("denial.db")) as store:
        for document, reading in (ENGLISH, denial):
            store.put(document, reading)
        link_corpus(store)
        found = evidence(store, proposition=SUPPLIED_EN)
    assert _side(found, denial[1].document_id) == "refutes"


def test_across_english_rules_take_no_side_on_russian_words():
    # The English rules would miss "не" and call this support; they leave it to the meaning path.
    relation = relate("Казахстан поставлял дроны", Claim("Казахстан не поставлял дроны", certainty="certain"))
    assert relation.relation == "unrelated" and relation.rule == "other-language"


@pytest.mark.parametrize(
    ("content", "stance", "cosine", "side"),
    [
        (SUPPLIED_RU, "report", 0.80, "supports"),
        ("Казахстан не поставлял России компоненты для дронов", "report", 0.80, "refutes"),
        (SUPPLIED_RU, "deny", 0.80, "refutes"),
        (SUPPLIED_RU, "question", 0.80, "discusses"),
        (SUPPLIED_RU, "report", 0.65, "discusses"),  # close, not shown to state it
        ("Казахстан поставлял России 500 компонентов", "report", 0.85, "discusses"),  # a figure of its own
        (SUPPLIED_RU, "report", 0.30, "unrelated"),
    ],
)
def test_across_relation_by_meaning(content, stance, cosine, side):
    claim = Claim(content, stance=stance, certainty="certain")
    relation = relate_by_meaning(
        "Kazakhstan supplied 300 drone components to Russia" if "500" in content else SUPPLIED_EN,
        claim,
        cosine,
    )
    assert relation.relation == side
    assert relation.strength in (None, "probable")


def test_across_russian_evidence_reaches_english_members_never_compared_across(new_database):
    # The second English wording joins by the English rules and gets no multilingual vector; the
    # Russian proposition reaches it through the cluster its Russian report joined.
    retold = _report(
        "Aybek Smadiyarov told reporters Kazakhstan supplied the drone components to Russia.",
        "Aybek Smadiyarov",
        "told",
        "Kazakhstan supplied the drone components to Russia",
        ("Kazakhstan", "Russia"),
        day=5,
        language="en",
    )
    with Store(new_database("kin.db")) as store:
        for document, reading in (ENGLISH, retold, RUSSIAN):
            store.put(document, reading)
        link_corpus(store)
        clusters = {cluster_for_statement(store, r.document_id, "s1") for _d, r in (ENGLISH, retold, RUSSIAN)}
        assert len(clusters) == 1
        found = evidence(store, proposition=SUPPLIED_RU)
    assert _side(found, retold[1].document_id) == "supports"


def test_across_provenance_first_reporter_is_the_earlier_russian_source(linked_across):
    from hearsay.link import provenance

    cluster = cluster_for_statement(linked_across, ENGLISH[1].document_id, "s1")
    first = provenance(linked_across, cluster).first_reported_by
    assert first is not None and first["document_id"] == RUSSIAN[1].document_id


def test_across_cli_evidence_in_english_lists_the_russian_statement(new_database):
    import json

    from click.testing import CliRunner

    from hearsay.cli import cli

    path = new_database("cli.db")
    with Store(path) as store:
        for document, reading in (ENGLISH, RUSSIAN):
            store.put(document, reading)
        link_corpus(store)
    result = CliRunner().invoke(cli, ["evidence", SUPPLIED_EN, "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    supports = json.loads(result.output)["sides"]["supports"]["items"]
    assert SUPPLIED_RU in {item["content"] for item in supports}
    assert {item["rule"] for item in supports} >= {"other-language", "states"}
