"""What an error page tells a visitor: what was not found, in words, and where to go on from there."""

from __future__ import annotations

import re
from typing import Any

# An absolute path of two parts or more ("/srv/data/hearsay.db", "C:\\data\\x.db"): never shown.
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][\w.\-]+){2,}[\\/]?")
_CODE = re.compile(r"\[H\d{3}\]\s*")

# The list page that a detail page belongs to, by the first part of its path.
WAYS_ON = {
    "documents": ("/documents", "all documents"),
    "entities": ("/entities", "all entities"),
    "clusters": ("/clusters", "all claims"),
    "stories": ("/stories", "all stories"),
    "evidence": ("/evidence", "the evidence page"),
    "search": ("/search", "search"),
}
WHAT = {
    "documents": "document",
    "entities": "entity",
    "clusters": "claim",
    "stories": "story",
}
TITLES = {
    400: "This request cannot be answered",
    401: "This needs the server's token",
    403: "Writing is not allowed here",
    404: "Not found",
    405: "This page cannot be used that way",
    413: "The file is too big",
    422: "This address has a value the page cannot use",
    503: "The database cannot be used just now",
}


def without_paths(message: str) -> str:
    """``message`` with server paths and internal error codes taken out."""
    return _PATH.sub("the server's file", _CODE.sub("", message))


def error_page(path: str, status: int, message: str) -> dict[str, Any]:
    """The error page's words: a title, what happened, and links on (the list the page belongs to)."""
    section = path.strip("/").split("/", 1)[0]
    ways = [{"href": "/", "text": "the start page"}]
    if section in WAYS_ON:
        href, text = WAYS_ON[section]
        ways.insert(0, {"href": href, "text": text})
    if status == 404 and section in WHAT:
        message = f"There is no {WHAT[section]} at this address. {_sentence(message)}"
    elif status == 404:
        message = "There is no page at this address."
    elif status >= 500 and status != 503:
        message = "Something went wrong on the server; the details are in its log."
    return {
        "status": status,
        "title": TITLES.get(status, "Something went wrong"),
        "message": without_paths(message),
        "ways_on": ways,
        "search": status == 404,
    }


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")
