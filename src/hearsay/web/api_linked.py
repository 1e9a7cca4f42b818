"""The API of the cross-document layer: clusters, evidence, provenance, timeline, entity corrections."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from ..corrections.marks import mark_evidence, mark_provenance, mark_rows, marks_for
from ..link import (
    cluster_detail,
    cluster_members,
    evidence,
    merge,
    provenance,
    split,
    story_detail,
    timeline,
)
from . import listing
from .api import ERRORS, Limit, Offset, Text, page, post_write
from .api_corrections import request_who
from .api_models import (
    ClusterDetail,
    ClusterSummary,
    Evidence,
    Page,
    Provenance,
    StoryDetail,
    StorySummary,
    TimelineEntry,
)
from .provenance_view import graphml, provenance_view
from .state import state

EvidenceLimit = Annotated[
    int, Query(ge=1, le=500, description="the most statements listed on each side; counts cover all")
]

router = APIRouter(prefix="/api/v1", responses=ERRORS)


@router.get("/clusters", response_model=Page[ClusterSummary], tags=["claims"])
def list_clusters(request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Claim clusters: the same proposition reported across documents, biggest first."""
    items, total = listing.cluster_page(request, q, limit, offset)
    return page(request, [p.to_dict() for p in items], total, limit, offset)


@router.get("/stories", response_model=Page[StorySummary], tags=["claims"])
def list_stories(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Stories: the propositions about one incident grouped together, most statements first."""
    items, total = listing.story_page(request, limit, offset)
    return page(request, [s.to_dict() for s in items], total, limit, offset)


@router.get("/stories/{story_id}", response_model=StoryDetail, tags=["claims"])
def get_story(request: Request, story_id: str) -> dict:
    """One story with its propositions (claim clusters), largest first."""
    found = story_detail(state(request).db.reader(), story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    story, propositions = found
    return {"story": story.to_dict(), "propositions": [p.to_dict() for p in propositions]}


@router.get("/clusters/{cluster_id}", response_model=ClusterDetail, tags=["claims"])
def get_cluster(request: Request, cluster_id: str) -> dict:
    """One cluster with its member statements."""
    store = state(request).db.reader()
    found = cluster_detail(store, cluster_id)
    if found is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    members = mark_rows(store, [m.to_dict() for m in cluster_members(store, cluster_id)])
    return {**found.to_dict(), "members": members}


@router.get("/evidence", response_model=Evidence, tags=["claims"])
def get_evidence(
    request: Request,
    proposition: Annotated[
        str | None, Query(min_length=1, max_length=500, description="a proposition in any words")
    ] = None,
    cluster: Annotated[
        str | None, Query(min_length=1, max_length=200, description="a claim cluster id")
    ] = None,
    limit: EvidenceLimit = 100,
) -> dict:
    """Who supports, refutes or discusses a proposition (or a cluster's claim): the three sides, the verdict.

    Give exactly one of ``proposition`` and ``cluster``.
    """
    if (proposition is None) == (cluster is None):
        raise HTTPException(422, "give exactly one of proposition and cluster")
    if cluster is not None:
        return _cluster_evidence(request, cluster, limit)
    store = state(request).db.reader()
    return mark_evidence(store, evidence(store, proposition=proposition, limit=limit).to_dict())


@router.get("/clusters/{cluster_id}/evidence", response_model=Evidence, tags=["claims"])
def get_cluster_evidence(request: Request, cluster_id: str, limit: EvidenceLimit = 100) -> dict:
    """The evidence of one cluster's claim (the same as ``/evidence?cluster=ID``)."""
    return _cluster_evidence(request, cluster_id, limit)


def _cluster_evidence(request: Request, cluster_id: str, limit: int) -> dict:
    store = state(request).db.reader()
    if cluster_detail(store, cluster_id) is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    return mark_evidence(store, evidence(store, cluster_id=cluster_id, limit=limit).to_dict())


@router.get("/clusters/{cluster_id}/provenance", response_model=Provenance, tags=["claims"])
def get_provenance(request: Request, cluster_id: str) -> dict:
    """Who reported a claim citing whom: nodes and edges, and who reported it first. A statement's edge
    (and the first report) carries ``corrected``: the fields an analyst decided of that statement."""
    store = state(request).db.reader()
    if cluster_detail(store, cluster_id) is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    return mark_provenance(store, provenance(store, cluster_id).to_dict())


@router.get(
    "/clusters/{cluster_id}/provenance.graphml",
    tags=["claims"],
    response_class=Response,
    responses={200: {"content": {"application/graphml+xml": {}}, "description": "GraphML 1.0"}},
)
def get_provenance_graphml(request: Request, cluster_id: str) -> Response:
    """The provenance graph the claim page draws, as GraphML: nodes for resolved sources (label, kind),
    edges with their cue, document and statement; sources that name nobody in the graph's
    ``unresolved_sources``. Opens in Gephi, yEd, Cytoscape or networkx."""
    store = state(request).db.reader()
    if cluster_detail(store, cluster_id) is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    view = provenance_view(provenance(store, cluster_id).to_dict(), max_nodes=None)
    marks = marks_for(store, (str(edge.get("document_id")) for edge in view.edges))
    headers = {"Content-Disposition": f'attachment; filename="provenance-{cluster_id}.graphml"'}
    return Response(graphml(view, cluster_id, marks), media_type="application/graphml+xml", headers=headers)


@router.get("/timeline", response_model=Page[TimelineEntry], tags=["claims"])
def get_timeline(
    request: Request, entity: Text = None, cluster: Text = None, limit: Limit = 100, offset: Offset = 0
) -> dict:
    """Dated events of an entity or a cluster (times, statements, documents), oldest first."""
    store = state(request).db.reader()
    entries = timeline(store, entity=entity, cluster_id=cluster, limit=offset + limit + 1)
    shown = [e.to_dict() for e in entries[offset : offset + limit]]
    mark_rows(store, [entry for entry in shown if entry.get("statement_id")])
    return page(request, shown, len(entries), limit, offset)


# --- corrections: entity merge and split (writes) ----------------------------------------


class MergeRequest(BaseModel):
    other: str = Field(
        min_length=1, max_length=500, description="id or name of the entity to merge into this one"
    )


class SplitRequest(BaseModel):
    names: list[str] = Field(min_length=1, max_length=50, description="the member names to split off")


class Correction(BaseModel):
    model_config = {"extra": "allow"}

    id: str
    name: str


def _corrected(request: Request, work, *args) -> dict:
    from ..errors import ConfigError

    server = state(request)
    try:
        return server.db.write(work, *args)
    except ConfigError as err:
        raise HTTPException(422, err.message) from None


@post_write(router, "/entities/{entity_id}/merge", Correction, "entities")
def merge_entities(request: Request, entity_id: str, body: MergeRequest) -> dict:
    """Make ``other`` part of this entity; the decision is kept when the corpus is linked again, with
    who made it (an analyst's own token names its holder, else the ``X-Hearsay-User`` header)."""
    return _corrected(request, merge, entity_id, body.other, request_who(request))


@post_write(router, "/entities/{entity_id}/split", Correction, "entities")
def split_entity(request: Request, entity_id: str, body: SplitRequest) -> dict:
    """Move this entity's members with one of ``names`` into an entity of their own (kept, with who
    decided, as for a merge)."""
    return _corrected(request, split, entity_id, body.names, request_who(request))
