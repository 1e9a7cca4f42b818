"""The web tests' world: the sample corpus in a real SQLite file, a real uvicorn server, real Chromium.

The sample corpus (and the hostile test document) is ingested once per session; tests that
write (uploads) work on copies, or on the session server, whose copy they may add to.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (scripts/install installs it)")

import uvicorn  # noqa: E402

from hearsay.ingest import read_path  # noqa: E402
from hearsay.link import link_corpus  # noqa: E402
from hearsay.sample import MAIN_ARTICLE, sample_paths  # noqa: E402
from hearsay.store import SQLiteStore  # noqa: E402
from hearsay.web import create_app  # noqa: E402
from postgres_server import BACKENDS  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"
HOSTILE = DATA / "web" / "hostile.jsonl"
REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Chromium in a closed network: no sandbox (root in CI), and none of its background connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _ingest(store: SQLiteStore, paths: list[Path]) -> None:
    from hearsay.extract.pipeline import extract_many

    documents = [d for p in paths for d in read_path(p) if not isinstance(d, BaseException)]
    for document, reading in zip(documents, extract_many(documents), strict=True):
        store.put(document, reading)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The sample corpus plus the hostile document, read, stored and linked."""
    path = tmp_path_factory.mktemp("web-db") / "sample.db"
    with SQLiteStore(path) as store:
        _ingest(store, [*sample_paths(), HOSTILE])
        link_corpus(store)
    return path


@pytest.fixture(scope="session")
def sample_pg(sample_db: Path, postgres_server) -> str:
    """The sample database's readings stored into a PostgreSQL database and linked there: a template
    that no test opens (``sample_location`` and ``writable_location`` hand out copies)."""
    url = postgres_server.database()
    with SQLiteStore(sample_db, read_only=True) as source, SQLiteStore(url) as target:
        for reading in source.iter_readings():
            assert reading.document is not None
            target.put(reading.document, reading)
        vectors = [
            tuple(row) for row in source._conn.execute("SELECT text_hash, vector FROM link_embeddings")
        ]
        with target.transaction() as conn:  # the contents' vectors as they are: nothing embedded twice
            conn.executemany("INSERT INTO link_embeddings VALUES (?, ?)", vectors)
            conn.executemany(
                "INSERT INTO link_vector_keys (text_hash) VALUES (?)",
                sorted((h,) for h, _vector in vectors if not h.startswith("u:")),
            )
        link_corpus(target)
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def sample_location(request, sample_db: Path) -> Path | str:
    """The linked sample corpus on each backend, for tests that only read: the SQLite file, or a
    session copy of ``sample_pg`` (every route family's tests run on both, issue 17)."""
    if request.param == "sqlite":
        return sample_db
    return request.getfixturevalue("postgres_server").copy(request.getfixturevalue("sample_pg"))


@pytest.fixture
def writable_location(backend: str, sample_db: Path, tmp_path: Path, request) -> Iterator[Path | str]:
    """A private copy of the linked sample corpus on this test's backend, for tests that write."""
    if backend == "sqlite":
        target = tmp_path / "copy.db"
        shutil.copy(sample_db, target)
        yield target
        return
    server = request.getfixturevalue("postgres_server")
    url = server.copy(request.getfixturevalue("sample_pg"))
    yield url
    server.drop(url)


@pytest.fixture(scope="session")
def main_article_id(sample_db: Path) -> str:
    document = next(d for d in read_path(sample_paths()[0]) if not isinstance(d, BaseException))
    assert sample_paths()[0].name == MAIN_ARTICLE
    return document.id


@pytest.fixture(scope="session")
def hostile_id(sample_db: Path) -> str:
    return next(d for d in read_path(HOSTILE) if not isinstance(d, BaseException)).id


@dataclass(frozen=True)
class Corrected:
    """A copy of the sample store where an analyst changed one statement's certainty: a statement by a
    linked entity, listed on the first page of a side of ``cluster``'s claim (``item``: its evidence row)."""

    path: Path
    cluster: str
    item: dict


@pytest.fixture(scope="session")
def corrected_db(sample_db: Path, tmp_path_factory) -> Corrected:
    from hearsay.corrections import Change, correct
    from hearsay.link import cluster_list, evidence

    path = tmp_path_factory.mktemp("web-corrected") / "corrected.db"
    shutil.copy(sample_db, path)
    with SQLiteStore(path) as store:
        for cluster in (c for c in cluster_list(store, limit=50) if c.size > 1):
            sides = evidence(store, cluster_id=cluster.id).to_dict()["sides"].values()
            items = [item for side in sides for item in side["items"][:10] if item["entity_id"]]
            if items:
                break
        item = items[0]
        certainty = "possible" if item["certainty"] != "possible" else "probable"
        correct(store, item["document_id"], item["statement_id"], Change(certainty=certainty), who="ana")
    return Corrected(path, cluster.id, item)


@pytest.fixture
def db_copy(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample database, for tests that write."""
    target = tmp_path / "copy.db"
    shutil.copy(sample_db, target)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerThread:
    """A real uvicorn server on 127.0.0.1 in a thread, stopped on exit."""

    def __init__(self, app) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(sample_db: Path, tmp_path_factory) -> Iterator[ServerThread]:
    """The app over a session copy of the sample database, served by uvicorn."""
    path = tmp_path_factory.mktemp("web-server") / "served.db"
    shutil.copy(sample_db, path)
    with ServerThread(create_app(path)) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: scripts/install-browser installs Debian's chromium (needs root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def screenshot_dirs(tmp_path_factory) -> list[Path]:
    """Where page screenshots go: a tmp folder always; docs/screenshots with HEARSAY_UPDATE_SCREENSHOTS=1."""
    folders = [Path(os.environ.get("HEARSAY_SCREENSHOTS_DIR") or tmp_path_factory.mktemp("screenshots"))]
    if os.environ.get("HEARSAY_UPDATE_SCREENSHOTS") == "1":
        folders.append(REPO / "docs" / "screenshots")
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    return folders
