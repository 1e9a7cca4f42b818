"""JSON Lines reader: one article object per line, one bad line never stopping the rest.

Each line is an object with ``text`` (required) and optional ``url``, ``title``, ``published``
(ISO date or datetime), ``outlet``, ``author`` and ``language``. Values of the wrong type, a
non-http(s) url or an unreadable date become None. A Document's ``source_path`` and an
error's ``where`` are both ``PATH:LINE`` (1-based; blank lines count but yield nothing).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import Document
from .fields import clean_str, http_url, load_json, parse_date
from .identity import make_document
from .isolate import read_one

# Bytes that were not UTF-8, kept by sniffing as lone surrogates (the "surrogateescape" handler).
_UNDECODABLE = re.compile("[\udc80-\udcff]")
ONE_OBJECT = 'each line must be one JSON object with a "text" field'


def read_jsonl(text: str, where: str) -> Iterator[Document | InputError]:
    """Yield one Document or InputError per non-blank line."""
    # Split on \n only: str.splitlines() would also break at U+2028 and other characters
    # that JSON strings may hold unescaped.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            here = f"{where}:{number}"
            yield read_one(here, read_line, line, here)


def read_line(line: str, where: str) -> Document | InputError:
    """Turn one JSON line into a Document, or say what is wrong with it."""
    undecodable = _UNDECODABLE.search(line)
    if undecodable is not None:
        byte, column = ord(undecodable.group()) - 0xDC00, undecodable.start() + 1
        return InputError(
            f"is not valid UTF-8 (byte 0x{byte:02x} at column {column}); save the file as UTF-8", where=where
        )
    try:
        record = load_json(line)
    except json.JSONDecodeError as err:
        return InputError(
            f"not valid JSON ({err.msg.removesuffix(' at')} at column {err.colno}); {ONE_OBJECT}", where=where
        )
    except RecursionError:
        return InputError(f"is nested too deeply to read; {ONE_OBJECT}", where=where)
    except ValueError as err:  # Python refuses integers of over 4,300 digits
        return InputError(f"not readable JSON ({err}); {ONE_OBJECT}", where=where)
    if not isinstance(record, dict):
        return InputError(f"is a JSON {_json_type(record)}, not an object; {ONE_OBJECT}", where=where)
    return _document(record, where)


def _document(record: dict[str, Any], where: str) -> Document | InputError:
    """Build a Document from one decoded record."""
    if "text" not in record:
        return InputError(f'has no "text" field; {ONE_OBJECT}', where=where)
    text = record["text"]
    if not isinstance(text, str):
        return InputError(f'"text" is a JSON {_json_type(text)}, not a string; {ONE_OBJECT}', where=where)
    document = make_document(
        text,
        url=http_url(record.get("url")),
        title=clean_str(record.get("title")),
        published=parse_date(record.get("published")),
        outlet=clean_str(record.get("outlet")),
        author=clean_str(record.get("author")),
        language=clean_str(record.get("language")),
        source_path=where,
        format="jsonl",
    )
    if not document.text:
        return InputError('"text" is empty; give the article text', where=where)
    return document


def _json_type(value: object) -> str:
    """JSON's name for the type of a decoded value."""
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}
    return names.get(type(value), "null")
