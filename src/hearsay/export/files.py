"""Writing export files whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def replaced(paths: list[Path], newline: str | None = None) -> Iterator[list[TextIO]]:
    """Open UTF-8 text files that appear at ``paths`` only when the block completes.

    Each is written as ``NAME.partial`` and renamed at the end, so an export that fails or
    is interrupted leaves the previous files (or none) rather than truncated ones.
    """
    partials = [path.with_name(path.name + ".partial") for path in paths]
    try:
        with ExitStack() as stack:
            handles: list[TextIO] = [
                stack.enter_context(p.open("w", encoding="utf-8", newline=newline)) for p in partials
            ]
            yield handles
    except BaseException:
        for partial in partials:
            partial.unlink(missing_ok=True)
        raise
    for partial, path in zip(partials, paths, strict=True):
        os.replace(partial, path)
