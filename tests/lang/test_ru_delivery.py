"""Russian addressee and medium, decided as in English: a channel ("в заявлении", "в соцсети X", "на
брифинге") is the medium, a hearer ("журналистам", "в интервью DW" → DW) the addressee, a time neither.
The sentences are invented for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from hearsay.ingest.identity import make_document
from hearsay.lang.ru import read_document


def _only_statement(text: str):
    reading = read_document(make_document(text, published=dt.date(2025, 6, 5), language="ru"))
    (statement,) = reading.statements
    return statement


@pytest.mark.parametrize(
    ("text", "source", "medium", "addressee"),
    [
        (
            "Министр обороны Иван Петров заявил в своем Telegram-канале, что склад был уничтожен.",
            "Иван Петров",
            "своем Telegram-канале",
            None,
        ),
        (
            "Представитель ведомства Анна Белова сообщила на брифинге 2 июня, что граница закрыта.",
            "Анна Белова",
            "брифинге",
            None,
        ),
        (
            "В заявлении министерства говорится, что поставки компонентов прекращены.",
            "министерства",
            "заявлении",
            None,
        ),
        (
            "Депутат Олег Смирнов написал в соцсети X, что обвинения не соответствуют действительности.",
            "Олег Смирнов",
            "соцсети X",
            None,
        ),
        (
            "Блогер Андрей Ким написал в Telegram, что колонна прошла через город.",
            "Андрей Ким",
            "Telegram",
            None,
        ),
        (
            "Эксперт Павел Орлов сказал в интервью DW, что граница охраняется плохо.",
            "Павел Орлов",
            "интервью",
            "DW",
        ),
        (
            "Посол Сергей Иванов сообщил в интервью агентству ТАСС, что переговоры продолжаются.",
            "Сергей Иванов",
            "интервью",
            "агентству ТАСС",
        ),
        (
            "Министр Асель Жумабаева сказала в беседе с журналистами, что решение пока не принято.",
            "Асель Жумабаева",
            "беседе",
            "журналистами",
        ),
        (
            "Представитель штаба Олег Ли сообщил в ходе брифинга, что пожар потушен.",
            "Олег Ли",
            "брифинга",
            None,
        ),
        (
            "Аналитик Марат Исаев заявил в эфире телеканала «Хабар», что риск невелик.",
            "Марат Исаев",
            "эфире телеканала «Хабар»",
            None,
        ),
        (
            "Глава ведомства Нурлан Ахметов заявил журналистам во вторник, что проверка продолжается.",
            "Нурлан Ахметов",
            None,
            "журналистам",
        ),
        (
            "«Мы не получали никаких запросов», — заявил министр Ержан Сатпаев на пресс-конференции в среду.",
            "Ержан Сатпаев",
            "пресс-конференции",
            None,
        ),
    ],
)
def test_ru_delivery_medium_and_addressee(text, source, medium, addressee):
    statement = _only_statement(text)
    assert statement.source.text == source
    assert (statement.medium.text if statement.medium else None) == medium
    assert (statement.addressee.text if statement.addressee else None) == addressee


def test_ru_delivery_medium_is_grounded_in_the_text():
    text = "Депутат Олег Смирнов написал в соцсети X, что обвинения не соответствуют действительности."
    statement = _only_statement(text)
    assert text[statement.medium.start : statement.medium.end] == statement.medium.text


@pytest.mark.parametrize(
    "text",
    [
        "Представитель ведомства Анна Белова сообщила на брифинге 2 июня, что граница закрыта.",
        "Глава ведомства Нурлан Ахметов заявил журналистам во вторник, что проверка продолжается.",
    ],
)
def test_ru_delivery_a_time_is_never_addressee_or_medium(text):
    statement = _only_statement(text)
    for placed in (statement.addressee, statement.medium):
        assert placed is None or not any(ch.isdigit() for ch in placed.text) and "вторник" not in placed.text
