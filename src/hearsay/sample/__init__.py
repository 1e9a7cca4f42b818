"""The bundled sample corpus: one attribution-heavy report, 90 Wikinews articles and three Russian reports
written for hearsay (see README.md here).

The product reads its sample from the installed package, never from a source checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MAIN_ARTICLE = "kazakhstan-drones.txt"
WIKINEWS = "wikinews.jsonl"
RUSSIAN = "russian.jsonl"


def sample_dir() -> Path:
    """The folder holding the sample corpus."""
    # hearsay installs as plain files (a wheel or an editable install), so this is a real path.
    return Path(str(resources.files(__package__)))


def sample_paths() -> list[Path]:
    """The files of the sample corpus, the main article first."""
    folder = sample_dir()
    return [folder / MAIN_ARTICLE, folder / WIKINEWS, folder / RUSSIAN]
