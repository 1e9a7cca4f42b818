"""`hearsay read`: readings of files, without a database; and the batch loop that `ingest` shares.

Every input is isolated: a file that cannot be read, or a document whose extraction fails,
becomes one ``Failure`` naming it, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import click
from rich.text import Text

from ..errors import ConfigError, HearsayError
from ..model import Document, Reading
from . import output

BATCH_SIZE = 16

PublishedFor = Callable[[Path], "dt.date | None"]


@dataclass(frozen=True, slots=True)
class Failure:
    """One input that did not work; ``message`` names it."""

    message: str


@dataclass(frozen=True, slots=True)
class FileDone:
    """Marks the end of one input file's documents in the stream."""

    path: Path


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one document: a new reading, a skip (already stored), or a failure.

    An Outcome with ``file_done`` set carries nothing else: every document of that file is done.
    """

    document: Document | None = None
    reading: Reading | None = None
    failure: Failure | None = None
    file_done: Path | None = None


def describe(error: BaseException, where: str) -> Failure:
    """A one-line failure for ``error``; hearsay's own errors already name their input."""
    if isinstance(error, HearsayError):
        text = str(error)
        return Failure(text if (error.where or where in text) else f"{where}: {text}")
    return Failure(f"{where}: unexpected {type(error).__name__}: {error}")


def where(document: Document) -> str:
    return document.source_path or f"document {document.id[:12]}"


def expand(args: Sequence[str]) -> tuple[list[Path], list[Failure]]:
    """The files named by ``args`` (files, folders, globs), and one failure per argument that names none."""
    from ..ingest import expand_inputs

    paths: list[Path] = []
    failures: list[Failure] = []
    try:
        for item in expand_inputs(args):
            if isinstance(item, BaseException):
                failures.append(describe(item, "input"))
            else:
                paths.append(item)
    except Exception as err:  # noqa: BLE001 - report, and read what was found so far
        failures.append(describe(err, " ".join(args)))
    return paths, failures


def documents(paths: Iterable[Path], published_for: PublishedFor) -> Iterator[Document | Failure | FileDone]:
    """The documents in each file, in order, then a FileDone; a file that fails becomes a Failure."""
    from ..ingest import read_path

    for path in paths:
        try:
            for item in read_path(path, published=published_for(path)):
                yield describe(item, str(path)) if isinstance(item, BaseException) else item
        except ConfigError:
            raise  # a bad setting fails every file alike: one line, not one per file
        except Exception as err:  # noqa: BLE001 - a reader bug loses this file, not the batch
            yield describe(err, str(path))
        yield FileDone(path)


def extracted(
    items: Iterable[Document | Failure | FileDone],
    *,
    skip: Callable[[Document], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in input order; the documents among them are extracted in batches.

    ``skip(document)`` true (already stored) gives an Outcome without a reading, without
    extracting. A document seen twice in one run is skipped the second time.
    """
    queue: list[Document | Outcome] = []  # in input order; Documents wait for their batch
    waiting = 0
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Failure):
            queue.append(Outcome(failure=item))
        elif isinstance(item, FileDone):
            queue.append(Outcome(file_done=item.path))
        elif item.id in seen or (skip is not None and skip(item)):
            queue.append(Outcome(document=item))
        else:
            seen.add(item.id)
            queue.append(item)
            waiting += 1
        if waiting >= batch_size:
            yield from _drain(queue)
            queue, waiting = [], 0
    yield from _drain(queue)


def _drain(queue: list[Document | Outcome]) -> Iterator[Outcome]:
    """Extract the documents in ``queue`` as one batch, then yield every entry's outcome in order."""
    batch = [entry for entry in queue if isinstance(entry, Document)]
    outcomes = iter(_extract(batch))
    for entry in queue:
        yield next(outcomes) if isinstance(entry, Document) else entry


def _extract(batch: list[Document]) -> Iterator[Outcome]:
    """Outcomes of one batch; if the batch fails, each document is retried alone."""
    from ..errors import ModelError
    from ..extract.pipeline import extract, extract_many

    if not batch:
        return
    try:
        readings = list(extract_many(batch, batch_size=len(batch)))
    except ModelError:
        raise  # no document can be read without the model: stop with one line
    except Exception:  # noqa: BLE001 - find the document that broke the batch
        readings = None
    if readings is not None and len(readings) == len(batch):
        for document, reading in zip(batch, readings, strict=True):
            yield Outcome(document=document, reading=reading)
        return
    for document in batch:
        try:
            yield Outcome(document=document, reading=extract(document))
        except ModelError:
            raise
        except Exception as err:  # noqa: BLE001
            yield Outcome(document=document, failure=describe(err, where(document)))


def exit_code(worked: int, failed: int) -> int:
    """0: all worked; 1: some failed, some worked; 3: nothing worked or nothing was found."""
    if worked == 0:
        return 3
    return 1 if failed else 0


def as_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


PUBLISHED_OPTION = click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date of documents that carry none; relative dates are read against it.",
)


@click.command(epilog="Exit codes: 0 all inputs read; 1 some failed; 2 usage error; 3 none could be read.")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@PUBLISHED_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print one JSON reading per line (schema reading-v2).")
def read(inputs: tuple[str, ...], published: dt.datetime | None, as_json: bool) -> None:
    """Print the readings of files (text, HTML, JSON Lines; folders and globs too), without a database."""
    date = as_date(published)
    paths, failures = expand(inputs)
    for failure in failures:
        output.error(failure.message)
    worked, failed = 0, len(failures)
    out = output.console()
    for outcome in extracted(documents(paths, lambda _path: date)):
        if outcome.file_done is not None:
            continue
        if outcome.failure is not None:
            output.error(outcome.failure.message)
            failed += 1
        elif outcome.reading is not None:
            worked += 1
            if as_json:
                output.json_line(outcome.reading.to_dict())
            else:
                out.print(summary(outcome.reading), soft_wrap=True)
    raise SystemExit(exit_code(worked, failed))


def summary(reading: Reading) -> Text:
    """A human summary of one reading: a header line, then one line per statement."""
    document = reading.document
    name = (document and (document.source_path or document.title)) or reading.document_id[:12]
    text = Text()
    text.append(name, style="bold")
    text.append(
        f"  id {reading.document_id[:12]}, published {reading.published or '-'}: {len(reading.statements)} "
        f"statements, {len(reading.entities)} entities, {len(reading.times)} times\n"
    )
    for statement in reading.statements:
        text.append("  ")
        text.append_text(statement_line(reading, statement))
        text.append("\n")
    return text


def statement_line(reading: Reading, statement) -> Text:
    """``source -> cue -> content [stance/certainty/polarity]`` with the document's words literal."""
    entity = reading.entity(statement.source.entity)
    source = entity.name if entity else (statement.source.text or "(unattributed)")
    line = Text()
    line.append(output.one_line(source), style=output.STYLES["source"])
    line.append(" -> ")
    line.append(output.one_line(statement.cue.text), style=output.STYLES["cue"])
    line.append(" -> ")
    line.append(output.one_line(statement.content.text), style=output.STYLES["content"])
    line.append(f" [{output.factuality(statement)}]")
    return line
