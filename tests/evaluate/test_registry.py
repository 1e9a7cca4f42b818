"""The evaluation registry: one entry per evaluation, and the commands, suite and gate made from it."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.cli.eval_commands import Presenter, add_commands, command_for, print_figures
from hearsay.errors import ConfigError
from hearsay.evaluate.gate import DEFAULT_FLOORS, section_for
from hearsay.evaluate.registry import (
    EVALUATIONS,
    Evaluation,
    Option,
    Run,
    default_floors,
    evaluation,
    parse_topics,
)

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"


def test_registry_names_are_unique_and_every_one_is_a_command():
    names = [entry.name for entry in EVALUATIONS]
    assert len(names) == len(set(names))
    listed = CliRunner().invoke(cli, ["eval", "--help"]).stdout
    for name in names:
        assert f"  {name} " in listed


@pytest.mark.parametrize("entry", EVALUATIONS, ids=lambda e: e.name)
def test_registry_command_has_the_shared_options(entry):
    result = CliRunner().invoke(cli, ["eval", entry.name, "--help"])
    assert result.exit_code == 0, result.output
    for option in ("--errors", "--json", "--update-baseline", *(o.flag for o in entry.options)):
        assert option in result.stdout
    assert ("--limit" in result.stdout) == (entry.limit is not None)
    assert ("--markdown" in result.stdout) == (entry.markdown is not None)


def test_registry_every_suite_run_has_headlines_and_every_gate_section_is_pinned():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert default_floors() == DEFAULT_FLOORS
    for entry in EVALUATIONS:
        assert entry.suite and all(run.headlines for run in entry.suite), entry.name
        for section, keys in entry.floors.items():
            assert set(keys) <= set(baseline[section]["floors"]), section


@pytest.mark.parametrize(
    ("figures", "section"),
    [
        ({"dataset": "polnear", "split": "dev"}, "polnear_dev"),
        ({"dataset": "gold"}, "sample_article"),
        ({"dataset": "meantime"}, "meantime"),
        ({"dataset": "factuality", "set": "UW", "split": "dev"}, "factuality_uw_dev"),
        ({"dataset": "tempeval3", "split": "train"}, "tempeval3_train"),
        ({"dataset": "fnc1", "split": "dev"}, "fnc1_dev"),
        ({"dataset": "ecbplus"}, "ecbplus"),
    ],
)
def test_registry_gives_each_result_its_gate_section(figures, section):
    assert section_for(figures) == section


def test_registry_unknown_name_lists_the_known_ones():
    with pytest.raises(ConfigError, match="there are: polnear, gold"):
        evaluation("nope")


def test_registry_data_locations_under_the_shared_folder(tmp_path):
    root = tmp_path / "data"
    assert evaluation("fnc1").located(root) == root / "fnc-1"
    assert evaluation("gold").located(root) == tmp_path / "corpus" / "kazakhstan-drones.gold.json"


def test_registry_topics_parse_ranges():
    assert parse_topics("1-3,7") == [1, 2, 3, 7]
    with pytest.raises(ConfigError):
        parse_topics("one")


def test_eval_gold_without_a_file_or_shared_corpus_asks_for_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["eval", "gold"])
    assert result.exit_code == 3
    assert (
        "no reference reading data file found at ../shared/corpus/kazakhstan-drones.gold.json"
        in result.stderr
    )


def _count_lines(data, *, limit, errors_path, suffix=".txt"):
    """A scorer as small as one can be: the lines of the first ``limit`` files."""
    files = sorted(data.glob(f"*{suffix}"))[:limit]
    lines = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files)
    return {"dataset": "lines", "files": len(files), "lines": lines, "data_sha256": "0" * 64}


def test_registry_a_new_entry_becomes_a_command_with_the_shared_options(tmp_path):
    entry = Evaluation(
        name="lines",
        title="line-count",
        summary="Count the lines of the text files.",
        score=_count_lines,
        data_help="A folder of text files.",
        errors_help="Unused.",
        where="data/lines",
        limit="files",
        options=(Option("--suffix", "suffix", "File suffix.", default=".txt"),),
        suite=(Run("lines", {}),),
    )
    for name, text in (("a.txt", "one\ntwo\n"), ("b.txt", "three\n"), ("c.md", "x\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    group = click.Group("eval")
    add_commands(group, {})  # built-in entries without a presenter print JSON
    group.add_command(command_for(entry, Presenter(print_figures)))
    result = CliRunner().invoke(group, ["lines", "--data", str(tmp_path), "--limit", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"dataset": "lines", "files": 1, "lines": 2, "data_sha256": "0" * 64}
    everything = CliRunner().invoke(group, ["lines", "--data", str(tmp_path), "--suffix", ".md"])
    assert json.loads(everything.stdout)["lines"] == 1
