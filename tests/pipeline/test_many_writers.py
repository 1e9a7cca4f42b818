"""On PostgreSQL every reading worker stores what it reads (many writers): the same documents and
readings as one writer, idempotent re-runs, failures still as values, and the CLI's --workers and
--engine dask both use it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hearsay import pipeline
from hearsay.cli import cli
from hearsay.pipeline import WorkerPool
from hearsay.pipeline.outcomes import Written
from hearsay.pipeline.writing import read_and_store_chunk
from hearsay.store import Store, open_store

from .conftest import DATA, news


@pytest.fixture()
def database(postgres_server):
    url = postgres_server.database()
    yield url
    postgres_server.drop(url)


def readings(location: str) -> dict[str, dict]:
    with open_store(location) as store:
        return {reading.document_id: reading.to_dict() for reading in store.iter_readings()}


def test_workers_store_their_own_readings_and_a_rerun_stores_nothing(database: str, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    shutil.copytree(DATA / "good", folder)
    seen = []
    with (
        open_store(database) as store,
        WorkerPool(2, time_limit=120, chunk_size=3, database=database) as engine,
    ):
        first = pipeline.ingest([folder], store, link=False, engine=engine, on_outcome=seen.append)
        again = pipeline.ingest([folder], store, link=False, engine=engine)
        counts = store.counts()
    assert (first.new, first.already, first.failures) == (12, 0, [])
    assert (again.new, again.already) == (0, 12)
    assert counts["documents"] == 12 and counts["statements"] == first.statements > 0
    written = [o for o in seen if o.written is not None]
    assert len(written) == 12 and all(o.reading is None and o.stored for o in written)
    # The same readings one writer stores into SQLite.
    with Store(tmp_path / "one.db") as one:
        pipeline.ingest([folder], one, link=False)
    assert readings(database) == readings(str(tmp_path / "one.db"))


def test_a_chunk_stored_in_a_worker_keeps_failures_and_counts_what_was_there(database: str) -> None:
    from hearsay.model import Document

    good, other = news(1), news(2)
    german = Document(id="1" * 64, text="Der Minister sagte etwas.", language="de", source_path="de.txt")
    first = read_and_store_chunk([good, german, other], None, database)
    assert isinstance(first[0], Written) and first[0].added and first[0].statements > 0
    assert not isinstance(first[1], Written) and first[1].message.startswith("[H100] de.txt: ")
    assert isinstance(first[2], Written) and first[2].added
    again = read_and_store_chunk([good], None, database)
    assert again == [Written(good.id, False, first[0].statements, first[0].entities)]


def test_a_database_the_worker_cannot_reach_fails_each_document_in_one_line() -> None:
    results = read_and_store_chunk([news(3)], None, "postgresql://nobody@127.0.0.1:1/none")
    assert len(results) == 1 and not isinstance(results[0], Written)
    assert results[0].message.startswith("[H") and "\n" not in results[0].message


def test_cli_ingest_workers_and_dask_write_from_the_workers(database: str, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder = tmp_path / "news"
    shutil.copytree(DATA / "good", folder)
    runner = CliRunner()
    local = runner.invoke(cli, ["ingest", str(folder), "--db", database, "--workers", "2", "--no-link"])
    assert local.exit_code == 0, local.output
    with open_store(database) as store:
        assert store.counts()["documents"] == 12
    dask = runner.invoke(
        cli, ["ingest", str(folder), "--db", database, "--engine", "dask", "--workers", "1", "--no-link"]
    )
    assert dask.exit_code == 0, dask.output
    with open_store(database) as store:
        assert store.counts()["documents"] == 12  # nothing twice
