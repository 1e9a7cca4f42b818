"""`hearsay ingest --workers N`, `--engine`, `--scheduler` and `--doc-timeout` from the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.store import Store

from .conftest import DATA, HANG, news


def ingest(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["ingest", *args], env=env, catch_exceptions=False)


def stored(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


def test_cli_ingest_with_two_workers_stores_what_one_does(tmp_path: Path) -> None:
    inputs = [str(DATA / "good"), str(DATA / "bad")]
    one = ingest(*inputs, "--db", str(tmp_path / "one.db"), "--no-link")
    two = ingest(*inputs, "--db", str(tmp_path / "two.db"), "--no-link", "--workers", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stderr == two.stderr  # the same failure lines, in the same order
    assert stored(tmp_path / "one.db") == stored(tmp_path / "two.db")
    again = ingest(*inputs, "--db", str(tmp_path / "two.db"), "--no-link", "--workers", "2")
    documents = stored(tmp_path / "two.db")["documents"]
    assert f"documents already stored │ {documents} " in again.stdout


def test_cli_ingest_doc_timeout_fails_the_hung_document_alone(tmp_path: Path, stalling: None) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text(
            news(number, HANG if number == 1 else "").text, encoding="utf-8"
        )
    result = ingest(
        str(folder), "--db", str(tmp_path / "h.db"), "--no-link", "--workers", "2", "--doc-timeout", "2"
    )
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert (
        line.startswith("hearsay: error: [H150] ")
        and "1.txt: reading took longer than the limit of 2 s" in line
    )
    assert stored(tmp_path / "h.db")["documents"] == 2


def test_cli_ingest_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = ingest(str(DATA / "good"), "--db", str(tmp_path / "h.db"), "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.stderr


def test_cli_read_bad_doc_timeout_setting_is_one_line(tmp_path: Path) -> None:
    env = {"HEARSAY_DOC_TIMEOUT": "soon"}
    result = CliRunner().invoke(cli, ["read", str(DATA / "good" / "harbour.txt")], env=env)
    assert result.exit_code == 3
    assert (
        result.stderr.strip()
        == "hearsay: error: [H300] HEARSAY_DOC_TIMEOUT must be a number of seconds, got 'soon'"
    )
