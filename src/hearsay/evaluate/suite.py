"""Every evaluation in one run: the headline figures of each dataset beside the target it is held to.

``run_suite`` looks for each dataset under one data folder (``../shared/data`` in a checkout), runs the
evaluations it finds and skips, with a reason, the ones it does not. The targets are the ones the project's
issues set; docs/quality.md gives the published figures each is compared with.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import HearsayError
from .gate import figure


@dataclass(frozen=True)
class Headline:
    name: str  # what the figure is, in words
    path: str  # dotted path into the evaluation's figures
    target: float | None  # the least the project accepts; None: reported, not held to a number
    lower_is_better: bool = False

    def met(self, value: float) -> bool | None:
        if self.target is None:
            return None
        return value <= self.target if self.lower_is_better else value >= self.target


@dataclass(frozen=True)
class Evaluation:
    name: str  # the `hearsay eval` command that gives the full tables
    folder: str  # sub-folder of the data folder it needs
    run: Callable[[Path], dict[str, Any]]
    headlines: tuple[Headline, ...]


def _polnear(data: Path) -> dict[str, Any]:
    from .polnear import evaluate_polnear

    return evaluate_polnear(data, split="dev")


def _tempeval3(data: Path) -> dict[str, Any]:
    from .tempeval3 import evaluate_tempeval3

    return evaluate_tempeval3(data)


def _meantime(data: Path) -> dict[str, Any]:
    from .meantime import evaluate_meantime

    return evaluate_meantime(data)


def _factuality(dataset: str) -> Callable[[Path], dict[str, Any]]:
    def run(data: Path) -> dict[str, Any]:
        from .factuality import evaluate_factuality

        return evaluate_factuality(data, dataset=dataset, split="dev")

    return run


def _ecbplus(data: Path) -> dict[str, Any]:
    from .ecbplus import evaluate_ecbplus

    return evaluate_ecbplus(data)


def _fnc1(data: Path) -> dict[str, Any]:
    from .fnc1 import evaluate_fnc1

    return evaluate_fnc1(data, split="dev")


def _factrueval(data: Path) -> dict[str, Any]:
    from .factrueval import evaluate_factrueval

    return evaluate_factrueval(data / "devset")


def _adaq(data: Path) -> dict[str, Any]:
    from .adaq import evaluate_adaq

    return evaluate_adaq(data)


def _regression(dataset: str, target: float | None) -> Evaluation:
    return Evaluation(
        f"factuality --set {dataset} --split dev",
        "factuality",
        _factuality(dataset),
        (Headline("Pearson r", "pearson_r", target), Headline("MAE", "mae", None, lower_is_better=True)),
    )


EVALUATIONS = (
    Evaluation(
        "polnear --split dev",
        "polnear",
        _polnear,
        (
            Headline("whole-attribution F1 at overlap 0.3", "whole.overlap_0.3.f1", 0.70),
            Headline("content F1 at overlap 0.8", "roles.content.overlap_0.8.f1", 0.60),
            Headline("source-resolution accuracy", "source_resolution.accuracy", 0.85),
        ),
    ),
    Evaluation(
        "tempeval3",
        "tempeval3",
        _tempeval3,
        (
            Headline("value F1", "value.f1", 0.78),
            Headline("relaxed extraction F1", "relaxed.f1", 0.88),
            Headline("strict extraction F1", "strict.f1", None),
        ),
    ),
    Evaluation(
        "meantime",
        "meantime",
        _meantime,
        (
            Headline("certainty macro-F1", "certainty.macro_f1", 0.40),
            Headline("polarity macro-F1", "polarity.macro_f1", 0.60),
            Headline("reporting-event cue recall", "attribution.cue_recall", None),
            Headline("reporting-event source accuracy", "attribution.source_accuracy", None),
        ),
    ),
    _regression("UW", 0.60),
    _regression("MEANTIME", None),
    _regression("UDS_IH2", None),
    Evaluation(
        "ecbplus",
        "ecbplus",
        _ecbplus,
        (
            Headline("CoNLL F1 on the scored mentions", "coreference.conll_f1", 0.75),
            Headline("precision of cross-document merges", "merges.precision", 0.90),
            Headline("named-mention recall", "mentions.recall", None),
        ),
    ),
    Evaluation(
        "fnc1 --split dev",
        "fnc-1",
        _fnc1,
        (
            Headline("FNC score (share of the best)", "fnc_score.relative", 0.80),
            Headline("macro-F1 over the 4 stances", "macro_f1", 0.60),
            Headline("disagree F1", "disagree_f1", None),
        ),
    ),
    Evaluation(
        "factrueval",
        "factrueval2016",
        _factrueval,
        (
            Headline("Russian PER F1 (Track 1 rules)", "per.f1", 0.93),
            Headline("Russian LOC F1 (Track 1 rules)", "loc.f1", 0.90),
            Headline("Russian ORG F1 (Track 1 rules)", "org.f1", 0.80),
        ),
    ),
    Evaluation(
        "adaq",
        "adaq-ru-quotes",
        _adaq,
        (
            Headline("Russian source token F1", "source.f1", 0.60),
            Headline("Russian cue token F1", "cue.f1", 0.80),
            Headline("Russian content token F1", "content.f1", 0.80),
        ),
    ),
)


@dataclass(frozen=True)
class Outcome:
    evaluation: Evaluation
    figures: dict[str, Any] | None  # None: skipped
    seconds: float
    skipped: str | None = None

    def rows(self) -> Iterator[dict[str, Any]]:
        for headline in self.evaluation.headlines:
            value = None if self.figures is None else float(figure(self.figures, headline.path))
            yield {
                "evaluation": f"hearsay eval {self.evaluation.name}",
                "figure": headline.name,
                "value": value,
                "target": headline.target,
                "met": None if value is None else headline.met(value),
                "skipped": self.skipped,
            }


def run_suite(data_root: str | Path, only: set[str] | None = None) -> Iterator[Outcome]:
    """Run each evaluation whose data is under ``data_root``; yield them one by one, as they finish."""
    root = Path(data_root)
    for evaluation in EVALUATIONS:
        if only and evaluation.folder not in only:
            continue
        folder = root / evaluation.folder
        if not folder.is_dir():
            yield Outcome(evaluation, None, 0.0, skipped=f"no data at {folder}")
            continue
        started = time.perf_counter()
        try:
            figures = evaluation.run(folder)
        except HearsayError as error:  # one unreadable dataset does not stop the others
            yield Outcome(evaluation, None, round(time.perf_counter() - started, 1), skipped=str(error))
            continue
        yield Outcome(evaluation, figures, round(time.perf_counter() - started, 1))
