"""Ingest: turn files, folders and globs into Documents.

Errors are values. Every function here yields ``Document | InputError`` items (``Item``)
and raises nothing for bad input, so one bad file, or one bad line of a JSON Lines file,
never stops a batch; the caller decides what to do with each error (the CLI prints
``str(error)``, one line naming the input, and counts it in the exit code)::

    for item in iter_documents(["news/", "extra/*.jsonl"]):
        if isinstance(item, InputError):
            print(item)
        else:
            store(item)

Only programming and configuration mistakes raise (``ConfigError`` for an unknown reader).
An unexpected exception while reading a file becomes an InputError naming that file.

Readers take ``(text, where)``, the decoded text and the name to report it under, and yield
items; ``sniff`` decides which one runs. A new format is a reader in ``READERS`` plus a
rule in ``sniff.detect_format``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeAlias

from ..errors import ConfigError, InputError
from ..model import Document
from ..settings import Settings, load_settings
from .expand import expand_inputs
from .feeds import read_feed
from .identity import check_language, document_id, make_document, normalise_text
from .isolate import unexpected
from .jsonl import read_jsonl
from .sniff import check_length, sniff_file
from .telegram import read_telegram
from .text import read_text

Item: TypeAlias = Document | InputError
Reader: TypeAlias = Callable[[str, str], Iterator[Item]]


def read_html(text: str, where: str) -> Iterator[Item]:
    """The HTML reader, imported on first use: trafilatura takes most of a second to import."""
    from .html import read_html as read

    return read(text, where)


READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "telegram": read_telegram,
}


def get_reader(name: str) -> Reader:
    """Return the reader registered as ``name``."""
    try:
        return READERS[name]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise ConfigError(f"unknown input format {name!r}; known formats: {known}") from None


def read_path(
    path: Path, *, published: dt.date | None = None, settings: Settings | None = None
) -> Iterator[Item]:
    """Yield the Documents in one file, and an InputError for each part that cannot be read.

    ``published`` is the date given to documents whose file gives none.
    """
    settings = settings or load_settings()
    where = str(path)
    try:
        sniffed = sniff_file(path, max_bytes=settings.max_bytes)
        for item in get_reader(sniffed.format)(sniffed.text, where):
            yield _finish(item, published=published, max_chars=settings.max_chars)
    except InputError as err:
        yield err
    except ConfigError:
        raise
    except Exception as err:  # noqa: BLE001 - one file's surprise must not end the batch
        yield unexpected(err, where)


def _finish(item: Item, *, published: dt.date | None, max_chars: int) -> Item:
    """Apply the length limit and the default date to one reader item."""
    if isinstance(item, InputError):
        return item
    try:
        check_length(item.text, where=item.source_path or "", max_chars=max_chars)
        check_language(item.language, where=item.source_path or "")
    except InputError as err:
        return err
    if item.published is None and published is not None:
        return dataclasses.replace(item, published=published)
    return item


def iter_documents(
    args: Iterable[str], *, published: dt.date | None = None, settings: Settings | None = None
) -> Iterator[Item]:
    """Yield the Documents and InputErrors of every file that ``args`` name, in order."""
    settings = settings or load_settings()
    for item in expand_inputs(args):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_path(item, published=published, settings=settings)


__all__ = [
    "READERS",
    "Item",
    "Reader",
    "document_id",
    "expand_inputs",
    "get_reader",
    "iter_documents",
    "make_document",
    "normalise_text",
    "read_path",
]
