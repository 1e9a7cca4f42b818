"""Telegram channel exports (Telegram Desktop's "Export chat history", JSON): one Document per post.

The export is one JSON object: the channel's ``name`` and ``type``, and ``messages``, each with
an ``id``, a ``date`` and a ``text`` that is either a string or a list of strings and
``{"type": ..., "text": ...}`` pieces (links, bold, mentions). Service messages (joins, pins)
and posts without text (a photo with no caption) are not articles and are passed over; a
malformed message becomes an InputError naming ``result.json:message 42``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import Document
from .fields import clean_str, load_json, parse_date
from .identity import make_document
from .isolate import read_one

EXPECTED = 'a Telegram export is one JSON object with a "messages" list (Telegram Desktop, JSON format)'


def read_telegram(text: str, where: str) -> Iterator[Document | InputError]:
    """Yield one Document per text post of a Telegram channel export."""
    try:
        export = load_json(text)
    except json.JSONDecodeError as err:
        yield InputError(f"not valid JSON ({err.msg} at line {err.lineno}); {EXPECTED}", where=where)
        return
    except RecursionError:
        yield InputError(f"is nested too deeply to read; {EXPECTED}", where=where)
        return
    except ValueError as err:
        yield InputError(f"not readable JSON ({err}); {EXPECTED}", where=where)
        return
    messages = export.get("messages") if isinstance(export, dict) else None
    if not isinstance(messages, list):
        yield InputError(f"has no messages list; {EXPECTED}", where=where)
        return
    channel = clean_str(export.get("name"))
    found = 0
    for position, message in enumerate(messages, start=1):
        here = f"{where}:message #{position}"
        item = read_one(here, _post, message, channel=channel, where=where, position=position)
        if item is not None:
            found += 1
            yield item
    if found == 0:
        yield InputError("is a Telegram export with no text posts", where=where)


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
