"""`hearsay statements`, `hearsay entities` and `hearsay show`: read-only views of the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.text import Text

from ..errors import StoreError
from ..model import STANCES, Reading
from ..vocabulary import label as worded_label
from . import output
from .ingest import DB_HELP

# Columns shown for entity rows, in this order, when the rows have them; --json prints every field.
ENTITY_COLUMNS = ("name", "type", "aliases", "documents", "mentions", "statements")
SHORT = {"aliases": 80, "roles": 80}

db_option = click.option("--db", envvar="HEARSAY_DB", default="hearsay.db", show_default=True, help=DB_HELP)
json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")
EPILOG = "Exit codes: 0 done; 2 usage error; 3 the database cannot be read or the document is not in it."


def open_existing(db: str):
    """The store at ``db`` opened read-only; a missing file is an error, not a new empty database."""
    from ..store import Store

    if "://" not in db and not Path(db).exists():
        raise StoreError(f"no database at {db}; create one with: hearsay ingest PATH... --db {db}")
    return Store(db, read_only=True)


@click.command(epilog=EPILOG)
@db_option
@click.option("--source", help="Only statements whose source is (or is an alias of) this name.")
@click.option("--about", help="Only statements whose content mentions this name or text.")
@click.option("--stance", type=click.Choice(STANCES), help="Only statements with this stance.")
@click.option("--document", "document_id", metavar="ID", help="Only statements of this document.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@json_option
def statements(db: str, source, about, stance, document_id, limit: int, as_json: bool) -> None:
    """List stored statements: who said what, with cue, stance, certainty and polarity."""
    from ..store.corrections import CorrectionTable

    with open_existing(db) as store:
        rows = store.statements(
            source=source, about=about, stance=stance, document_id=document_id, limit=limit
        )
        marks = CorrectionTable(store).marks_of([row["document_id"] for row in rows])
    for row in rows:
        row["corrected"] = marks.get((row["document_id"], row["statement_id"]), [])
    if as_json or not rows:
        _print_rows(rows, (), as_json, title="")
        return
    table_rows = [
        output.statement_row(
            row["document_id"][:8] + (" ✎" if row["corrected"] else ""),
            row["source"],
            row["cue"],
            row["content"],
            row,
        )
        for row in rows
    ]
    columns = ("document", *output.STATEMENT_COLUMNS)
    output.console().print(output.table(columns, table_rows, title=f"{len(rows)} statements"))


@click.command(epilog=EPILOG)
@db_option
@click.option("--type", "entity_type", metavar="TYPE", help="Only entities of this type: PERSON, ORG, GPE...")
@json_option
def entities(db: str, entity_type: str | None, as_json: bool) -> None:
    """List stored entities with their types and aliases."""
    with open_existing(db) as store:
        rows = store.entities(type=entity_type.upper() if entity_type else None)
    _print_rows(rows, ENTITY_COLUMNS, as_json, title=f"{len(rows)} entities")


def _print_rows(rows: list[dict[str, Any]], preferred: tuple[str, ...], as_json: bool, title: str) -> None:
    if as_json:
        for row in rows:
            output.json_line(row)
        return
    if not rows:
        output.note("nothing matches")
        return
    columns = [c for c in preferred if c in rows[0]] or list(rows[0])
    table_rows = [[_shown(_worded(c, row.get(c)), SHORT.get(c)) for c in columns] for row in rows]
    output.console().print(output.table(columns, table_rows, title=title))


# Columns whose stored values are shown in the pages' words (docs/vocabulary.md); --json keeps the values.
WORDED = {
    "type": "entity_type",
    "stance": "stance",
    "certainty": "certainty",
    "polarity": "polarity",
    "kind": "kind",
}


def _worded(column: str, value: Any) -> Any:
    return worded_label(WORDED[column], value) if column in WORDED and isinstance(value, str) else value


def _shown(value: Any, limit: int | None) -> Text:
    """A store value as a cell: span dicts show their text, lists are joined."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("text")
    elif isinstance(value, list | tuple):
        value = ", ".join(str(v.get("text", v) if isinstance(v, dict) else v) for v in value)
    return output.cell(value, limit)


@click.command(epilog=EPILOG)
@click.argument("document_id", metavar="DOCUMENT_ID")
@db_option
@click.option(
    "--plain",
    is_flag=True,
    help="Mark statements with brackets instead of colours (the default without colour).",
)
@click.option("--why", is_flag=True, help="Also print, per statement, the rules that made it one.")
def show(document_id: str, db: str, plain: bool, why: bool) -> None:
    """Print a stored document with its sources, cues, contents, entities and times marked up.

    DOCUMENT_ID may be any unique prefix of the id. Without a colour terminal (or with --plain),
    statement n is marked as [Sn source], <Cn cue> and {n content}.
    """
    with open_existing(db) as store:
        from ..store.corrections import CorrectionTable

        document = store.document(document_id)
        reading = store.reading(document.id)
        marks = CorrectionTable(store).marks(document.id)
    out = output.console()
    header = Text()
    header.append(output.one_line(document.title or document.source_path or "untitled"), style="bold")
    header.append(f"\nid {document.id}")
    details = (("outlet", document.outlet), ("published", document.published), ("url", document.url))
    for label, value in details:
        if value:
            header.append(f"\n{label} {output.one_line(str(value))}")
    out.print(header, soft_wrap=True)
    if plain or out.color_system is None:
        out.print(Text(output.plain_legend()))
        out.print()
        out.print(Text(output.plain_marked_up(reading, document.text)), soft_wrap=True)
    else:
        out.print(output.legend())
        out.print()
        out.print(output.marked_up(reading, document.text), soft_wrap=True)
    out.print()
    out.print(_statement_table(reading, marks))
    if marks:
        out.print(Text("✎ corrected by an analyst (hearsay correct list " + document.id[:12] + ")"))
    if why:
        out.print()
        out.print(Text(_why(reading)), soft_wrap=True)


def _statement_table(reading: Reading, marks: dict[str, list[str]]):
    rows = []
    for statement in reading.statements:
        entity = reading.entity(statement.source.entity)
        source = entity.name if entity else statement.source.text
        cue, content = statement.cue.text, statement.content.text
        if source and statement.source_unresolved:
            source += " (unresolved)"
        if statement.addressee is not None:
            cue += f"\nto {statement.addressee.text}"
        if statement.medium is not None:
            cue += f"\nvia {statement.medium.text}"
        decided = ", ".join(worded_label("corrected", name) for name in marks.get(statement.id, ()))
        number = statement.id + (" ✎ " + decided if decided else "")
        rows.append(output.statement_row(number, source, cue, content, statement))
    columns = ("#", *output.STATEMENT_COLUMNS)
    return output.table(columns, rows, title=f"{len(rows)} statements")


def _why(reading: Reading) -> str:
    """Per statement, the rules that produced and shaped it, each with what it means."""
    from ..extract.attribution.rules import describe

    lines = []
    for statement in reading.statements:
        lines.append(f"{statement.id} {output.one_line(statement.cue.text)!r}: why it is a statement")
        if not statement.rules:
            lines.append("  (no rules recorded: read before hearsay kept them; ingest it again to see them)")
        lines.extend(f"  {rule}: {describe(rule)}" for rule in statement.rules)
    return "\n".join(lines)
