"""The shapes of the HTTP API's answers, as pydantic models (they make the OpenAPI document).

A reading itself is not modelled here: it is documented by ``schema/reading-v2.json``
(see ``openapi.py``), the same schema the CLI and the exports follow.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..model import Polarity, Strength, Verdict

T = TypeVar("T")

Stance = Literal["assert", "report", "question", "deny", "refuse_to_comment"]
Certainty = Literal["certain", "probable", "possible", "underspecified"]
RelationKind = Literal["supports", "refutes", "discusses"]  # the sides; "unrelated" is never one


class ErrorBody(BaseModel):
    """Every error: one message, never a stack trace."""

    error: str


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next`` is the URL of the following page, or null on the last."""

    items: list[T]
    total: int = Field(description="how many items match, over all pages")
    limit: int
    offset: int
    next: str | None


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    language: str
    format: str
    source_path: str | None
    snippet: str | None = Field(None, description="matched words between [ and ] (search only)")


class StatementRow(BaseModel):
    """A statement with its document's title, outlet and date; ids of global links when linked."""

    model_config = ConfigDict(extra="allow")

    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    statement_id: str
    source: str | None
    source_entity: str | None
    source_text: str | None
    source_start: int | None
    source_end: int | None
    cue: str
    cue_lemma: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    kind: str
    addressee: str | None
    medium: str | None = None
    certainty: str
    polarity: str
    stance: str
    entity_id: str | None = None
    cluster_id: str | None = None
    corrected: list[str] = Field(
        default_factory=list,
        description=(
            "the fields an analyst decided (hearsay correct: source, stance, ..., add, relation); "
            "empty when none"
        ),
    )


class EntitySummary(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str = Field(description="a global entity id, or TYPE:name for entities merged by the store")
    name: str
    type: str
    variants: list[str]
    documents: int
    mentions: int


class EntityRole(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str
    documents: list[str] = Field(description="the first documents that give it, oldest first")
    document_count: int = Field(ge=0, description="how many documents give it")
    first: str | None
    last: str | None


class EntityDocument(BaseModel):
    model_config = ConfigDict(extra="allow")

    document_id: str
    title: str | None
    published: str | None
    outlet: str | None


class NameReason(BaseModel):
    """Why one name belongs to a linked entity: the resolver's rule and the words it rests on."""

    name: str
    type: str
    documents: int = Field(description="documents where a member has this name")
    document_id: str = Field(description="the first such document")
    title: str | None
    rule: str = Field(
        description=(
            "same, spelling, user merge, person, surname alone, near name, across types, "
            "same article, through"
        )
    )
    rule_words: str = Field(description="the rule in words (docs/vocabulary.md)")
    evidence: str
    splittable: bool = Field(description="whether POST .../split with this name can move it out")


class EntityDetail(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    type: str
    type_label: str | None = Field(default=None, description="the type in plain words (docs/vocabulary.md)")
    variants: list[str]
    roles: list[EntityRole]
    said: list[StatementRow] = Field(description="``limit`` statements from ``offset``, oldest first")
    said_about: list[StatementRow]
    documents: list[EntityDocument]
    said_count: int = Field(ge=0, description="statements it made, over all windows")
    said_about_count: int = Field(ge=0)
    documents_count: int = Field(ge=0)
    why: list[NameReason] | None = Field(
        default=None, description="why each name is this entity's (linked entities only)"
    )
    limit: int
    offset: int
    next: str | None = Field(description="the URL of the next window while any list has more, else null")


class UploadedDocument(BaseModel):
    id: str
    title: str | None
    source_path: str | None
    new: bool = Field(description="false when the document was already stored")
    statements: int


class UploadResult(BaseModel):
    documents: list[UploadedDocument]
    errors: list[str] = Field(description="one line per input (or part of one) that could not be read")


class LinkedItem(BaseModel):
    """An item of the linking layer; its fields are documented in docs/http-api.md."""

    model_config = ConfigDict(extra="allow")


class ClusterSummary(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    representative: str
    size: int
    sources: int
    independent_sources: int
    contradiction: bool
    first_appearance: dict[str, Any] | None = None


class ClusterDetail(ClusterSummary):
    members: list[StatementRow]


class StorySummary(BaseModel):
    """Propositions about the same events (one incident)."""

    id: str
    title: str
    propositions: int
    documents: int
    first_published: str | None = None
    last_published: str | None = None


class StoryDetail(BaseModel):
    story: StorySummary
    propositions: list[ClusterSummary]


class EvidenceItem(BaseModel):
    """A statement (its document's metadata and links too) with its relation to the proposition."""

    model_config = ConfigDict(extra="allow")

    document_id: str
    statement_id: str
    content: str
    content_start: int
    content_end: int
    cue: str
    cue_start: int
    cue_end: int
    stance: Stance
    certainty: Certainty
    polarity: Polarity
    kind: str
    source: str | None
    source_text: str | None
    entity_id: str | None
    cluster_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    relation: RelationKind
    strength: Strength | None = Field(description="null for discusses")
    reason: str = Field(description="why, in one line")
    match: float = Field(ge=0, le=1, description="how much of the proposition the content states")
    rule: str = Field(description="the rule that decided")
    independent_group: str = Field(description="statements with one origin share it and count once")
    origin: str
    corrected: list[str] = Field(
        default_factory=list,
        description=(
            "the fields an analyst decided (hearsay correct: source, stance, ..., add, relation); "
            "empty when none"
        ),
    )


class EvidenceSide(BaseModel):
    """The statements on one side, in time order; ``first`` is the earliest."""

    relation: RelationKind
    count: int = Field(ge=0, description="statements on this side (``items`` may list fewer)")
    independent_sources: int = Field(ge=0)
    first: EvidenceItem | None
    items: list[EvidenceItem]


class EvidenceSides(BaseModel):
    supports: EvidenceSide
    refutes: EvidenceSide
    discusses: EvidenceSide


class Evidence(BaseModel):
    """Who supports, refutes or discusses a proposition, and the verdict line with its definition."""

    proposition: str
    verdict: Verdict
    verdict_definition: str
    clusters: list[str] = Field(description="the claim clusters it draws on, closest first")
    candidates: int = Field(ge=0, description="how many candidates were weighed")
    sides: EvidenceSides


class Provenance(BaseModel):
    model_config = ConfigDict(extra="allow")

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    first_reported_by: dict[str, Any] | None = None


class TimelineEntry(BaseModel):
    model_config = ConfigDict(extra="allow")

    date: str | None
    value: str | None
    text: str | None
    kind: str
    document_id: str
    start: int | None
    end: int | None
    statement_id: str | None
    label: str | None
    corrected: list[str] | None = Field(
        default=None, description="a statement's entry: the fields an analyst decided; empty when none"
    )
