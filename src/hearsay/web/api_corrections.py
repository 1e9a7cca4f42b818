"""The HTTP API for corrections: change, reject or add statements; list the kept decisions.

Writes need what uploads need (the token, or ``X-Hearsay-Write: 1`` on a loopback server) and run
in the server's one writer thread. Who decided is the ``X-Hearsay-User`` header (else "api").
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from ..corrections import Change, add, correct, corrections, reject, relate
from ..corrections.service import cluster_proposition
from .api import ERRORS, Limit, Offset, page, post_write
from .state import state

router = APIRouter(prefix="/api/v1", tags=["corrections"], responses=ERRORS)

Span = str  # START:END, character offsets into the document's text


class CorrectionBody(BaseModel):
    source: str | None = Field(None, max_length=500, description="an entity (id, name, alias) or START:END")
    stance: Literal["assert", "report", "question", "deny", "refuse_to_comment"] | None = None
    certainty: Literal["certain", "probable", "possible", "underspecified"] | None = None
    polarity: Literal["pos", "neg", "underspecified"] | None = None
    addressee: str | None = Field(None, max_length=40, description="START:END, or '' to remove it")
    medium: str | None = Field(None, max_length=40, description="the channel: START:END, or '' to remove it")
    cue: Span | None = Field(None, max_length=40)
    content: Span | None = Field(None, max_length=40)
    note: str = Field("", max_length=2000)


class AddBody(CorrectionBody):
    source: str = Field(..., max_length=500)
    cue: Span = Field(..., max_length=40)
    content: Span = Field(..., max_length=40)
    kind: Literal["direct", "indirect", "mixed"] = "indirect"


class RejectBody(BaseModel):
    note: str = Field("", max_length=2000)


class CorrectionOut(BaseModel):
    id: int | None
    document_id: str
    statement_id: str | None
    action: str
    fields: list[str]
    anchor: dict[str, Any]
    before: dict[str, Any] | None
    after: dict[str, Any]
    who: str
    at: str
    status: str
    note: str


class CorrectionPage(BaseModel):
    items: list[CorrectionOut]
    total: int
    limit: int
    offset: int
    next: str | None


def request_who(request: Request) -> str:
    """An analyst's own token names its holder; otherwise the X-Hearsay-User header, else "api"."""
    return state(request).decided_by(request, request.headers.get("x-hearsay-user"), "api")


def _change(body: CorrectionBody) -> Change:
    fields = body.model_dump(exclude={"note", "kind"})
    return Change(**{name: fields.get(name) for name in Change.__slots__})


@post_write(
    router, "/documents/{document_id}/statements/{statement_id}/corrections", CorrectionOut, "corrections"
)
def change_statement(request: Request, document_id: str, statement_id: str, body: CorrectionBody) -> dict:
    """Change fields of a statement; the decision is kept and replayed when the document is re-read."""
    who = request_who(request)
    kept = state(request).db.write(
        lambda store: correct(store, document_id, statement_id, _change(body), who=who, note=body.note)
    )
    return kept.to_dict()


@post_write(
    router, "/documents/{document_id}/statements/{statement_id}/rejection", CorrectionOut, "corrections"
)
def reject_statement(request: Request, document_id: str, statement_id: str, body: RejectBody) -> dict:
    """Reject a statement: hearsay read something that is not one."""
    who = request_who(request)
    kept = state(request).db.write(
        lambda store: reject(store, document_id, statement_id, who=who, note=body.note)
    )
    return kept.to_dict()


@post_write(router, "/documents/{document_id}/statements", CorrectionOut, "corrections")
def add_statement(request: Request, document_id: str, body: AddBody) -> dict:
    """Add a statement hearsay missed, from its spans."""
    who = request_who(request)
    change = Change(
        stance=body.stance, certainty=body.certainty, polarity=body.polarity, addressee=body.addressee
    )
    kept = state(request).db.write(
        lambda store: add(
            store,
            document_id,
            source=body.source,
            cue=body.cue,
            content=body.content,
            change=change,
            kind=body.kind,
            who=who,
            note=body.note,
        )
    )
    return kept.to_dict()


@router.get("/corrections", response_model=CorrectionPage)
def list_corrections(
    request: Request, document: str | None = None, limit: Limit = 50, offset: Offset = 0
) -> dict:
    """The kept decisions (of one document, or all), oldest first; orphaned ones say why in ``note``."""
    found = corrections(state(request).db.reader(), document)
    items = [c.to_dict() for c in found[offset : offset + limit]]
    return page(request, items, len(found), limit, offset)


class RelationBody(BaseModel):
    relation: Literal["supports", "refutes", "discusses", "unrelated"]
    proposition: str | None = Field(None, max_length=2000)
    cluster: str | None = Field(None, max_length=100, description="or a claim cluster's id: its proposition")
    note: str = Field("", max_length=2000)


@post_write(
    router, "/documents/{document_id}/statements/{statement_id}/relation", CorrectionOut, "corrections"
)
def decide_relation(request: Request, document_id: str, statement_id: str, body: RelationBody) -> dict:
    """Decide how a statement bears on a proposition; the evidence view shows the decision."""
    who = request_who(request)

    def work(store: Any) -> Any:
        proposition = body.proposition or (cluster_proposition(store, body.cluster) if body.cluster else "")
        return relate(
            store,
            document_id,
            statement_id,
            proposition=proposition,
            relation=body.relation,
            who=who,
            note=body.note,
        )

    return state(request).db.write(work).to_dict()
