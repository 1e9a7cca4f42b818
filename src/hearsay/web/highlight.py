"""Article text as HTML with its grounded spans marked, every piece of text escaped.

The text is cut at every span boundary; each piece is escaped with markupsafe and wrapped in
the elements of the spans that cover it. Spans nest (a source inside a content, an entity
inside a cue); a span that crosses the end of an enclosing one is closed there and reopened
after it, so the HTML is always well formed. A reopened part keeps the span's classes and
data but is left out of the tab order, so each span is one keyboard stop.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

# Outermost first when two spans start together and end together.
LAYER_ORDER = {"content": 0, "source": 1, "cue": 2, "entity": 3, "time": 4}


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to highlight: its layer, and the element that shows it."""

    start: int
    end: int
    layer: str
    href: str | None = None
    attrs: tuple[tuple[str, str], ...] = field(default=())
    classes: tuple[str, ...] = ()  # more classes, e.g. the statement's stance-deny
    anchor: str | None = None  # the id of the span's first part, a target for links

    def open_tag(self, *, link: bool, first: bool, focusable: bool) -> str:
        tag = "a" if link else "span"
        classes = " ".join(("hl", f"hl-{self.layer}", *self.classes))
        parts = [f'<{tag} class="{escape(classes)}"']
        if first and self.anchor:
            parts.append(f' id="{escape(self.anchor)}"')
        if link:
            parts.append(f' href="{escape(self.href)}"')
            if not focusable:
                parts.append(' tabindex="-1"')
        if not first:
            parts.append(' data-part="more"')
        for name, value in self.attrs:
            parts.append(f' {name}="{escape(value)}"')
        parts.append(">")
        return "".join(parts)


def _ordered(marks: Iterable[Mark], length: int) -> list[Mark]:
    valid = [m for m in marks if 0 <= m.start < m.end <= length]
    return sorted(valid, key=lambda m: (m.start, -m.end, LAYER_ORDER.get(m.layer, 9)))


def render(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` as HTML, with each mark's element around its characters."""
    ordered = _ordered(marks, len(text))
    boundaries = sorted({0, len(text), *(m.start for m in ordered), *(m.end for m in ordered)})
    starting: dict[int, list[Mark]] = {}
    for mark in ordered:
        starting.setdefault(mark.start, []).append(mark)
    out = _Output()
    for here, following in zip(boundaries, boundaries[1:], strict=False):
        out.close_ended(here)
        for mark in starting.get(here, ()):
            out.open(mark)
        out.parts.append(str(escape(text[here:following])))
    out.close_ended(len(text))
    return Markup("".join(out.parts))


class _Output:
    """The HTML so far and the marks open at the current position, outermost first."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.stack: list[tuple[Mark, bool]] = []  # (mark, rendered as a link)
        self.opened: set[int] = set()  # marks already shown once
        self.focused: set[int] = set()  # marks already given their keyboard stop

    def open(self, mark: Mark) -> None:
        # A link inside a link is not allowed in HTML: the inner one becomes a plain span.
        link = mark.href is not None and not any(is_link for _, is_link in self.stack)
        focusable = link and id(mark) not in self.focused
        if focusable:
            self.focused.add(id(mark))
        self.parts.append(mark.open_tag(link=link, first=id(mark) not in self.opened, focusable=focusable))
        self.opened.add(id(mark))
        self.stack.append((mark, link))

    def close_ended(self, here: int) -> None:
        """Close every open mark that ends at ``here``; reopen the inner ones that go on."""
        while any(mark.end <= here for mark, _ in self.stack):
            deepest_ended = max(i for i, (mark, _) in enumerate(self.stack) if mark.end <= here)
            reopen = [mark for mark, _ in self.stack[deepest_ended + 1 :]]
            for _, link in reversed(self.stack[deepest_ended:]):
                self.parts.append("</a>" if link else "</span>")
            del self.stack[deepest_ended:]
            for mark in reopen:
                self.open(mark)
