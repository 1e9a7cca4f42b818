"""How `hearsay eval fnc1` prints FNC-1's pairs judged agree, disagree, discuss or unrelated."""

from __future__ import annotations

from typing import Any

from . import output


def fnc1_notes(figures: dict[str, Any], options: dict[str, Any]) -> list[str]:
    """Where the predictions went, when --predictions named a file."""
    path = options.get("predictions_path")
    return [] if path is None else [f"wrote {figures['pairs']} predictions to {path}"]


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
