"""Pages prepared by a second process link exactly as pages prepared here, and a killed linker or helper
loses nothing committed (``link/prepared_pages.py``)."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from hearsay.link import claims, link_corpus, propositions, titles
from hearsay.link.prepared_pages import PreparedPages
from hearsay.store import Store
from hearsay.store.links import LINK_DERIVED

from . import corpus

relation_frame = importlib.import_module(
    "hearsay.relation.frame"
)  # (the package's ``frame`` is the function)
PAGE = 2  # the corpus's 7 articles make 4 pages, 3 of them prepared aside


def link_tables(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every derived link table, row by row (a document's ``linked_at`` time left out)."""
    dump = {}
    for table in LINK_DERIVED:
        rows = [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
            for r in store._conn.execute(f"SELECT * FROM {table}")
        ]
        if table == "link_documents":
            rows = [row[:1] + row[2:] for row in rows]
        dump[table] = sorted(rows, key=repr)
    return dump


def test_pages_prepared_aside_link_as_pages_prepared_here(new_database) -> None:
    with Store(new_database("aside.db")) as store:
        corpus.ingest(store)
        aside = link_corpus(store, page_size=PAGE, prepare_aside=True)
        assert (aside["documents"], aside["prepared_aside"], aside["failures"]) == (7, 3, [])
        linked_aside = link_tables(store)
        here = link_corpus(store, rebuild=True, page_size=PAGE, prepare_aside=False)
        assert (here["documents"], here["prepared_aside"]) == (7, 0)
        assert link_tables(store) == linked_aside
        assert link_corpus(store, prepare_aside=True)["documents"] == 0  # idempotent
        assert link_tables(store) == linked_aside


@pytest.fixture(scope="module")
def unlinked(tmp_path_factory) -> Path:
    """A SQLite store of the corpus, never linked (copied by each test)."""
    path = tmp_path_factory.mktemp("unlinked") / "unlinked.db"
    with Store(path) as store:
        corpus.ingest(store)
    return path


def copy_of(unlinked: Path, folder: Path, name: str) -> Path:
    path = folder / name
    shutil.copy(unlinked, path)
    return path


def test_the_helper_prepares_the_pages_this_process_would(unlinked) -> None:
    with Store(unlinked, read_only=True) as store:
        with PreparedPages(store, PAGE, aside=True) as pages:
            aside = [pair for page in pages for pair in page]
        assert pages.aside_pages == 3
        with PreparedPages(store, PAGE, aside=False) as pages:
            here = [pair for page in pages for pair in page]
        assert pages.aside_pages == 0
    assert len(here) == 7
    assert [reading for reading, _prepared in aside] == [reading for reading, _prepared in here]
    assert [prepared for _reading, prepared in aside] == [prepared for _reading, prepared in here]


def test_the_helper_frames_the_contents_as_this_process_would(unlinked) -> None:
    for given in (relation_frame._given, propositions._given, claims._given_stems, titles._given_clauses):
        given.clear()
    with Store(unlinked, read_only=True) as store, PreparedPages(store, PAGE, aside=True) as pages:
        readings = [reading for page in pages for reading, _prepared in page]
    framed = dict(relation_frame._given.items())
    contents = {s.content.text for r in readings[PAGE:] for s in r.statements if s.content.text.strip()}
    assert contents and contents <= set(framed)  # the pages after the first were framed aside
    for text, found in framed.items():
        assert found == relation_frame._frame(text)
        assert propositions.frame(text) == propositions._frame(text)
    assert all(claims.content_words(text) == list(claims._content_stems(text)) for text in contents)
    assert {text for text, _stems in claims._given_stems.items()} == contents
    said = {
        (s.content.text, s.source.text, s.cue.text): s
        for r in readings[PAGE:]
        for s in r.statements
        if s.content.text.strip()
    }
    assert {wording for wording, _clause in titles._given_clauses.items()} == set(said)
    for (content, source, cue), clause in titles._given_clauses.items():
        assert clause == titles._as_clause(content, source, cue)
        assert titles.title_of(clause) == titles._title_of(clause)


def test_a_killed_helper_leaves_the_rest_to_this_process(unlinked, tmp_path) -> None:
    killed: list[int] = []

    def kill_helper(_count: int) -> None:
        for child in multiprocessing.active_children():
            if not killed and child.pid is not None:
                os.kill(child.pid, signal.SIGKILL)
                child.join(10)
                killed.append(child.pid)

    with Store(copy_of(unlinked, tmp_path, "a.db")) as store:
        result = link_corpus(store, page_size=PAGE, prepare_aside=True, progress=kill_helper)
        assert killed and result["documents"] == 7 and not result["failures"]
        assert result["prepared_aside"] < 3
        killed_run = link_tables(store)
    with Store(copy_of(unlinked, tmp_path, "b.db")) as store:
        link_corpus(store, prepare_aside=False)
        assert link_tables(store) == killed_run


# argv: database, page size, file for the helper's pid; the linker kills itself after two pages.
KILLED_LINKER = """
import multiprocessing, os, signal, sys
from hearsay.link import link_corpus
from hearsay.link.prepared_pages import PreparedPages
from hearsay.store import Store

db, page, pid_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = []

def progress(count):
    pages.append(count)
    if len(pages) == 2:
        helpers = [child.pid for child in multiprocessing.active_children()]
        open(pid_file, "w").write(" ".join(map(str, helpers)))
        os.kill(os.getpid(), signal.SIGKILL)

with Store(db) as store:
    link_corpus(store, page_size=page, prepare_aside=True, progress=progress)
"""


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")  # exited (a zombie waits for a parent that is gone)


def test_a_killed_linker_keeps_its_committed_pages_and_its_helper_ends(unlinked, tmp_path) -> None:
    path = copy_of(unlinked, tmp_path, "killed.db")
    pid_file = tmp_path / "helper.pid"
    run = subprocess.run(
        [sys.executable, "-c", KILLED_LINKER, str(path), str(PAGE), str(pid_file)], timeout=300, check=False
    )
    assert run.returncode == -signal.SIGKILL
    helpers = [int(pid) for pid in pid_file.read_text().split()]
    assert helpers
    deadline = time.monotonic() + 20
    while not all(gone(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in helpers)
    with Store(path) as store:
        assert store._conn.execute("SELECT count(*) FROM link_documents").fetchone()[0] == 2 * PAGE
        again = link_corpus(store, page_size=PAGE, prepare_aside=True)
        assert (again["already"], again["documents"], again["failures"]) == (2 * PAGE, 3, [])
        resumed = link_tables(store)
    with Store(copy_of(unlinked, tmp_path, "whole.db")) as store:
        link_corpus(store, page_size=PAGE, prepare_aside=False)
        assert link_tables(store) == resumed
