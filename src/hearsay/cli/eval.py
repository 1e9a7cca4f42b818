"""`hearsay eval`: measure extraction against annotated data (PolNeAR) or a reference reading."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.text import Text

from . import output
from .eval_options import JSON_OPTION, MARKDOWN_TABLES, ScoringRun, scoring_options
from .read import PUBLISHED_OPTION, as_date

LEVEL_NAMES = {"exact": "exact", "overlap_0.3": "@0.3", "overlap_0.8": "@0.8"}


@click.group(name="eval")
def eval_group() -> None:
    """Score hearsay's extraction against annotated data."""


@eval_group.command(name="polnear")
@click.option("--split", default="dev", show_default=True, help="Sub-folder of the data folder to score.")
@scoring_options(
    data=(
        "PolNeAR-style folder: metadata.tsv, SPLIT/text, SPLIT/attributions [default: ../shared/data/polnear]"
    ),
    limit="articles",
    errors="Write one JSON line per miss, false positive and near miss, with the spans.",
    markdown=MARKDOWN_TABLES,
)
def eval_polnear(run: ScoringRun, split: str) -> None:
    """Read a PolNeAR split and score it: per role, whole attributions, source resolution, by type."""
    from ..evaluate.polnear import evaluate_polnear

    figures = evaluate_polnear(
        run.data("polnear", "PolNeAR"), split=split, limit=run.limit, errors_path=run.errors_path
    )
    run.report(figures, print_polnear, polnear_markdown)


@eval_group.command(name="gold")
@click.argument("gold_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.gold.json")
@PUBLISHED_OPTION
@click.option(
    "--evidence",
    "evidence_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE.evidence.json",
    help="An evidence gold to score the relations against (default: NAME.evidence.json beside it).",
)
@JSON_OPTION
def eval_gold(gold_file: Path, published, evidence_file: Path | None, as_json: bool) -> None:
    """Score hearsay's reading of an article against its reference reading, and its evidence gold.

    The evidence gold lists propositions about the article and how each statement bears on them
    (supports, refutes, discusses; strength); relations must match exactly, strengths within a step.
    """
    from ..evaluate.gold import evaluate_gold

    figures = evaluate_gold(gold_file, published=as_date(published), evidence_path=evidence_file)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    print_gold(figures)


def _f(value: float) -> str:
    return f"{value:.3f}"


def _prf(data: dict[str, float]) -> Text:
    """``.543/.393/.456``: precision, recall and (bold) F1 in one narrow cell."""
    short = [f"{data[k]:.3f}".removeprefix("0") for k in ("precision", "recall", "f1")]
    cell = Text(f"{short[0]}/{short[1]}/")
    cell.append(short[2], style="bold")
    return cell


def print_polnear(figures: dict[str, Any]) -> None:
    out = output.console()
    out.width = max(out.width, 100)  # the figures table needs ~90 columns; piped output gets 80
    columns = ["layer", "gold", "predicted", *(f"{name} P/R/F1" for name in LEVEL_NAMES.values())]
    whole = {
        "gold": figures["gold_attributions"],
        "predicted": figures["predicted_attributions"],
        **figures["whole"],
    }
    layers = [
        *((role, figures["roles"][role]) for role in ("source", "cue", "content")),
        ("attribution", whole),
    ]
    rows = [
        [name, data["gold"], data["predicted"], *(_prf(data[level]) for level in LEVEL_NAMES)]
        for name, data in layers
    ]
    title = f"PolNeAR {figures['split']}: {figures['articles']} articles"
    out.print(output.table(columns, rows, title=title))
    type_rows = [
        [name, d["gold"], d["found"], _f(d["recall"]), d["predicted"], d["correct"], _f(d["precision"])]
        for name, d in figures["by_type"].items()
    ]
    type_columns = ["type", "gold", "found", "recall", "predicted", "correct", "precision"]
    out.print(output.table(type_columns, type_rows, title="By type (whole attribution at overlap 0.3)"))
    resolution = figures["source_resolution"]
    out.print(
        f"source resolution: {_f(resolution['accuracy'])} ({resolution['resolved']} of {resolution['of']})\n"
        f"found at 0.3: {figures['whole']['overlap_0.3']['found']} of {figures['gold_attributions']}\n"
        f"annotator: {figures['annotator_rule']}\n"
        f"data sha256: {figures['data_sha256']}\n"
        f"elapsed: {figures['elapsed_s']} s"
    )


