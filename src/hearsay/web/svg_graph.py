"""A provenance graph as inline SVG, laid out in layers on the server (no script, no library).

Layers follow the edges: a node's column is the length of the longest path reaching it
(edges that would close a cycle are drawn but do not count). Within a column, nodes are
ordered by the mean row of their predecessors, which keeps most edges from crossing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from markupsafe import Markup, escape

from ..vocabulary import label as plain

NODE_W, NODE_H = 180, 36
COLUMN_GAP, ROW_GAP = 150, 22
MARGIN = 16
LABEL_CHARS = 24


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def layers(node_ids: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Column of each node: the longest path to it from a node nothing points to."""
    following: dict[str, list[str]] = defaultdict(list)
    for source, target in edges:
        following[source].append(target)
    order: list[str] = []  # reverse post-order of a depth-first walk: a topological order
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in node_ids:
        if root in state:
            continue
        stack = [(root, iter(following[root]))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                order.append(node)
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))  # closes a cycle
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(following[child])))
    column = dict.fromkeys(node_ids, 0)
    for node in reversed(order):
        for child in following[node]:
            if (node, child) not in back and child in column:
                column[child] = max(column[child], column[node] + 1)
    return column


def layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Top-left corner of each node's box."""
    ids = [n["id"] for n in nodes]
    known = set(ids)
    pairs = [(e["from"], e["to"]) for e in edges if e["from"] in known and e["to"] in known]
    column = layers(ids, pairs)
    predecessors: dict[str, list[str]] = defaultdict(list)
    for source, target in pairs:
        predecessors[target].append(source)
    rows: dict[str, float] = {}
    by_column: dict[int, list[str]] = defaultdict(list)
    for node in ids:
        by_column[column[node]].append(node)
    for col in sorted(by_column):
        members = by_column[col]

        def barycentre(node: str) -> float:
            placed = [rows[p] for p in predecessors[node] if p in rows]
            return sum(placed) / len(placed) if placed else float(ids.index(node))

        members.sort(key=barycentre)
        for row, node in enumerate(members):
            rows[node] = row
    return {
        node: (MARGIN + column[node] * (NODE_W + COLUMN_GAP), MARGIN + rows[node] * (NODE_H + ROW_GAP))
        for node in ids
    }


def graph_svg(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], title: str) -> Markup:
    """The graph as an accessible SVG element (a title, and a text label on every node and edge)."""
    if not nodes:
        return Markup("")
    at = layout(nodes, edges)
    width = max(x for x, _ in at.values()) + NODE_W + MARGIN
    height = max(y for _, y in at.values()) + NODE_H + MARGIN
    parts = [
        f'<svg class="graph" role="img" aria-labelledby="graph-title" viewBox="0 0 {width:.0f} {height:.0f}"'
        f' width="{width:.0f}" height="{height:.0f}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="graph-title">{escape(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7"'
        ' orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker></defs>',
    ]
    for edge in edges:
        if edge["from"] not in at or edge["to"] not in at:
            continue
        (x1, y1), (x2, y2) = at[edge["from"]], at[edge["to"]]
        start = (x1 + NODE_W, y1 + NODE_H / 2)
        end = (x2, y2 + NODE_H / 2)
        if x2 <= x1:  # same column or backwards: leave from the bottom, arrive at the top
            start, end = (x1 + NODE_W / 2, y1 + NODE_H), (x2 + NODE_W / 2, y2)
        bend = max(abs(end[0] - start[0]) / 2, 30)
        path = (
            f"M{start[0]:.0f},{start[1]:.0f} C{start[0] + bend:.0f},{start[1]:.0f} "
            f"{end[0] - bend:.0f},{end[1]:.0f} {end[0]:.0f},{end[1]:.0f}"
        )
        cue = edge.get("cue") or ""
        parts.append(
            f'<g class="edge"><title>{escape(cue)}</title><path d="{path}" marker-end="url(#arrow)"/>'
        )
        if cue:
            mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2 - 4
            parts.append(
                f'<text x="{mx:.0f}" y="{my:.0f}" text-anchor="middle">{escape(_short(cue, 18))}</text>'
            )
        parts.append("</g>")
    for node in nodes:
        x, y = at[node["id"]]
        kind = str(node.get("kind") or "node")
        label = str(node.get("label") or node["id"])
        kind_words = escape(plain("node_kind", kind))
        parts.append(
            f'<g class="node node-{escape(kind)}"><title>{escape(label)} ({escape(kind)})</title>'
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="6"/>'
            f'<text x="{x + 10:.0f}" y="{y + 15:.0f}" class="node-label">{escape(_short(label))}</text>'
            f'<text x="{x + 10:.0f}" y="{y + 29:.0f}" class="node-kind">{kind_words}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
