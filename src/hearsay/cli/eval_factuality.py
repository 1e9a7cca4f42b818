"""`hearsay eval meantime` and `hearsay eval factuality`: event factuality (and MEANTIME's attributions)."""

from __future__ import annotations

from typing import Any

import click


def print_meantime(figures: dict[str, Any]) -> None:
    """The MEANTIME tables are Markdown with or without --markdown."""
    click.echo(meantime_markdown(figures))


def print_factuality(figures: dict[str, Any]) -> None:
    base = figures["baseline_all_certain_pos"]
    click.echo(
        f"{figures['set']} {figures['split']}: {figures['targets']} targets "
        f"in {figures['sentences']} sentences"
        + (
            f" ({figures['left_out_sentences']} of held-out topics not scored)"
            if figures.get("left_out_sentences")
            else ""
        )
        + "\n"
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
