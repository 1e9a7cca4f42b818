"""The factuality regression evaluator (-3..3 JSONL), on hand-written sentences."""

from __future__ import annotations

import json

import pytest

from hearsay.errors import InputError
from hearsay.evaluate.factuality import evaluate_factuality, pearson, read_split, scale_value

RECORDS = [
    {"text": "The plant did n't close .", "targets": [{"span1": [4, 5], "label": -3.0}]},
    {
        "text": "Prices may rise , he said .",
        "targets": [
            {"span1": [2, 3], "label": 0.8},
            {"span1": [5, 6], "label": 3.0},
        ],
    },
]


def _write(folder, records, name="TOY"):
    (folder / name).mkdir(parents=True, exist_ok=True)
    path = folder / name / "dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_factuality_targets_count_whitespace_tokens(tmp_path):
    sentences = read_split(_write(tmp_path, RECORDS))
    second = sentences[1]
    assert [second.text[t.start : t.end] for t in second.targets] == ["rise", "said"]


@pytest.mark.parametrize(
    ("certainty", "polarity", "value"),
    [
        ("certain", "pos", 3.0),
        ("probable", "neg", -1.5),
        ("possible", "pos", 0.75),
        ("certain", "underspecified", 0.0),
    ],
)
def test_factuality_scale(certainty, polarity, value):
    assert scale_value(certainty, polarity) == value


def test_factuality_pearson():
    assert pearson([1.0, 2.0, 3.0], [2.0, 4.0, 6.0]) == pytest.approx(1.0)
    assert pearson([1.0, 2.0], [3.0, 3.0]) == 0.0  # a constant answer has no correlation


def test_factuality_evaluate_reads_negation_and_modals(tmp_path):
    _write(tmp_path, RECORDS)
    figures = evaluate_factuality(tmp_path, "TOY", "dev")
    assert figures["targets"] == 3 and figures["sentences"] == 2
    assert figures["pearson_r"] > 0.9 and figures["mae"] < 0.3
    assert figures["baseline_all_certain_pos"]["mae"] == pytest.approx((6.0 + 2.2 + 0.0) / 3, abs=1e-4)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 1 is not a factuality record"),
        ('{"text": "a b", "targets": [{"span1": [1, 5], "label": 1}]}', "outside the sentence"),
    ],
)
def test_factuality_bad_record_names_file_and_line(tmp_path, line, message):
    (tmp_path / "TOY").mkdir()
    (tmp_path / "TOY" / "dev.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        evaluate_factuality(tmp_path, "TOY", "dev")


def test_factuality_missing_split_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        evaluate_factuality(tmp_path, "UW", "dev")
