"""What the `hearsay eval` commands share: where data is looked for, --json and --update-baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import ConfigError
from . import output

# The installed product never needs this folder: every evaluation takes --data DIR.
SHARED_DATA = Path("..") / "shared" / "data"


def default_data(name: str = "", label: str = "") -> Path:
    """``../shared/data/NAME`` (or ``shared/data/NAME``) from the current folder, else a ConfigError."""
    for candidate in (Path.cwd() / SHARED_DATA / name, Path.cwd() / "shared" / "data" / name):
        if candidate.is_dir():
            return candidate
    where = (SHARED_DATA / name).as_posix()
    kind = f"{label} data folder" if label else "data folder"
    raise ConfigError(f"no {kind} found at {where}; name one with --data DIR")


JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
BASELINE_OPTION = click.option(
    "--update-baseline",
    "baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Raise the floors in this quality-gate baseline file to the measured figures (never lowers one).",
)


def raise_floors_from(baseline: Path | None, figures: dict[str, Any]) -> None:
    """``--update-baseline``: raise the floors ``figures`` beat, printing one line per move."""
    if baseline is None:
        return
    from ..evaluate.gate import raise_floors

    for line in raise_floors(baseline, figures):
        output.note(line)
