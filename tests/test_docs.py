"""The docs stay honest: the README names every command, and the package docstring example runs."""

from __future__ import annotations

import doctest
from pathlib import Path

import hearsay
from hearsay.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def test_docs_readme_lists_every_command():
    text = README.read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"hearsay {name}" not in text]
    assert missing == []


def test_docs_readme_starts_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert [line.split()[0] for line in first_block.strip().splitlines()] == ["scripts/demo", "scripts/test"]


def test_docs_package_docstring_example_runs():
    failures, tried = doctest.testmod(hearsay, verbose=False)
    assert tried > 0 and failures == 0
