"""`hearsay eval ecbplus`: cross-document entities scored against ECB+'s entity chains."""

from __future__ import annotations

from typing import Any

import click

from ..errors import ConfigError
from . import output
from .eval_options import ScoringRun, scoring_options


def parse_topics(text: str) -> list[int]:
    """ "1-35" or "1-5,12,20-22" -> topic numbers."""
    topics: list[int] = []
    try:
        for part in text.split(","):
            first, _, last = part.strip().partition("-")
            topics.extend(range(int(first), int(last or first) + 1))
    except ValueError:
        raise ConfigError(f"--topics takes numbers and ranges like 1-35 or 1-5,12, not {text!r}") from None
    if not topics:
        raise ConfigError(f"--topics names no topic: {text!r}")
    return topics


@click.command(name="ecbplus")
@scoring_options(
    data=(
        "ECB+ folder: ECB+/<topic>/*.xml and ECBplus_coreference_sentences.csv "
        "[default: ../shared/data/ecbplus]"
    ),
    errors="Write one JSON line per wrong merge, split gold chain and missed named mention.",
    markdown="Print the figures as a Markdown table (as in docs/quality.md).",
)
@click.option(
    "--topics", default="1-35", show_default=True, help="Topics to score: ranges and numbers, e.g. 1-5,12."
)
def eval_ecbplus(run: ScoringRun, topics: str) -> None:
    """Ingest and link each ECB+ topic; score the entities with MUC, B3, CEAF-e and CoNLL F1."""
    from ..evaluate.ecbplus import evaluate_ecbplus

    figures = evaluate_ecbplus(run.data("ecbplus", "ECB+"), parse_topics(topics), errors_path=run.errors_path)
    run.report(figures, print_ecbplus, ecbplus_markdown)


def print_ecbplus(figures: dict[str, Any]) -> None:
    output.console().print(output.table(("figure", "value"), summary_rows(figures), title=_title(figures)))


def _title(figures: dict[str, Any]) -> str:
    topics = figures["topics"]
    return f"ECB+ topics {topics[0]}-{topics[-1]} ({len(topics)} present): {figures['documents']} documents"


def summary_rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    coref, mentions, merges = figures["coreference"], figures["mentions"], figures["merges"]
    rows = [
        (name, "P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}".format(**coref[key]))
        for name, key in (("MUC", "muc"), ("B3", "b_cubed"), ("CEAF-e", "ceaf_e"))
    ]
    return [
        *rows,
        ("CoNLL F1", f"{coref['conll_f1']:.3f}"),
        (
            "merge precision",
            f"{merges['precision']:.3f} ({merges['correct']:,} of {merges['cross_document_pairs']:,} pairs)",
        ),
        (
            "mention recall",
            f"{mentions['recall']:.3f} ({mentions['scored']:,} of {mentions['named_gold_mentions']:,})",
        ),
        ("predicted, unmatched", f"{mentions['predicted']:,}, {mentions['unmatched_predicted']:,}"),
        ("gold / predicted chains", f"{figures['chains']['gold']:,} / {figures['chains']['predicted']:,}"),
        ("elapsed", f"{figures['elapsed_s']} s"),
    ]


def ecbplus_markdown(figures: dict[str, Any]) -> str:
    coref, mentions, merges = figures["coreference"], figures["mentions"], figures["merges"]
    lines = ["| metric | precision | recall | F1 |", "| --- | ---: | ---: | ---: |"]
    for name, key in (("MUC", "muc"), ("B³", "b_cubed"), ("CEAF-e", "ceaf_e")):
        d = coref[key]
        lines.append(f"| {name} | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} |")
    lines += [
        f"| **CoNLL F1** | | | **{coref['conll_f1']:.3f}** |",
        "",
        f"Merge precision: **{merges['precision']:.3f}** "
        f"({merges['correct']:,} of {merges['cross_document_pairs']:,} "
        "cross-document pairs in one gold chain). "
        f"Mention recall: **{mentions['recall']:.3f}** "
        f"({mentions['scored']:,} of {mentions['named_gold_mentions']:,} named gold mentions; "
        f"{mentions['unmatched_predicted']:,} of {mentions['predicted']:,} predicted mentions match none). "
        f"Chains: {figures['chains']['gold']:,} gold, {figures['chains']['predicted']:,} predicted. "
        f"{figures['documents']} documents in {figures['elapsed_s']} s.",
    ]
    return "\n".join(lines)
