"""The relation words each language package gives the relation rules (hearsay.lang.relation_words)."""

from __future__ import annotations

import pytest

from hearsay.lang import for_meaning, relation_words, text_language
from hearsay.relation.crosslingual import ignorance, negated


@pytest.mark.parametrize(
    ("text", "is_negated"),
    [
        ("Казахстан поставлял компоненты", False),
        ("Казахстан не поставлял компоненты", True),
        ("Казахстан никогда ничего не поставлял", True),  # negative concord: one negation
        ("Казахстан ничего не поставлял России", True),
        ("Никто не опроверг эти сведения", False),  # не + a denial: two negations
        ("МИД опроверг поставки компонентов", True),
        ("МИД не опроверг поставки компонентов", False),
        ("Сведения о поставках не соответствуют действительности", True),  # a verdict, its не once
        ("Сообщения о поставках — фейк", True),
        ("Это ложь", True),
        ("у него нет сведений о пребывании Тимофеева", False),  # not knowing is no negation
        ("Kazakhstan did not supply components", True),
        ("Kazakhstan supplied components", False),
    ],
)
def test_relation_words_negation(text, is_negated):
    assert negated(text) is is_negated


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("у него нет сведений о пребывании Тимофеева", True),
        ("МИД не располагает информацией о поставках", True),
        ("представитель не подтвердил эти сообщения", True),
        ("he lacked details on Timofeev's stay", True),
        ("Казахстан не поставлял компоненты", False),
    ],
)
def test_relation_words_ignorance(text, unknown):
    assert ignorance(text) is unknown


def test_relation_words_every_registered_language_gives_them():
    from hearsay.lang import known

    for code in known():
        words = relation_words(code)
        assert words.code == code and words.phrases["negator"] and words.phrases["debunk"]


def test_relation_words_language_by_script():
    assert text_language("Казахстан поставлял компоненты") == "ru"
    assert text_language("Kazakhstan supplied components to Россия") == "en"
    assert text_language("") == "en"


@pytest.mark.parametrize(
    ("text", "compared"),
    [
        ("что Казахстан поставлял компоненты", "Казахстан поставлял компоненты"),
        ("чтобы граница была закрыта", "граница была закрыта"),
        ("«Что бы ни было, мы ответим»", "«Что бы ни было, мы ответим»"),  # a quotation keeps its words
        ("что-то случилось", "что-то случилось"),
        ("that claim is false", "that claim is false"),
    ],
)
def test_relation_words_content_compared_without_its_complementizer(text, compared):
    assert for_meaning(text) == compared
