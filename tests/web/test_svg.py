"""Server-side SVG: the layered provenance layout and the timeline, with every label escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hearsay.web.svg_graph import graph_svg, layers, layout
from hearsay.web.svg_timeline import timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_svg_layers_follow_the_longest_path() -> None:
    column = layers(
        ["doc", "outlet", "agency", "person"], [("doc", "outlet"), ("outlet", "agency"), ("doc", "agency")]
    )
    assert column == {"doc": 0, "outlet": 1, "agency": 2, "person": 0}


def test_svg_layers_survive_a_cycle() -> None:
    column = layers(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert column["a"] == 0 and column["b"] == 1 and column["c"] == 2


def test_svg_layout_gives_every_node_its_own_place() -> None:
    nodes = [{"id": str(i), "label": f"n{i}", "kind": "document"} for i in range(6)]
    edges = [{"from": "0", "to": str(i)} for i in range(1, 6)]
    places = layout(nodes, edges)
    assert len(set(places.values())) == 6
    assert all(places[str(i)][0] > places["0"][0] for i in range(1, 6))


def test_svg_graph_escapes_labels_and_parses_as_xml() -> None:
    nodes = [
        {"id": "d1", "label": "<script>x()</script>", "kind": "document"},
        {"id": "o1", "label": "Smith & Sons", "kind": "outlet"},
    ]
    svg = graph_svg(nodes, [{"from": "d1", "to": "o1", "cue": "according to <b>"}], "provenance")
    assert "<script>" not in svg
    root = ET.fromstring(str(svg))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<script>x()</script>" in texts and "Smith & Sons" in texts
    assert graph_svg([], [], "empty") == ""


def test_svg_timeline_orders_dated_entries_and_lists_undated_last() -> None:
    statement = {"date": "2025-06-02", "label": "TASS <i>asked</i>", "text": "whether it helped"}
    entries = [
        {**statement, "kind": "statement", "document_id": "d", "statement_id": "s1"},
        {
            "date": None,
            "value": "XXXX-05-28",
            "text": "May 28",
            "label": "A report",
            "kind": "time",
            "document_id": "d",
        },
        {
            "date": "2025-05-28",
            "value": "2025-05-28",
            "text": "May 28",
            "label": "Post",
            "kind": "time",
            "document_id": "d",
        },
    ]
    root = ET.fromstring(str(timeline_svg(entries)))
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") != "date"]
    assert labels == [
        "“May 28” (2025-05-28) in Post",
        "TASS <i>asked</i>: whether it helped",
        "“May 28” (XXXX-05-28) in A report",
    ]
    dates = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "date"]
    assert dates == ["2025-05-28", "2025-06-02", "undated"]
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert "/documents/d#statement-s1" in links
