"""The API of the cross-document layer: clusters, evidence, provenance, timeline.

Mounted only when ``hearsay.link`` offers its queries (``linking.load_link``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from .api import ERRORS, WRITE_ERRORS, Limit, Offset, Text, check_write, page
from .api_models import ClusterDetail, ClusterSummary, Evidence, Page, Provenance, TimelineEntry
from .state import state

router = APIRouter(prefix="/api/v1", responses=ERRORS)


@router.get("/clusters", response_model=Page[ClusterSummary], tags=["claims"])
def list_clusters(request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Claim clusters: the same proposition reported across documents, biggest first."""
    server = state(request)
    items = server.link.cluster_list(server.db.reader(), query=q, limit=limit + 1, offset=offset)
    return page(request, [p.to_dict() for p in items[:limit]], offset + len(items), limit, offset)


@router.get("/clusters/{cluster_id}", response_model=ClusterDetail, tags=["claims"])
def get_cluster(request: Request, cluster_id: str) -> dict:
    """One cluster with its member statements."""
    server = state(request)
    store = server.db.reader()
    found = server.link.cluster_detail(store, cluster_id)
    if found is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    members = server.link.cluster_members(store, cluster_id)
    return {**found.to_dict(), "members": [m.to_dict() for m in members]}


@router.get("/evidence", response_model=Evidence, tags=["claims"])
def get_evidence(
    request: Request,
    proposition: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict:
    """Who supports, reports, questions, denies or refuses to comment on a proposition, in any wording."""
    server = state(request)
    return server.link.evidence(server.db.reader(), proposition=proposition, limit=limit)


@router.get("/clusters/{cluster_id}/evidence", response_model=Evidence, tags=["claims"])
def get_cluster_evidence(
    request: Request, cluster_id: str, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> dict:
    """The evidence view of one cluster's claim, grouped by stance."""
    server = state(request)
    store = server.db.reader()
    if server.link.cluster_detail(store, cluster_id) is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    return server.link.evidence(store, cluster_id=cluster_id, limit=limit)


@router.get("/clusters/{cluster_id}/provenance", response_model=Provenance, tags=["claims"])
def get_provenance(request: Request, cluster_id: str) -> dict:
    """Who reported a claim citing whom: nodes and edges, and who reported it first."""
    server = state(request)
    store = server.db.reader()
    if server.link.cluster_detail(store, cluster_id) is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    return server.link.provenance(store, cluster_id).to_dict()


@router.get("/timeline", response_model=Page[TimelineEntry], tags=["claims"])
def get_timeline(
    request: Request, entity: Text = None, cluster: Text = None, limit: Limit = 100, offset: Offset = 0
) -> dict:
    """Dated events of an entity or a cluster (times, statements, documents), oldest first."""
    server = state(request)
    entries = server.link.timeline(
        server.db.reader(), entity=entity, cluster_id=cluster, limit=offset + limit + 1
    )
    shown = [e.to_dict() for e in entries[offset : offset + limit]]
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


@router.post(
    "/entities/{entity_id}/merge",
    response_model=Correction,
    tags=["entities"],
    responses=WRITE_ERRORS,
    dependencies=[Depends(check_write)],
)
def merge_entities(request: Request, entity_id: str, body: MergeRequest) -> dict:
    """Make ``other`` part of this entity; the decision is kept when the corpus is linked again."""
    return _corrected(request, state(request).link.merge, entity_id, body.other)


@router.post(
    "/entities/{entity_id}/split",
    response_model=Correction,
    tags=["entities"],
    responses=WRITE_ERRORS,
    dependencies=[Depends(check_write)],
)
def split_entity(request: Request, entity_id: str, body: SplitRequest) -> dict:
    """Move this entity's members with one of ``names`` into an entity of their own."""
    return _corrected(request, state(request).link.split, entity_id, body.names)
