"""A server a team can expose (issue 17, item 8), tested against a real uvicorn server with httpx.

The app is made as `hearsay serve --host 0.0.0.0` makes it, but the test server itself binds
127.0.0.1 (tests never listen beyond this machine); requests carry the Host headers that a
team's browsers would send.
"""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from hearsay.cli import cli
from hearsay.web import create_app
from hearsay.web.access import AccessPolicy, presented_token

from .conftest import DATA, ServerThread

NOTE = (DATA / "web" / "upload-note.txt").read_bytes()
TEAM_HOST = {"host": "hearsay.newsroom.example:8000"}


def upload(base: str, headers: dict[str, str] | None = None) -> httpx.Response:
    files = {"files": ("note.txt", NOTE, "text/plain")}
    return httpx.post(f"{base}/api/v1/documents", files=files, headers=headers or {}, timeout=120)


def basic(token: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"reporter:{token}".encode()).decode()}


@pytest.fixture
def team_server(db_copy: Path) -> Iterator[ServerThread]:
    """`hearsay serve --host 0.0.0.0 --token T`, with a 1 MB body cap to test cheaply."""
    app = create_app(db_copy, host="0.0.0.0", token="T-write", max_upload_bytes=1_000_000)
    with ServerThread(app) as running:
        yield running


def test_access_wildcard_host_answers_real_host_headers(team_server: ServerThread) -> None:
    response = httpx.get(f"{team_server.url}/api/v1/documents?limit=1", headers=TEAM_HOST, timeout=30)
    assert response.status_code == 200 and response.json()["total"] >= 92
    assert httpx.get(f"{team_server.url}/", headers={"host": "10.0.0.7"}, timeout=30).status_code == 200


def test_access_wildcard_host_still_needs_the_token_for_writes(team_server: ServerThread) -> None:
    base = team_server.url
    refused = upload(base, {**TEAM_HOST, "X-Hearsay-Write": "1"})
    assert refused.status_code == 401 and "token" in refused.json()["error"]
    assert refused.headers["www-authenticate"].startswith("Bearer")
    assert upload(base, {**TEAM_HOST, "Authorization": "Bearer wrong"}).status_code == 401
    accepted = upload(base, {**TEAM_HOST, "Authorization": "Bearer T-write"})
    assert accepted.status_code == 200 and accepted.json()["documents"]


def test_access_configured_allowed_hosts(db_copy: Path) -> None:
    app = create_app(db_copy, host="0.0.0.0", allowed_hosts=["hearsay.newsroom.example", "*.lan"])
    with ServerThread(app) as running:
        url = f"{running.url}/api/v1/documents?limit=1"
        assert httpx.get(url, headers={"host": "hearsay.newsroom.example"}, timeout=30).status_code == 200
        assert httpx.get(url, headers={"host": "desk.lan"}, timeout=30).status_code == 200
        assert httpx.get(url, headers={"host": "evil.example"}, timeout=30).status_code == 400


def test_access_loopback_default_keeps_refusing_other_hosts(db_copy: Path) -> None:
    with ServerThread(create_app(db_copy)) as running:
        url = f"{running.url}/api/v1/documents?limit=1"
        assert httpx.get(url, timeout=30).status_code == 200
        assert httpx.get(url, headers={"host": "rebound.example"}, timeout=30).status_code == 400


def test_access_read_tokens_protect_every_read(db_copy: Path) -> None:
    app = create_app(db_copy, host="0.0.0.0", token="T-write", read_tokens=["R-one", "R-two"])
    with ServerThread(app) as running:
        base = running.url
        for path in ("/api/v1/documents", "/", "/static/hearsay.css", "/openapi.json", "/no-such-page"):
            refused = httpx.get(base + path, timeout=30)
            assert refused.status_code == 401, path
            assert refused.headers["www-authenticate"].startswith("Basic")  # a browser asks for it
        ok = httpx.get(f"{base}/api/v1/documents", headers={"Authorization": "Bearer R-two"}, timeout=30)
        assert ok.status_code == 200
        assert httpx.get(f"{base}/", headers=basic("R-one"), timeout=30).status_code == 200
        assert httpx.get(f"{base}/", headers=basic("T-write"), timeout=30).status_code == 200
        assert httpx.get(f"{base}/", headers=basic("nope"), timeout=30).status_code == 401
        assert upload(base, {"Authorization": "Bearer R-one"}).status_code == 401  # reading is not writing
        assert upload(base, {"Authorization": "Bearer T-write"}).status_code == 200


def test_access_without_read_tokens_reads_stay_open(team_server: ServerThread) -> None:
    assert httpx.get(f"{team_server.url}/api/v1/entities", timeout=30).status_code == 200


