"""Pages of the cross-document layer: claim clusters, with evidence, provenance graph and timeline."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from ..model import STANCES
from .pages import PAGE, Offset, Text, pager
from .render import render_page
from .state import state
from .svg_graph import graph_svg
from .svg_timeline import timeline_svg

router = APIRouter(include_in_schema=False)


@router.get("/clusters", response_class=HTMLResponse)
def clusters(request: Request, q: Text = None, offset: Offset = 0) -> HTMLResponse:
    server = state(request)
    items = server.link.cluster_list(server.db.reader(), query=q, limit=PAGE + 1, offset=offset)
    context = {
        "clusters": [p.to_dict() for p in items[:PAGE]],
        "pager": pager(offset + len(items), offset),
        "query": q or "",
    }
    return render_page(request, "clusters.html", context)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, cluster_id: str) -> HTMLResponse:
    server = state(request)
    store = server.db.reader()
    found = server.link.cluster_detail(store, cluster_id)
    if found is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    evidence = server.link.evidence(store, cluster_id=cluster_id)
    provenance = server.link.provenance(store, cluster_id).to_dict()
    entries = [e.to_dict() for e in server.link.timeline(store, cluster_id=cluster_id, limit=200)]
    members = [m.to_dict() for m in server.link.cluster_members(store, cluster_id)]
    context = {
        "cluster": {**found.to_dict(), "members": members},
        "evidence": evidence,
        "groups": [(stance, evidence.get("groups", {}).get(stance, [])) for stance in STANCES],
        "provenance": provenance,
        "graph": graph_svg(
            provenance.get("nodes", []),
            provenance.get("edges", []),
            "Provenance: who reported this claim, citing whom",
        ),
        "timeline": timeline_svg(entries, "Timeline of this claim"),
    }
    return render_page(request, "cluster.html", context)
