"""`hearsay ingest` and `hearsay demo`: read, extract and store; one failure never stops the batch."""

from __future__ import annotations

import datetime as dt
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..model import Reading
from . import output
from .read import PUBLISHED_OPTION, Failure, PublishedFor, as_date, documents, exit_code, expand, extracted

if TYPE_CHECKING:
    from ..store import SQLiteStore

DB_HELP = "SQLite database file (default: $HEARSAY_DB, else hearsay.db)."


@dataclass(slots=True)
class Tally:
    """What one ingest run did."""

    new: int = 0
    already: int = 0
    statements: int = 0
    entities: int = 0
    failures: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    linked: int | None = None

    @property
    def exit_code(self) -> int:
        return exit_code(self.new + self.already, len(self.failures))

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("documents new", f"{self.new:,}"),
            ("documents already stored", f"{self.already:,}"),
            ("statements added", f"{self.statements:,}"),
            ("entities added", f"{self.entities:,}"),
            *([("documents linked", f"{self.linked:,}")] if self.linked is not None else []),
            ("failures", f"{len(self.failures):,}"),
            ("seconds", f"{time.monotonic() - self.started:.1f}"),
        ]


class Interrupted(Exception):
    """Ctrl-C during an ingest; carries the tally so far."""

    def __init__(self, tally: Tally) -> None:
        super().__init__("interrupted")
        self.tally = tally


def ingest_paths(store, paths: Sequence[Path], published_for: PublishedFor, tally: Tally) -> Tally:
    """Read, extract and store the documents in ``paths``; failures are printed as they happen."""
    with _progress(len(paths)) as bar:
        items = documents(paths, published_for)
        try:
            for outcome in extracted(items, skip=lambda document: store.has(document.id)):
                if outcome.file_done is not None:
                    bar.file_done()
                    continue
                bar.document_done()
                if outcome.failure is not None:
                    _fail(tally, outcome.failure)
                elif outcome.reading is None:
                    tally.already += 1
                else:
                    _store(store, outcome.reading, tally)
        except KeyboardInterrupt:
            raise Interrupted(tally) from None
    return tally


def _store(store, reading: Reading, tally: Tally) -> None:
    document = reading.document
    try:
        with _atomic():
            added = store.put(document, reading)
    except KeyboardInterrupt:
        raise
    except Exception as err:  # noqa: BLE001 - a document the store refuses must not stop the batch
        from .read import describe, where

        _fail(tally, describe(err, where(document) if document is not None else reading.document_id[:12]))
        return
    if added:
        tally.new += 1
        tally.statements += len(reading.statements)
        tally.entities += len(reading.entities)
    else:
        tally.already += 1


def _fail(tally: Tally, failure: Failure) -> None:
    output.error(failure.message)
    tally.failures.append(failure.message)


