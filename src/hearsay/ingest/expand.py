"""Command-line inputs (files, folders, globs) to the list of files to read, in a stable order."""

from __future__ import annotations

import errno
import glob
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError

LOOP = "is a symbolic link that loops back on itself; remove or fix the link"
_GLOB_CHARS = re.compile(r"[*?[]")
# hearsay's own SQLite store and its sidecar files often sit next to the corpus.
SKIPPED_SUFFIXES = (".db", ".db-wal", ".db-shm", ".db-journal")


def expand_inputs(args: Iterable[str]) -> Iterator[Path | InputError]:
    """Yield each file named, found in a folder (recursively) or matched by a glob, once, in sorted order.

    Folders and globs skip hidden files and folders and ``.db`` files; a file named
    explicitly is always yielded. An argument that names nothing yields an InputError.
    """
    seen: set[Path] = set()
    for arg in args:
        for item in _expand_one(arg):
            if isinstance(item, Path):
                key = _resolved(item)
                if isinstance(key, InputError):
                    yield key
                    continue
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _resolved(path: Path) -> Path | InputError:
    """The real path of ``path``, or the error of a symbolic link that loops (or cannot be followed)."""
    try:
        return path.resolve()
    except RuntimeError:  # Python 3.11 and 3.12 raise this for a loop; 3.13 an OSError (ELOOP)
        return InputError(LOOP, where=str(path))
    except OSError as err:
        if err.errno == errno.ELOOP:
            return InputError(LOOP, where=str(path))
        return InputError(f"cannot be followed ({err.strerror or err}); check the link", where=str(path))


def _expand_one(arg: str) -> Iterator[Path | InputError]:
    """Expand one argument."""
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or path.is_symlink():
        yield path  # a broken link is reported when it is read
    elif _GLOB_CHARS.search(arg):
        yield from _glob(arg)
    else:
        yield InputError("does not exist; check the path", where=arg)


def _glob(pattern: str) -> Iterator[Path | InputError]:
    """Expand a glob (``**`` recurses); folders it matches are walked."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputError("matches no files; check the pattern", where=pattern)
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _walk(path)
        elif not _skipped(path.name):
            yield path


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Yield the files under ``root``: each folder's files in name order, then its subfolders.

    A symbolic link to a folder is followed like a folder; one that leads back into a folder
    being walked (a loop) is reported once and left out, and a folder reached twice is read once.
    """
    errors: list[OSError] = []
    found = False
    visited: set[str] = set()
    for folder, subfolders, files in os.walk(root, onerror=errors.append, followlinks=True):
        visited.add(os.path.realpath(folder))
        kept = []
        for name in sorted(subfolders):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            real = os.path.realpath(path)
            if real in visited or _is_inside(os.path.realpath(folder), real):
                if os.path.islink(path) and _is_inside(os.path.realpath(folder), real):
                    yield InputError(LOOP, where=path)
                continue
            kept.append(name)
        subfolders[:] = kept
        for name in sorted(files):
            if not _skipped(name):
                found = True
                yield Path(folder, name)
    # os.walk reports the folders it cannot list through onerror, so they come last.
    for err in errors:
        yield InputError(
            f"cannot be listed ({err.strerror or err}); check its permissions", where=str(err.filename)
        )
    if not found and not errors:
        yield InputError("is a folder with no files to read; check the path", where=str(root))


def _is_inside(folder: str, target: str) -> bool:
    """Whether ``folder`` is ``target`` or lies under it (a link to ``target`` would loop)."""
    return folder == target or folder.startswith(target.rstrip(os.sep) + os.sep)


def _skipped(name: str) -> bool:
    """Whether a file found in a folder or by a glob is left out."""
    return name.startswith(".") or name.lower().endswith(SKIPPED_SUFFIXES)
