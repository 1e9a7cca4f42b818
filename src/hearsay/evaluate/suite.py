"""Every evaluation in one run: the headline figures of each dataset beside the target it is held to.

``run_suite`` runs the ``suite`` of each entry of ``hearsay.evaluate.registry`` whose data lies under
one data folder (``../shared/data`` in a checkout; reference readings in ``../corpus`` beside it) and
skips, with a reason, the ones it does not find. The targets are the ones the project's issues set;
docs/quality.md gives the published figures each is compared with.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import HearsayError
from .gate import figure
from .registry import EVALUATIONS, Evaluation, Headline, Run

__all__ = ["Headline", "Outcome", "run_suite"]


@dataclass(frozen=True)
class Outcome:
    evaluation: Evaluation
    run: Run
    figures: dict[str, Any] | None  # None: skipped
    seconds: float
    skipped: str | None = None

    def rows(self) -> Iterator[dict[str, Any]]:
        for headline in self.run.headlines:
            value = None if self.figures is None else float(figure(self.figures, headline.path))
            yield {
                "evaluation": f"hearsay eval {self.run.label}",
                "figure": headline.name,
                "value": value,
                "target": headline.target,
                "met": None if value is None else headline.met(value),
                "skipped": self.skipped,
            }


def run_suite(data_root: str | Path, only: set[str] | None = None) -> Iterator[Outcome]:
    """Run each evaluation whose data is under ``data_root``; yield them one by one, as they finish.

    ``only`` names datasets by folder (``fnc-1``) or evaluation (``fnc1``).
    """
    root = Path(data_root)
    for evaluation in EVALUATIONS:
        if only and not only & {evaluation.folder, evaluation.name}:
            continue
        data = evaluation.located(root)
        for run in evaluation.suite:
            if not data.exists():
                yield Outcome(evaluation, run, None, 0.0, skipped=f"no data at {data}")
                continue
            started = time.perf_counter()
            try:
                figures = evaluation.score(data, limit=None, errors_path=None, **run.options)
            except HearsayError as error:  # one unreadable dataset does not stop the others
                yield Outcome(
                    evaluation, run, None, round(time.perf_counter() - started, 1), skipped=str(error)
                )
                continue
            yield Outcome(evaluation, run, figures, round(time.perf_counter() - started, 1))
