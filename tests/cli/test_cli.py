"""The hearsay command line, in process (click's CliRunner) and as a real subprocess.

Everything runs for real: the spaCy pipeline, SQLite files under tmp_path, the bundled sample.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import hearsay
from hearsay.cli import cli
from hearsay.ingest import document_id
from hearsay.sample import sample_paths
from hearsay.store import Store
from postgres_server import BACKENDS, scoped_database

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
HEARSAY = Path(sys.executable).parent / "hearsay"
ARTICLE = sample_paths()[0]
SCHEMA = json.loads((resources.files("hearsay") / "schema" / "reading-v2.json").read_text(encoding="utf-8"))
# Bad inputs that must fail, with the words each error line names them by.
FAILING = (
    "binary.bin",
    "empty.txt",
    "whitespace.txt",
    "malformed.jsonl:2",
    "malformed.jsonl:3",
    "feed-broken.xml:item 1",
    "feed-partial.rss:item 2",
    "telegram-partial.json:message 2",
    "surrogate-and-long-number.jsonl:3",
    "undecodable-line.jsonl:2",
    "undecodable-line.jsonl:3",
    "telegram-nested.json:message #2",
    "broken-first-line.jsonl:1",
    "utf16-mark-first-line.jsonl:1",
    "guessed-utf16.jsonl:1",
    "guessed-ebcdic.jsonl:1",
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(cli, list(args), env=env, catch_exceptions=False)


def hearsay_process(*args: str, env: dict[str, str] | None = None, timeout: float = 300):
    """Run the installed console script, as a user would."""
    return subprocess.run(
        [str(HEARSAY), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        check=False,
    )


def unmark(shown: str) -> str:
    """`hearsay show` output without its plain statement markers, for texts with no brackets of their own."""
    return re.sub(r"\[S[\d,]+ |<C[\d,]+ |\{[\d,]+ |[\]>}]", "", shown)


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


@pytest.fixture(scope="module", params=BACKENDS)
def article_db(request, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding the sample article, ingested once for the query tests: a SQLite file, and
    a PostgreSQL database (every command that takes --db runs on both)."""
    db = scoped_database(request, tmp_path_factory, "article.db")
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLE), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    shutil.copytree(DATA / "good", folder)
    shutil.copy(ARTICLE, folder / "nested-article.txt")
    return folder


# --- global options and usage ---------------------------------------------------------------


def test_cli_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"hearsay {hearsay.__version__}"


def test_cli_help_lists_commands_and_exit_codes(runner):
    result = run(runner, "--help")
    assert result.exit_code == 0
    for command in ("read", "ingest", "statements", "entities", "show", "export", "demo"):
        assert command in result.output
    assert "Exit codes" in result.output and "130" in result.output


USAGE_ERRORS = [
    ("ingest",),
    ("read",),
    ("statements", "--stance", "maybe"),
    ("export", "--format", "xml", "--out", "x"),
    ("read", "--published", "June 5", "x.txt"),
]


@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_cli_usage_error_exits_2(runner, args):
    assert run(runner, *args).exit_code == 2


# --- read ------------------------------------------------------------------------------------


