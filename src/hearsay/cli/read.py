"""`hearsay read`: readings of files, without a database (the loop itself is ``hearsay.pipeline.read``).

Every input is isolated: a file that cannot be read, or a document whose extraction fails,
becomes one failure line naming it, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt

import click
from rich.text import Text

from ..model import Reading
from . import output


def exit_code(worked: int, failed: int) -> int:
    """0: all worked; 1: some failed, some worked; 3: nothing worked or nothing was found."""
    from ..pipeline import exit_code as pipeline_exit_code

    return pipeline_exit_code(worked, failed)


def as_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


PUBLISHED_OPTION = click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date of documents that carry none; relative dates are read against it.",
)


def _default_doc_timeout() -> float:
    from ..settings import load_settings

    return load_settings().doc_timeout


DOC_TIMEOUT_OPTION = click.option(
    "--doc-timeout",
    type=click.FloatRange(min=0),
    default=None,
    metavar="SECONDS",
    help="Stop reading a document after this long and report it as failed [H150]; 0 for no limit "
    "(default: $HEARSAY_DOC_TIMEOUT, else 120).",
)


def reading_engine(workers: int, doc_timeout: float | None):
    """The engine that reads documents: this process for one worker, else a pool of processes.

    A command keeps what it loads until it exits (``InProcess.keeps_what_loads``).
    """
    from ..pipeline import InProcess, WorkerPool

    limit = _default_doc_timeout() if doc_timeout is None else doc_timeout
    limit_or_none = limit or None
    if workers <= 1:
        return InProcess(limit_or_none, keeps_what_loads=True)
    return WorkerPool(workers, limit_or_none)


@click.command(epilog="Exit codes: 0 all inputs read; 1 some failed; 2 usage error; 3 none could be read.")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@PUBLISHED_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print one JSON reading per line (schema reading-v2).")
@DOC_TIMEOUT_OPTION
def read(
    inputs: tuple[str, ...], published: dt.datetime | None, as_json: bool, doc_timeout: float | None
) -> None:
    """Print the readings of files (text, HTML, JSON Lines; folders and globs too), without a database."""
    from .. import pipeline

    worked = failed = 0
    out = output.console()
    for outcome in pipeline.read(inputs, published=as_date(published), engine=reading_engine(1, doc_timeout)):
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
    text.append(output.one_line(name), style="bold")
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
