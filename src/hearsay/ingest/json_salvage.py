"""Split a JSON document's array into its elements' texts without parsing them, to read them one by one.

When a Telegram export as a whole cannot be parsed (one message nested too deeply for Python's
parser, or broken), its ``"messages"`` array is cut at its top-level commas by a scanner that
only follows strings and brackets; each message is then parsed alone, and only the bad ones fail.
"""

from __future__ import annotations

import re

# A JSON string (escapes included), a bracket, or a comma: all the scanner needs to see.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]', re.DOTALL)


def array_elements(text: str, start: int) -> list[str]:
    """The texts of the elements of the array whose ``[`` ends just before ``start``.

    An array left unclosed ends with the text; brackets inside an element, however deep or
    unbalanced, stay inside it.
    """
    elements: list[str] = []
    depth = 0
    begin = start
    for match in _TOKEN.finditer(text, start):
        token = match.group()
        if token[0] == '"':
            continue
        if token in "[{":
            depth += 1
        elif token in "]}":
            if depth == 0:
                _add(elements, text[begin : match.start()])
                return elements
            depth -= 1
        elif depth == 0:  # a comma between two elements
            _add(elements, text[begin : match.start()])
            begin = match.end()
    _add(elements, text[begin:])
    return elements


def _add(elements: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        elements.append(piece)
