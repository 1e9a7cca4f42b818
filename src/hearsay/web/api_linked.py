"""The API of the cross-document layer: clusters, evidence, provenance, timeline.

Mounted only when ``hearsay.link`` offers its queries (``linking.load_link``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from . import listing
from .api import ERRORS, Limit, Offset, Text, page, post_write
from .api_models import ClusterDetail, ClusterSummary, Evidence, Page, Provenance, TimelineEntry
from .state import state

router = APIRouter(prefix="/api/v1", responses=ERRORS)


@router.get("/clusters", response_model=Page[ClusterSummary], tags=["claims"])
def list_clusters(request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Claim clusters: the same proposition reported across documents, biggest first."""
    items, total = listing.cluster_page(request, q, limit, offset)
    return page(request, items, total, limit, offset)


@router.get("/clusters/{cluster_id}", response_model=ClusterDetail, tags=["claims"])
def get_cluster(request: Request, cluster_id: str) -> dict:
    """One cluster with its member statements."""
    server = state(request)
    found = server.linked.cluster_detail(server.db.reader(), cluster_id)
    if found is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    return found


@router.get("/evidence", response_model=Evidence, tags=["claims"])
def get_evidence(
    request: Request,
    proposition: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict:
    """Who supports, reports, questions, denies or refuses to comment on a proposition, in any wording."""
    server = state(request)
    return server.linked.evidence(server.db.reader(), proposition=proposition, limit=limit)


@router.get("/clusters/{cluster_id}/evidence", response_model=Evidence, tags=["claims"])
def get_cluster_evidence(
    request: Request, cluster_id: str, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> dict:
    """The evidence view of one cluster's claim, grouped by stance."""
    server = state(request)
    store = server.db.reader()
    if server.linked.cluster_detail(store, cluster_id) is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    return server.linked.evidence(store, cluster_id=cluster_id, limit=limit)


@router.get("/clusters/{cluster_id}/provenance", response_model=Provenance, tags=["claims"])
def get_provenance(request: Request, cluster_id: str) -> dict:
    """Who reported a claim citing whom: nodes and edges, and who reported it first."""
    server = state(request)
    store = server.db.reader()
    if server.linked.cluster_detail(store, cluster_id) is None:
        raise HTTPException(404, f"no claim cluster {cluster_id!r}")
    return server.linked.provenance(store, cluster_id)


@router.get("/timeline", response_model=Page[TimelineEntry], tags=["claims"])
def get_timeline(
    request: Request, entity: Text = None, cluster: Text = None, limit: Limit = 100, offset: Offset = 0
) -> dict:
    """Dated events of an entity or a cluster (times, statements, documents), oldest first."""
    server = state(request)
    entries = server.linked.timeline(
        server.db.reader(), entity=entity, cluster_id=cluster, limit=offset + limit + 1
    )
    return page(request, entries[offset : offset + limit], len(entries), limit, offset)


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
    """Make ``other`` part of this entity; the decision is kept when the corpus is linked again."""
    return _corrected(request, state(request).linked.merge, entity_id, body.other)


@post_write(router, "/entities/{entity_id}/split", Correction, "entities")
def split_entity(request: Request, entity_id: str, body: SplitRequest) -> dict:
    """Move this entity's members with one of ``names`` into an entity of their own."""
    return _corrected(request, state(request).linked.split, entity_id, body.names)
