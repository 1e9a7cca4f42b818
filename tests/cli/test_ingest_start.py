"""What a fresh `hearsay ingest` process loads, and that it still stores and links the document.

The command starts loading spaCy before it opens the store, and links through ``hearsay.link.linker``
without the read API's modules (``hearsay.link`` imports its names when first asked for). These tests
run real processes, where nothing is loaded beforehand as it is in the test process.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import hearsay.link
from hearsay.store import Store

ROOT = Path(__file__).resolve().parents[2]
HARBOUR = ROOT / "tests" / "data" / "good" / "harbour.txt"


def python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, env=env, check=False
    )


def linked_documents(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT document_id FROM link_documents")]


def test_a_fresh_ingest_stores_and_links_the_document_once(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    first = python("-m", "hearsay", "ingest", str(HARBOUR), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "documents new            │ 1 " in first.stdout
    assert "documents linked         │ 1 " in first.stdout
    with Store(db, read_only=True) as store:
        counts = store.counts()
        (document_id,) = [d.id for d in store.documents()]
    assert counts["statements"] > 0
    assert linked_documents(db) == [document_id]
    again = python("-m", "hearsay", "ingest", str(HARBOUR), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "documents already stored │ 1 " in again.stdout
    assert "documents linked         │ 0 " in again.stdout
    with Store(db, read_only=True) as store:
        assert store.counts() == counts
    assert linked_documents(db) == [document_id]


def test_linking_does_not_import_the_read_api() -> None:
    probe = (
        "import sys\n"
        "from hearsay.link import linker\n"
        "from hearsay.pipeline import storing\n"
        "print(sorted(m for m in sys.modules if m.startswith('hearsay.link.')))\n"
    )
    result = python("-c", probe)
    assert result.returncode == 0, result.stderr
    assert "'hearsay.link.linker'" in result.stdout
    for module in ("queries", "evidence_view", "evidence_answers", "timelines", "remembered"):
        assert f"'hearsay.link.{module}'" not in result.stdout


def test_the_link_package_still_gives_every_name_and_submodule() -> None:
    for name in hearsay.link.__all__:
        assert callable(getattr(hearsay.link, name)), name
    from hearsay.link import linker, pages, queries

    assert hearsay.link.link_corpus is queries.link_corpus
    assert callable(linker.link_corpus)
    assert pages.__name__ == "hearsay.link.pages"


def test_spacy_loads_on_one_thread_however_often_it_is_started() -> None:
    probe = (
        "import threading\n"
        "from hearsay.pipeline import InProcess\n"
        "engine = InProcess()\n"
        "for _ in range(3):\n"
        "    engine.start_loading()\n"
        "print([t.name for t in threading.enumerate()].count('hearsay-model-load'))\n"
        "from hearsay.ingest import make_document\n"
        "from hearsay.pipeline import outcomes\n"
        "text = 'The minister said on Monday that the harbour would reopen within a week.'\n"
        "(outcome,) = outcomes([make_document(text)], engine)\n"
        "print(len(outcome.reading.statements))\n"
    )
    result = python("-c", probe)
    assert result.returncode == 0, result.stderr
    started, statements = result.stdout.split()
    assert started == "1" and int(statements) >= 1


def test_a_command_loads_spacy_with_the_collector_off_and_keeps_it_on_afterwards() -> None:
    probe = (
        "import gc\n"
        "from hearsay.cli.read import reading_engine\n"
        "from hearsay.ingest import make_document\n"
        "from hearsay.pipeline import ordering, outcomes\n"
        "thresholds = gc.get_threshold()\n"
        "passes = []\n"
        "gc.callbacks.append(lambda phase, info: passes.append(phase) if phase == 'start' else None)\n"
        "engine = reading_engine(1, None)\n"
        "engine.start_loading()\n"
        "ordering._loader.join()\n"
        "print(len(passes), gc.get_freeze_count() > 0, gc.get_threshold() == thresholds, gc.isenabled())\n"
        "text = 'The minister said on Monday that the harbour would reopen within a week.'\n"
        "(outcome,) = outcomes([make_document(text)], engine)\n"
        "for _ in range(10_000):\n"
        "    cycle = []\n"
        "    cycle.append(cycle)\n"
        "print(len(outcome.reading.statements), len(passes) > 0)\n"
    )
    result = python("-c", probe)
    assert result.returncode == 0, result.stderr
    passes_while_loading, frozen, same_thresholds, enabled, statements, passes_after = result.stdout.split()
    assert (passes_while_loading, frozen, same_thresholds, enabled) == ("0", "True", "True", "True")
    assert int(statements) >= 1 and passes_after == "True"
