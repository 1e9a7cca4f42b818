"""What the `hearsay eval` commands share: their options, where data is looked for, how figures are shown.

Every scoring command is made from one entry of ``hearsay.evaluate.registry`` (see ``eval_commands``):
--data DIR (or the FILE argument), --limit N, --errors FILE, --json, --markdown and --update-baseline
come from the entry, so no command repeats them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..errors import ConfigError
from ..evaluate.registry import Evaluation, Option
from . import output

# The installed product never needs this folder: every evaluation takes --data DIR (or a FILE).
SHARED = Path("..") / "shared"
SHARED_DATA = SHARED / "data"

Figures = dict[str, Any]


def find_shared(where: str) -> Path | None:
    """``../shared/WHERE`` (or ``shared/WHERE``) from the current folder, when it is there."""
    for candidate in (Path.cwd() / SHARED / where, Path.cwd() / "shared" / where):
        if candidate.exists():
            return candidate
    return None


def default_data(name: str = "", label: str = "") -> Path:
    """``../shared/data/NAME`` (or ``shared/data/NAME``) from the current folder, else a ConfigError."""
    found = find_shared(f"data/{name}" if name else "data")
    if found is not None and found.is_dir():
        return found
    where = (SHARED_DATA / name).as_posix()
    kind = f"{label} data folder" if label else "data folder"
    raise ConfigError(f"no {kind} found at {where}; name one with --data DIR")


def data_option(help: str, name: str = "data_dir") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--data DIR``: the folder a command reads its dataset from."""
    return click.option(
        "--data", name, type=click.Path(file_okay=False, path_type=Path), default=None, help=help
    )


JSON_HELP = "Print the figures as one JSON object."
BASELINE_HELP = (
    "Raise the floors in this quality-gate baseline file to the measured figures (never lowers one)."
)
_FILE = click.Path(dir_okay=False, path_type=Path)
_FOLDER = click.Path(file_okay=False, path_type=Path)


def raise_floors_from(baseline: Path | None, figures: Figures) -> None:
    """``--update-baseline``: raise the floors ``figures`` beat, printing one line per move."""
    if baseline is None:
        return
    from ..evaluate.gate import raise_floors

    for line in raise_floors(baseline, figures):
        output.note(line)


def _as_date(context: click.Context, parameter: click.Parameter, value: Any) -> Any:
    return value.date() if value is not None else None


def click_option(option: Option) -> click.Option:
    """An entry's own option as a click option."""
    flags = [option.flag, option.name]
    if option.kind == "flag":
        return click.Option(flags, is_flag=True, default=bool(option.default), help=option.help)
    if option.kind == "date":
        kind: Any = click.DateTime(formats=["%Y-%m-%d"])
        return click.Option(flags, type=kind, metavar=option.metavar, help=option.help, callback=_as_date)
    if option.choices:
        kind = click.Choice(list(option.choices), case_sensitive=option.case_sensitive)
    else:
        kind = {"file": _FILE, "folder": _FOLDER}.get(option.kind, click.STRING)
    return click.Option(
        flags,
        type=kind,
        default=option.default,
        show_default=option.default is not None,
        metavar=option.metavar,
        help=option.help,
    )


def shared_params(entry: Evaluation) -> list[click.Parameter]:
    """The options every scoring command has, in this order: the data (--data DIR, or the FILE argument),
    --limit N (when the entry counts something), --errors FILE, --json, --markdown (when the entry has
    Markdown tables) and --update-baseline."""
    params: list[click.Parameter] = []
    if entry.is_file:
        suffix = "".join(Path(entry.where).suffixes)
        params.append(click.Argument(["data"], required=False, type=_FILE, metavar=f"[FILE{suffix}]"))
    else:
        params.append(click.Option(["--data", "data"], type=_FOLDER, default=None, help=entry.data_help))
    if entry.limit is not None:
        params.append(
            click.Option(
                ["--limit"],
                type=click.IntRange(min=1),
                default=None,
                help=f"Score only the first N {entry.limit}.",
            )
        )
    params.append(click.Option(["--errors", "errors_path"], type=_FILE, default=None, help=entry.errors_help))
    params.append(click.Option(["--json", "as_json"], is_flag=True, help=JSON_HELP))
    if entry.markdown is not None:
        params.append(click.Option(["--markdown"], is_flag=True, help=entry.markdown))
    params.append(
        click.Option(["--update-baseline", "baseline"], type=_FILE, default=None, help=BASELINE_HELP)
    )
    return params


@dataclass(frozen=True, slots=True)
class ScoringRun:
    """The shared options of one scoring command, as given."""

    data_dir: Path | None
    errors_path: Path | None
    as_json: bool
    baseline: Path | None
    limit: int | None = None
    markdown: bool = False

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
