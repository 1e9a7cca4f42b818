"""The records every part of hearsay exchanges: documents and their readings.

All spans are character offsets into ``Document.text`` (``text[start:end]``).
The JSON form of a ``Reading`` follows ``schema/reading-v2.json`` (v1 readings still load); ``to_dict`` and
``from_dict`` are the only (de)serialisers, used by the CLI, the store and the exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, Self, TypeVar, overload

SCHEMA_VERSION = "2"
# The schema versions ``Reading.from_dict`` reads; a v1 reading loads with no medium and no rules.
READABLE_SCHEMA_VERSIONS = ("1", "2")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, read once (``fields`` builds them anew on every call)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


EntityType = str  # PERSON, OUTLET, ORG, GPE, NORP, LOC, FAC, EVENT, ...
Kind = Literal["direct", "indirect", "mixed"]
Certainty = Literal["certain", "probable", "possible", "underspecified"]
Polarity = Literal["pos", "neg", "underspecified"]
Stance = Literal["assert", "report", "question", "deny", "refuse_to_comment"]

CERTAINTIES: tuple[Certainty, ...] = ("certain", "probable", "possible", "underspecified")
POLARITIES: tuple[Polarity, ...] = ("pos", "neg", "underspecified")
STANCES: tuple[Stance, ...] = ("assert", "report", "question", "deny", "refuse_to_comment")
KINDS: tuple[Kind, ...] = ("direct", "indirect", "mixed")

# How a statement (or a whole document) bears on a proposition, and how firmly.
RelationKind = Literal["supports", "refutes", "discusses", "unrelated"]
Strength = Literal["certain", "probable", "possible"]
RELATIONS: tuple[RelationKind, ...] = ("supports", "refutes", "discusses", "unrelated")
STRENGTHS: tuple[Strength, ...] = ("certain", "probable", "possible")

_Name = TypeVar("_Name", bound=str)


def one_of(value: str, allowed: tuple[_Name, ...], what: str) -> _Name:
    """``value`` as one of ``allowed`` (the values of a Literal type above), else a ValueError."""
    for name in allowed:
        if name == value:
            return name
    raise ValueError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")


@dataclass(frozen=True, slots=True)
class Span:
    """A grounded piece of the document: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @overload
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span: ...
    @overload
    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Span | None: ...
    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Span | None:
        if data is None:
            return None
        return cls(start=int(data["start"]), end=int(data["end"]), text=data["text"])


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested text with its metadata; ``id`` is the sha256 of the normalised text."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    language: str = "en"
    source_path: str | None = None
    format: str = "text"

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["published"] = self.published.isoformat() if self.published else None
        if not with_text:
            del data["text"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        known = _field_names(cls)
        values = {k: v for k, v in data.items() if k in known}
        if values.get("published"):
            values["published"] = dt.date.fromisoformat(str(values["published"])[:10])
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Role:
    """A role an entity is given in the text ("Foreign Ministry spokesperson")."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, outlet or place, as one identity within a document."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": [r.to_dict() for r in self.roles],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            type=data["type"],
            aliases=tuple(data.get("aliases", ())),
            roles=tuple(Role(**r) for r in data.get("roles", ())),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity (a name, or a pronoun resolved to it)."""

    entity: str
    start: int
    end: int
    text: str
    label: EntityType

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(data["entity"], data["start"], data["end"], data["text"], data["label"])


@dataclass(frozen=True, slots=True)
class Source:
    """Who a statement is attributed to; ``entity`` is None for anonymous sources."""

    entity: str | None
    text: str | None
    start: int | None
    end: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(data.get("entity"), data.get("text"), data.get("start"), data.get("end"))


@dataclass(frozen=True, slots=True)
class _PlacedName:
    """Words of the document that may name an entity: an addressee's or a medium's shape."""

    text: str
    start: int
    end: int
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Self | None:
        if data is None:
            return None
        return cls(
            text=data["text"], start=int(data["start"]), end=int(data["end"]), entity=data.get("entity")
        )


@dataclass(frozen=True, slots=True)
class Addressee(_PlacedName):
    """Whom or where a statement was made to ("DW", "a June 2 briefing")."""


@dataclass(frozen=True, slots=True)
class Medium(_PlacedName):
    """The channel a statement went out on ("a statement", "X", "Telegram", "a briefing"), or the outlet
    that relayed it ("carried by Al Jazeera"); ``entity`` is the outlet or platform when it is one."""


@dataclass(frozen=True, slots=True)
class Target:
    """The earlier claim a verdict points at ("That claim is false": the claim it calls false).

    ``start``/``end`` ground the targeted claim's words in the document; ``statement`` is the id of
    the statement whose content it is, when it is one; ``pointer`` is the words that point back
    ("this claim", "the accusations", "it").
    """

    text: str
    start: int
    end: int
    statement: str | None = None
    pointer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Target | None:
        if data is None:
            return None
        return cls(
            text=data["text"],
            start=int(data["start"]),
            end=int(data["end"]),
            statement=data.get("statement"),
            pointer=data.get("pointer"),
        )


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement: source, cue, content and the factuality of the content."""

    id: str
    source: Source
    cue: Span
    content: Span
    kind: Kind
    addressee: Addressee | None = None
    certainty: Certainty = "underspecified"
    polarity: Polarity = "underspecified"
    stance: Stance = "report"
    factuality_cues: tuple[Span, ...] = ()
    cue_lemma: str = ""
    target: Target | None = None
    medium: Medium | None = None
    # The names of the extraction rules that produced and shaped it ("cue.verb", "content.clause").
    rules: tuple[str, ...] = ()

    @property
    def source_unresolved(self) -> bool:
        """The source is an anaphor ("he", "it", "the group") whose antecedent was not found."""
        return any(rule.startswith("source.") and rule.endswith("_unresolved") for rule in self.rules)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict(),
            "cue": {**self.cue.to_dict(), "lemma": self.cue_lemma},
            "content": self.content.to_dict(),
            "kind": self.kind,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "certainty": self.certainty,
            "polarity": self.polarity,
            "stance": self.stance,
            "factuality_cues": [c.to_dict() for c in self.factuality_cues],
            "target": self.target.to_dict() if self.target else None,
            "medium": self.medium.to_dict() if self.medium else None,
            "rules": list(self.rules),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        cue = data["cue"]
        return cls(
            id=data["id"],
            source=Source.from_dict(data["source"]),
            cue=Span(cue["start"], cue["end"], cue["text"]),
            content=Span.from_dict(data["content"]),
            kind=data["kind"],
            addressee=Addressee.from_dict(data.get("addressee")),
            certainty=data["certainty"],
            polarity=data["polarity"],
            stance=data["stance"],
            factuality_cues=tuple(Span.from_dict(c) for c in data.get("factuality_cues", ())),
            cue_lemma=cue.get("lemma", ""),
            target=Target.from_dict(data.get("target")),
            medium=Medium.from_dict(data.get("medium")),
            rules=tuple(data.get("rules", ())),
        )


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression with its TIMEX3-style value (``XXXX-05-28`` when the year is unknown)."""

    text: str
    start: int
    end: int
    value: str | None
    type: str = "DATE"  # DATE, TIME, DURATION, SET

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpression:
        return cls(**{name: data[name] for name in _field_names(cls) if name in data})


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything hearsay extracted from one document."""

    document_id: str
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    published: dt.date | None = None
    language: str = "en"
    extractor: str = ""
    schema_version: str = SCHEMA_VERSION
    document: Document | None = field(default=None, compare=False)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self, with_document: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema_version": self.schema_version,
            "document_id": self.document_id,
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "extractor": self.extractor,
        }
        if with_document and self.document is not None:
            data["document"] = self.document.to_dict()
        data["entities"] = [e.to_dict() for e in self.entities]
        data["mentions"] = [m.to_dict() for m in self.mentions]
        data["statements"] = [s.to_dict() for s in self.statements]
        data["times"] = [t.to_dict() for t in self.times]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reading:
        published = data.get("published")
        document = data.get("document")
        return cls(
            document_id=data["document_id"],
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", ())),
            times=tuple(TimeExpression.from_dict(t) for t in data.get("times", ())),
            published=dt.date.fromisoformat(published) if published else None,
            language=data.get("language", "en"),
            extractor=data.get("extractor", ""),
            schema_version=_readable_version(data.get("schema_version", SCHEMA_VERSION)),
            document=Document.from_dict(document) if document else None,
        )


def _readable_version(version: str) -> str:
    """A reading of an older version that loads (v1) becomes a reading of the current version."""
    return SCHEMA_VERSION if version in READABLE_SCHEMA_VERSIONS else version


# ---------------------------------------------------------------------------------------------
# The linked layer: records that span documents (hearsay.link builds them, every front end shows
# them). ``to_dict`` gives their JSON form for the CLI, the HTTP API and the exports.
# ---------------------------------------------------------------------------------------------

Verdict = Literal["contested", "supported only", "refuted only", "discussed only", "no evidence"]
VERDICTS: dict[str, str] = {
    "contested": "at least one independent source supports it and at least one refutes it",
    "supported only": "independent sources support it; none refutes it",
    "refuted only": "independent sources refute it; none supports it",
    "discussed only": (
        "sources raise, ask about or report it without taking a side; none supports or refutes it"
    ),
    "no evidence": "no stored statement bears on it",
}
SIDES: tuple[RelationKind, ...] = ("supports", "refutes", "discusses")


_Record = TypeVar("_Record")


def record_from_row(cls: type[_Record], row: Mapping[str, Any]) -> _Record:
    """A record from a row whose keys include its field names (other keys are left out)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    return cls(**{name: row[name] for name in names if name in row})


def verdict_of(supports: int, refutes: int, discusses: int) -> Verdict:
    """The verdict line from the number of independent sources on each side."""
    if supports and refutes:
        return "contested"
    if supports:
        return "supported only"
    if refutes:
        return "refuted only"
    if discusses:
        return "discussed only"
    return "no evidence"


@dataclass(frozen=True, slots=True)
class Relation:
    """How one statement (or a whole document) bears on a proposition, and why, in words.

    ``strength`` is None for ``discusses`` and ``unrelated``. ``match`` (0..1) is how much of the
    proposition the content states; ``rule`` names the rule that decided, for counting errors.
    """

    relation: RelationKind
    strength: Strength | None
    reason: str
    match: float = 0.0
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "strength": self.strength,
            "reason": self.reason,
            "match": round(self.match, 3),
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class LinkedStatement:
    """A stored statement with its document's metadata and its links, as the linked layer shows it."""

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
    kind: Kind = "indirect"
    cue_lemma: str = ""
    source: str | None = None
    source_entity: str | None = None
    source_text: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    addressee: str | None = None
    entity_id: str | None = None
    cluster_id: str | None = None
    target_text: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    duplicate_of: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> LinkedStatement:
        return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One statement on one side of a proposition: the statement, its relation and its origin."""

    statement: LinkedStatement
    relation: Relation
    independent_group: str
    origin: str

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.statement.to_dict(),
            "relation": self.relation.relation,
            "strength": self.relation.strength,
            "reason": self.relation.reason,
            "match": round(self.relation.match, 3),
            "rule": self.relation.rule,
            "independent_group": self.independent_group,
            "origin": self.origin,
        }


@dataclass(frozen=True, slots=True)
class EvidenceSide:
    """The statements on one side (supports, refutes or discusses), in time order."""

    relation: RelationKind
    items: tuple[EvidenceItem, ...] = ()
    total: int = 0  # statements on this side; ``items`` may list fewer
    independent_sources: int = 0
    first: EvidenceItem | None = None

    @property
    def count(self) -> int:
        return max(self.total, len(self.items))

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "count": self.count,
            "independent_sources": self.independent_sources,
            "first": self.first.to_dict() if self.first else None,
            "items": [i.to_dict() for i in self.items],
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """The answer to "who supports and who refutes this proposition?"."""

    proposition: str
    verdict: Verdict
    sides: tuple[EvidenceSide, ...]
    clusters: tuple[str, ...] = ()
    candidates: int = 0

    def side(self, relation: str) -> EvidenceSide:
        return next(s for s in self.sides if s.relation == relation)

    @property
    def verdict_definition(self) -> str:
        return VERDICTS[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        return {
            "proposition": self.proposition,
            "verdict": self.verdict,
            "verdict_definition": self.verdict_definition,
            "clusters": list(self.clusters),
            "candidates": self.candidates,
            "sides": {s.relation: s.to_dict() for s in self.sides},
        }


@dataclass(frozen=True, slots=True)
class Proposition:
    """A claim cluster: statements that state one proposition (or its negation), across documents."""

    id: str
    title: str
    representative: str
    size: int
    documents: int
    sources: int
    independent_sources: int
    verdict: Verdict
    story_id: str | None = None
    first_appearance: dict[str, Any] | None = None
    stances: dict[str, int] = field(default_factory=dict)
    sides: dict[str, int] = field(default_factory=dict)

    @property
    def contradiction(self) -> bool:
        return self.verdict == "contested"

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["contradiction"] = self.contradiction
        data["verdict_definition"] = VERDICTS[self.verdict]
        return data


@dataclass(frozen=True, slots=True)
class Story:
    """Propositions about the same events (one incident), for browsing story -> propositions -> evidence."""

    id: str
    title: str
    propositions: int
    documents: int
    first_published: str | None = None
    last_published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class ProvenanceLink:
    """One "who cites or reports whom" edge of a claim's provenance, in one document.

    Nodes are outlets, sources and the sources they cite (``kind``: outlet, person, org, channel,
    ...); ``statement_id`` is None for an edge that belongs to the document (its outlet).
    """

    from_node: str
    from_label: str
    from_kind: str
    to_node: str
    to_label: str
    to_kind: str
    cue: str
    document_id: str
    statement_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.from_node,
            "to": self.to_node,
            "cue": self.cue,
            "document_id": self.document_id,
            "statement_id": self.statement_id,
            "from_label": self.from_label,
            "from_kind": self.from_kind,
            "to_label": self.to_label,
            "to_kind": self.to_kind,
        }


@dataclass(frozen=True, slots=True)
class Provenance:
    """Who reported a claim, citing whom (``links``), and who reported it first."""

    links: tuple[ProvenanceLink, ...] = ()
    first_reported_by: dict[str, Any] | None = None

    @property
    def nodes(self) -> list[dict[str, str]]:
        """Every node of the links once, in order of appearance: id, label, kind."""
        found: dict[str, dict[str, str]] = {}
        for link in self.links:
            found.setdefault(
                link.from_node, {"id": link.from_node, "label": link.from_label, "kind": link.from_kind}
            )
            found.setdefault(link.to_node, {"id": link.to_node, "label": link.to_label, "kind": link.to_kind})
        return list(found.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "edges": [link.to_dict() for link in self.links],
            "first_reported_by": dict(self.first_reported_by) if self.first_reported_by else None,
        }


TimelineKind = Literal["document", "statement", "time"]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event of a timeline: a document's publication, a statement, or a time it names.

    ``date`` is the resolved ``YYYY-MM-DD`` day (None when it names no one day), ``value`` the
    TIMEX value or publication date it came from; ``start``/``end`` ground statements and times in
    their document. ``stance`` and ``cluster_id`` are set for statements only.
    """

    date: str | None
    value: str | None
    text: str
    kind: TimelineKind
    document_id: str
    start: int | None
    end: int | None
    statement_id: str | None
    label: str
    stance: Stance | None = None
    cluster_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}
