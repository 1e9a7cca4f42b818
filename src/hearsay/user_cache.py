"""What hearsay keeps in the user's cache: ``$XDG_CACHE_HOME/hearsay``, else ``~/.cache/hearsay``.

Everything there is made from installed packages or from data hearsay can read again (the language
identifier unpacked, the embedding model's optimised graph, FNC-1 readings, a PostgreSQL store's
vector index), so any of it may be deleted at any time. A file or folder is written beside its place
and renamed into it (``staging_beside``, ``move_into_place``): a reader sees all of it or nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def cache_dir(*parts: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base, "hearsay", *parts)


def staging_beside(target: Path, *, folder: bool = False) -> Path | None:
    """An empty temporary file (or folder) in ``target``'s folder; None when it cannot be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if folder:
            return Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        handle, name = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    except OSError:
        return None
    os.close(handle)
    return Path(name)


def move_into_place(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; when that fails (a folder another process put there first, a
    cache that cannot be written), the staging copy is dropped."""
    try:
        os.replace(staging, target)
    except OSError:
        discard(staging)


def discard(staging: Path) -> None:
    if staging.is_dir():
        shutil.rmtree(staging, ignore_errors=True)
    else:
        staging.unlink(missing_ok=True)