@contextmanager
def _atomic() -> Iterator[None]:
    """Hold Ctrl-C until the block ends, so that a document is stored whole or not at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


class _Bar:
    """Progress by files, with a count of documents done; does nothing when not shown."""

    def __init__(self, progress: Progress | None = None, total: int | None = None) -> None:
        self.shown = (progress, progress.add_task("ingest", total=total, docs=0)) if progress else None

    def file_done(self) -> None:
        if self.shown is not None:
            progress, task = self.shown
            progress.advance(task)

    def document_done(self) -> None:
        if self.shown is not None:
            progress, task = self.shown
            progress.update(task, docs=progress.tasks[0].fields["docs"] + 1)


@contextmanager
def _progress(total: int) -> Iterator[_Bar]:
    """A progress bar on stderr, in a terminal only; it is transient, leaving only the summary behind."""
    console = output.console(stderr=True)
    if not console.is_terminal:
        yield _Bar()
        return
    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files, {task.fields[docs]} documents"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        yield _Bar(progress, total)


def open_store(db: str):
    from ..store import Store

    return Store(db)


def print_tally(tally: Tally, heading: str) -> None:
    out = output.console()
    out.print(output.cell(heading), soft_wrap=True)
    out.print(output.table(("this run", "count"), tally.rows()))


def interrupted(err: Interrupted) -> None:
    output.note(f"interrupted; {err.tally.new} documents stored, re-run to continue")
    raise SystemExit(130)


db_option = click.option("--db", envvar="HEARSAY_DB", default="hearsay.db", show_default=True, help=DB_HELP)


INGEST_EPILOG = "Exit codes: 0 all stored; 1 some failed; 2 usage error; 3 none stored; 130 interrupted."
DEMO_EPILOG = "Exit codes: 0 the sample was stored; 1 some of it failed; 3 none of it; 130 interrupted."


NO_LINK_OPTION = click.option(
    "--no-link",
    "no_link",
    is_flag=True,
    help="Store only; skip linking the new documents (run `hearsay link` later).",
)


def _ingest_and_link(
    store: SQLiteStore, paths: Sequence[Path], published_for: PublishedFor, tally: Tally, *, link: bool
) -> None:
    """Store the documents in ``paths`` (Ctrl-C keeps what is stored), then link them unless told not to."""
    try:
        ingest_paths(store, paths, published_for, tally)
    except Interrupted as err:
        interrupted(err)
    if link:
        link_new(store, tally)


def link_new(store, tally: Tally) -> None:
    """Link the documents not linked yet (incrementally); a failure is one line and fails nothing stored."""
    from ..errors import HearsayError, LinkError
    from ..link import link_corpus

    try:
        counts = link_corpus(store)
    except HearsayError as err:
        stored = "the documents are stored, run `hearsay link`"
        _fail(tally, Failure(str(LinkError(f"linking failed: {err.message}; {stored}"))))
        return
    tally.linked = counts["documents"]
    for message in counts["failures"]:
        retry = "it is stored, and `hearsay link` retries it"
        _fail(tally, Failure(str(LinkError(f"linking failed for {message}; {retry}"))))


@click.command(epilog=INGEST_EPILOG)
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@db_option
@PUBLISHED_OPTION
@NO_LINK_OPTION
def ingest(inputs: tuple[str, ...], db: str, published: dt.datetime | None, no_link: bool) -> None:
    """Read files, folders (recursively) and globs, extract their readings, store and link them.

    Documents already in the database are not read again, so an interrupted run can simply be re-run.
    New documents are then linked to the rest (entities, claim clusters, provenance) unless --no-link.
    """
    date = as_date(published)
    paths, failures = expand(inputs)
    tally = Tally()
    for failure in failures:
        _fail(tally, failure)
    with open_store(db) as store:
        _ingest_and_link(store, paths, lambda _path: date, tally, link=not no_link)
    print_tally(tally, f"ingested {len(paths)} files into {db}")
    raise SystemExit(tally.exit_code)


@click.command(epilog=DEMO_EPILOG)
@click.option("--db", default="demo.db", show_default=True, help="SQLite database file for the demo.")
@NO_LINK_OPTION
def demo(db: str, no_link: bool) -> None:
    """Ingest the bundled sample corpus and show what hearsay found in its main article."""
    from ..sample import MAIN_ARTICLE, sample_paths

    paths = sample_paths()
    tally = Tally()
    with open_store(db) as store:
        _ingest_and_link(store, paths, lambda _path: None, tally, link=not no_link)
        names = ", ".join(path.name for path in paths)
        print_tally(tally, f"hearsay demo: the bundled sample corpus ({names}) into {db}")
        _print_counts(store, db)
        _print_main_statements(store, paths[0], MAIN_ARTICLE, db)
    raise SystemExit(tally.exit_code)


def _print_counts(store, db: str) -> None:
    rows = [(name, f"{count:,}") for name, count in store.counts().items()]
    output.console().print(output.table((f"in {db}", "count"), rows))


DEMO_STATEMENTS = 8


def showcase(statements: Sequence, count: int) -> list:
    """Up to ``count`` statements in text order: the first of each stance, then the earliest others."""
    chosen: dict[str, object] = {}
    for statement in statements:
        chosen.setdefault(statement.stance, statement)
    picked = {id(s) for s in list(chosen.values())[:count]}
    for statement in statements:
        if len(picked) >= count:
            break
        picked.add(id(statement))
    return [s for s in statements if id(s) in picked]


def _print_main_statements(store, path: Path, name: str, db: str) -> None:
    from ..ingest import read_path
    from .read import statement_line

    document = next((d for d in read_path(path) if not isinstance(d, BaseException)), None)
    if document is None or not store.has(document.id):
        return
    reading = store.reading(document.id)
    out = output.console()
    shown = showcase(reading.statements, DEMO_STATEMENTS)
    total = len(reading.statements)
    out.print(f"\n{name}: {total} statements; {len(shown)} shown, one of each stance at least:")
    for statement in shown:
        out.print(statement_line(reading, statement), soft_wrap=True)
    out.print(f"\nSee the whole article marked up: hearsay show {document.id[:12]} --db {db}")
    claim = '"Kazakhstan supplied drone components"'
    out.print(f"Who says what about one claim: hearsay evidence {claim} --db {db}", soft_wrap=True)
