"""`hearsay serve --db postgresql://... --workers N`: several server processes over one database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from hearsay.cli import cli

from .conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                found.append(int(entry.name))
    return found


def test_serve_postgres_several_workers_answer_reads_and_writes(postgres_server, tmp_path: Path) -> None:
    url = postgres_server.database()
    text = tmp_path / "bridge.txt"
    text.write_text("The mayor said on Tuesday that the old bridge would reopen in June.", encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", str(text), "--db", url, "--no-link"]).exit_code == 0
    port = free_port()
    command = [sys.executable, "-c", "from hearsay.cli import main; main()", "serve", "--workers", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HEARSAY_DB": url, "HEARSAY_TOKEN": ""}
    process = subprocess.Popen([*command, "--port", str(port)], env=env, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"{base}/api/v1/statements", timeout=5)
                if response.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "hearsay serve --workers 2 did not answer within 60 s"
            time.sleep(0.3)
        assert response.json()["total"] == 1
        assert len(_children(process.pid)) >= 2  # the workers (and uvicorn's own helper, if any)
        answers = [httpx.get(f"{base}/api/v1/documents", timeout=10).status_code for _ in range(8)]
        assert answers == [200] * 8
        notes = [f"The council said the budget vote number {n} was delayed until July." for n in range(4)]
        uploads = [
            httpx.post(
                f"{base}/api/v1/documents",
                files={"files": (f"note{n}.txt", note.encode())},
                headers={"X-Hearsay-Write": "1"},
                timeout=120,
            )
            for n, note in enumerate(notes)
        ]
        assert [u.status_code for u in uploads] == [200] * 4, [u.text for u in uploads]
        assert httpx.get(f"{base}/api/v1/documents", timeout=10).json()["total"] == 5
    finally:
        process.terminate()
        process.wait(timeout=20)
        postgres_server.drop(url)
    assert "with 2 workers" in (process.stderr.read() if process.stderr else "")


def test_serve_several_workers_need_postgres(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--workers", "2"])
    assert result.exit_code == 2 and "PostgreSQL" in result.output


def test_serve_unreachable_postgres_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--db", "postgresql://u:pw-secret@127.0.0.1:1/x", "--workers", "2"]
    )
    assert result.exit_code == 3 and "Traceback" not in result.output and "pw-secret" not in result.output
    assert "[H200]" in result.output
