"""The `hearsay eval NAME` commands, one per entry of ``hearsay.evaluate.registry``.

Each command takes the shared options (``eval_options.shared_params``) and the entry's own, finds
the data (the option, else ``../shared/...``), runs the entry's scorer and prints its figures the
way the entry's ``Presenter`` says: a table, Markdown, or JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..errors import ConfigError
from ..evaluate.registry import EVALUATIONS, Evaluation
from . import output
from .eval_options import Figures, ScoringRun, click_option, find_shared, shared_params


@dataclass(frozen=True, slots=True)
class Presenter:
    """How one evaluation's figures are printed."""

    show: Callable[[Figures], None]
    markdown: Callable[[Figures], str] | None = None
    notes: Callable[[Figures, dict[str, Any]], list[str]] = lambda figures, options: []


def locate(entry: Evaluation, given: Path | None, options: dict[str, Any]) -> Path | None:
    """The data the command reads: as given, else under ../shared; a ConfigError when it needs some."""
    if given is not None:
        return given
    found = find_shared(entry.where)
    if found is not None:
        return found
    if entry.needs_data(options):
        raise entry.missing()
    return None


def command_for(entry: Evaluation, presenter: Presenter) -> click.Command:
    """The `hearsay eval` command of ``entry``."""

    def callback(
        data: Path | None,
        errors_path: Path | None,
        as_json: bool,
        baseline: Path | None,
        limit: int | None = None,
        markdown: bool = False,
        **options: Any,
    ) -> None:
        figures = entry.score(locate(entry, data, options), limit=limit, errors_path=errors_path, **options)
        if baseline is not None and figures.get("labelled") is False:
            raise ConfigError("the data carries no labels: there is nothing to raise the floors to")
        for line in presenter.notes(figures, options):
            output.note(line)
        run = ScoringRun(data, errors_path, as_json, baseline, limit, markdown)
        run.report(figures, presenter.show, presenter.markdown)

    params = [*shared_params(entry), *(click_option(option) for option in entry.options)]
    return click.Command(entry.name, params=params, callback=callback, help=entry.summary)


def print_figures(figures: Figures) -> None:
    """The figures of an evaluation without a table of its own: indented JSON."""
    click.echo(json.dumps(figures, ensure_ascii=False, indent=2))


def add_commands(group: click.Group, presenters: dict[str, Presenter]) -> None:
    """One command per registry entry in ``group``; without a presenter an entry prints JSON figures."""
    for entry in EVALUATIONS:
        group.add_command(command_for(entry, presenters.get(entry.name, Presenter(print_figures))))