def test_read_json_is_valid_schema(runner):
    result = run(runner, "read", "--json", str(ARTICLE))
    assert result.exit_code == 0, result.stderr
    (reading,) = json_lines(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(reading)
    text = reading["document"]["text"]
    assert reading["statements"], "the sample article is full of attributed statements"
    for statement in reading["statements"]:
        for part in ("cue", "content"):
            span = statement[part]
            assert text[span["start"] : span["end"]] == span["text"]


def test_read_json_shows_what_a_verdict_points_at(runner, tmp_path):
    path = tmp_path / "dam.txt"
    path.write_text("The agency reported that the dam had failed. The ministry said the report was false.\n")
    result = run(runner, "read", "--json", str(path))
    assert result.exit_code == 0, result.stderr
    (reading,) = json_lines(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(reading)
    report, verdict = reading["statements"]
    assert report["target"] is None
    assert verdict["stance"] == "deny"
    assert verdict["target"]["statement"] == report["id"] and verdict["target"]["pointer"] == "the report"
    assert verdict["target"]["text"] == report["content"]["text"]


def test_read_two_files_gives_two_json_lines():
    files = (str(ARTICLE), str(DATA / "good/harbour.txt"))
    result = hearsay_process("read", "--json", "--published", "2025-06-05", *files)
    assert result.returncode == 0, result.stderr
    readings = json_lines(result.stdout)
    assert len(readings) == 2 == len(result.stdout.splitlines())
    assert [r["published"] for r in readings] == ["2025-06-05", "2025-06-05"]
    assert readings[0]["document"]["source_path"].endswith("kazakhstan-drones.txt")


def test_read_human_summary(runner):
    result = run(runner, "read", str(ARTICLE))
    assert result.exit_code == 0
    assert "kazakhstan-drones.txt" in result.stdout
    assert " -> " in result.stdout and "statements" in result.stdout


def test_read_some_inputs_fail_exits_1(runner):
    result = run(runner, "read", "--json", str(DATA / "good/harbour.txt"), str(DATA / "bad/empty.txt"))
    assert result.exit_code == 1
    assert len(json_lines(result.stdout)) == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith("hearsay: error: ") and "empty.txt" in line


# --- ingest ----------------------------------------------------------------------------------


def test_ingest_folder_twice_stores_once(runner, tmp_path, database_location):
    folder, db = good_folder(tmp_path), database_location
    first = run(runner, "ingest", str(folder), "--db", str(db))
    assert first.exit_code == 0, first.stderr
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert counts["documents"] >= 6  # 3 files, a 3-line JSONL file, and the nested article
    assert counts["statements"] > 0
    second = run(runner, "ingest", str(folder), "--db", str(db))
    assert second.exit_code == 0, second.stderr
    assert "documents new            │ 0" in second.stdout
    assert f"documents already stored │ {counts['documents']}" in second.stdout
    with Store(db, read_only=True) as store:
        assert store.counts() == counts


def test_ingest_uses_hearsay_db_env(runner, tmp_path):
    db = tmp_path / "env.db"
    result = run(runner, "ingest", str(DATA / "good/harbour.txt"), env={"HEARSAY_DB": str(db)})
    assert result.exit_code == 0, result.stderr
    assert db.exists()


def test_ingest_bad_files_one_line_each_exits_1(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(DATA / "bad", folder)
    shutil.copy(DATA / "good/harbour.txt", folder)
    huge = folder / "huge.txt"
    with huge.open("w") as out:  # 50 MB of plausible text, over the 20 MB default limit
        line = "The minister said on Monday that talks may resume. " * 20 + "\n"
        while out.tell() < 50_000_000:
            out.write(line * 100)
    result = hearsay_process("ingest", str(folder), "--db", str(tmp_path / "h.db"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = error_lines(result.stderr)
    assert all(line.startswith("hearsay: error: ") for line in lines), lines
    for name in (*FAILING, "huge.txt"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    assert len(lines) == len(FAILING) + 1
    assert all(re.search(r"\[H\d{3}\]", line) for line in lines), lines
    with Store(tmp_path / "h.db", read_only=True) as store:
        stored = {d.source_path.rsplit("/", 1)[-1] for d in store.documents()}
    kept = ("surrogate-and-long-number.jsonl:1", "surrogate-and-long-number.jsonl:2")
    kept += ("surrogate-and-long-number.jsonl:4", "control-characters.html")
    kept += ("telegram-surrogate.json:message 1", "telegram-surrogate.json:message 2")
    kept += ("undecodable-line.jsonl:1", "undecodable-line.jsonl:4", "feed-control-reference.rss:item 1")
    kept += ("telegram-nested.json:message 1", "telegram-nested.json:message 3")
    kept += ("guessed-utf16.jsonl:2", "guessed-utf16.jsonl:4")
    assert set(kept) <= stored, stored


def test_ingest_all_inputs_fail_exits_3(runner, tmp_path):
    bad = [str(DATA / "bad" / name) for name in ("binary.bin", "empty.txt", "whitespace.txt")]
    result = run(runner, "ingest", *bad, "--db", str(tmp_path / "h.db"))
    assert result.exit_code == 3
    assert len(error_lines(result.stderr)) == 3


def test_ingest_missing_path(runner, tmp_path):
    missing = str(tmp_path / "no-such-file.txt")
    alone = run(runner, "ingest", missing, "--db", str(tmp_path / "h.db"))
    assert alone.exit_code == 3
    (line,) = error_lines(alone.stderr)
    assert line.startswith("hearsay: error: ") and "no-such-file.txt" in line
    mixed = run(runner, "ingest", missing, str(DATA / "good/harbour.txt"), "--db", str(tmp_path / "h.db"))
    assert mixed.exit_code == 1


def test_ingest_empty_folder_exits_3(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(runner, "ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "h.db"))
    assert result.exit_code == 3
    assert len(error_lines(result.stderr)) == 1


def test_ingest_isolates_a_document_whose_extraction_fails(runner, tmp_path, monkeypatch):
    """A batch that raises is retried document by document; only the broken one fails."""
    from hearsay.extract import pipeline

    real_extract_many = pipeline.extract_many

    def fragile(documents, **kwargs):
        documents = list(documents)
        if any("harbour" in (d.source_path or "") for d in documents):
            raise RuntimeError("component crashed")
        return real_extract_many(documents, **kwargs)

    monkeypatch.setattr(pipeline, "extract_many", fragile)
    folder = good_folder(tmp_path)
    result = run(runner, "ingest", str(folder), "--db", str(tmp_path / "h.db"))
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert "harbour.txt" in line and "RuntimeError: component crashed" in line
    with Store(tmp_path / "h.db", read_only=True) as store:
        assert store.counts()["documents"] >= 5


def test_ingest_sigint_then_rerun_completes(tmp_path):
    """Ctrl-C mid-run keeps what was stored; the re-run stores the rest, each document exactly once."""
    lines = (sample_paths()[1]).read_text(encoding="utf-8").splitlines()[:40]
    corpus = tmp_path / "wikinews.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "interrupted.db"
    env = {**os.environ, "HEARSAY_DB": str(db)}
    process = subprocess.Popen(
        [str(HEARSAY), "ingest", str(corpus)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        while stored_documents(db) == 0:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no document was stored in time"
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stdout + stderr
    (line,) = error_lines(stderr)
    assert "interrupted;" in line and "re-run to continue" in line
    stored = stored_documents(db)
    assert 0 < stored < 40

    rerun = hearsay_process("ingest", str(corpus), env={"HEARSAY_DB": str(db)})
    assert rerun.returncode == 0, rerun.stderr
    assert f"documents new            │ {40 - stored} " in rerun.stdout
    assert f"documents already stored │ {stored} " in rerun.stdout
    with Store(db, read_only=True) as store:
        counts = store.counts()
        readings = list(store.iter_readings())
    assert counts["documents"] == len(readings) == 40
    assert counts["statements"] == sum(len(r.statements) for r in readings)
    assert counts["mentions"] == sum(len(r.mentions) for r in readings)


def stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created or migrated yet
        return 0


# --- queries ---------------------------------------------------------------------------------


def test_statements_filters_json(runner, article_db):
    db = str(article_db)
    every = json_lines(run(runner, "statements", "--db", db, "--json").stdout)
    assert every
    by_source = json_lines(run(runner, "statements", "--db", db, "--source", "smadiyarov", "--json").stdout)
    assert by_source and len(by_source) < len(every)
    assert all("smadiyarov" in (row["source"] or row["source_text"] or "").lower() for row in by_source)
    denials = json_lines(run(runner, "statements", "--db", db, "--stance", "deny", "--json").stdout)
    assert denials and all(row["stance"] == "deny" for row in denials)
    assert len(json_lines(run(runner, "statements", "--db", db, "--limit", "2", "--json").stdout)) == 2
    about = json_lines(run(runner, "statements", "--db", db, "--about", "Chelyabinsk", "--json").stdout)
    assert about and all("chelyabinsk" in row["content"].lower() for row in about)


def test_statements_table(runner, article_db):
    result = run(runner, "statements", "--db", str(article_db), "--source", "smadiyarov")
    assert result.exit_code == 0
    assert "Smadiyarov" in result.stdout and "factuality" in result.stdout


def test_entities_type_json(runner, article_db):
    people = json_lines(run(runner, "entities", "--db", str(article_db), "--type", "PERSON", "--json").stdout)
    assert people and all(row["type"] == "PERSON" for row in people)
    assert any("Smadiyarov" in row["name"] for row in people)
    table = run(runner, "entities", "--db", str(article_db))
    # The table speaks the pages' words (docs/vocabulary.md); --json keeps the stored type.
    assert table.exit_code == 0 and "person" in table.stdout and "country or city" in table.stdout


def test_show_prints_text_by_prefix(runner, article_db):
    with Store(article_db, read_only=True) as store:
        (document,) = store.documents()
    result = run(runner, "show", document.id[:10], "--db", str(article_db))
    assert result.exit_code == 0, result.stderr
    # Without a colour terminal, statements are marked with numbered brackets.
    unmarked = unmark(result.stdout)
    for line in document.text.splitlines():
        assert line in unmarked
    assert "[S5,6 Aybek Smadiyarov]" in result.stdout
    assert "{5 he lacked details on Timofeev's stay in Kazakhstan}" in result.stdout
    assert "legend:" in result.stdout and "factuality" in result.stdout


def test_show_in_colour_prints_the_text_unchanged(article_db):
    with Store(article_db, read_only=True) as store:
        (document,) = store.documents()
    result = hearsay_process("show", document.id[:10], "--db", str(article_db), env={"FORCE_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    for line in document.text.splitlines():
        assert line in plain
    assert "[S5" not in plain


def test_show_does_not_read_markup_in_articles(runner, tmp_path):
    text = (
        "[bold red]Markup[/bold red] in a headline\n"
        'The mayor said on Monday that [link=https://evil.example]the file[/link] was "[i]final[/i]".'
    )
    article = tmp_path / "markup.txt"
    article.write_text(text, encoding="utf-8")
    db = str(tmp_path / "m.db")
    assert run(runner, "ingest", str(article), "--db", db).exit_code == 0
    for args, env in (((), None), (("--plain",), None), ((), {"FORCE_COLOR": "1"})):
        result = run(runner, "show", document_id(text), "--db", db, *args, env=env)
        assert result.exit_code == 0
        shown = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
        assert "[bold red]Markup[/bold red] in a headline" in shown
        # Plain mode may put a statement marker after the "[", so look from "link=" on.
        assert "link=https://evil.example]the file[/link]" in shown
        assert "\x1b]8;" not in result.stdout  # rich made no hyperlink of it


def test_show_unknown_document_exits_3(runner, article_db):
    result = run(runner, "show", "ffffffffff", "--db", str(article_db))
    assert result.exit_code == 3
    (line,) = error_lines(result.stderr)
    assert line.startswith("hearsay: error: ") and "ffffffffff" in line


def test_query_missing_database_exits_3(runner, tmp_path):
    result = run(runner, "statements", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 3
    (line,) = error_lines(result.stderr)
    assert "none.db" in line and "hearsay ingest" in line
    assert not (tmp_path / "none.db").exists()


def test_not_a_database_exits_3_with_one_line(runner):
    result = run(runner, "entities", "--db", str(DATA / "good/harbour.txt"))
    assert result.exit_code == 3
    assert len(error_lines(result.stderr)) == 1


# --- export and demo -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_export_writes_files(runner, article_db, tmp_path, fmt):
    out = tmp_path / "out"
    result = run(runner, "export", "--format", fmt, "--out", str(out), "--db", str(article_db))
    assert result.exit_code == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert written and all(path.is_file() and path.stat().st_size > 0 for path in written)
    assert {path.parent for path in written} == {out}
    if fmt == "jsonl":
        for reading in json_lines(written[0].read_text(encoding="utf-8")):
            jsonschema.Draft202012Validator(SCHEMA).validate(reading)


@pytest.mark.slow
def test_demo_on_a_tmp_db(runner, tmp_path):
    db = tmp_path / "demo.db"
    result = run(runner, "demo", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "kazakhstan-drones.txt" in result.stdout and " -> " in result.stdout
    assert "One claim in two languages" in result.stdout
    assert "[ru] " in result.stdout and "[en] " in result.stdout
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 94
    again = run(runner, "demo", "--db", str(db))
    assert again.exit_code == 0
    assert "documents already stored │ 94" in again.stdout


def test_ingest_names_with_control_characters_and_link_loops(runner, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(DATA / "good/harbour.txt", folder / "bell\x07\x1b[31mred.txt")
    (folder / "empty\x1b]0;title\x07.txt").write_text("")
    os.symlink("loop-b", folder / "loop-a")
    os.symlink("loop-a", folder / "loop-b")
    shutil.copy(DATA / "bad/telegram-surrogate.json", folder / "z.json")
    result = run(runner, "ingest", "--no-link", str(folder), "--db", str(tmp_path / "h.db"))
    assert result.exit_code == 1, result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 3, lines
    assert all(re.match(r"hearsay: error: \[H\d{3}\] ", line) for line in lines), lines
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", result.stderr + result.stdout)
    assert any("empty\\x1b]0;title\\x07.txt" in line for line in lines)
    assert sum("loops back on itself" in line for line in lines) == 2
    with Store(tmp_path / "h.db", read_only=True) as store:
        assert store.counts()["documents"] == 3  # the harbour article and both Telegram posts


def test_python_m_hearsay_is_the_same_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hearsay", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert hearsay.__version__ in done.stdout
