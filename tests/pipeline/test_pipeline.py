"""hearsay.pipeline as a library: outcomes in input order, failures as values, idempotent runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hearsay import pipeline
from hearsay.pipeline import FileDone, InProcess, Outcome, WorkerPool
from hearsay.store import Store

from .conftest import DATA, news


def shape(outcomes: list[Outcome]) -> list[tuple[str, str]]:
    """Each outcome as (what, which), comparable across engines."""
    result = []
    for outcome in outcomes:
        if outcome.file_done is not None:
            result.append(("file", outcome.file_done.name))
        elif outcome.failure is not None:
            result.append(("failure", outcome.failure.message))
        else:
            assert outcome.document is not None and outcome.reading is not None
            result.append(("reading", outcome.reading.document_id))
    return result


@pytest.fixture(scope="module")
def in_process() -> list[Outcome]:
    return list(pipeline.read([DATA / "good", DATA / "bad"]))


def test_pipeline_read_keeps_input_order_with_failures_as_values(in_process: list[Outcome]) -> None:
    kinds = [kind for kind, _ in shape(in_process)]
    files = [path for folder in (DATA / "good", DATA / "bad") for path in folder.rglob("*") if path.is_file()]
    assert kinds.count("file") == len(files) and kinds.count("reading") >= len(
        list((DATA / "good").iterdir())
    )
    failures = [outcome.failure for outcome in in_process if outcome.failure is not None]
    assert len(failures) >= 8
    assert all(failure.code == "H100" and "\n" not in failure.message for failure in failures)
    assert all(failure.message.startswith("[H100] ") for failure in failures)


def test_pipeline_workers_give_the_same_outcomes_in_the_same_order(in_process: list[Outcome]) -> None:
    with WorkerPool(2, time_limit=60, chunk_size=3) as engine:
        parallel = list(pipeline.read([DATA / "good", DATA / "bad"], engine=engine))
    assert shape(parallel) == shape(in_process)
    by_id = {o.reading.document_id: o.reading.to_dict() for o in in_process if o.reading}
    assert all(o.reading.to_dict() == by_id[o.reading.document_id] for o in parallel if o.reading)


def test_pipeline_ingest_twice_stores_once(tmp_path: Path, database_location: str) -> None:
    folder = tmp_path / "news"
    shutil.copytree(DATA / "good", folder)
    seen: list[Outcome] = []
    files: list[int] = []
    with Store(database_location) as store:  # a SQLite file, and a PostgreSQL database
        first = pipeline.ingest([folder], store, link=False, on_outcome=seen.append, on_files=files.append)
        second = pipeline.ingest([folder], store, link=False, engine=InProcess(chunk_size=2))
        counts = store.counts()
    assert (first.new, first.already, first.failures) == (12, 0, [])
    assert (second.new, second.already, second.failures) == (0, 12, [])
    assert counts["documents"] == 12 and counts["statements"] == first.statements
    assert files == [7]
    assert sum(1 for o in seen if o.stored) == 12
    assert [o.file_done.name for o in seen if o.file_done] == sorted(p.name for p in folder.iterdir())


def test_pipeline_ingest_reports_an_input_that_names_nothing(tmp_path: Path, database_location: str) -> None:
    with Store(database_location) as store:
        summary = pipeline.ingest(
            [tmp_path / "missing.txt", DATA / "good" / "harbour.txt"], store, link=False
        )
    (failure,) = summary.failures
    assert "missing.txt" in failure.message and failure.message.startswith("[")
    assert summary.new == 1


def test_pipeline_skips_a_document_repeated_in_one_run() -> None:
    document = news(1)
    items = [document, FileDone(Path("a")), document]
    outcomes = list(pipeline.outcomes(items, InProcess()))
    assert [o.reading is not None for o in outcomes] == [True, False, False]
    assert outcomes[2].document == document and outcomes[2].failure is None


def test_pipeline_ingest_and_link_again_changes_nothing(tmp_path: Path, database_location: str) -> None:
    """Re-ingesting a linked folder stores nothing, links nothing and leaves every count as it was."""
    folder = tmp_path / "news"
    shutil.copytree(DATA / "good", folder)
    with Store(database_location) as store:
        first = pipeline.ingest([folder], store)
        before = store.counts()
        linked = store._conn.execute("SELECT count(*) FROM link_statements").fetchone()[0]
        second = pipeline.ingest([folder], store)
        assert store.counts() == before
        assert store._conn.execute("SELECT count(*) FROM link_statements").fetchone()[0] == linked
    assert (first.new, second.new, second.already) == (12, 0, 12)
    assert linked == before["statements"] > 0
