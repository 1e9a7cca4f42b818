"""A provenance graph laid out by Graphviz ``dot`` and drawn as accessible inline SVG.

Why Graphviz: ``dot`` is a layered (Sugiyama) layout with crossing reduction, and it places edge
labels as nodes of their own, so labels never overlap nodes or each other; it is a Debian package
(``graphviz``), small, offline, and stable for decades. We run ``dot -Tjson0`` in a subprocess with a
timeout and draw the SVG ourselves from its coordinates (our classes, escaped text, a ``<title>``
per node and edge), so the page's styles and CSP stay ours. Without ``dot`` (or when it fails),
``layout`` says why and the page falls back to the simple built-in layout (``svg_graph``).

Node boxes are sized by ``dot`` for a font a little larger than the one the page draws with, so a
label never touches its box's edge whatever sans-serif font the browser picks.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..vocabulary import label as plain
from . import layout_file

DOT_TIMEOUT_S = 5.0
LAYOUT_FONT_PT = 18  # what dot sizes the boxes for (Helvetica metrics); the SVG draws labels at 12 px
LINE_CHARS = 26
MAX_LINES = 3
MARGIN = 8


class LayoutUnavailable(Exception):
    """dot is missing, timed out or failed: the message says which, in words for the page."""


@dataclass(frozen=True, slots=True)
class Drawn:
    svg: Markup
    width: float
    height: float


def label_lines(text: str) -> list[str]:
    """A node label wrapped to at most ``MAX_LINES`` lines (the full text is in its tooltip)."""
    lines = textwrap.wrap(" ".join(text.split()), LINE_CHARS, break_long_words=True) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: LINE_CHARS - 1].rstrip() + "…"
    return lines


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def dot_source(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    lines = [
        "digraph provenance {",
        f'  graph [rankdir=LR, nodesep=0.35, ranksep=0.9, fontname="Helvetica", fontsize={LAYOUT_FONT_PT}];',
        f'  node [shape=box, fontname="Helvetica", fontsize={LAYOUT_FONT_PT}, margin="0.18,0.1"];',
        f'  edge [fontname="Helvetica", fontsize={LAYOUT_FONT_PT - 2}];',
    ]
    index = {n["id"]: i for i, n in enumerate(nodes)}
    for i, node in enumerate(nodes):
        text = "\\n".join(_escape_dot(line) for line in [*label_lines(_node_text(node)), _kind(node)])
        lines.append(f'  n{i} [label="{text}"];')
    for edge in edges:
        cue = _escape_dot(_short(edge.get("cue") or "", 22))
        lines.append(f'  n{index[edge["from"]]} -> n{index[edge["to"]]} [label="{cue}"];')
    lines.append("}")
    return "\n".join(lines)


def _escape_dot(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_text(node: dict[str, Any]) -> str:
    return str(node.get("label") or node["id"])


def _kind(node: dict[str, Any]) -> str:
    return plain("node_kind", node.get("kind") or "node")


def layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """dot's JSON layout of the graph; raises ``LayoutUnavailable`` with a reason in words."""
    return json.loads(_run_dot(_dot(), dot_source(nodes, edges)))


def _dot() -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise LayoutUnavailable("Graphviz is not installed on this server (the dot program is missing)")
    return dot


@lru_cache(maxsize=256)
def _run_dot(dot: str, source: str) -> str:
    """dot's JSON for ``source``; a graph asked for again (a page reloaded) is not laid out again."""
    try:
        done = subprocess.run(
            [dot, "-Tjson0"],
            input=source,
            capture_output=True,
            text=True,
            timeout=DOT_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise LayoutUnavailable(
            f"Graphviz took longer than {DOT_TIMEOUT_S:.0f} s to lay this graph out"
        ) from None
    except OSError as err:
        raise LayoutUnavailable(f"Graphviz could not be run ({err.strerror})") from None
    if done.returncode != 0:
        raise LayoutUnavailable("Graphviz could not lay this graph out")
    try:
        json.loads(done.stdout)
    except json.JSONDecodeError:
        raise LayoutUnavailable("Graphviz gave a layout that could not be read") from None
    return done.stdout


def _points(spline: str) -> tuple[list[tuple[float, float]], tuple[float, float] | None]:
    """A dot edge ``pos`` ("e,x,y x,y x,y ...") as its B-spline points and its arrow tip."""
    points: list[tuple[float, float]] = []
    tip = None
    for part in spline.split():
        bits = part.split(",")
        if bits[0] == "e":
            tip = (float(bits[1]), float(bits[2]))
        elif bits[0] != "s":
            points.append((float(bits[0]), float(bits[1])))
    return points, tip


def graph_svg(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], title: str, kept_in: Path | None = None
) -> Drawn:
    """The graph drawn from dot's layout (raises ``LayoutUnavailable`` without dot).

    With ``kept_in`` (a ``layout_file``), a layout kept there for the same dot source is drawn instead of
    running dot, the same way as a fresh one; one this code cannot draw is laid out again.
    """
    dot = _dot()
    source = dot_source(nodes, edges)
    asked = layout_file.key(dot, source)
    kept = layout_file.recall(kept_in, asked)
    if kept is not None:
        try:
            return _drawn(json.loads(kept), nodes, edges, title)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            pass  # not a layout of this graph after all: laid out again below
    fresh = _run_dot(dot, source)
    drawn = _drawn(json.loads(fresh), nodes, edges, title)
    if fresh != kept:
        layout_file.keep(kept_in, asked, fresh)
    return drawn


