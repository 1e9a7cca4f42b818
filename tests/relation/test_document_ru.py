"""The whole-document relation on Russian reports (invented texts), read through the language seam."""

from __future__ import annotations

import datetime as dt

import pytest

from hearsay.ingest.identity import make_document
from hearsay.lang.ru import read_document
from hearsay.relation import relate_document

SUPPLIED_RU = "Казахстан поставлял компоненты для дронов"
SUPPLIED_EN = "Kazakhstan supplied drone components"
REPORTS = {
    "states": (
        "Казахстан поставлял компоненты для дронов российским заводам\n"
        "Казахстан поставлял компоненты для дронов российским заводам в течение года.\n"
        "Грузовики с компонентами шли через Челябинск.\n"
        "Таможня зафиксировала рост поставок электроники."
    ),
    "debunks": (
        "МИД Казахстана: сообщения о поставках дронов — фейк\n"
        "МИД Казахстана опроверг сообщения о том, что Казахстан поставлял компоненты для дронов.\n"
        "В ведомстве назвали эти сведения ложью и дезинформацией.\n"
        "По словам представителя министерства, публикации не соответствуют действительности."
    ),
    "keeps-distance": (
        "Казахстан якобы поставлял компоненты для дронов\n"
        "По неподтвержденным данным, Казахстан якобы поставлял компоненты для дронов.\n"
        "Предположительно, поставки шли через Челябинск.\n"
        "Проверить эти сведения не удалось."
    ),
    "elsewhere": (
        "В Алма-Ате открылась выставка современного искусства\n"
        "Выставка продлится до конца месяца.\n"
        "Организаторы ожидают тысячи посетителей."
    ),
}


@pytest.fixture(scope="module")
def readings():
    return {
        name: read_document(make_document(text, published=dt.date(2025, 6, 5), language="ru"))
        for name, text in REPORTS.items()
    }


@pytest.mark.parametrize(
    ("name", "relation", "rule"),
    [
        ("states", "supports", "document-states"),
        ("debunks", "refutes", "document-debunks"),
        ("keeps-distance", "discusses", "document-distance"),
        ("elsewhere", "unrelated", "document-unrelated"),
    ],
)
def test_document_ru_against_a_russian_proposition(readings, name, relation, rule):
    found = relate_document(SUPPLIED_RU, readings[name])
    assert (found.relation, found.rule) == (relation, rule)


def test_document_ru_names_the_russian_words_it_read(readings):
    assert "фейк" in relate_document(SUPPLIED_RU, readings["debunks"]).reason
    assert "якобы" in relate_document(SUPPLIED_RU, readings["keeps-distance"]).reason


def test_document_ru_a_proposition_that_calls_it_false_is_supported_by_a_debunk(readings):
    found = relate_document("Сообщения о поставках компонентов для дронов — фейк", readings["debunks"])
    assert found.relation == "supports"


def test_document_ru_against_an_english_proposition_shares_no_words(readings):
    found = relate_document(SUPPLIED_EN, readings["states"])
    assert (found.relation, found.rule) == ("unrelated", "document-other-language")
