"""`hearsay serve` as a real process: it binds 127.0.0.1, serves pages and the API, and says why in --help."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from hearsay.cli import cli

from .conftest import free_port


def test_serve_cli_help_explains_the_default_host() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "token" in result.output.lower()


def test_serve_cli_serves_the_database(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    shutil.copy(sample_db, db)
    port = free_port()
    env = {**os.environ, "HEARSAY_TOKEN": ""}
    command = [str(Path(sys.executable).parent / "hearsay"), "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"{base}/api/v1/documents?limit=1", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read()
                assert time.monotonic() < deadline, "hearsay serve did not answer within 30 s"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["total"] >= 92
        assert "hearsay" in httpx.get(base + "/", timeout=5).text
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in process.stderr.read()


def test_serve_cli_refuses_a_database_that_is_not_hearsays(tmp_path: Path) -> None:
    bad = tmp_path / "other.db"
    bad.write_bytes(b"not a database at all" * 100)
    result = CliRunner().invoke(cli, ["serve", "--db", str(bad), "--port", str(free_port())])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