def _drawn(
    laid: dict[str, Any], nodes: list[dict[str, Any]], edges: list[dict[str, Any]], title: str
) -> Drawn:
    _x0, _y0, width, height = (float(v) for v in laid["bb"].split(","))
    width, height = width + 2 * MARGIN, height + 2 * MARGIN

    def at(x: float, y: float) -> tuple[float, float]:  # dot's y grows upwards
        return x + MARGIN, height - MARGIN - y

    parts = [
        f'<svg class="graph" role="img" aria-labelledby="graph-title" viewBox="0 0 {width:.0f} {height:.0f}"'
        f' width="{width:.0f}" height="{height:.0f}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="graph-title">{escape(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7"'
        ' orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker></defs>',
    ]
    objects = laid.get("objects", [])
    for edge_layout, edge in zip(laid.get("edges", []), edges, strict=False):
        points, tip = _points(edge_layout.get("pos", ""))
        if not points:
            continue
        moved = [at(x, y) for x, y in points]
        path = f"M{moved[0][0]:.1f},{moved[0][1]:.1f}"
        for i in range(1, len(moved) - 2, 3):
            (ax, ay), (bx, by), (cx, cy) = moved[i : i + 3]
            path += f" C{ax:.1f},{ay:.1f} {bx:.1f},{by:.1f} {cx:.1f},{cy:.1f}"
        if tip is not None:
            tx, ty = at(*tip)
            path += f" L{tx:.1f},{ty:.1f}"
        source, target = objects[edge_layout["tail"]], objects[edge_layout["head"]]
        cue = edge.get("cue") or ""
        described = (
            f"{_node_text(nodes[int(source['name'][1:])])} → {_node_text(nodes[int(target['name'][1:])])}"
        )
        parts.append(f'<g class="edge"><title>{escape(described)}: {escape(cue)}</title>')
        parts.append(f'<path d="{path}" marker-end="url(#arrow)"/>')
        if cue and "lp" in edge_layout:
            lx, ly = at(*(float(v) for v in edge_layout["lp"].split(",")))
            parts.append(
                f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="middle" class="edge-label">'
                f"{escape(_short(cue, 22))}</text>"
            )
        parts.append("</g>")
    for obj in objects:
        node = nodes[int(obj["name"][1:])]
        cx, cy = at(*(float(v) for v in obj["pos"].split(",")))
        w, h = float(obj["width"]) * 72, float(obj["height"]) * 72
        kind = str(node.get("kind") or "node")
        lines = label_lines(_node_text(node))
        named = f"{escape(_node_text(node))} ({escape(_kind(node))})"
        parts.append(
            f'<g class="node node-{escape(kind)}"><title>{named}</title>'
            f'<rect x="{cx - w / 2:.1f}" y="{cy - h / 2:.1f}" width="{w:.1f}" height="{h:.1f}" rx="6"/>'
        )
        step = 15
        top = cy - step * (len(lines) + 1) / 2 + 11
        for number, line in enumerate(lines):
            parts.append(
                f'<text x="{cx:.1f}" y="{top + number * step:.1f}" text-anchor="middle" class="node-label">'
                f"{escape(line)}</text>"
            )
        parts.append(
            f'<text x="{cx:.1f}" y="{top + len(lines) * step:.1f}" text-anchor="middle" class="node-kind">'
            f"{escape(_kind(node))}</text></g>"
        )
    parts.append("</svg>")
    return Drawn(svg=Markup("".join(parts)), width=width, height=height)
