"""`hearsay show --why`: per statement, the rules that made it one; the table shows addressee and medium."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.ingest import document_id

TEXT = (
    "The ministry said in a statement to reporters that the dam had not failed.\n"
    "Ann Lee posted on X that the water was rising.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("why")
    article = folder / "dam.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = folder / "why.db"
    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


def test_show_why_names_each_rule_with_its_meaning(db):
    result = CliRunner().invoke(cli, ["show", document_id(TEXT)[:10], "--db", str(db), "--why", "--plain"])
    assert result.exit_code == 0, result.output
    assert "s1 'said': why it is a statement" in result.stdout
    assert "cue.verb: a reporting verb of cue_verbs.tsv" in result.stdout
    assert "medium.channel:" in result.stdout and "medium.platform:" in result.stdout


def test_show_table_gives_addressee_and_medium(db):
    # Wide enough that the cue column does not wrap "to reporters" over two lines.
    result = CliRunner().invoke(
        cli, ["show", document_id(TEXT)[:10], "--db", str(db), "--plain"], env={"COLUMNS": "220"}
    )
    assert result.exit_code == 0, result.output
    assert "to reporters" in result.stdout and "via a statement" in result.stdout
    assert "why it is a statement" not in result.stdout


def test_show_says_when_a_source_is_unresolved(tmp_path):
    text = "The weather turned cold overnight.\nHe said the harvest was lost.\n"
    article = tmp_path / "cold.txt"
    article.write_text(text, encoding="utf-8")
    db = tmp_path / "cold.db"
    assert CliRunner().invoke(cli, ["ingest", str(article), "--db", str(db)]).exit_code == 0
    result = CliRunner().invoke(cli, ["show", document_id(text)[:10], "--db", str(db), "--plain", "--why"])
    assert "He (unresolved)" in result.stdout
    assert "source.pronoun_unresolved" in result.stdout
