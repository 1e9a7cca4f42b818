"""`hearsay eval meantime` and `hearsay eval factuality`: event factuality (and MEANTIME's attributions)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from . import output
from .eval_options import BASELINE_OPTION, JSON_OPTION, default_data, raise_floors_from

DATA_HELP = "Data folder [default: ../shared/data/{name}]"


def _data_option(name: str):
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=DATA_HELP.format(name=name),
    )


@click.command(name="meantime")
@_data_option("meantime")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write one JSON line per wrong factuality value and per missed reporting event or source.",
)
@JSON_OPTION
@click.option("--markdown", is_flag=True, help="Print the tables as Markdown (as in docs/quality.md).")
@BASELINE_OPTION
def eval_meantime(
    data_dir: Path | None,
    limit: int | None,
    errors_path: Path | None,
    as_json: bool,
    markdown: bool,
    baseline: Path | None,
) -> None:
    """Score event factuality (macro-F1) and reporting events (cue recall, source accuracy) on MEANTIME."""
    from ..evaluate.meantime import evaluate_meantime

    figures = evaluate_meantime(data_dir or default_data("meantime"), limit=limit, errors_path=errors_path)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        click.echo(meantime_markdown(figures))
    if errors_path is not None:
        output.note(f"wrote errors to {errors_path}")
    raise_floors_from(baseline, figures)


@click.command(name="factuality")
@click.option(
    "--set",
    "dataset",
    type=click.Choice(["UW", "MEANTIME", "UDS_IH2", "CB"], case_sensitive=False),
    default="UW",
    show_default=True,
    help="Which dataset's JSONL split to score.",
)
@click.option("--split", default="dev", show_default=True, help="Split file to score (SPLIT.jsonl).")
@_data_option("factuality")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write one JSON line per target predicted 1.5 or more away from its label.",
)
@JSON_OPTION
@BASELINE_OPTION
def eval_factuality(
    dataset: str,
    split: str,
    data_dir: Path | None,
    errors_path: Path | None,
    as_json: bool,
    baseline: Path | None,
) -> None:
    """Score event factuality on a -3..3 regression split: MAE and Pearson r."""
    from ..evaluate.factuality import evaluate_factuality

    figures = evaluate_factuality(
        data_dir or default_data("factuality"), dataset.upper(), split, errors_path=errors_path
    )
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        base = figures["baseline_all_certain_pos"]
        click.echo(
            f"{figures['set']} {figures['split']}: {figures['targets']} targets "
            f"in {figures['sentences']} sentences\n"
            f"MAE {figures['mae']:.3f}, Pearson r {figures['pearson_r']:.3f} "
            f"(all 3.0: MAE {base['mae']:.3f})\n"
            f"data sha256: {figures['data_sha256']}\nelapsed: {figures['elapsed_s']} s"
        )
    if errors_path is not None:
        output.note(f"wrote errors to {errors_path}")
    raise_floors_from(baseline, figures)


def _class_table(title: str, scores: dict[str, Any]) -> list[str]:
    lines = [
        f"| {title} | annotated | predicted | P | R | F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, c in scores["classes"].items():
        lines.append(
            f"| {name} | {c['gold']} | {c['predicted']} "
            f"| {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} |"
        )
    lines.append(f"| **macro** | {scores['of']} | | | | **{scores['macro_f1']:.3f}** |")
    return lines


def meantime_markdown(figures: dict[str, Any]) -> str:
    """The MEANTIME figures as Markdown: one class table per attribute, then attribution."""
    base, att = figures["baseline_certain_pos"], figures["attribution"]
    lines = [
        *_class_table("certainty", figures["certainty"]),
        "",
        *_class_table("polarity", figures["polarity"]),
        "",
        f"Accuracy: certainty {figures['certainty']['accuracy']:.3f}, "
        f"polarity {figures['polarity']['accuracy']:.3f}. "
        f"All CERTAIN+POS: macro-F1 certainty {base['certainty']:.3f}, polarity {base['polarity']:.3f}.",
        "",
        f"Reporting events (SPEECH_COGNITIVE): {att['reporting_events']}; cue recall "
        f"**{att['cue_recall']:.3f}** ({att['cue_found']}); source accuracy **{att['source_accuracy']:.3f}** "
        f"({att['source_right']} of {att['with_arg0']} found with an Arg0); "
        f"{att['statements_on_reporting_event']} of hearsay's {att['statements']} statements have "
        f"their cue on a reporting event ({att['cue_precision']:.3f}).",
        "",
        f"{figures['articles']} articles ({', '.join(figures['topics'])}), {figures['events']} events, "
        f"{figures['elapsed_s']} s; data sha256 {figures['data_sha256'][:12]}.",
    ]
    return "\n".join(lines)
