"""A timeline as inline SVG: dated entries down a vertical axis, gaps growing with the days between.

Entries without a calendar date (``XXXX-05-28``, story-relative times) are listed after the
dated ones, under "undated", rather than placed where they may not belong.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from markupsafe import Markup, escape

from . import urls

ROW = 26
AXIS_X = 118
WIDTH = 760
TOP = 18
LABEL_CHARS = 88


def _date(entry: dict[str, Any]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(entry.get("date") or "")[:10])
    except ValueError:
        return None


def _label(entry: dict[str, Any]) -> str:
    """What the entry is: a time with its value, a statement with its words, a document's title."""
    kind, label, text = entry.get("kind"), str(entry.get("label") or ""), str(entry.get("text") or "")
    if kind == "time":
        shown = f"“{text}” ({entry.get('value') or '?'}) in {label}" if label else text
    elif kind == "statement" and text and text != label:
        shown = f"{label}: {text}"
    elif kind == "document":
        shown = f"published: {label or text}"
    else:
        shown = label or text
    return shown if len(shown) <= LABEL_CHARS else shown[: LABEL_CHARS - 1] + "…"


def timeline_svg(entries: list[dict[str, Any]], title: str = "Timeline") -> Markup:
    """The entries as an SVG, oldest at the top; each entry links to its document."""
    days = [(_date(e), e) for e in entries]
    dated = sorted(((day, e) for day, e in days if day is not None), key=lambda pair: pair[0])
    undated = [e for day, e in days if day is None]
    if not entries:
        return Markup("")
    rows: list[tuple[float, dict[str, Any], str]] = []
    y, previous = float(TOP), None
    for day, entry in dated:
        if previous is not None:
            y += ROW + min(math.log1p((day - previous).days) * 6, 60)
        rows.append((y, entry, day.isoformat() if day != previous else ""))
        previous = day
    if undated:
        y += ROW * 1.6 if rows else 0
        for index, entry in enumerate(undated):
            rows.append((y, entry, "undated" if index == 0 else ""))
            y += ROW
        y -= ROW
    height = y + TOP + 6
    parts = [
        '<svg class="timeline" role="group" aria-labelledby="timeline-title"'
        f' viewBox="0 0 {WIDTH} {height:.0f}"'
        f' width="{WIDTH}" height="{height:.0f}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{escape(title)}</title>',
        f'<line class="axis" x1="{AXIS_X}" y1="{TOP - 8}" x2="{AXIS_X}" y2="{height - 8:.0f}"/>',
    ]
    for y, entry, date_label in rows:
        kind = escape(str(entry.get("kind") or "time"))
        anchor = f"statement-{entry['statement_id']}" if entry.get("statement_id") else None
        href = urls.document(str(entry.get("document_id") or ""), anchor)
        value = escape(str(entry.get("value") or entry.get("date") or ""))
        if date_label:
            parts.append(
                f'<text class="date" x="{AXIS_X - 14}" y="{y + 4:.0f}" text-anchor="end">'
                f"{escape(date_label)}</text>"
            )
        parts.append(
            f'<a href="{escape(href)}" class="entry entry-{kind}"><title>{value} {kind}</title>'
            f'<circle cx="{AXIS_X}" cy="{y:.0f}" r="6"/>'
            f'<text x="{AXIS_X + 16}" y="{y + 4:.0f}">{escape(_label(entry))}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
