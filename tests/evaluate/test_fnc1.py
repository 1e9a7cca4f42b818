"""`hearsay eval fnc1`: the CSV loader, the split by body, the scorer and the CLI, on invented files."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.errors import InputError
from hearsay.evaluate.fnc1 import (
    LABELS,
    fnc_score,
    load_bodies,
    load_dataset,
    load_pairs,
    score_labels,
    split_of,
)

MINI = Path(__file__).resolve().parents[1] / "data" / "fnc1_mini"
BODIES = MINI / "train_bodies.csv"
STANCES = MINI / "train_stances.csv"


def run(*args: str):
    return CliRunner().invoke(cli, ["eval", "fnc1", *args])


def test_bodies_keep_their_newlines_and_quotes():
    bodies = load_bodies(BODIES)
    assert list(bodies) == ["3", "4", "12", "35"]
    assert '\n\n"We cannot keep patching a boat that was built in 1962," she told' in bodies["3"]
    assert bodies["12"].endswith("did not respond to requests for comment.")


def test_pairs_in_file_order_with_their_labels():
    pairs = load_pairs(STANCES, load_bodies(BODIES))
    assert [(p.body_id, p.stance) for p in pairs] == [
        ("3", "agree"),
        ("4", "disagree"),
        ("12", "discuss"),
        ("35", "agree"),
        ("35", "unrelated"),
        ("3", "unrelated"),
        ("4", "unrelated"),
        ("3", "agree"),
    ]
    assert pairs[2].headline == "Farmer grows 900-kilogram pumpkin, paper says"


def test_the_split_is_by_body_and_deterministic():
    assert [split_of(i) for i in ("3", "4", "12", "35")] == ["train", "dev", "train", "dev"]
    dev, train = load_dataset(MINI, "dev"), load_dataset(MINI, "train")
    assert set(dev.bodies) == {"4", "35"} and set(train.bodies) == {"3", "12"}
    assert len(dev.pairs) + len(train.pairs) == 8
    assert {p.body_id for p in dev.pairs}.isdisjoint({p.body_id for p in train.pairs})
    assert dev.digest() != train.digest() and dev.digest() == load_dataset(MINI, "dev").digest()
    assert load_dataset(MINI, "dev", limit=1).digest() != dev.digest()
    # the files read whole keep every pair, in order
    whole = load_dataset(bodies_path=BODIES, stances_path=STANCES)
    assert whole.name == "all" and len(whole.pairs) == 8 and len(whole.bodies) == 4
    # about a fifth of many bodies go to dev
    share = sum(split_of(str(i)) == "dev" for i in range(5000)) / 5000
    assert 0.18 < share < 0.22


def test_fnc_score_arithmetic():
    gold = ["agree", "disagree", "discuss", "unrelated", "unrelated"]
    predicted = ["agree", "discuss", "unrelated", "unrelated", "agree"]
    # 1.0 (related, exact) + 0.25 (related, wrong label) + 0 + 0.25 (unrelated) + 0, of 3 x 1.0 + 2 x 0.25
    assert fnc_score(gold, predicted) == {"score": 1.5, "best": 3.5, "relative": 0.4286}
    assert fnc_score(gold, gold)["relative"] == 1.0
    assert fnc_score(gold, ["unrelated"] * 5) == {"score": 0.5, "best": 3.5, "relative": 0.1429}


def test_macro_f1_per_label_and_confusion():
    gold = ["agree", "disagree", "discuss", "unrelated", "unrelated"]
    predicted = ["agree", "discuss", "unrelated", "unrelated", "agree"]
    figures = score_labels(gold, predicted)
    classes = figures["classes"]
    assert classes["agree"]["f1"] == 0.6667  # 1 right of 2 predicted, 1 gold
    assert classes["disagree"]["f1"] == 0.0 and classes["discuss"]["f1"] == 0.0
    assert classes["unrelated"]["f1"] == 0.5  # 1 right of 2 predicted, 2 gold
    assert figures["macro_f1"] == 0.2917  # (0.6667 + 0 + 0 + 0.5) / 4
    assert figures["disagree_f1"] == 0.0
    assert figures["related_accuracy"] == 0.6  # pairs 1, 2 and 4
    assert (
        figures["confusion"]["disagree"]["discuss"] == 1 and figures["confusion"]["unrelated"]["agree"] == 1
    )
    assert sum(sum(row.values()) for row in figures["confusion"].values()) == 5
    assert figures["gold_counts"] == {"agree": 1, "disagree": 1, "discuss": 1, "unrelated": 2}


def _gold() -> list[str]:
    with STANCES.open(encoding="utf-8", newline="") as handle:
        return [row["Stance"] for row in csv.DictReader(handle)]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("stances", "message"),
    [
        ("Headline,Body,Stance\nA ferry stops,3,agree\n", "lacks the column Body ID"),
        ("Headline,Body ID,Stance\nA ferry stops,99,agree\n", "Body ID '99', which the bodies lack"),
        ("Headline,Body ID,Stance\nA ferry stops,3,maybe\n", "has the stance 'maybe'"),
        ("Headline,Body ID,Stance\nA ferry stops,3,agree,extra\n", "line 2: the row's fields"),
        ("Headline,Body ID,Stance\n", "holds no headline pairs"),
    ],
)
def test_malformed_stances_are_refused_naming_the_file(tmp_path, stances, message):
    path = _write(tmp_path / "stances.csv", stances)
    with pytest.raises(InputError, match=message) as raised:
        load_pairs(path, load_bodies(BODIES))
    assert str(path) in str(raised.value)


def test_cli_error_on_a_malformed_file_is_one_line(tmp_path):
    bodies = _write(tmp_path / "bodies.csv", 'Body ID,articleBody\n3,"A body whose quote never closes\n')
    result = run("--bodies", str(bodies), "--stances", str(STANCES), "--cache", str(tmp_path / "cache"))
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bodies) in lines[0] and "Traceback" not in result.output
    missing = run("--bodies", str(tmp_path / "none.csv"), "--stances", str(STANCES))
    assert missing.exit_code == 3 and "none.csv: cannot be read" in missing.stderr
    alone = run("--bodies", str(BODIES))
    assert alone.exit_code == 3 and "--bodies and --stances go together" in alone.stderr


def test_cli_writes_predictions_in_the_input_order(tmp_path):
    predictions, errors = tmp_path / "predictions.csv", tmp_path / "errors.jsonl"
    cache = tmp_path / "cache"
    result = run(
        "--bodies", str(BODIES), "--stances", str(STANCES), "--predictions", str(predictions),
        "--errors", str(errors), "--cache", str(cache), "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with STANCES.open(encoding="utf-8", newline="") as handle:
        given = [(row["Headline"], row["Body ID"]) for row in csv.DictReader(handle)]
    with predictions.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["Headline"], row["Body ID"]) for row in rows] == given
    assert all(row["Stance"] in LABELS for row in rows)
    wrong = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(e["row"], e["predicted"]) for e in wrong] == [
        (i, row["Stance"])
        for i, (row, gold) in enumerate(zip(rows, _gold(), strict=True))
        if row["Stance"] != gold
    ]
    figures = json.loads(result.stdout)
    assert sum(r["pairs"] for r in figures["rules"].values()) == 8
    assert sum(r["right"] for r in figures["rules"].values()) == 8 - len(wrong)
    assert figures["pairs"] == 8 and figures["readings"] == {"cached": 0, "read": 4, "unread": 0}
    assert set(figures["classes"]) == set(LABELS) and 0.0 <= figures["fnc_score"]["relative"] <= 1.0
    # a second run reads every body from the cache and judges alike
    again = run("--data", str(MINI), "--split", "dev", "--cache", str(cache), "--json")
    assert json.loads(again.stdout)["readings"] == {"cached": 2, "read": 0, "unread": 0}


def test_cli_table_names_the_figures(tmp_path):
    result = run("--data", str(MINI), "--split", "train", "--cache", str(tmp_path))
    assert result.exit_code == 0, result.output
    for words in ("FNC-1 train: 4 pairs over 2 bodies", "FNC score", "macro-F1", "disagree F1", "Confusion"):
        assert words in result.stdout


def test_unlabelled_stances_are_judged_not_scored(tmp_path):
    stances = _write(tmp_path / "unlabelled.csv", "Headline,Body ID\nHalden observatory finds a comet,35\n")
    predictions = tmp_path / "out.csv"
    result = run(
        "--bodies", str(BODIES), "--stances", str(stances), "--predictions", str(predictions),
        "--cache", str(tmp_path), "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["labelled"] is False and "macro_f1" not in figures
    assert len(predictions.read_text(encoding="utf-8").splitlines()) == 2


def test_eval_all_runs_fnc1_beside_its_targets(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "data"
    shutil.copytree(MINI, root / "fnc-1")
    result = CliRunner().invoke(cli, ["eval", "all", "--data", str(root), "--only", "fnc-1", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["figure"]: row for row in json.loads(result.stdout)["figures"]}
    assert rows["FNC score (share of the best)"]["target"] == 0.80
    assert rows["macro-F1 over the 4 stances"]["target"] == 0.60
    assert rows["disagree F1"]["target"] is None and 0.0 <= rows["disagree F1"]["value"] <= 1.0
    assert list((tmp_path / "cache" / "hearsay" / "fnc1").glob("readings-*.jsonl"))
