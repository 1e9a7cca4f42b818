"""A writer killed with SIGKILL leaves whole documents only, and the batch can be run again.

The writer is a real child process using the store; the parent kills it (or it kills itself
from inside a transaction) and then inspects the database file it left behind.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hearsay.model import Reading
from hearsay.store import SQLiteStore

from .conftest import drones_reading

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

BATCH = 40

# argv: database, batch file (JSON Lines of readings), seconds to sleep after each document,
# and the number of documents after which the writer kills itself inside the next put (0: never).
WRITER = """
import json, os, signal, sys, time
from hearsay.model import Reading
from hearsay.store import Store

db, batch, pause, kill_after = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
with Store(db) as store, open(batch, encoding="utf-8") as lines:
    for number, line in enumerate(lines):
        if kill_after and number == kill_after:
            conn = store._conn
            steps = []

            def kill_mid_transaction():
                # SQLite calls this every 100 VM instructions; once the put's transaction has
                # written a good part of the document, die without any cleanup.
                if conn.in_transaction:
                    steps.append(1)
                    if len(steps) == 10:
                        os.kill(os.getpid(), signal.SIGKILL)
                return 0

            conn.set_progress_handler(kill_mid_transaction, 100)
        reading = Reading.from_dict(json.loads(line))
        added = store.put(reading.document, reading)
        print(reading.document_id, int(added), flush=True)
        time.sleep(pause)
"""


def batch_readings() -> list[Reading]:
    """BATCH distinct documents, each with the drones reading's records (and more mentions)."""
    base = drones_reading()
    readings = []
    for number in range(BATCH):
        text = base.document.text + f" (Copy {number:03d}.)"
        document = dataclasses.replace(
            base.document, id=hashlib.sha256(text.encode()).hexdigest(), text=text, title=f"copy {number}"
        )
        mentions = base.mentions * 25  # enough rows that a put takes many SQLite steps
        readings.append(
            dataclasses.replace(base, document_id=document.id, document=document, mentions=mentions)
        )
    return readings


@pytest.fixture
def batch_file(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for reading in batch_readings():
            out.write(json.dumps(reading.to_dict(), ensure_ascii=False) + "\n")
    return path


def start_writer(db: Path, batch: Path, pause: float, kill_after: int = 0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(batch), str(pause), str(kill_after)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_whole_documents(db: Path) -> int:
    """Integrity ok and every stored document complete; returns how many are stored.

    The first look is read-only, as `hearsay statements` would take it after a killed ingest.
    """
    with SQLiteStore(db, read_only=True) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store._conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = store.documents()
        expected = {r.document_id: r for r in batch_readings()}
        for document in stored:
            reading = store.reading(document.id)
            assert reading.to_dict() == expected[document.id].to_dict()
            assert len(store.statements(document_id=document.id)) == len(reading.statements)
        counts = store.counts()
        assert counts["statements"] == 3 * len(stored)
        assert counts["mentions"] == 100 * len(stored)
        assert counts["entities"] == 3 * len(stored)
        assert counts["times"] == 2 * len(stored)
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM readings").fetchone()[0] == len(stored)
            assert conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == len(stored)
            assert conn.execute("SELECT count(*) FROM statements_fts").fetchone()[0] == 3 * len(stored)
        return len(stored)


def rerun_completes_the_batch(db: Path, batch: Path, already: int) -> None:
    writer = start_writer(db, batch, pause=0)
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    added = [int(line.split()[1]) for line in out.splitlines()]
    assert len(added) == BATCH
    assert added.count(0) == already and added.count(1) == BATCH - already
    assert assert_whole_documents(db) == BATCH


def test_interrupt_sigkill_between_documents_loses_nothing(tmp_path: Path, batch_file: Path) -> None:
    db = tmp_path / "killed.db"
    writer = start_writer(db, batch_file, pause=0.02)
    reported = 0
    assert writer.stdout is not None
    while reported < 10:
        assert writer.stdout.readline(), writer.stderr.read() if writer.stderr else ""
        reported += 1
    os.kill(writer.pid, signal.SIGKILL)
    writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    stored = assert_whole_documents(db)
    # Every document the writer reported is stored; it may have committed one more before dying.
    assert reported <= stored < BATCH
    rerun_completes_the_batch(db, batch_file, already=stored)


def test_interrupt_sigkill_inside_a_transaction_leaves_no_half_document(
    tmp_path: Path, batch_file: Path
) -> None:
    db = tmp_path / "killed-mid-put.db"
    writer = start_writer(db, batch_file, pause=0, kill_after=7)
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == -signal.SIGKILL, err
    assert len(out.splitlines()) == 7

    assert assert_whole_documents(db) == 7
    rerun_completes_the_batch(db, batch_file, already=7)