def raw_request(port: int, head: bytes, body_part: bytes, wait: float = 10) -> tuple[bytes, float]:
    """Send a request's head and only part of its body; return what the server answers, and how fast."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        started = time.monotonic()
        sock.sendall(head + body_part)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer, time.monotonic() - started


def upload_head(length: int, extra: str = "") -> bytes:
    return (
        "POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=xyz\r\n"
        f"Content-Length: {length}\r\n{extra}\r\n"
    ).encode()


def test_access_unauthenticated_100_mb_upload_is_refused_before_its_body(team_server: ServerThread) -> None:
    # Only 64 KB of the announced 100 MB is ever sent: a server that read the body would hang here.
    answer, seconds = raw_request(team_server.port, upload_head(100_000_000), b"--xyz\r\n" + b"a" * 65536)
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
    assert seconds < 5


def test_access_declared_body_over_the_cap_is_refused_at_once(team_server: ServerThread) -> None:
    head = upload_head(100_000_000, "Authorization: Bearer T-write\r\n")
    answer, seconds = raw_request(team_server.port, head, b"--xyz\r\n")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert seconds < 5


def test_access_streamed_body_over_the_cap_is_cut_off(team_server: ServerThread) -> None:
    sent = 0

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap must count as the body streams
        nonlocal sent
        yield b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'
        for _ in range(400):  # up to 26 MB in 64 KB pieces, far over the 1 MB cap
            sent += 65536
            yield b"The minister said talks would resume. " * 1680

    headers = {"Authorization": "Bearer T-write", "Content-Type": "multipart/form-data; boundary=xyz"}
    try:
        response = httpx.post(
            f"{team_server.url}/api/v1/documents", content=chunks(), headers=headers, timeout=60
        )
    except httpx.TransportError:  # the server may close before the client finishes sending
        response = None
    if response is not None:
        assert response.status_code == 413 and "HEARSAY_MAX_UPLOAD_BYTES" in response.json()["error"]
    assert sent < 26_000_000 or response is not None
    assert httpx.get(f"{team_server.url}/api/v1/documents?limit=1", timeout=30).status_code == 200


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer abc", "abc"),
        ("bearer  abc ", "abc"),
        ("Basic " + base64.b64encode(b"any:abc").decode(), "abc"),
        ("Basic " + base64.b64encode(b"abc").decode(), None),
        ("Basic !!!", None),
        ("Token abc", None),
        ("", None),
    ],
)
def test_access_presented_token(header: str, token: str | None) -> None:
    assert presented_token(header) == token


def test_access_policy_checks_writes_from_headers_alone() -> None:
    loopback = AccessPolicy(writes_open=True)
    assert loopback.refusal("GET", {}) is None
    refused = loopback.refusal("POST", {})
    assert refused is not None and refused.status == 403
    assert loopback.refusal("POST", {"x-hearsay-write": "1"}) is None
    exposed = AccessPolicy(token="T", read_tokens=("R",))
    assert exposed.refusal("POST", {"authorization": "Bearer T"}) is None
    read_only = exposed.refusal("POST", {"authorization": "Bearer R"})
    assert read_only is not None and read_only.status == 401


def test_access_serve_help_documents_the_options() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for words in ("--read-token", "--allowed-host", "HEARSAY_MAX_UPLOAD_BYTES", "0.0.0.0"):
        assert words in result.output


@pytest.mark.slow
def test_access_cli_ingest_beside_a_running_server_reports_no_false_failure(
    db_copy: Path, tmp_path: Path
) -> None:
    texts = [f"The {w} minister said on Monday that the {w} talks would resume in June." for w in WORDS]
    folder = tmp_path / "cli-inputs"
    folder.mkdir()
    for number, text in enumerate(texts[:4]):
        (folder / f"cli-{number}.txt").write_text(text.replace("minister", "mayor") + "\n")
    answers: list[int] = []
    with ServerThread(create_app(db_copy)) as running:

        def uploads() -> None:
            for number, text in enumerate(texts[4:]):
                files = {"files": (f"up-{number}.txt", text.encode(), "text/plain")}
                headers = {"X-Hearsay-Write": "1"}
                url = f"{running.url}/api/v1/documents"
                answers.append(httpx.post(url, files=files, headers=headers, timeout=300).status_code)

        uploader = threading.Thread(target=uploads)
        uploader.start()
        hearsay = Path(sys.executable).parent / "hearsay"
        cli_run = subprocess.run(
            [str(hearsay), "ingest", str(folder), "--db", str(db_copy)],
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "COLUMNS": "200"},
            check=False,
        )
        uploader.join(timeout=600)
    assert cli_run.returncode == 0, cli_run.stderr
    assert "linking failed" not in cli_run.stderr
    assert answers == [200] * 4


WORDS = ("energy", "finance", "health", "transport", "housing", "water", "trade", "labour")


def test_access_upload_cap_from_the_environment(db_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hearsay.errors import ConfigError
    from hearsay.web.app import max_upload_from_env

    monkeypatch.setenv("HEARSAY_MAX_UPLOAD_BYTES", "1234")
    assert max_upload_from_env() == 1234
    monkeypatch.setenv("HEARSAY_MAX_UPLOAD_BYTES", "lots")
    with pytest.raises(ConfigError, match="HEARSAY_MAX_UPLOAD_BYTES"):
        create_app(db_copy)
    monkeypatch.delenv("HEARSAY_MAX_UPLOAD_BYTES")
    monkeypatch.setenv("HEARSAY_MAX_BYTES", "80000000")
    assert max_upload_from_env() == 81_000_000  # always room for one file at the file limit


def test_access_serve_options_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from hearsay.cli.serve import serve

    monkeypatch.setenv("HEARSAY_ALLOWED_HOSTS", "a.example b.example")
    monkeypatch.setenv("HEARSAY_READ_TOKEN", "R1 R2")
    context = serve.make_context("serve", [])
    assert context.params["allowed_hosts"] == ("a.example", "b.example")
    assert context.params["read_tokens"] == ("R1", "R2")
