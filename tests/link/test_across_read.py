"""Sides across languages on real readings: invented Russian and English reports read by their own
pipelines, stored and linked; an English proposition finds Russian support and refutation, and a
Russian proposition English ones."""

from __future__ import annotations

import datetime as dt

import pytest

from hearsay.extract.pipeline import extract
from hearsay.ingest.identity import make_document
from hearsay.link import evidence, link_corpus
from hearsay.store import Store

SUPPLIED_EN = "Kazakhstan supplied drone components to Russia"
SUPPLIED_RU = "Казахстан поставлял России компоненты для дронов"
TEXTS = {
    "ru-supports": (
        "ru",
        1,
        "Депутат Олег Смирнов заявил, что Казахстан поставлял России компоненты для дронов.",
    ),
    "ru-denies": ("ru", 2, "МИД Казахстана опроверг, что Казахстан поставлял России компоненты для дронов."),
    "ru-negates": (
        "ru",
        3,
        "Официальный представитель МИД Казахстана Айбек Смадияров заявил, что Казахстан не поставлял "
        "России компоненты для дронов.",
    ),
    "ru-unknown": (
        "ru",
        4,
        "Айбек Смадияров заявил, что у него нет сведений о том, поставлял ли Казахстан России компоненты "
        "для дронов.",
    ),
    "en-supports": ("en", 5, "Analyst John Miller said Kazakhstan supplied drone components to Russia."),
    "en-denies": (
        "en",
        6,
        "Kazakhstan's Foreign Ministry denied that Kazakhstan supplied drone components to Russia.",
    ),
}


@pytest.fixture(scope="module")
def read_across(tmp_path_factory):
    """(store, name -> document id) for TEXTS, read, stored and linked."""
    ids = {}
    with Store(tmp_path_factory.mktemp("read-across") / "across.db") as store:
        for name, (language, day, text) in TEXTS.items():
            document = make_document(text, published=dt.date(2026, 6, day), language=language)
            store.put(document, extract(document))
            ids[name] = document.id
        link_corpus(store)
        yield store, ids


def _sides(found) -> dict[str, str]:
    return {item.statement.document_id: side.relation for side in found.sides for item in side.items}


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("ru-supports", "supports"),
        ("ru-denies", "refutes"),
        ("ru-negates", "refutes"),
        ("en-supports", "supports"),
        ("en-denies", "refutes"),
    ],
)
def test_across_read_english_proposition(read_across, name, side):
    store, ids = read_across
    assert _sides(evidence(store, proposition=SUPPLIED_EN)).get(ids[name]) == side


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("en-supports", "supports"),
        ("en-denies", "refutes"),
        ("ru-supports", "supports"),
        ("ru-negates", "refutes"),
    ],
)
def test_across_read_russian_proposition(read_across, name, side):
    store, ids = read_across
    assert _sides(evidence(store, proposition=SUPPLIED_RU)).get(ids[name]) == side


def test_across_read_not_knowing_takes_no_side(read_across):
    store, ids = read_across
    assert _sides(evidence(store, proposition=SUPPLIED_EN)).get(ids["ru-unknown"]) in (None, "discusses")
