"""Inputs to documents: expand paths, folders and globs, then read each file with its reader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import ConfigError
from ..model import Document
from .outcomes import Failure, FileDone, describe

PublishedFor = Callable[[Path], "dt.date | None"]
Item = Document | Failure | FileDone


def expand(args: Sequence[str | Path]) -> tuple[list[Path], list[Failure]]:
    """The files named by ``args`` (files, folders, globs), and one failure per argument that names none."""
    from ..ingest import expand_inputs

    names = [str(arg) for arg in args]
    paths: list[Path] = []
    failures: list[Failure] = []
    try:
        for item in expand_inputs(names):
            if isinstance(item, BaseException):
                failures.append(describe(item, "input"))
            else:
                paths.append(item)
    except Exception as err:  # noqa: BLE001 - report, and read what was found so far
        failures.append(describe(err, " ".join(names)))
    return paths, failures


def documents(paths: Iterable[Path], published_for: PublishedFor) -> Iterator[Item]:
    """The documents in each file, in order, then a FileDone; a file that fails becomes a Failure."""
    from ..ingest import read_path

    for path in paths:
        try:
            for item in read_path(path, published=published_for(path)):
                yield describe(item, str(path)) if isinstance(item, BaseException) else item
        except ConfigError:
            raise  # a bad setting fails every file alike: one line, not one per file
        except Exception as err:  # noqa: BLE001 - a reader bug loses this file, not the batch
            yield describe(err, str(path))
        yield FileDone(path)
