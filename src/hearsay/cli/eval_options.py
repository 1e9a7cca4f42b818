"""What the `hearsay eval` commands share: their options, where data is looked for, how figures are shown.

A scoring command takes ``@scoring_options(...)`` and one parameter, ``run`` (a ``ScoringRun``), instead of
repeating --data, --limit, --errors, --json, --markdown and --update-baseline with their parameters.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..errors import ConfigError
from . import output

# The installed product never needs this folder: every evaluation takes --data DIR.
SHARED_DATA = Path("..") / "shared" / "data"

Figures = dict[str, Any]


def default_data(name: str = "", label: str = "") -> Path:
    """``../shared/data/NAME`` (or ``shared/data/NAME``) from the current folder, else a ConfigError."""
    for candidate in (Path.cwd() / SHARED_DATA / name, Path.cwd() / "shared" / "data" / name):
        if candidate.is_dir():
            return candidate
    where = (SHARED_DATA / name).as_posix()
    kind = f"{label} data folder" if label else "data folder"
    raise ConfigError(f"no {kind} found at {where}; name one with --data DIR")


def data_option(help: str, name: str = "data_dir") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--data DIR``: the folder a command reads its dataset from."""
    return click.option(
        "--data", name, type=click.Path(file_okay=False, path_type=Path), default=None, help=help
    )


MARKDOWN_TABLES = "Print the tables as Markdown (as in docs/quality.md)."
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
BASELINE_OPTION = click.option(
    "--update-baseline",
    "baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Raise the floors in this quality-gate baseline file to the measured figures (never lowers one).",
)


def raise_floors_from(baseline: Path | None, figures: Figures) -> None:
    """``--update-baseline``: raise the floors ``figures`` beat, printing one line per move."""
    if baseline is None:
        return
    from ..evaluate.gate import raise_floors

    for line in raise_floors(baseline, figures):
        output.note(line)


@dataclass(frozen=True, slots=True)
class ScoringRun:
    """The shared options of one scoring command, as given."""

    data_dir: Path | None
    errors_path: Path | None
    as_json: bool
    baseline: Path | None
    limit: int | None = None
    markdown: bool = False

    def data(self, name: str, label: str = "") -> Path:
        """The --data folder, else the dataset's folder under ../shared/data."""
        return self.data_dir or default_data(name, label)

    def report(
        self,
        figures: Figures,
        show: Callable[[Figures], None],
        markdown: Callable[[Figures], str] | None = None,
    ) -> None:
        """Print the figures (JSON, Markdown or ``show``), say where the errors went, raise the floors."""
        if self.as_json:
            click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        elif self.markdown and markdown is not None:
            click.echo(markdown(figures))
        else:
            show(figures)
        if self.errors_path is not None:
            output.note(f"wrote errors to {self.errors_path}")
        raise_floors_from(self.baseline, figures)


def scoring_options(
    *, data: str, errors: str, limit: str | None = None, markdown: str | None = None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The options every scoring command shares, in this order: --data (help ``data``), --limit N (when
    ``limit`` names what is counted), --errors FILE (help ``errors``), --json, --markdown (when ``markdown``
    gives its help) and --update-baseline. The command receives them as ``run``, a ``ScoringRun``."""
    options = [data_option(data)]
    if limit is not None:
        options.append(
            click.option(
                "--limit", type=click.IntRange(min=1), default=None, help=f"Score only the first N {limit}."
            )
        )
    errors_file = click.Path(dir_okay=False, path_type=Path)
    options.append(click.option("--errors", "errors_path", type=errors_file, default=None, help=errors))
    options.append(JSON_OPTION)
    if markdown is not None:
        options.append(click.option("--markdown", is_flag=True, help=markdown))
    options.append(BASELINE_OPTION)

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(command)
        def with_run(**given: Any) -> None:
            run = ScoringRun(
                data_dir=given.pop("data_dir"),
                errors_path=given.pop("errors_path"),
                as_json=given.pop("as_json"),
                baseline=given.pop("baseline"),
                limit=given.pop("limit", None),
                markdown=given.pop("markdown", False),
            )
            command(run=run, **given)

        for option in reversed(options):
            with_run = option(with_run)
        return with_run

    return decorate
