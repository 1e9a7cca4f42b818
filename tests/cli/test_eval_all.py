"""`hearsay eval all` on a hand-made data folder: what is there runs beside its target, the rest skips."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from hearsay.cli import cli

MINI = Path(__file__).resolve().parents[2] / "tests" / "data" / "polnear_mini"

# Hand-written sentences; span1 counts space-separated tokens, end exclusive, as the regression splits do.
FACTUALITY = [
    {"text": "The minister resigned on Monday .", "targets": [{"span1": [2, 3], "label": 3.0}]},
    {"text": "The company did not release the figures .", "targets": [{"span1": [4, 5], "label": -3.0}]},
    {"text": "Officials said talks might resume next week .", "targets": [{"span1": [5, 6], "label": 0.75}]},
]


def _data_root(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(MINI, root / "polnear")
    split = root / "factuality" / "UW"
    split.mkdir(parents=True)
    (split / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FACTUALITY), encoding="utf-8")
    return root


def test_eval_all_runs_what_is_present_and_names_the_targets(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "all", "--data", str(_data_root(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    ran = {row["evaluation"] for row in report["figures"]}
    assert ran == {"hearsay eval polnear --split dev", "hearsay eval factuality --set UW --split dev"}
    whole = next(r for r in report["figures"] if r["figure"] == "whole-attribution F1 at overlap 0.3")
    assert whole["target"] == 0.76 and 0.0 <= whole["value"] <= 1.0  # issue 15's target
    assert whole["met"] == (whole["value"] >= 0.76)
    pearson = next(r for r in report["figures"] if r["figure"] == "Pearson r")
    assert -1.0 <= pearson["value"] <= 1.0
    assert "skipped: no data at" in result.stderr and "ecbplus" in result.stderr


def test_eval_all_table_and_only(tmp_path):
    root = _data_root(tmp_path)
    result = CliRunner().invoke(cli, ["eval", "all", "--data", str(root), "--only", "polnear"])
    assert result.exit_code == 0, result.output
    assert "content F1 at overlap 0.8" in result.stdout and "Pearson r" not in result.stdout
    assert "elapsed" in result.stdout


def test_eval_all_refuses_a_folder_without_datasets(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "all", "--data", str(tmp_path)])
    assert result.exit_code != 0
    assert "holds none of the evaluation datasets" in result.stderr
    assert "Traceback" not in result.output
