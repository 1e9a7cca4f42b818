"""`hearsay export`: write the database's readings as files."""

from __future__ import annotations

from pathlib import Path

import click

from . import output
from .query import db_option, open_existing

FORMATS = ("json", "jsonl", "csv", "jsonld", "graphml", "corrections")


EPILOG = "Exit codes: 0 written; 2 usage error; 3 the database cannot be read or the files cannot be written."


@click.command(name="export", epilog=EPILOG)
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="File format.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into (created if missing).",
)
@db_option
def export_command(fmt: str, out_dir: Path, db: str) -> None:
    """Write every stored reading (schema reading-v2) as JSON, JSON Lines or CSV files."""
    from ..export import export

    with open_existing(db) as store:
        paths = export(store, fmt, out_dir)
    for path in paths:
        click.echo(str(path))
    output.note(f"wrote {len(paths)} files to {out_dir}")