def polnear_markdown(figures: dict[str, Any]) -> str:
    """The figures as Markdown tables: layers, then a summary line, then types."""

    def prf(d: dict[str, float]) -> str:
        return f"{d['precision']:.3f} / {d['recall']:.3f} / **{d['f1']:.3f}**"

    lines = [
        "| layer | annotated | predicted | exact P / R / F1 | overlap 0.3 P / R / F1 "
        "| overlap 0.8 P / R / F1 |",
        "| --- | ---: | ---: | --- | --- | --- |",
    ]
    whole = {
        "gold": figures["gold_attributions"],
        "predicted": figures["predicted_attributions"],
        **figures["whole"],
    }
    layers = [
        *((role, figures["roles"][role]) for role in ("source", "cue", "content")),
        ("whole attribution", whole),
    ]
    for name, d in layers:
        cells = " | ".join(prf(d[level]) for level in LEVEL_NAMES)
        lines.append(f"| {name} | {d['gold']} | {d['predicted']} | {cells} |")
    res, found = figures["source_resolution"], figures["whole"]
    lines += [
        "",
        f"Source resolution: **{res['accuracy']:.3f}** ({res['resolved']} of {res['of']}). "
        f"Found at overlap 0.3: {found['overlap_0.3']['found']} of {figures['gold_attributions']}; "
        f"at 0.8: {found['overlap_0.8']['found']}. "
        f"{figures['articles']} articles in {figures['elapsed_s']} s.",
        "",
        "| type | annotated | found | recall | predicted | correct | precision |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, d in figures["by_type"].items():
        lines.append(
            f"| {name} | {d['gold']} | {d['found']} | {d['recall']:.3f} | {d['predicted']} | {d['correct']} "
            f"| {d['precision']:.3f} |"
        )
    return "\n".join(lines)


def print_gold(figures: dict[str, Any]) -> None:
    out = output.console()
    statements = figures["statements"]
    rows = [
        [
            "statements",
            statements["gold"],
            statements["predicted"],
            statements["matched"],
            _f(statements["precision"]),
            _f(statements["recall"]),
        ],
    ]
    out.print(
        output.table(
            ["layer", "gold", "predicted", "matched", "precision", "recall"], rows, title=f"{figures['gold']}"
        )
    )
    factuality = figures["factuality_accuracy_on_matched"]
    entities, times = figures["entities"], figures["times"]
    out.print(
        "factuality on matched: " + ", ".join(f"{k} {_f(v)}" for k, v in factuality.items()) + "\n"
        f"entities found with type: {entities['found_with_type']} of {entities['gold']}\n"
        f"times found with value: {times['found_with_value']} of {times['gold']}\n"
        f"spelling variants merged: {figures['spelling_variants_merged']}"
    )
    for line in figures["unmatched_gold"]:
        out.print(Text(f"missed: {line}"))
    for line in figures["unmatched_predicted"]:
        out.print(Text(f"extra: {line}"))
    if "evidence" in figures:
        print_evidence_gold(figures["evidence"])


def print_evidence_gold(evidence: dict[str, Any]) -> None:
    out = output.console()
    rows = [
        [
            p["text"],
            f"{p['relations_right']} of {p['statements']}",
            f"{p['contested']} (gold {p['gold_contested']})",
        ]
        for p in evidence["propositions"]
    ]
    out.print(output.table(["proposition", "relations right", "contested"], rows, title="evidence gold"))
    out.print(
        f"relations right: {evidence['relations_right']} of {evidence['relations']}; "
        f"strengths within a step: {evidence['strengths_within_a_step']} of {evidence['strengths']}; "
        f"contested right: {evidence['contested_right']} of {len(evidence['propositions'])}"
    )
    for proposition in evidence["propositions"]:
        for row in proposition["rows"]:
            if not row["right"]:
                out.print(
                    Text(
                        f"wrong: {row['source']} {row['cue']!r} on {proposition['text']!r}: "
                        f"{row['predicted']}, gold {row['gold']} ({row['reason']})"
                    )
                )


from .eval_tempeval3 import eval_tempeval3  # noqa: E402  (registered after the group exists)

eval_group.add_command(eval_tempeval3)

from .eval_factuality import eval_factuality, eval_meantime  # noqa: E402  (registered after the group exists)

eval_group.add_command(eval_meantime)
eval_group.add_command(eval_factuality)

from .eval_all import eval_all  # noqa: E402  (registered after the group exists)

eval_group.add_command(eval_all)

from .eval_ecbplus import eval_ecbplus  # noqa: E402  (registered after the group exists)

eval_group.add_command(eval_ecbplus)

from .eval_fnc1 import eval_fnc1  # noqa: E402  (registered after the group exists)

eval_group.add_command(eval_fnc1)

from .eval_russian import eval_adaq, eval_factrueval  # noqa: E402  (registered after the group exists)

eval_group.add_command(eval_factrueval)
eval_group.add_command(eval_adaq)
