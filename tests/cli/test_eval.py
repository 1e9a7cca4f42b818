"""`hearsay eval`, in process, on the hand-written PolNeAR-style folder and on a reference reading."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hearsay.cli import cli

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "polnear_mini"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_eval_polnear_json_figures(tmp_path):
    errors = tmp_path / "errors.jsonl"
    result = run("eval", "polnear", "--data", str(MINI), "--json", "--errors", str(errors))
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 2 and figures["gold_attributions"] == 7
    assert set(figures["roles"]) == {"source", "cue", "content"}
    assert errors.exists()


def test_eval_polnear_table_names_every_layer_and_type():
    result = run("eval", "polnear", "--data", str(MINI), "--limit", "1")
    assert result.exit_code == 0, result.output
    for word in ("source", "cue", "content", "attribution", "internal_state", "source resolution", "elapsed"):
        assert word in result.stdout
    assert "1 articles" in result.stdout


def test_eval_polnear_without_data_asks_for_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("eval", "polnear")
    assert result.exit_code == 3
    expected = "no PolNeAR data folder found at ../shared/data/polnear; name one with --data DIR"
    assert result.stderr.strip().splitlines() == [f"hearsay: error: [H300] {expected}"]


def test_eval_polnear_folder_without_split_is_one_line(tmp_path):
    result = run("eval", "polnear", "--data", str(tmp_path), "--split", "test")
    assert result.exit_code == 3
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no test/text folder" in result.stderr


def test_eval_polnear_update_baseline_only_raises(tmp_path):
    baseline = tmp_path / "baseline.json"
    result = run("eval", "polnear", "--data", str(MINI), "--update-baseline", str(baseline))
    assert result.exit_code == 0, result.output
    pinned = json.loads(baseline.read_text(encoding="utf-8"))["polnear_dev"]["floors"]
    assert "whole.overlap_0.3.f1" in pinned
    run("eval", "polnear", "--data", str(MINI), "--limit", "1", "--update-baseline", str(baseline))
    # one article is other data: refused, and the floors stay
    assert json.loads(baseline.read_text(encoding="utf-8"))["polnear_dev"]["floors"] == pinned


def test_eval_gold_scores_a_reference_reading(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("Mayor Ana Ruiz said the budget would pass on Tuesday.\n", encoding="utf-8")
    gold = {
        "document": "note.txt",
        "published": "2016-10-01",
        "entities": [],
        "times": [{"text": "Tuesday", "value": "2016-10-04"}],
        "statements": [
            {
                "source": "Mayor Ana Ruiz",
                "cue": "said",
                "content": "the budget would pass on Tuesday",
                "kind": "indirect",
                "stance": "assert",
                "certainty": "probable",
                "polarity": "pos",
            }
        ],
    }
    path = tmp_path / "note.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    result = run("eval", "gold", str(path), "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["statements"]["gold"] == 1
    assert figures["statements"]["recall"] == 1.0
    table = run("eval", "gold", str(path))
    assert "statements" in table.stdout and "entities found with type" in table.stdout


def test_eval_gold_unreadable_file_is_one_line(tmp_path):
    path = tmp_path / "broken.gold.json"
    path.write_text("{not json", encoding="utf-8")
    result = run("eval", "gold", str(path))
    assert result.exit_code == 3
    assert "broken.gold.json" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_eval_polnear_markdown_tables():
    result = run("eval", "polnear", "--data", str(MINI), "--markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| layer | annotated | predicted | exact P / R / F1")
    assert lines[2].startswith("| source | 6 | ")
    assert any(line.startswith("Source resolution: **") for line in lines)
    assert any(line.startswith("| according_to | 1 | ") for line in lines)


def test_eval_gold_scores_fields_and_writes_wrong_ones(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("Mayor Ana Ruiz told reporters the budget would pass.\n", encoding="utf-8")
    statement = {
        "source": "Mayor Ana Ruiz",
        "cue": "told",
        "content": "the budget would pass",
        "kind": "indirect",
        "stance": "assert",
        "certainty": "certain",  # hearsay reads "would" as probable: one wrong field
        "polarity": "pos",
        "addressee": "reporters",
        "medium": "a statement",  # not in the text: the medium is wrong whatever hearsay reads
    }
    gold = {"document": "note.txt", "entities": [], "times": [], "statements": [statement]}
    path = tmp_path / "note.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = run("eval", "gold", str(path), "--json", "--errors", str(errors))
    assert result.exit_code == 0, result.output
    fields = json.loads(result.stdout)["fields"]
    assert fields["source_entity"] == {"right": 1, "of": 1, "accuracy": 1.0}
    assert fields["medium"]["right"] == 0 and fields["errors_by_field"]["medium"] == 1
    lines = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    wrong = {line["field"] for line in lines if line["error"] == "wrong_field"}
    assert wrong == {name for name, n in fields["errors_by_field"].items() if n}
    table = run("eval", "gold", str(path))
    assert "fields right on matched: source_entity 1 of 1" in table.stdout
    assert "wrong fields:" in table.stdout and "medium 1" in table.stdout


def test_eval_polnear_errors_prints_the_rule_table(tmp_path):
    errors = tmp_path / "errors.jsonl"
    result = run("eval", "polnear", "--data", str(MINI), "--errors", str(errors))
    assert result.exit_code == 0, result.output
    assert "By rule (errors and wins" in result.stdout
    for column in ("rule", "right", "near miss", "false positive", "precision"):
        assert column in result.stdout
    assert "cue.verb" in result.stdout
    markdown = run("eval", "polnear", "--data", str(MINI), "--markdown", "--errors", str(errors)).stdout
    assert "| rule | right | near miss | false positive | errors | precision |" in markdown
    assert "| cue.verb |" in markdown
