"""`hearsay eval meantime` and `hearsay eval factuality`: event factuality (and MEANTIME's attributions)."""

from __future__ import annotations

from typing import Any

import click

from .eval_options import MARKDOWN_TABLES, ScoringRun, scoring_options

DATA_HELP = "Data folder [default: ../shared/data/{name}]"


@click.command(name="meantime")
@scoring_options(
    data=DATA_HELP.format(name="meantime"),
    limit="articles",
    errors="Write one JSON line per wrong factuality value and per missed reporting event or source.",
    markdown=MARKDOWN_TABLES,
)
def eval_meantime(run: ScoringRun) -> None:
    """Score event factuality (macro-F1) and reporting events (cue recall, source accuracy) on MEANTIME."""
    from ..evaluate.meantime import evaluate_meantime

    figures = evaluate_meantime(run.data("meantime"), limit=run.limit, errors_path=run.errors_path)
    # The tables are Markdown with or without --markdown.
    run.report(figures, lambda shown: click.echo(meantime_markdown(shown)))


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
@scoring_options(
    data=DATA_HELP.format(name="factuality"),
    errors="Write one JSON line per target predicted 1.5 or more away from its label.",
)
def eval_factuality(run: ScoringRun, dataset: str, split: str) -> None:
    """Score event factuality on a -3..3 regression split: MAE and Pearson r."""
    from ..evaluate.factuality import evaluate_factuality

    figures = evaluate_factuality(run.data("factuality"), dataset.upper(), split, errors_path=run.errors_path)
    run.report(figures, print_factuality)


def print_factuality(figures: dict[str, Any]) -> None:
    base = figures["baseline_all_certain_pos"]
    click.echo(
        f"{figures['set']} {figures['split']}: {figures['targets']} targets "
        f"in {figures['sentences']} sentences\n"
        f"MAE {figures['mae']:.3f}, Pearson r {figures['pearson_r']:.3f} "
        f"(all 3.0: MAE {base['mae']:.3f})\n"
        f"data sha256: {figures['data_sha256']}\nelapsed: {figures['elapsed_s']} s"
    )


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
