"""The CAT reader and the MEANTIME evaluation, on hand-written CAT XML (not MEANTIME's text)."""

from __future__ import annotations

import json

import pytest

from hearsay.errors import InputError
from hearsay.evaluate.cat import read_cat
from hearsay.evaluate.classes import class_scores
from hearsay.evaluate.meantime import evaluate_meantime, reporting_events, scored_events

WORDS = [  # (sentence, word)
    (0, "Plant"),
    (0, "closure"),
    (0, "delayed"),
    (1, "May"),
    (1, "2"),
    (1, ","),
    (1, "2024"),
    (2, "The"),
    (2, "mayor"),
    (2, "said"),
    (2, "the"),
    (2, "plant"),
    (2, "did"),
    (2, "n't"),
    (2, "close"),
    (2, "."),
    (3, "It"),
    (3, "may"),
    (3, "reopen"),
    (3, "("),
    (3, "soon"),
    (3, ")"),
    (3, "."),
    (6, "Later"),
    (6, "text"),
    (6, "."),
]


def _cat_xml() -> str:
    tokens = "\n".join(
        f'<token number="{n}" sentence="{s}" t_id="{n + 1}">{w}</token>' for n, (s, w) in enumerate(WORDS)
    )

    def event(m_id: str, t_ids: list[int], certainty: str, polarity: str) -> str:
        anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in t_ids)
        return (
            f'<EVENT_MENTION m_id="{m_id}" certainty="{certainty}" polarity="{polarity}" pred="x">'
            f"{anchors}</EVENT_MENTION>"
        )

    markables = "\n".join(
        [
            event("1", [2], "CERTAIN", "NEG"),
            event("2", [10], "CERTAIN", "POS"),
            event("3", [15], "CERTAIN", "NEG"),
            event("4", [19], "POSSIBLE", "POS"),
            event("5", [25], "", ""),
            '<ENTITY_MENTION m_id="6"><token_anchor t_id="8"/><token_anchor t_id="9"/></ENTITY_MENTION>',
            '<EVENT m_id="7" class="SPEECH_COGNITIVE"/>',
        ]
    )
    relations = (
        '<REFERS_TO r_id="1"><source m_id="2"/><target m_id="7"/></REFERS_TO>'
        '<HAS_PARTICIPANT r_id="2" sem_role="Arg0"><source m_id="2"/><target m_id="6"/></HAS_PARTICIPANT>'
    )
    return (
        f'<?xml version="1.0" ?><Document doc_name="mini">{tokens}<Markables>{markables}</Markables>'
        f"<Relations>{relations}</Relations></Document>"
    )


@pytest.fixture
def meantime_dir(tmp_path):
    folder = tmp_path / "intra-doc_annotation" / "corpus_gm"  # a dev topic
    folder.mkdir(parents=True)
    (folder / "1_mini.xml").write_text(_cat_xml(), encoding="utf-8")
    return tmp_path


def test_cat_rebuilds_text_with_offsets(meantime_dir):
    doc = read_cat(next(meantime_dir.rglob("*.xml")), sentences=6)
    assert doc.text.split("\n\n") == [
        "Plant closure delayed",
        "May 2, 2024",
        "The mayor said the plant didn't close.",
        "It may reopen (soon).",
    ]
    for token in doc.tokens.values():
        assert doc.text[token.start : token.end] == token.text
    assert "Later" not in doc.text and "5" not in doc.mentions  # sentence 6 is left out


def test_cat_reads_events_classes_and_participants(meantime_dir):
    doc = read_cat(next(meantime_dir.rglob("*.xml")), sentences=6)
    assert [doc.span_text(m) for m in scored_events(doc)] == ["closure", "said", "close", "reopen"]
    [(event, speakers)] = reporting_events(doc)
    assert doc.span_text(event) == "said" and [doc.span_text(m) for m in speakers] == ["The mayor"]


@pytest.mark.parametrize(
    "content",
    [
        "<Document><token",
        "not xml at all",
        "<Document></Document>",
        '<Document><token t_id="1" sentence="first">A</token></Document>',
    ],
)
def test_cat_bad_file_is_one_error_naming_it(tmp_path, content):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="bad.xml"):
        read_cat(path)


def test_meantime_scores_factuality_and_attribution(meantime_dir, tmp_path):
    errors = tmp_path / "errors.jsonl"
    figures = evaluate_meantime(meantime_dir, errors_path=errors)
    assert figures["events"] == 4 and figures["topics"] == ["gm"]
    assert figures["polarity"]["classes"]["NEG"]["gold"] == 2
    # "didn't close" and "may reopen" are read from the text
    assert figures["polarity"]["classes"]["NEG"]["correct"] >= 1
    assert figures["certainty"]["classes"]["POSSIBLE"]["correct"] == 1
    attribution = figures["attribution"]
    assert attribution["reporting_events"] == 1 and attribution["cue_recall"] == 1.0
    assert attribution["source_accuracy"] == 1.0
    for line in errors.read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["article"] == "1_mini"


def test_meantime_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="is not a folder"):
        evaluate_meantime(tmp_path / "absent")
    with pytest.raises(InputError, match="no CAT XML files"):
        evaluate_meantime(tmp_path)


def test_class_scores_macro_counts_unpredicted_classes():
    scores = class_scores(["A", "A", "A", "B"], ["A", "A", "A", "A"], ["A", "B", "C"])
    assert scores["classes"]["A"]["f1"] == round(6 / 7, 4)
    assert scores["classes"]["B"]["f1"] == 0.0 and scores["classes"]["C"]["f1"] == 0.0
    assert scores["macro_f1"] == round(6 / 7 / 3, 4) and scores["accuracy"] == 0.75
    assert scores["confusion"] == {"B->A": 1}


def test_meantime_cli_prints_tables_and_json(meantime_dir):
    from click.testing import CliRunner

    from hearsay.cli import cli

    result = CliRunner().invoke(cli, ["eval", "meantime", "--data", str(meantime_dir)])
    assert result.exit_code == 0, result.output
    assert "| certainty |" in result.stdout and "| polarity |" in result.stdout
    assert "cue recall" in result.stdout
    result = CliRunner().invoke(cli, ["eval", "meantime", "--data", str(meantime_dir), "--json"])
    assert json.loads(result.stdout)["dataset"] == "meantime"


def test_meantime_cli_without_data_is_one_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from hearsay.cli import cli

    monkeypatch.chdir(tmp_path)
    for command in (["eval", "meantime"], ["eval", "factuality", "--set", "UW"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 3
        assert len(result.stderr.strip().splitlines()) == 1 and "name one with --data DIR" in result.stderr
