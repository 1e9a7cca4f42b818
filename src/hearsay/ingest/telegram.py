"""Telegram channel exports (Telegram Desktop's "Export chat history", JSON): one Document per post.

The export is one JSON object: the channel's ``name`` and ``type``, and ``messages``, each with
an ``id``, a ``date`` and a ``text`` that is either a string or a list of strings and
``{"type": ..., "text": ...}`` pieces (links, bold, mentions). Service messages (joins, pins)
and posts without text (a photo with no caption) are not articles and are passed over; a
malformed message becomes an InputError naming ``result.json:message 42``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import Document
from .fields import clean_str, load_json, parse_date
from .identity import make_document
from .isolate import read_one
from .json_salvage import array_elements

# The export's fields before its messages, as Telegram Desktop writes them (name, type, id).
_MESSAGES = re.compile(r'\s*\{[^\[\]{}]*?"messages"\s*:\s*\[')
EXPECTED = 'a Telegram export is one JSON object with a "messages" list (Telegram Desktop, JSON format)'


def read_telegram(text: str, where: str) -> Iterator[Document | InputError]:
    """Yield one Document per text post of a Telegram channel export."""
    try:
        export = load_json(text)
    except (ValueError, RecursionError) as err:
        salvaged = _salvage(text)
        if salvaged is None:
            yield _unreadable(err, where)
            return
        export = salvaged
        if not any(isinstance(m, _Unparsed) for m in export["messages"]):
            yield _unreadable(err, where)  # the fault is outside the messages, which are read
    messages = export.get("messages") if isinstance(export, dict) else None
    if not isinstance(messages, list):
        yield InputError(f"has no messages list; {EXPECTED}", where=where)
        return
    channel = clean_str(export.get("name"))
    found = 0
    for position, message in enumerate(messages, start=1):
        here = f"{where}:message #{position}"
        if isinstance(message, _Unparsed):
            item: Document | InputError | None = _unreadable(message.error, here)
        else:
            item = read_one(here, _post, message, channel=channel, where=where, position=position)
        if item is not None:
            found += 1
            yield item
    if found == 0:
        yield InputError("is a Telegram export with no text posts", where=where)


def _unreadable(error: BaseException, where: str) -> InputError:
    """The error for JSON that cannot be parsed: broken, nested too deeply, or otherwise refused."""
    if isinstance(error, json.JSONDecodeError):
        return InputError(f"not valid JSON ({error.msg} at line {error.lineno}); {EXPECTED}", where=where)
    if isinstance(error, RecursionError):
        return InputError(f"is nested too deeply to read; {EXPECTED}", where=where)
    return InputError(f"not readable JSON ({error}); {EXPECTED}", where=where)


class _Unparsed:
    """A message whose own JSON cannot be parsed, and why."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def _salvage(text: str) -> dict[str, Any] | None:
    """The export read message by message, when it cannot be read whole; None without a messages list."""
    head = _MESSAGES.match(text)
    if head is None:
        return None
    try:
        export = load_json(text[: head.end()] + "]}")
    except (ValueError, RecursionError):
        return None
    if not isinstance(export, dict):
        return None
    messages: list[Any] = []
    pieces = array_elements(text, head.end())
    if not pieces:
        return None
    for piece in pieces:
        try:
            messages.append(load_json(piece))
        except (ValueError, RecursionError) as err:
            messages.append(_Unparsed(err))
    export["messages"] = messages
    return export


def _post(message: Any, *, channel: str | None, where: str, position: int) -> Document | InputError | None:
    """The Document of one message, None for a service message or a post without text."""
    if not isinstance(message, dict):
        return InputError("is not a JSON object", where=f"{where}:message #{position}")
    number = message.get("id")
    here = f"{where}:message {number}" if isinstance(number, int) else f"{where}:message #{position}"
    if message.get("type", "message") != "message":
        return None
    body = message_text(message.get("text"))
    if body is None:
        return InputError('"text" is neither a string nor a list of text pieces', where=here)
    if not body.strip():
        return None
    return make_document(
        body,
        published=parse_date(message.get("date")),
        outlet=channel,
        author=clean_str(message.get("from")) or channel,
        title=None,
        source_path=here,
        format="telegram",
    )


def message_text(value: Any) -> str | None:
    """The plain text of a message's ``text`` field, or None when its shape is wrong."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    pieces: list[str] = []
    for piece in value:
        if isinstance(piece, str):
            pieces.append(piece)
        elif isinstance(piece, dict) and isinstance(piece.get("text"), str):
            pieces.append(piece["text"])
        else:
            return None
    return "".join(pieces)
