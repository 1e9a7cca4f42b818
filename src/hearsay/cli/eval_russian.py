"""How `hearsay eval factrueval` and `hearsay eval adaq` print the Russian pipeline's figures
(the commands come from their entries in ``hearsay.evaluate.registry``)."""

from __future__ import annotations

from typing import Any

from . import output

FACTRUEVAL_TARGETS = {"per": 0.93, "loc": 0.90, "org": 0.80}
ADAQ_TARGETS = {"source": 0.60, "cue": 0.80, "content": 0.80}


def print_factrueval(figures: dict[str, Any]) -> None:
    _print(figures, "factRuEval-2016 names", ("per", "loc", "org", "overall"), FACTRUEVAL_TARGETS)


def print_adaq(figures: dict[str, Any]) -> None:
    _print(figures, "ADAQ Russian quotations (tokens)", ("source", "cue", "content"), ADAQ_TARGETS)


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
