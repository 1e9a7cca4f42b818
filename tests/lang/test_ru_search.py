"""Full-text search finds Russian words in any inflection (a prefix query on the word's stem)."""

from __future__ import annotations

import pytest

from hearsay.lang.ru.stems import stem
from hearsay.store import open_store
from hearsay.store.queries import fts_query


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Смадиярову", "смадияров"),
        ("Смадиярова", "смадияров"),
        ("опровергла", "опроверг"),
        ("Астане", "астан"),
    ],
)
def test_ru_search_stem_is_shared_by_every_form(word, expected):
    assert stem(word) == expected


def test_ru_search_query_keeps_english_words_as_they_are():
    assert fts_query("drones Смадиярову") == '"drones" "смадияров"*'


@pytest.mark.parametrize("query", ["Смадиярову", "смадияров", "опровергла Казахстаном", "Смадиярова заявит"])
def test_ru_search_finds_the_document_and_statement_in_another_inflection(reference, tmp_path, query):
    _, reading = reference
    with open_store(tmp_path / "ru.db") as store:
        store.put(reading.document, reading)
        found = store.search(query)
    assert [d["document_id"] for d in found["documents"]] == [reading.document_id]
