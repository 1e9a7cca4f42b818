"""Where `hearsay eval` looks for a dataset when no ``--data`` is given: ``../shared/data`` by a checkout."""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError

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
