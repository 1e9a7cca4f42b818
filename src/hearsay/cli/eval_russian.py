"""`hearsay eval factrueval` and `hearsay eval adaq`: the Russian pipeline's names and attributions."""

from __future__ import annotations

from typing import Any

import click

from . import output
from .eval_options import ScoringRun, scoring_options

FACTRUEVAL_TARGETS = {"per": 0.93, "loc": 0.90, "org": 0.80}
ADAQ_TARGETS = {"source": 0.60, "cue": 0.80, "content": 0.80}


@click.command(name="factrueval")
@scoring_options(
    data="factRuEval-2016-style folder (*.txt, *.tokens, *.spans, *.objects) "
    "[default: ../shared/data/factrueval2016/devset]",
    limit="documents",
    errors="Not used by this evaluation (accepted for symmetry with the others).",
)
def eval_factrueval(run: ScoringRun) -> None:
    """Read factRuEval-2016 texts in Russian and score PER / LOC / ORG by the shared task's Track 1 rules."""
    from ..evaluate.factrueval import evaluate_factrueval

    data = run.data_dir or run.data("factrueval2016", "factRuEval-2016") / "devset"
    figures = evaluate_factrueval(data, limit=run.limit)
    run.report(
        figures,
        lambda f: _print(f, "factRuEval-2016 names", ("per", "loc", "org", "overall"), FACTRUEVAL_TARGETS),
    )


@click.command(name="adaq")
@scoring_options(
    data="Folder holding ru_sentences.tsv and ru_tokens.tsv [default: ../shared/data/adaq-ru-quotes]",
    limit="sentences",
    errors="Not used by this evaluation (accepted for symmetry with the others).",
)
def eval_adaq(run: ScoringRun) -> None:
    """Read ADAQ's Russian sentences and score source / cue / content tokens."""
    from ..evaluate.adaq import evaluate_adaq

    figures = evaluate_adaq(run.data("adaq-ru-quotes", "ADAQ Russian"), limit=run.limit)
    run.report(
        figures,
        lambda f: _print(f, "ADAQ Russian quotations (tokens)", ("source", "cue", "content"), ADAQ_TARGETS),
    )


def _print(figures: dict[str, Any], title: str, rows: tuple[str, ...], targets: dict[str, float]) -> None:
    table = [
        [
            row,
            f"{figures[row]['precision']:.3f}",
            f"{figures[row]['recall']:.3f}",
            f"{figures[row]['f1']:.3f}",
            f"{targets[row]:.2f}" if row in targets else "",
        ]
        for row in rows
    ]
    output.console().print(output.table(["", "precision", "recall", "F1", "target F1"], table, title=title))
