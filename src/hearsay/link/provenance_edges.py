"""Provenance edges of one document: who reports whom, and whom they cite.

* the document's outlet published the document (``published``);
* the document reports each statement's source (the statement's cue: "according to", "told");
* a statement whose source sits inside another statement's content is cited by that one's
  source: "A reported that B said ..." gives A -> B, a chain;
* "citing X", "quoting X", "reported by X", "according to X" in the text give an edge from the
  statement around them (or the document) to X, even where X is no statement's source.

Nodes are global entities (``e-…``) where the source was resolved, the document (``d-…``),
outlets named by the document's metadata (``o-…``) and unresolved source phrases (``t-…``).
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Any

from ..extract.lexicon import load_lexicon
from ..model import Reading, Statement
from .names import name_key

_CITING = re.compile(
    r"\b(citing|quoting|reported by|according to)\s+((?:the\s+)?[^,.;:()\"“”]{2,60}?)"
    r"(?=[,.;:()\"“”]|\s+that\b|$)",
    re.IGNORECASE,
)
_CHANNEL = re.compile(r"\b(channels?|telegram|twitter|facebook|vk|social media|blogs?|bloggers?)\b", re.I)
_ORGANISATION = re.compile(
    r"\b(ministry|office|agency|service|committee|government|police|army|council)\b", re.I
)
KIND_OF_TYPE = {"PERSON": "person", "OUTLET": "outlet", "ORG": "organisation", "GPE": "organisation"}

# (node id, label, kind)
Node = tuple[str, str, str]


@cache
def outlet_kinds() -> dict[str, str]:
    """Folded outlet name or variant -> "outlet", "agency" or "channel" (broadcasters are outlets)."""
    kinds: dict[str, str] = {}
    for row in load_lexicon("outlets"):
        kind = {"agency": "agency", "channel": "channel"}.get(row.get("kind", ""), "outlet")
        for name in (row["name"], *filter(None, row.get("variants", "").split("|"))):
            kinds[name_key(name)] = kind
    return kinds


def document_node(document_id: str) -> str:
    return "d-" + document_id[:12]


def text_node(prefix: str, text: str) -> str:
    return f"{prefix}-" + hashlib.sha1(name_key(text).encode()).hexdigest()[:10]


def kind_of(label: str, entity_type: str | None) -> str:
    if entity_type in ("OUTLET", "ORG"):
        known = outlet_kinds().get(name_key(label))
        if known:
            return known
    if entity_type in KIND_OF_TYPE:
        return KIND_OF_TYPE[entity_type]
    if _CHANNEL.search(label):
        return "channel"
    if _ORGANISATION.search(label):
        return "organisation"
    known = outlet_kinds().get(name_key(label))
    return known or "person"


def _source_node(reading: Reading, statement: Statement, mapping: dict[str, str]) -> Node | None:
    source = statement.source
    entity = reading.entity(source.entity)
    if entity is not None and entity.id in mapping:
        return mapping[entity.id], entity.name, kind_of(entity.name, entity.type)
    if source.text:
        return text_node("t", source.text), source.text, kind_of(source.text, None)
    return None


def _source_span(statement: Statement) -> tuple[int, int] | None:
    """Where the statement's source stands, or None when the text names nobody."""
    start, end = statement.source.start, statement.source.end
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise ValueError(f"statement {statement.id}: its source span has only one end ({start}, {end})")
    return start, end


def _span(statement: Statement) -> tuple[int, int]:
    starts = [statement.cue.start, statement.content.start]
    ends = [statement.cue.end, statement.content.end]
    source = _source_span(statement)
    if source is not None:
        starts.append(source[0])
        ends.append(source[1])
    return min(starts), max(ends)


def provenance_edges(reading: Reading, mapping: dict[str, str]) -> list[dict[str, Any]]:
    """The edges of one document, as rows of ``link_provenance``."""
    document = reading.document
    doc_node = document_node(reading.document_id)
    doc_label = (document.title if document else None) or reading.document_id[:12]
    edges: list[dict[str, Any]] = []

    def edge(statement_id: str | None, origin: Node, target: Node, cue: str) -> None:
        if origin[0] == target[0]:
            return
        edges.append(
            {
                "document_id": reading.document_id,
                "statement_id": statement_id,
                "from_node": origin[0],
                "from_label": origin[1],
                "from_kind": origin[2],
                "to_node": target[0],
                "to_label": target[1],
                "to_kind": target[2],
                "cue": cue,
            }
        )

    doc = (doc_node, doc_label, "document")
    if document is not None and document.outlet:
        outlet = (text_node("o", document.outlet), document.outlet, kind_of(document.outlet, "OUTLET"))
        edge(None, outlet, doc, "published")
    nodes = {s.id: _source_node(reading, s, mapping) for s in reading.statements}
    for statement in reading.statements:
        target = nodes[statement.id]
        if target is None:
            continue
        container = _container(reading, statement)
        origin = nodes.get(container.id) if container is not None else None
        edge(statement.id, origin or doc, target, statement.cue.text)
    text = document.text if document is not None else ""
    for match in _CITING.finditer(text):
        cited = match.group(2).strip()
        if not cited or not any(ch.isalpha() for ch in cited):
            continue
        around = _around(reading, match.start(), match.end(), text)
        origin = nodes.get(around.id) if around is not None else None
        target = (text_node("t", cited), cited, kind_of(cited, None))
        around_node = nodes.get(around.id) if around is not None else None
        if around_node is not None and name_key(around_node[1]) == name_key(cited):
            continue  # "according to ura.ru" is the statement's own source, already an edge
        edge(around.id if around else None, origin or doc, target, match.group(1).lower())
    return edges


def _container(reading: Reading, statement: Statement) -> Statement | None:
    """The statement whose content holds this statement's source (the one citing it), if any."""
    source = _source_span(statement)
    if source is None:
        return None
    start, end = source
    for other in reading.statements:
        if other is not statement and other.content.start <= start and end <= other.content.end:
            return other
    return None


def _around(reading: Reading, start: int, end: int, text: str) -> Statement | None:
    """The statement holding a citing phrase, else the one it trails in the same sentence.

    "Channels claimed that the water was poisoned, citing dock workers": the channels cite them.
    """
    trailed, nearest = None, -1
    for statement in reading.statements:
        low, high = _span(statement)
        if low <= start and end <= high:
            return statement
        between = text[high:start]
        if high <= start and high > nearest and len(between) < 80 and not _SENTENCE_END.search(between):
            trailed, nearest = statement, high
    return trailed


_SENTENCE_END = re.compile(r"[.!?]\s|\n")
