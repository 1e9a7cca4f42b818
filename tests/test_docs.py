"""The docs stay honest: the README's example runs and prints what it shows, its command list matches the
commands' options, the CLI reference is the commands' own help, and the package docstring example runs."""

from __future__ import annotations

import ast
import contextlib
import doctest
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import hearsay
from hearsay.cli import cli
from hearsay.cli.reference import render
from hearsay.ingest.sniff import FORMATS

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SAMPLE_ARTICLE = ROOT / "src" / "hearsay" / "sample" / "kazakhstan-drones.txt"


def readme_block(after_heading: str, language: str = "") -> str:
    """The first fenced block (```language) below the heading ``after_heading``."""
    text = README.read_text(encoding="utf-8")
    section = text.split(f"\n{after_heading}\n", 1)[1]
    return section.split(f"```{language}\n", 1)[1].split("```", 1)[0]


# --- the command list -------------------------------------------------------------------------------------


def command_list() -> list[tuple[list[str], list[str]]]:
    """Each line of the README's command list as (command path, options shown): (["eval", "gold"], [...])."""
    listed = []
    for line in readme_block("## Commands").splitlines():
        if not line.startswith("hearsay "):
            continue  # a description carried over to the next line
        synopsis = re.split(r"\s{3,}", line)[0]
        words = synopsis.split()[1:]
        path = []
        for word in words:
            if not re.fullmatch(r"[a-z][a-z0-9-]*", word):
                break
            path.append(word)
        listed.append((path, re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", synopsis)))
    return listed


def test_docs_readme_lists_every_command():
    text = README.read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"hearsay {name}" not in text]
    assert missing == []


def test_docs_command_list_is_read_whole():
    paths = [" ".join(path) for path, _ in command_list()]
    assert {"read", "ingest", "entities merge", "eval gold", "serve", ""} <= set(paths)
    assert len(paths) >= 20


@pytest.mark.parametrize(("path", "options"), command_list(), ids=lambda value: " ".join(value) or "hearsay")
def test_docs_readme_command_has_the_options_it_shows(path, options):
    result = CliRunner().invoke(cli, [*path, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    shown = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", result.output))
    assert [option for option in options if option not in shown] == []


def test_docs_readme_starts_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert [line.split()[0] for line in first_block.strip().splitlines()] == ["scripts/demo", "scripts/test"]


# --- the CLI reference ------------------------------------------------------------------------------------


def test_docs_cli_reference_is_the_commands_own_help():
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == render(), "docs/cli.md is out of date: run scripts/cli_reference"


def test_docs_cli_reference_has_every_command():
    reference = render()
    for path, _ in command_list():
        assert f"\n## {' '.join(['hearsay', *path])}\n" in reference


# --- the Python example -----------------------------------------------------------------------------------


def checked_lines(source: str) -> tuple[list[str], list[tuple[str, object]]]:
    """What the example shows: the printed lines (comment lines) and the values shown beside expressions.

    A comment beside an expression is checked only when it is a Python literal (``# '2025-06-02'``); prose
    comments (``# list of dicts``) only say what the value is.
    """
    printed, values = [], []
    for line in source.splitlines():
        code, _, comment = line.partition("#")
        comment = comment.strip()
        if not code.strip() and comment:
            printed.append(comment)
        elif comment and not code.rstrip().endswith(":"):
            with contextlib.suppress(ValueError, SyntaxError):
                values.append((code.strip(), ast.literal_eval(comment)))
    return printed, values


def test_docs_readme_python_example_prints_what_it_shows(tmp_path, monkeypatch):
    source = readme_block("## Python API", "python")
    # The example reads demo.db; the sample article alone stands in for the whole demo corpus.
    monkeypatch.chdir(tmp_path)
    document_text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    with hearsay.Store("demo.db") as store:
        from hearsay.ingest.identity import make_document

        document = make_document(document_text)
        store.put(document, hearsay.read(document_text))

    namespace: dict[str, object] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "README.md", "exec"), namespace)

    printed, values = checked_lines(source)
    assert out.getvalue().splitlines() == printed
    assert values, "the example shows no checkable value"
    for expression, shown in values:
        assert eval(expression, namespace) == shown, expression


def test_docs_package_docstring_example_runs():
    failures, tried = doctest.testmod(hearsay, verbose=False)
    assert tried > 0 and failures == 0


# --- the data model ---------------------------------------------------------------------------------------


def test_docs_data_model_names_every_input_format():
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `format` |"))
    assert [name for name in FORMATS if f"`{name}`" not in row] == []
