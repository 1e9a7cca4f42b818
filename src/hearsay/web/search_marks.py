"""Search snippets as HTML: the text escaped, then the store's match marks turned into <mark>."""

from __future__ import annotations

from markupsafe import Markup, escape

# The store puts these around matched words (control characters that escaping leaves alone).
OPEN, CLOSE = "\x02", "\x03"


def snippet_html(snippet: str | None) -> Markup:
    """Escaped snippet text with each marked word in a <mark>; stray marks are dropped."""
    out, depth = [], 0
    for char in str(escape(snippet or "")):
        if char == OPEN and depth == 0:
            out.append("<mark>")
            depth = 1
        elif char == CLOSE and depth == 1:
            out.append("</mark>")
            depth = 0
        elif char not in (OPEN, CLOSE):
            out.append(char)
    if depth:
        out.append("</mark>")
    return Markup("".join(out))
