"""`hearsay ingest` and `hearsay demo`: arguments and output around ``hearsay.pipeline.ingest``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from . import output
from .read import DOC_TIMEOUT_OPTION, PUBLISHED_OPTION, as_date, exit_code, reading_engine

if TYPE_CHECKING:
    from ..pipeline import Outcome, Summary

DB_HELP = "SQLite database file, or postgresql://user@host/db (default: $HEARSAY_DB, else hearsay.db)."


def summary_rows(summary: Summary) -> list[tuple[str, str]]:
    return [
        ("documents new", f"{summary.new:,}"),
        ("documents already stored", f"{summary.already:,}"),
        ("statements added", f"{summary.statements:,}"),
        ("entities added", f"{summary.entities:,}"),
        *([("documents linked", f"{summary.linked:,}")] if summary.linked is not None else []),
        ("failures", f"{len(summary.failures):,}"),
        ("seconds", f"{summary.seconds:.1f}"),
    ]


def summary_exit_code(summary: Summary) -> int:
    return exit_code(summary.stored, len(summary.failures))


class _Bar:
    """Progress by files, with a count of documents done; prints each failure as it happens."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress
        self.task: TaskID | None = None

    def files(self, total: int) -> None:
        if self.progress is not None:
            self.task = self.progress.add_task("ingest", total=total, docs=0)

    def outcome(self, outcome: Outcome) -> None:
        if outcome.failure is not None:
            output.error(outcome.failure.message)
        if self.progress is None or self.task is None:
            return
        if outcome.file_done is not None:
            self.progress.advance(self.task)
        elif outcome.document is not None:
            self.progress.update(self.task, docs=self.progress.tasks[0].fields["docs"] + 1)


@contextmanager
def _progress() -> Iterator[_Bar]:
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
        yield _Bar(progress)


def run_ingest(
    store, inputs: Sequence[str | Path], published: dt.date | None, *, link: bool, engine
) -> Summary:
    """Store (and link) ``inputs`` with a progress bar; Ctrl-C keeps what is stored and exits 130."""
    from ..pipeline import Interrupted, ingest

    with engine, _progress() as bar:
        try:
            return ingest(
                inputs,
                store,
                published=published,
                engine=engine,
                link=link,
                on_outcome=bar.outcome,
                on_files=bar.files,
            )
        except Interrupted as err:
            interrupted(err)
            raise  # not reached


def open_store(db: str):
    from ..store import Store

    return Store(db)


def print_summary(summary: Summary, heading: str) -> None:
    out = output.console()
    out.print(output.cell(heading), soft_wrap=True)
    out.print(output.table(("this run", "count"), summary_rows(summary)))


def interrupted(err) -> None:
    output.note(f"interrupted; {err.summary.new} documents stored, re-run to continue")
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


WORKERS_OPTION = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Read documents in this many processes (into SQLite one writer stores them; into PostgreSQL "
    "each process stores its own); with --engine dask, the size of the local cluster started when no "
    "--scheduler is given.",
)
ENGINE_OPTION = click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where documents are read: local processes, or a Dask cluster (see docs/distributed.md).",
)
SCHEDULER_OPTION = click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="With --engine dask: the address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 "
    "(default: a local cluster on 127.0.0.1).",
)


def make_engine(
    engine: str, workers: int, scheduler: str | None, doc_timeout: float | None, db: str | None = None
):
    """The reading engine; on PostgreSQL its workers also store what they read (many writers)."""
    if engine == "dask":
        from ..pipeline.dask_engine import DaskEngine
        from .read import _default_doc_timeout

        limit = _default_doc_timeout() if doc_timeout is None else doc_timeout
        database = _postgres(db)
        return DaskEngine(scheduler=scheduler, workers=workers, time_limit=limit or None, database=database)
    if scheduler is not None:
        raise click.UsageError("--scheduler needs --engine dask")
    # (One process reads alone whatever the database: the store's modules are not imported here, so
    # that ``hearsay ingest`` starts loading spaCy before it imports them.)
    database = _postgres(db) if workers > 1 else None
    if database is not None:
        from ..pipeline import WorkerPool
        from .read import _default_doc_timeout

        limit = _default_doc_timeout() if doc_timeout is None else doc_timeout
        return WorkerPool(workers, limit or None, database=database)
    return reading_engine(workers, doc_timeout)


def _postgres(db: str | None) -> str | None:
    """``db`` when it names a PostgreSQL database, else None."""
    from ..store.database_url import is_postgres

    return db if db is not None and is_postgres(db) else None


@click.command(epilog=INGEST_EPILOG)
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@db_option
@PUBLISHED_OPTION
@NO_LINK_OPTION
@WORKERS_OPTION
@ENGINE_OPTION
@SCHEDULER_OPTION
@DOC_TIMEOUT_OPTION
def ingest(
    inputs: tuple[str, ...],
    db: str,
    published: dt.datetime | None,
    no_link: bool,
    workers: int,
    engine: str,
    scheduler: str | None,
    doc_timeout: float | None,
) -> None:
    """Read files, folders (recursively) and globs, extract their readings, store and link them.

    Documents already in the database are not read again, so an interrupted run can simply be re-run.
    New documents are then linked to the rest (entities, claim clusters, provenance) unless --no-link.
    """
    reader = make_engine(engine, workers, scheduler, doc_timeout, db)
    start_loading = getattr(reader, "start_loading", None)
    if start_loading is not None:  # reading in this process: spaCy loads while the store opens
        start_loading()
    with open_store(db) as store:
        summary = run_ingest(store, inputs, as_date(published), link=not no_link, engine=reader)
    print_summary(summary, f"ingested {summary.files} files into {db}")
    raise SystemExit(summary_exit_code(summary))


@click.command(epilog=DEMO_EPILOG)
@click.option("--db", default="demo.db", show_default=True, help="SQLite database file for the demo.")
@NO_LINK_OPTION
def demo(db: str, no_link: bool) -> None:
    """Ingest the bundled sample corpus and show what hearsay found in its main article."""
    from ..sample import MAIN_ARTICLE, sample_paths

    paths = sample_paths()
    with open_store(db) as store:
        summary = run_ingest(store, paths, None, link=not no_link, engine=reading_engine(1, None))
        names = ", ".join(path.name for path in paths)
        print_summary(summary, f"hearsay demo: the bundled sample corpus ({names}) into {db}")
        _print_counts(store, db)
        _print_main_statements(store, paths[0], MAIN_ARTICLE, db)
        _print_claim_across_languages(store, db)
    raise SystemExit(summary_exit_code(summary))


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


# The English proposition the demo suggests for the claim it shows in two languages.
DEMO_ACROSS_PROPOSITION = "Smadiyarov lacked details on Timofeev's stay in Kazakhstan"


def _print_claim_across_languages(store, db: str) -> None:
    """One claim cluster whose members are in more than one language, with its members."""
    from ..lang import text_language
    from ..link import cluster_members, clusters_across_languages

    found = clusters_across_languages(store, limit=1)
    if not found:
        return
    members = cluster_members(store, found[0])
    out = output.console()
    out.print(
        f"\nOne claim in two languages ({len(members)} statements, cluster {found[0]}), earliest first:",
        soft_wrap=True,
    )
    for member in members[:4]:
        said = f"{member.source or '(unattributed)'} -> {member.cue} -> {member.content}"
        out.print(
            f"[{text_language(member.content)}] {member.published or 'undated'}: {said}", soft_wrap=True
        )
    claim = f'"{DEMO_ACROSS_PROPOSITION}"'
    out.print(f"The same claim in either language: hearsay evidence {claim} --db {db}", soft_wrap=True)
