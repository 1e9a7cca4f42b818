"""`hearsay eval all`: every evaluation whose data is present, its headline figures beside their targets."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import click

from ..errors import ConfigError
from . import output
from .eval_options import data_option, default_data

FOLDERS = (
    "polnear",
    "tempeval3",
    "meantime",
    "factuality",
    "ecbplus",
    "fnc-1",
    "factrueval2016",
    "adaq-ru-quotes",
)


def _cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _met(row: dict) -> str:
    return {True: "yes", False: "NO", None: ""}[row["met"]]


@click.command(name="all")
@data_option(
    "Folder holding polnear/, tempeval3/, meantime/, factuality/, ecbplus/, fnc-1/, factrueval2016/, "
    "adaq-ru-quotes/ [default: ../shared/data]",
    name="data_root",
)
@click.option(
    "--only",
    type=click.Choice(FOLDERS),
    multiple=True,
    help="Run only the evaluations of this dataset (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the headline figures as one JSON object.")
def eval_all(data_root: Path | None, only: tuple[str, ...], as_json: bool) -> None:
    """Run every evaluation; print its headline figures, targets and time (full tables: one command each)."""
    from ..evaluate.suite import run_suite

    root = data_root or default_data()
    if not root.is_dir():
        raise ConfigError("is not a folder; name the data folder with --data DIR", where=str(root))
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    seconds: dict[str, float] = {}
    for outcome in run_suite(root, set(only) or None):
        name = f"hearsay eval {outcome.evaluation.name}"
        seconds[name] = outcome.seconds
        if outcome.skipped:
            output.note(f"{name}: skipped: {outcome.skipped}")
            continue
        if not as_json:
            output.note(f"{name}: {outcome.seconds} s")
        rows += outcome.rows()
    total = round(time.perf_counter() - started, 1)
    if not rows:
        raise ConfigError(
            "holds none of the evaluation datasets (" + ", ".join(FOLDERS) + ")", where=str(root)
        )
    if as_json:
        click.echo(
            json.dumps({"data": str(root), "figures": rows, "seconds": seconds, "elapsed_s": total}, indent=2)
        )
        return
    table = [
        [
            row["evaluation"].removeprefix("hearsay eval "),
            row["figure"],
            _cell(row["value"]),
            _cell(row["target"]),
            _met(row),
        ]
        for row in rows
    ]
    out = output.console()
    out.width = max(out.width, 110)
    out.print(
        output.table(
            ["evaluation", "figure", "measured", "target", "met"], table, title=f"hearsay eval all: {root}"
        )
    )
    out.print(f"elapsed: {total} s")
