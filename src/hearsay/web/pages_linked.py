"""Pages of the cross-document layer: claims, the evidence on each side of one, provenance, timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..corrections.marks import mark_provenance
from ..link import (
    cluster_detail,
    cluster_list,
    provenance,
    story_detail,
    timeline,
)
from ..link.remembered import remembered
from . import layout_file, listing, urls
from .evidence_page import claim_of, shown_marks, side_pages
from .graph_layout import LayoutUnavailable
from .graph_layout import graph_svg as dot_graph_svg
from .pages import PAGE, Offset, Text, pager
from .provenance_view import provenance_view
from .render import render_page
from .state import state
from .svg_graph import graph_svg
from .svg_timeline import timeline_svg

router = APIRouter(include_in_schema=False)

SidePageNumber = Annotated[int, Query(ge=1, le=100_000)]


@router.get("/clusters", response_class=HTMLResponse)
def clusters(request: Request, q: Text = None, offset: Offset = 0) -> HTMLResponse:
    items, total = listing.cluster_page(request, q, PAGE, offset)
    context = {
        "clusters": [p.to_dict() for p in items],
        "pager": pager(total, offset, exact=not q),
        "query": q or "",
    }
    return render_page(request, "clusters.html", context)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, offset: Offset = 0) -> HTMLResponse:
    items, total = listing.story_page(request, PAGE, offset)
    context = {"stories": [s.to_dict() for s in items], "pager": pager(total, offset)}
    return render_page(request, "stories.html", context)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, offset: Offset = 0) -> HTMLResponse:
    store = state(request).db.reader()
    found = story_detail(store, story_id, limit=0)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    found_story = found[0].to_dict()
    propositions = cluster_list(store, story=story_id, limit=PAGE, offset=offset)
    context = {
        "story": found_story,
        "clusters": [p.to_dict() for p in propositions],
        "pager": pager(found_story["propositions"], offset),
        "path": urls.story(story_id),
    }
    return render_page(request, "story.html", context)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(
    request: Request,
    cluster_id: str,
    supports_page: SidePageNumber = 1,
    refutes_page: SidePageNumber = 1,
    discusses_page: SidePageNumber = 1,
) -> HTMLResponse:
    """A claim: the three sides of its evidence first, then who reported it citing whom, and when."""
    store = state(request).db.reader()
    found = cluster_detail(store, cluster_id)
    claim = claim_of(store, cluster_id=cluster_id)
    if found is None or claim is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    requested = {"supports": supports_page, "refutes": refutes_page, "discusses": discusses_page}
    traced = mark_provenance(store, provenance(store, cluster_id).to_dict())
    sides = side_pages(claim.evidence, requested, urls.cluster(cluster_id), {})
    context = {
        "cluster": found.to_dict(),  # its statements are listed by side, never all at once
        "claim": claim,
        "sides": sides,
        "corrected": shown_marks(store, sides),
        "provenance": traced,
        # Drawn once per cluster until the store changes (Graphviz runs as a process of its own).
        "graph": remembered(
            store,
            ("provenance graph", cluster_id),
            lambda: provenance_graph(traced, cluster_id, layout_file.layouts_file(store)),
        ),
        "timeline": timeline_svg(
            [e.to_dict() for e in timeline(store, cluster_id=cluster_id, limit=200)], "Timeline of this claim"
        ),
    }
    return render_page(request, "cluster.html", context)


GRAPH_TITLE = "Provenance: who reported this claim, citing whom"


def provenance_graph(traced: dict[str, Any], cluster_id: str, layouts: Path | None = None) -> dict[str, Any]:
    """The drawn graph (Graphviz, else the built-in layout with the reason), its links and the unresolved.
    dot's layouts are kept in ``layouts`` (``layout_file``) by the graph they lay out."""
    view = provenance_view(traced)
    drawn, problem = None, None
    if view.nodes:
        try:
            drawn = dot_graph_svg(view.nodes, view.edges, GRAPH_TITLE, layouts).svg
        except LayoutUnavailable as why:
            problem = str(why)
            drawn = graph_svg(view.nodes, view.edges, GRAPH_TITLE)
    labels = {n["id"]: n.get("label") or n["id"] for n in view.nodes}
    links = [
        {**e, "from": labels[e["from"]], "to": labels[e["to"]], "cue": e.get("cue") or ""} for e in view.edges
    ]
    return {
        "svg": drawn,
        "problem": problem,
        "links": links,
        "unresolved": view.unresolved,
        "hidden_nodes": view.hidden_nodes,
        "kinds": sorted({str(n.get("kind") or "node") for n in view.nodes}),
        "graphml": f"/api/v1/clusters/{cluster_id}/provenance.graphml",
    }


@router.get("/evidence", response_class=HTMLResponse)
def evidence(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    supports_page: SidePageNumber = 1,
    refutes_page: SidePageNumber = 1,
    discusses_page: SidePageNumber = 1,
) -> HTMLResponse:
    """Who supports, refutes or discusses a proposition written in any words."""
    store = state(request).db.reader()
    claim = claim_of(store, proposition=q)
    context: dict[str, Any] = {"claim": claim, "proposition": q or "", "sides": [], "corrected": {}}
    if claim is not None:
        requested = {"supports": supports_page, "refutes": refutes_page, "discusses": discusses_page}
        context["sides"] = side_pages(claim.evidence, requested, "/evidence", {"q": q})
        context["corrected"] = shown_marks(store, context["sides"])
    return render_page(request, "evidence.html", context)
