"""The TimeML reader and the TempEval-3 scorer, on small hand-written TimeML files."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.errors import InputError
from hearsay.evaluate.tempeval3 import Counts, evaluate_tempeval3, match
from hearsay.evaluate.timeml import GoldTimex, read_timeml, timeml_files
from hearsay.model import TimeExpression

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-04-20" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>
The mayor <EVENT eid="e1">resigned</EVENT> on \
<TIMEX3 tid="t1" type="DATE" value="2024-04-16">Tuesday</TIMEX3> \
after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> in office &amp; the market opens \
<TIMEX3 tid="t3" type="SET" value="XXXX-WXX-6">every Saturday</TIMEX3>.\
<TIMEX3 tid="t4" type="DATE" value="X"/>
</TEXT>
</TimeML>
"""


@pytest.fixture
def timeml_dir(tmp_path):
    folder = tmp_path / "te3" / "part"
    folder.mkdir(parents=True)
    (folder / "demo.tml").write_text(TIMEML, encoding="utf-8")
    return tmp_path / "te3"


def _predicted(text: str, start: int, end: int, value: str | None, type_: str = "DATE") -> TimeExpression:
    return TimeExpression(text=text[start:end], start=start, end=end, value=value, type=type_)


def test_tempeval3_reader_strips_tags_and_skips_the_creation_time(timeml_dir):
    doc = read_timeml(timeml_dir / "part" / "demo.tml")
    assert doc.created == dt.date(2024, 4, 20)
    assert "<" not in doc.text and "&amp;" not in doc.text and " & " in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Tuesday", "DATE", "2024-04-16"),
        ("three years", "DURATION", "P3Y"),
        ("every Saturday", "SET", "XXXX-WXX-6"),
    ]  # the DCT is outside the TEXT and the empty TIMEX3 has no extent
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


def test_tempeval3_match_is_one_to_one_and_prefers_exact_extents():
    text = "in the past three years"
    gold = [GoldTimex(7, 23, "past three years", "DURATION", "P3Y")]
    exact = _predicted(text, 7, 23, "P3Y", "DURATION")
    wider = _predicted(text, 3, 23, "P3Y", "DURATION")
    matches = match(gold, [wider, exact])
    assert [m.predicted for m in matches] == [exact] and matches[0].strict


def test_tempeval3_value_f1_is_relaxed_f1_times_value_accuracy():
    text = "Tuesday and three years and Friday"
    gold = [
        GoldTimex(0, 7, "Tuesday", "DATE", "2024-04-16"),
        GoldTimex(12, 23, "three years", "DURATION", "P3Y"),
        GoldTimex(28, 34, "Friday", "DATE", "2024-04-19"),
    ]
    predicted = [
        _predicted(text, 0, 7, "2024-04-16"),  # exact, right value
        _predicted(text, 18, 23, "PXY", "DURATION"),  # overlap only, wrong value
        _predicted(text, 8, 11, None),  # spurious "and"
    ]
    counts = Counts()
    counts.add(gold, predicted, match(gold, predicted))
    figures = counts.to_dict()
    assert figures["strict"] == {"matched": 1, "precision": 0.3333, "recall": 0.3333, "f1": 0.3333}
    assert figures["relaxed"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["value"]["accuracy"] == 0.5
    assert figures["value"]["f1"] == pytest.approx(figures["relaxed"]["f1"] * 0.5, abs=1e-4)
    assert figures["type"]["accuracy"] == 1.0
    assert figures["by_type"]["DATE"]["gold"] == 2 and figures["by_type"]["DATE"]["found"] == 1


def test_tempeval3_evaluates_hearsay_on_a_folder(timeml_dir, tmp_path):
    errors = tmp_path / "errors.jsonl"
    figures = evaluate_tempeval3(timeml_dir, errors_path=errors)
    assert figures["dataset"] == "tempeval3" and figures["documents"] == 1 and figures["gold"] == 3
    # "on Tuesday" in a past clause two days before a Saturday; "three years"; "every Saturday".
    assert figures["relaxed"]["f1"] == 1.0 and figures["value"]["f1"] == 1.0
    assert errors.read_text(encoding="utf-8") == ""


def test_tempeval3_cli_prints_markdown_and_json(timeml_dir):
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", "tempeval3", "--data", str(timeml_dir), "--markdown"])
    assert result.exit_code == 0, result.output
    assert "| extraction, relaxed (any overlap) | 1.000 | 1.000 | **1.000** |" in result.output
    result = runner.invoke(cli, ["eval", "tempeval3", "--data", str(timeml_dir), "--json"])
    assert json.loads(result.output)["value"]["accuracy"] == 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<TimeML><TEXT>unclosed", "is not readable TimeML XML"),
        ("<TimeML></TimeML>", "has no <TEXT> element"),
    ],
)
def test_tempeval3_bad_file_is_one_line_naming_it(tmp_path, content, message):
    (tmp_path / "bad.tml").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_timeml(tmp_path / "bad.tml")
    result = CliRunner().invoke(cli, ["eval", "tempeval3", "--data", str(tmp_path)])
    assert result.exit_code == 3
    assert "bad.tml" in result.output and message in result.output and "Traceback" not in result.output


def test_tempeval3_missing_or_empty_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="is not a folder"):
        timeml_files(tmp_path / "absent")
    with pytest.raises(InputError, match="has no .tml files"):
        timeml_files(tmp_path)
