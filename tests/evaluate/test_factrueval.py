"""The factRuEval-2016 Track 1 scorer on a tiny folder written for this test."""

from __future__ import annotations

import pytest

from hearsay.evaluate.factrueval import load_folder, score_readings
from hearsay.model import Mention, Reading

TEXT = "Мэрия Москвы и Иван Петров."
TOKENS = ["Мэрия", "Москвы", "и", "Иван", "Петров", "."]


@pytest.fixture
def folder(tmp_path):
    starts, at = [], 0
    for token in TOKENS:
        at = TEXT.index(token, at)
        starts.append(at)
        at += len(token)
    (tmp_path / "book_1.txt").write_text(TEXT, encoding="utf-8")
    lines = [f"{100 + k} {s} {len(t)} {t}" for k, (s, t) in enumerate(zip(starts, TOKENS, strict=True))]
    (tmp_path / "book_1.tokens").write_text("\n".join(lines) + "\n", encoding="utf-8")
    spans = [
        "1 org_descr 0 5 100 1  # 100 Мэрия",
        "2 loc_name 6 6 101 1  # 101 Москвы",
        "3 name 15 4 103 1  # 103 Иван",
        "4 surname 20 6 104 1  # 104 Петров",
    ]
    (tmp_path / "book_1.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    objects = ["10 Org 1 2 # Мэрия Москвы", "11 LocOrg 2 # Москвы", "12 Person 3 4 # Иван Петров"]
    (tmp_path / "book_1.objects").write_text("\n".join(objects) + "\n", encoding="utf-8")
    return tmp_path


def _reading(*mentions: tuple[int, int, str]) -> Reading:
    return Reading(
        document_id="d",
        mentions=tuple(Mention(f"e{k}", s, e, TEXT[s:e], label) for k, (s, e, label) in enumerate(mentions)),
        language="ru",
    )


def test_factrueval_perfect_reading_scores_one(folder):
    golds = load_folder(folder)
    figures = score_readings(golds, [_reading((0, 12, "ORG"), (15, 26, "PERSON"))])
    assert figures["org"]["f1"] == 1.0 and figures["per"]["f1"] == 1.0
    assert figures["loc"]["gold"] == 0  # the LocOrg inside the organisation is ignored


def test_factrueval_descriptor_weighs_nothing_but_a_half_name_does(folder):
    golds = load_folder(folder)
    figures = score_readings(golds, [_reading((6, 12, "ORG"), (20, 26, "PERSON"))])
    assert figures["org"]["precision"] == 1.0  # "Москвы" alone: the name token, "Мэрия" weighs nothing
    assert figures["per"]["precision"] == 0.5  # "Петров" for "Иван Петров"


def test_factrueval_wrong_type_is_a_miss_and_a_false_alarm(folder):
    golds = load_folder(folder)
    figures = score_readings(golds, [_reading((15, 26, "ORG"))])
    assert figures["per"]["recall"] == 0.0 and figures["org"]["predicted"] == 1
