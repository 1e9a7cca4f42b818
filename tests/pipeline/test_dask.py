"""--engine dask on a local cluster (threads in this process, no network): same outcomes, resumable.

The client-kill test runs the real command in a subprocess, kills it with SIGKILL once some
documents are stored, checks that every stored document is whole, and re-runs it to the end.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hearsay import pipeline
from hearsay.pipeline.dask_engine import DaskEngine
from hearsay.sample import sample_paths
from hearsay.store import Store

from .conftest import DATA

pytest.importorskip("distributed")


def test_dask_engine_gives_the_outcomes_of_reading_in_process() -> None:
    inputs = [DATA / "good", DATA / "bad"]
    expected = [(o.file_done, o.failure, o.reading and o.reading.to_dict()) for o in pipeline.read(inputs)]
    with DaskEngine(workers=1, time_limit=60, chunk_size=3) as engine:
        got = [
            (o.file_done, o.failure, o.reading and o.reading.to_dict())
            for o in pipeline.read(inputs, engine=engine)
        ]
    assert got == expected


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


INGEST = "import sys; from hearsay.cli import main; sys.argv[0] = 'hearsay'; main()"


def ingest(corpus: Path, db: Path, **popen) -> subprocess.Popen:
    command = [
        sys.executable,
        "-c",
        INGEST,
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--no-link",
        "--engine",
        "dask",
    ]
    return subprocess.Popen(command, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def test_dask_client_killed_keeps_what_it_stored_and_a_rerun_completes(tmp_path: Path) -> None:
    lines = sample_paths()[1].read_text(encoding="utf-8").splitlines()[:40]
    corpus = tmp_path / "wikinews.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "dask.db"
    client = ingest(corpus, db)
    try:
        deadline = time.monotonic() + 240
        while stored(db) < 3:
            assert client.poll() is None, client.communicate()
            assert time.monotonic() < deadline, "no document was stored in time"
            time.sleep(0.05)
        os.kill(client.pid, signal.SIGKILL)
        client.communicate(timeout=60)
    finally:
        client.kill()
    assert client.returncode == -signal.SIGKILL
    before = stored(db)
    assert 3 <= before < 40
    with Store(db, read_only=True) as store:
        for reading in store.iter_readings():
            assert len(store.statements(document_id=reading.document_id)) == len(reading.statements)

    rerun = ingest(corpus, db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"documents new            │ {40 - before} " in out
    assert f"documents already stored │ {before} " in out
    with Store(db, read_only=True) as store:
        counts = store.counts()
        readings = list(store.iter_readings())
    assert counts["documents"] == len(readings) == 40
    assert counts["statements"] == sum(len(r.statements) for r in readings)
