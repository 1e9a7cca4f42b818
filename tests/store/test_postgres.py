"""What only the PostgreSQL store has: its URL, its ledger, its indexes, writers in several processes.

Everything else the store does is tested on both backends by the parametrised fixtures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.errors import StoreError
from hearsay.store import SQLiteStore, open_store, queries
from hearsay.store.database_url import is_postgres, shown
from hearsay.store.pg_schema import MIGRATIONS_PG
from hearsay.store.postgres import PostgresStore

from .conftest import all_readings, put_all

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE = "postgresql://hearsay:s3cret-word@127.0.0.1:1/news"


@pytest.fixture
def url(postgres_server):
    made = postgres_server.database()
    yield made
    postgres_server.drop(made)


def test_postgres_urls_are_told_from_paths_and_shown_without_password() -> None:
    assert is_postgres("postgresql://u@h/db") and is_postgres("postgres://u@h/db")
    assert not is_postgres("hearsay.db") and not is_postgres(Path("postgresql:/x"))
    assert shown(UNREACHABLE) == "postgresql://hearsay:***@127.0.0.1:1/news"
    assert shown("postgresql://u@h:5433/db") == "postgresql://u@h:5433/db"


def test_postgres_url_opens_the_postgres_store(url: str) -> None:
    with open_store(url) as store, SQLiteStore(url, read_only=True) as reader:
        assert isinstance(store, PostgresStore) and isinstance(reader, PostgresStore)
        put_all(store, all_readings())
        assert reader.counts()["documents"] == 3


@pytest.mark.parametrize("read_only", [False, True])
def test_postgres_unreachable_server_is_one_line_without_the_password(read_only: bool) -> None:
    with pytest.raises(StoreError) as caught:
        SQLiteStore(UNREACHABLE, read_only=read_only)
    message = str(caught.value)
    assert message.startswith(
        "[H200] postgresql://hearsay:***@127.0.0.1:1/news: cannot connect to PostgreSQL"
    )
    assert "\n" not in message and "s3cret" not in message


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:s3cret-word@[::1/db",  # libpq quotes a malformed URL whole in its message
        "postgresql://u:s3cret-word@127.0.0.1:notaport/db",
        "postgresql://u:s3cret-word@127.0.0.1:1/db?sslmode=bogus",
    ],
)
def test_postgres_malformed_url_is_one_line_without_the_password(url: str) -> None:
    result = CliRunner().invoke(cli, ["statements", "--db", url])
    assert result.exit_code == 3, result.output
    assert "[H200]" in result.output and "s3cret" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", [["statements"], ["ingest", "--no-link"], ["link"]])
def test_postgres_cli_unreachable_database_exits_3_with_one_line(command: list[str], tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("The mayor said the bridge would reopen.", encoding="utf-8")
    args = [*command, str(text)] if command[0] == "ingest" else command
    result = CliRunner().invoke(cli, [*args, "--db", UNREACHABLE])
    assert result.exit_code == 3, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "[H200]" in lines[0] and "Traceback" not in result.output
    assert "s3cret" not in result.output


def test_postgres_hearsay_db_variable_names_the_database(url: str) -> None:
    with open_store(url) as store:
        put_all(store, all_readings())
    result = CliRunner().invoke(cli, ["statements", "--stance", "deny", "--json"], env={"HEARSAY_DB": url})
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 2


def test_postgres_ledger_has_every_migration_once(url: str) -> None:
    for read_only in (False, True, False):
        SQLiteStore(url, read_only=read_only).close()
    with psycopg.connect(url) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [m.name for m in MIGRATIONS_PG]


def test_postgres_unknown_migration_refuses_to_open(url: str) -> None:
    SQLiteStore(url).close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO migrations VALUES ('9999_from_the_future', '2030-01-01')")
    with pytest.raises(StoreError, match="9999_from_the_future"):
        SQLiteStore(url)


def test_postgres_new_database_read_only_asks_for_migrating(postgres_server) -> None:
    empty = postgres_server.database(migrated=False)
    with pytest.raises(StoreError, match="needs migrating"):
        SQLiteStore(empty, read_only=True)


def test_postgres_name_filter_uses_the_trigram_index(url: str) -> None:
    with open_store(url) as store:
        put_all(store, all_readings())
        params = queries.statement_params(
            source="smadiyarov", about=None, stance=None, document_id=None, limit=10
        )
        store._conn.execute("SET enable_seqscan = off")  # three documents: force the plan a large store gets
        plan = " ".join(
            row[0] for row in store._conn.execute("EXPLAIN " + queries.statements_sql(params), params)
        )
        assert "statement_sources_trigram" in plan
        assert len(store.statements(source="smadiyarov")) == 3


def test_postgres_full_text_search_stems_and_ranks(url: str) -> None:
    with open_store(url) as store:
        put_all(store, all_readings())
        found = store.search("deny")  # "denied" and "denies" share the stem
        assert {hit["document_id"] for hit in found["documents"]} == {
            r.document_id for r in all_readings()[:2]
        }
        assert "[" in found["documents"][0]["snippet"]
        assert store.count_matches("deny") == {"documents": 2, "statements": 1}
        assert store.search("продолжатся")["statements"]  # a Russian word, by its stem's prefix


def _ingest(url: str, folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HEARSAY_DB": url}
    return subprocess.Popen(
        [sys.executable, "-c", "from hearsay.cli import main; main()", "ingest", str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_postgres_two_processes_ingest_and_link_one_database(url: str, tmp_path: Path) -> None:
    topics = ("bridge", "harbour", "budget", "school", "railway", "hospital")
    for side in ("left", "right"):
        (tmp_path / side).mkdir()
        for number, topic in enumerate(topics):
            text = f"The {side} council said on Tuesday that the {topic} plan number {number} was delayed."
            (tmp_path / side / f"{topic}.txt").write_text(text, encoding="utf-8")
    SQLiteStore(url).close()  # migrated before the race, as a deployment does once
    runs = [_ingest(url, tmp_path / side) for side in ("left", "right")]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert not any("Traceback" in output or "failed" in output for output in outputs), outputs
    with open_store(url, read_only=True) as store:
        assert store.counts()["documents"] == 2 * len(topics)
        linked = store._conn.execute("SELECT count(*) FROM link_documents").fetchone()[0]
    assert linked == 2 * len(topics)


def _pg_connection(url: str):
    from hearsay.store.pg_connection import PGConnection

    return PGConnection(psycopg.connect(url, autocommit=True))


def test_postgres_pipelined_write_error_surfaces_in_its_savepoint_and_is_rolled_back(url: str) -> None:
    import sqlite3

    conn = _pg_connection(url)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO t VALUES (1, 'kept')")
    conn.execute("SAVEPOINT one")
    conn.execute("INSERT INTO t VALUES (1, 'duplicate')")  # pipelined: no answer waited for yet
    # The error surfaces when its answer has come back: at the next statement, or at RELEASE at the latest.
    with pytest.raises(sqlite3.IntegrityError, match="duplicate key"):
        conn.execute("INSERT INTO t VALUES (2, 'after the error')")
        conn.execute("RELEASE one")
    conn.execute("ROLLBACK TO one")
    conn.execute("RELEASE one")
    assert conn.in_transaction
    conn.execute("INSERT INTO t VALUES (3, 'later')")
    assert [tuple(r) for r in conn.execute("SELECT id, v FROM t ORDER BY id")] == [(1, "kept"), (3, "later")]
    conn.execute("COMMIT")
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 2
    conn.close()


def test_postgres_failed_commit_rolls_back_and_counts_changes(url: str) -> None:
    import sqlite3

    conn = _pg_connection(url)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    before = conn.total_changes
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT OR IGNORE INTO t VALUES (?)", [(1,), (2,), (2,)])
    assert conn.total_changes - before == 2  # waits for the pipelined answers
    conn.execute("INSERT INTO t VALUES (5)")
    conn.execute("INSERT INTO t VALUES (5)")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("COMMIT")
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 0
    conn.execute("BEGIN IMMEDIATE")  # the connection is usable again
    conn.execute("INSERT INTO t VALUES (7)")
    conn.execute("COMMIT")
    assert conn.execute("SELECT id FROM t").fetchall() == [(7,)]
    conn.close()


def test_postgres_answers_are_remembered_until_any_connection_commits(url: str) -> None:
    from hearsay.link import evidence, link_corpus

    readings = all_readings()
    with open_store(url) as writer:
        put_all(writer, readings[:2])
        link_corpus(writer)
        counted = writer.change_count()
        with open_store(url, read_only=True) as reader, open_store(url, read_only=True) as worker:
            first = evidence(reader, proposition="Kazakhstan had not bought any drones")
            assert evidence(reader, proposition="Kazakhstan had not bought any drones") is first
            # another connection (a server worker) of this process answers from the same memory
            assert evidence(worker, proposition="Kazakhstan had not bought any drones") is first
            put_all(writer, readings[2:])  # a committed write of another connection
            assert writer.change_count() == counted + 1
            again = evidence(reader, proposition="Kazakhstan had not bought any drones")
            assert again is not first and again.to_dict() == first.to_dict()
            with writer.transaction():  # inside a write transaction nothing is kept or reused
                inside = evidence(writer, proposition="Kazakhstan had not bought any drones")
                assert inside is not again


def test_postgres_a_killed_test_sessions_server_is_stopped_by_the_next(postgres_server) -> None:
    import subprocess
    import sys

    from postgres_server import OWNER, Server, stop_orphans

    orphan = Server(postgres_server.binaries)
    orphan.start()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    (orphan.folder / OWNER).write_text(gone.stdout.strip())  # as if its session had been killed
    assert (orphan.data / "postmaster.pid").exists()
    assert stop_orphans(postgres_server.binaries) == [orphan.folder]
    assert not orphan.folder.exists()
    assert postgres_server.folder.exists()  # this session's own server is left alone
