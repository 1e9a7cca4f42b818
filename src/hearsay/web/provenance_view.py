"""The provenance graph as the pages and GraphML show it: sources that name someone, and the rest listed.

A node is drawn for a linked entity, a document, an outlet, or a source named in the text by a
name (a capitalised word: "Interfax", "Telegram channels"). A source that names nobody, a pronoun
("he", "I") or a description ("officials", "a source"), is never a node: its links are listed as
unresolved under the graph. Past ``MAX_NODES`` the page draws the most connected nodes (a focused
subgraph) and says so; the GraphML export has every drawn-kind node.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from ..corrections.marks import Marks
from ..link.entities import names_from

MAX_NODES = 40
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "some",
        "one",
        "two",
        "three",
        "several",
        "many",
        "other",
        "another",
        "its",
        "his",
        "her",
        "their",
        "our",
    ]
)
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


@dataclass(slots=True)
class ProvenanceView:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    unresolved: list[dict[str, Any]] = field(
        default_factory=list
    )  # {"label", "cue", "document_id", "from_label"}
    hidden_nodes: int = 0  # resolved nodes left out of a focused subgraph


def names_someone(node: dict[str, Any]) -> bool:
    """Whether a node is a resolved source: linked, a document or outlet, or a name in the text."""
    if not str(node["id"]).startswith("t-"):
        return True
    words = str(node.get("label") or "").split()
    while words and words[0].casefold() in _DETERMINERS:
        words = words[1:]
    return bool(words) and bool(names_from(" ".join(words), ())) and words[0][:1].isupper()


def provenance_view(traced: dict[str, Any], max_nodes: int | None = MAX_NODES) -> ProvenanceView:
    """``traced`` (``Provenance.to_dict()``) split into drawn nodes and edges and unresolved links."""
    nodes = {n["id"]: n for n in traced.get("nodes", [])}
    drawn = {i: n for i, n in nodes.items() if names_someone(n)}
    edges, unresolved = [], []
    for edge in traced.get("edges", []):
        if edge["from"] in drawn and edge["to"] in drawn:
            edges.append(edge)
        elif edge["to"] in nodes and edge["to"] not in drawn:
            unresolved.append(
                {
                    "label": nodes[edge["to"]].get("label") or "",
                    "cue": edge.get("cue") or "",
                    "document_id": edge.get("document_id"),
                    "statement_id": edge.get("statement_id"),
                    "from_label": edge.get("from_label") or "",
                }
            )
    hidden = 0
    if max_nodes is not None and len(drawn) > max_nodes:
        degree: Counter[str] = Counter()
        for edge in edges:
            degree[edge["from"]] += 1
            degree[edge["to"]] += 1
        kept = {i for i, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
        hidden = len(drawn) - len(kept)
        drawn = {i: n for i, n in drawn.items() if i in kept}
        edges = [e for e in edges if e["from"] in kept and e["to"] in kept]
    used = {e["from"] for e in edges} | {e["to"] for e in edges}
    node_list = [n for i, n in drawn.items() if i in used or not edges]
    return ProvenanceView(nodes=node_list, edges=edges, unresolved=unresolved, hidden_nodes=hidden)


def graphml(view: ProvenanceView, cluster_id: str, marks: Marks | None = None) -> str:
    """The graph as GraphML (nodes: label, kind; edges: cue, document, statement, and the fields an
    analyst decided of that statement from ``marks``), UTF-8 text."""
    ElementTree.register_namespace("", GRAPHML_NS)
    root = ElementTree.Element(f"{{{GRAPHML_NS}}}graphml")
    keys = [
        ("label", "node", "label"),
        ("kind", "node", "kind"),
        ("cue", "edge", "cue"),
        ("document_id", "edge", "document_id"),
        ("statement_id", "edge", "statement_id"),
        ("corrected", "edge", "corrected"),
        ("unresolved", "graph", "unresolved_sources"),
    ]
    for key_id, domain, name in keys:
        ElementTree.SubElement(
            root,
            f"{{{GRAPHML_NS}}}key",
            id=key_id,
            attrib={"for": domain, "attr.name": name, "attr.type": "string"},
        )
    graph = ElementTree.SubElement(
        root, f"{{{GRAPHML_NS}}}graph", id=f"provenance-{cluster_id}", edgedefault="directed"
    )
    unresolved = "; ".join(sorted({f"{u['label']} ({u['cue']})" for u in view.unresolved}))
    _data(graph, "unresolved", unresolved)
    for node in view.nodes:
        element = ElementTree.SubElement(graph, f"{{{GRAPHML_NS}}}node", id=str(node["id"]))
        _data(element, "label", str(node.get("label") or node["id"]))
        _data(element, "kind", str(node.get("kind") or ""))
    for number, edge in enumerate(view.edges):
        element = ElementTree.SubElement(
            graph, f"{{{GRAPHML_NS}}}edge", id=f"e{number}", source=str(edge["from"]), target=str(edge["to"])
        )
        _data(element, "cue", str(edge.get("cue") or ""))
        _data(element, "document_id", str(edge.get("document_id") or ""))
        _data(element, "statement_id", str(edge.get("statement_id") or ""))
        decided = (marks or {}).get((str(edge.get("document_id")), str(edge.get("statement_id"))))
        _data(element, "corrected", ", ".join(decided or ()))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def _data(parent: ElementTree.Element, key: str, value: str) -> None:
    if value:
        ElementTree.SubElement(parent, f"{{{GRAPHML_NS}}}data", key=key).text = value
