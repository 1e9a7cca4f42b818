"""`hearsay eval tempeval3`: time expressions scored against TempEval-3's TimeML annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from . import output
from .eval_options import BASELINE_OPTION, JSON_OPTION, default_data, raise_floors_from


@click.command(name="tempeval3")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of TimeML .tml files, searched at any depth [default: ../shared/data/tempeval3]",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N documents.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write one JSON line per missed, spurious or wrongly normalised time expression.",
)
@JSON_OPTION
@click.option("--markdown", is_flag=True, help="Print the table as Markdown (as in docs/quality.md).")
@BASELINE_OPTION
def eval_tempeval3(
    data_dir: Path | None,
    limit: int | None,
    errors_path: Path | None,
    as_json: bool,
    markdown: bool,
    baseline: Path | None,
) -> None:
    """Read TimeML documents with their creation dates and score hearsay's TIMEX3 spans, types and values."""
    from ..evaluate.tempeval3 import evaluate_tempeval3

    figures = evaluate_tempeval3(
        data_dir or default_data("tempeval3", "TempEval-3"), limit=limit, errors_path=errors_path
    )
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    elif markdown:
        click.echo(tempeval3_markdown(figures))
    else:
        print_tempeval3(figures)
    if errors_path is not None:
        output.note(f"wrote errors to {errors_path}")
    raise_floors_from(baseline, figures)


def _rows(figures: dict[str, Any]) -> list[list[str]]:
    strict, relaxed = figures["strict"], figures["relaxed"]
    return [
        ["extraction, strict (same extent)", *_prf(strict)],
        ["extraction, relaxed (any overlap)", *_prf(relaxed)],
        ["type (relaxed F1 x type accuracy)", "", "", f"{figures['type']['f1']:.3f}"],
        ["value (relaxed F1 x value accuracy)", "", "", f"{figures['value']['f1']:.3f}"],
    ]


def _prf(d: dict[str, float]) -> list[str]:
    return [f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}"]


def _summary(figures: dict[str, Any]) -> str:
    return (
        f"{figures['documents']} documents, {figures['gold']} annotated and {figures['predicted']} found "
        f"time expressions; matched (relaxed) {figures['relaxed']['matched']}, of which type correct "
        f"{figures['type']['accuracy']:.3f} and value correct {figures['value']['accuracy']:.3f}"
    )


def print_tempeval3(figures: dict[str, Any]) -> None:
    out = output.console()
    title = f"TempEval-3 {figures['split']}: time expressions"
    out.print(output.table(["measure", "precision", "recall", "F1"], _rows(figures), title=title))
    type_rows = [
        [name, d["gold"], d["found"], f"{d['recall']:.3f}", d["predicted"], f"{d['value_accuracy']:.3f}"]
        for name, d in figures["by_type"].items()
    ]
    columns = ["gold type", "annotated", "found", "recall", "predicted", "value accuracy"]
    out.print(output.table(columns, type_rows, title="By type"))
    out.print(
        f"{_summary(figures)}\ndefinitions: {figures['definition']}\n"
        f"data sha256: {figures['data_sha256']}\nelapsed: {figures['elapsed_s']} s"
    )


def tempeval3_markdown(figures: dict[str, Any]) -> str:
    lines = ["| measure | precision | recall | F1 |", "| --- | ---: | ---: | ---: |"]
    for name, *cells in _rows(figures):
        cells[-1] = f"**{cells[-1]}**"
        lines.append(f"| {name} | {' | '.join(cells)} |")
    lines += [
        "",
        _summary(figures) + f", in {figures['elapsed_s']} s.",
        "",
        "| gold type | annotated | found | recall | value accuracy |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, d in figures["by_type"].items():
        lines.append(
            f"| {name} | {d['gold']} | {d['found']} | {d['recall']:.3f} | {d['value_accuracy']:.3f} |"
        )
    return "\n".join(lines)
