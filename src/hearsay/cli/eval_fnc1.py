"""`hearsay eval fnc1`: FNC-1's (headline, body) pairs judged agree, disagree, discuss or unrelated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import ConfigError
from . import output
from .eval_options import ScoringRun, scoring_options

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.command(name="fnc1")
@scoring_options(
    data="FNC-1 folder: train_bodies.csv and train_stances.csv [default: ../shared/data/fnc-1]",
    limit="pairs",
    errors="Write one JSON line per wrongly labelled pair: both labels, the rule and its reason.",
)
@click.option(
    "--split",
    type=click.Choice(["train", "dev"]),
    default="dev",
    show_default=True,
    help="Side of the split by body: dev holds the bodies whose Body ID's sha1 is 0 modulo 5.",
)
@click.option("--bodies", "bodies_path", type=_FILE, default=None, help="A bodies CSV (Body ID,articleBody).")
@click.option(
    "--stances",
    "stances_path",
    type=_FILE,
    default=None,
    help="A stances CSV (Headline,Body ID[,Stance]); with --bodies, both are read whole, without a split.",
)
@click.option(
    "--predictions",
    "predictions_path",
    type=_FILE,
    default=None,
    help="Write the predicted label of each pair, in the input's order (Headline,Body ID,Stance).",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the cached readings of the bodies [default: ~/.cache/hearsay/fnc1].",
)
@click.option("--no-cache", is_flag=True, help="Read every body afresh and keep no readings.")
def eval_fnc1(
    run: ScoringRun,
    split: str,
    bodies_path: Path | None,
    stances_path: Path | None,
    predictions_path: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Judge FNC-1's headline/body pairs with hearsay's relation rules; FNC score, macro-F1, per label."""
    from ..evaluate.fnc1 import evaluate_fnc1

    if (bodies_path is None) != (stances_path is None):
        raise ConfigError("--bodies and --stances go together: name both files")
    figures = evaluate_fnc1(
        run.data("fnc-1", "FNC-1") if bodies_path is None else run.data_dir,
        split,
        bodies_path=bodies_path,
        stances_path=stances_path,
        limit=run.limit,
        cache_dir=cache_dir,
        use_cache=not no_cache,
        predictions_path=predictions_path,
        errors_path=run.errors_path,
    )
    if run.baseline is not None and not figures["labelled"]:
        raise ConfigError("the stances carry no labels: there is nothing to raise the floors to")
    if predictions_path is not None:
        output.note(f"wrote {figures['pairs']} predictions to {predictions_path}")
    run.report(figures, print_fnc1)


def print_fnc1(figures: dict[str, Any]) -> None:
    out = output.console()
    out.width = max(out.width, 100)  # the header and figure lines need ~95 columns; piped output gets 80
    counts = figures["readings"]
    header = (
        f"FNC-1 {figures['split']}: {figures['pairs']} pairs over {figures['bodies']} bodies "
        f"({counts['cached']} readings cached, {counts['read']} read, {counts['unread']} unread)"
    )
    if not figures["labelled"]:
        predicted = ", ".join(f"{label} {n}" for label, n in figures["predicted_counts"].items())
        out.print(f"{header}\nno labels to score; predicted: {predicted}\nelapsed: {figures['elapsed_s']} s")
        return
    labels = list(figures["classes"])
    rows = [
        [
            label,
            d["gold"],
            d["predicted"],
            d["correct"],
            f"{d['precision']:.3f}",
            f"{d['recall']:.3f}",
            f"{d['f1']:.3f}",
        ]  # fmt: skip
        for label, d in figures["classes"].items()
    ]
    out.print(header)
    out.print(output.table(["label", "gold", "predicted", "correct", "P", "R", "F1"], rows))
    confusion = [[gold, *(figures["confusion"][gold][p] for p in labels)] for gold in labels]
    out.print(output.table(["gold \\ predicted", *labels], confusion, title="Confusion (pairs)"))
    fnc = figures["fnc_score"]
    out.print(
        f"FNC score: {fnc['relative']:.4f} ({fnc['score']:g} of {fnc['best']:g})\n"
        f"macro-F1: {figures['macro_f1']:.4f}   disagree F1: {figures['disagree_f1']:.4f}   "
        f"accuracy: {figures['accuracy']:.4f}   "
        f"related/unrelated accuracy: {figures['related_accuracy']:.4f}\n"
        f"split: {figures['split_rule']}\n"
        f"data sha256: {figures['data_sha256']}\n"
        f"elapsed: {figures['elapsed_s']} s (reading {figures['read_s']} s)"
    )
