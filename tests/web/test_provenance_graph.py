"""The provenance graph: laid out by Graphviz, boxes that hold their labels, pronouns never nodes,
the same graph as GraphML, and a clear fallback when dot is missing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from hearsay.web import create_app, graph_layout, urls
from hearsay.web.provenance_view import GRAPHML_NS, names_someone, provenance_view

BASE = "http://127.0.0.1"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz (dot) is not installed")

NODES = [
    {"id": "o-1", "label": "Interfax", "kind": "agency"},
    {
        "id": "d-1",
        "label": "A very long article title that would never fit in one box at all",
        "kind": "document",
    },
    {"id": "e-1", "label": "Aybek Smadiyarov", "kind": "person"},
    {"id": "t-1", "label": "he", "kind": "person"},
    {"id": "t-2", "label": "officials", "kind": "person"},
    {"id": "t-3", "label": "the Kremlin press service", "kind": "organisation"},
]
EDGES = [
    {"from": "o-1", "to": "d-1", "cue": "published", "document_id": "x", "statement_id": None},
    {"from": "d-1", "to": "e-1", "cue": "told", "document_id": "x", "statement_id": "s1"},
    {"from": "d-1", "to": "t-1", "cue": "said", "document_id": "x", "statement_id": "s2"},
    {"from": "d-1", "to": "t-2", "cue": "according to", "document_id": "x", "statement_id": "s3"},
    {"from": "e-1", "to": "t-3", "cue": "citing", "document_id": "x", "statement_id": "s1"},
]


@pytest.fixture(scope="module")
def client(sample_db: Path):
    with TestClient(create_app(sample_db), base_url=BASE) as test_client:
        yield test_client


def test_sources_that_name_nobody_are_listed_never_drawn() -> None:
    view = provenance_view({"nodes": NODES, "edges": EDGES})
    assert {n["id"] for n in view.nodes} == {"o-1", "d-1", "e-1", "t-3"}  # "the Kremlin ..." names someone
    assert not names_someone(NODES[3]) and not names_someone(NODES[4])
    assert names_someone({"id": "t-9", "label": "Interfax"})
    assert {u["label"] for u in view.unresolved} == {"he", "officials"}


def test_a_focused_subgraph_keeps_the_most_connected_nodes() -> None:
    nodes = [{"id": f"e-{i}", "label": f"Source {i}", "kind": "person"} for i in range(60)]
    edges = [{"from": "e-0", "to": f"e-{i}", "cue": "said"} for i in range(1, 60)]
    view = provenance_view({"nodes": nodes, "edges": edges}, max_nodes=10)
    assert len(view.nodes) == 10 and view.hidden_nodes == 50 and "e-0" in {n["id"] for n in view.nodes}


@needs_dot
def test_dot_boxes_hold_their_labels_and_edge_labels_miss_the_boxes() -> None:
    view = provenance_view({"nodes": NODES, "edges": EDGES})
    drawn = str(graph_layout.graph_svg(view.nodes, view.edges, "t").svg)
    groups = re.findall(r'<g class="node[^"]*">(.*?)</g>', drawn)
    assert len(groups) == 4
    boxes = []
    for group in groups:
        x, y, w, h = (
            float(v)
            for v in re.search(
                r'<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"', group
            ).groups()
        )
        lines = re.findall(r">([^<>]+)</text>", group)
        # 12 px bold sans-serif averages under 7.5 px a character: every line fits with room to spare
        assert w >= 7.5 * max(len(line) for line in lines) + 8, (lines, w)
        assert h >= 15 * len(lines)
        boxes.append((x, y, w, h))
    for lx, ly in (
        (float(a), float(b))
        for a, b in re.findall(r'<text x="([\d.-]+)" y="([\d.-]+)"[^>]*class="edge-label"', drawn)
    ):
        assert not any(x <= lx <= x + w and y <= ly <= y + h for x, y, w, h in boxes)
    assert "<script" not in drawn and "A very long article title that" in drawn


def test_without_dot_the_page_says_so_and_still_draws(client, monkeypatch) -> None:
    monkeypatch.setattr(graph_layout.shutil, "which", lambda name: None)
    cluster = client.get("/api/v1/clusters", params={"limit": 1}).json()["items"][0]["id"]
    page = client.get(urls.cluster(cluster))
    assert page.status_code == 200
    if 'class="graph' in page.text:
        assert "Graphviz is not installed on this server" in page.text


def test_cluster_page_has_legend_zoom_box_and_graphml_link(client) -> None:
    for item in client.get("/api/v1/clusters", params={"limit": 50}).json()["items"]:
        html = client.get(urls.cluster(item["id"])).text
        if 'svg class="graph"' in html:
            break
    else:
        pytest.skip("no claim in the sample has a drawn provenance graph")
    assert "data-zoom" in html and "Legend of the provenance graph" in html
    assert f"/api/v1/clusters/{item['id']}/provenance.graphml" in html
    assert ">he<" not in html and ">I<" not in html


def test_graphml_has_the_drawn_graph(client) -> None:
    cluster = client.get("/api/v1/clusters", params={"limit": 1}).json()["items"][0]["id"]
    answer = client.get(f"/api/v1/clusters/{cluster}/provenance.graphml")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/graphml+xml")
    root = ElementTree.fromstring(answer.content)
    graph = root.find(f"{{{GRAPHML_NS}}}graph")
    nodes = graph.findall(f"{{{GRAPHML_NS}}}node")
    edges = graph.findall(f"{{{GRAPHML_NS}}}edge")
    ids = {n.get("id") for n in nodes}
    assert all(e.get("source") in ids and e.get("target") in ids for e in edges)
    labels = {d.text for n in nodes for d in n if d.get("key") == "label"}
    assert not labels & {"he", "she", "I", "they"}
    assert client.get("/api/v1/clusters/c-000000000000/provenance.graphml").status_code == 404


def test_the_links_list_names_sources_by_their_labels_not_node_ids(client) -> None:
    for item in client.get("/api/v1/clusters", params={"limit": 50}).json()["items"]:
        traced = client.get(f"/api/v1/clusters/{item['id']}/provenance").json()
        if traced["edges"]:
            break
    else:
        pytest.skip("no claim in the sample has provenance links")
    html = client.get(urls.cluster(item["id"])).text
    listed = re.search(r'<ul class="links">(.*?)</ul>', html, re.S)
    assert listed is not None
    names = re.findall(r"<strong>(.*?)</strong>", listed.group(1))
    node_ids = {n["id"] for n in traced["nodes"]}
    assert names and not set(names) & node_ids


@needs_dot
def test_a_kept_layout_is_drawn_without_dot_and_as_a_fresh_one(tmp_path: Path, monkeypatch) -> None:
    from hearsay.web import layout_file

    view = provenance_view({"nodes": NODES, "edges": EDGES})
    kept_in = tmp_path / "store.db.layouts"
    fresh = graph_layout.graph_svg(view.nodes, view.edges, "t", kept_in)
    assert kept_in.exists()

    def no_dot(dot: str, source: str) -> str:
        raise AssertionError("dot ran for a kept layout")

    monkeypatch.setattr(graph_layout, "_run_dot", no_dot)
    again = graph_layout.graph_svg(view.nodes, view.edges, "t", kept_in)
    assert again == fresh
    # Another graph (a label changed) has another key: it is laid out, not read back.
    renamed = [{**n, "label": "Interfax-Kazakhstan"} if n["id"] == "o-1" else n for n in view.nodes]
    with pytest.raises(AssertionError, match="dot ran"):
        graph_layout.graph_svg(renamed, view.edges, "t", kept_in)
    dot = shutil.which("dot") or ""
    assert layout_file.key(dot, graph_layout.dot_source(renamed, view.edges)) != layout_file.key(
        dot, graph_layout.dot_source(view.nodes, view.edges)
    )


@needs_dot
def test_a_tampered_kept_layout_never_reaches_the_page(tmp_path: Path) -> None:
    """What is kept is coordinates, read as numbers: markup written into the file is never drawn, and a
    layout that cannot be read as numbers is laid out again."""
    from hearsay.web import layout_file

    view = provenance_view({"nodes": NODES, "edges": EDGES})
    kept_in = tmp_path / "store.db.layouts"
    fresh = graph_layout.graph_svg(view.nodes, view.edges, "t", kept_in)
    asked = layout_file.key(shutil.which("dot") or "", graph_layout.dot_source(view.nodes, view.edges))
    hostile = '{"bb": "0,0,<script>alert(1)</script>,9", "objects": [], "edges": []}'
    layout_file.keep(kept_in, asked, hostile)
    drawn = graph_layout.graph_svg(view.nodes, view.edges, "t", kept_in)
    assert drawn == fresh and "<script" not in str(drawn.svg)
    assert layout_file.recall(kept_in, asked) != hostile  # the fresh layout replaced it
    layout_file.keep(kept_in, asked, "not json <svg onload=alert(1)>")
    assert graph_layout.graph_svg(view.nodes, view.edges, "t", kept_in) == fresh


def test_layouts_are_kept_beside_the_database(sample_db: Path, tmp_path: Path) -> None:
    from hearsay.store import SQLiteStore
    from hearsay.web import layout_file

    with SQLiteStore(sample_db, read_only=True) as store:
        assert layout_file.layouts_file(store) == Path(f"{sample_db}.layouts")
    with SQLiteStore(":memory:") as store:
        assert layout_file.layouts_file(store) is None
    assert layout_file.recall(tmp_path / "missing.layouts", "x") is None
    layout_file.keep(tmp_path / "a-file" / "x.layouts", "k", "{}")  # its folder is made
    assert layout_file.recall(tmp_path / "a-file" / "x.layouts", "k") == "{}"
