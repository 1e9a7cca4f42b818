"""Session-wide test setup: the versions every result depends on, printed in the header."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest
import spacy

# tests/postgres_server.py is imported by name from the fixtures below.
sys.path.insert(0, str(Path(__file__).parent))


def pytest_report_header(config):
    from hearsay.extract.pipeline import load_pipeline

    nlp = load_pipeline()
    model = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    return [f"sqlite: {sqlite3.sqlite_version}, spacy: {spacy.__version__}, model: {model}"]


# --- PostgreSQL: a real throwaway server for the store and link tests on both backends ---------

from postgres_server import BACKENDS  # noqa: E402  (after the sys.path line above)


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL server; skipped on a machine without it, a failure in CI (CI=true)."""
    from postgres_server import Server, find_binaries

    binaries = find_binaries()
    if binaries is None:
        reason = "PostgreSQL is not installed (scripts/install-postgresql installs it)"
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"{reason}; CI must run the tests on PostgreSQL too", pytrace=False)
        pytest.skip(reason)
    server = Server(binaries)
    server.start()
    yield server
    server.stop()


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "sqlite_only: the test is about the SQLite file itself (its bytes, PRAGMAs, old versions)"
    )


def pytest_collection_modifyitems(config, items):
    # A SQLite-only test parametrised through a module or session fixture (``params=BACKENDS``).
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if item.get_closest_marker("sqlite_only") and "postgresql" in params.values():
            item.add_marker(pytest.mark.skip(reason="about the SQLite file itself"))


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Which store backend a test runs on: every store and link test runs on both."""
    if request.param == "postgresql" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about the SQLite file itself")
    return request.param


@pytest.fixture
def database_location(backend, tmp_path, request) -> str:
    """Where a new store lives: a SQLite file in tmp_path, or a new database on the test server."""
    if backend == "sqlite":
        yield str(tmp_path / "hearsay.db")
        return
    server = request.getfixturevalue("postgres_server")
    url = server.database()
    yield url
    server.drop(url)


@pytest.fixture
def new_database(backend, tmp_path, request):
    """``new_database(name)``: a new store's place on this test's backend (a file in tmp_path, or a
    new PostgreSQL database, dropped after the test)."""
    made: list[str] = []

    def make(name: str = "hearsay.db") -> str:
        if backend == "sqlite":
            return str(tmp_path / name)
        made.append(request.getfixturevalue("postgres_server").database())
        return made[-1]

    yield make
    for url in made:
        request.getfixturevalue("postgres_server").drop(url)
