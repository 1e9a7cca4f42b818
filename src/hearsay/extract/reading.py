"""The one place where spaCy objects become hearsay records."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import (
    CERTAINTIES,
    KINDS,
    POLARITIES,
    STANCES,
    Addressee,
    Document,
    Entity,
    Medium,
    Mention,
    Reading,
    Role,
    Source,
    Span,
    Statement,
    Target,
    TimeExpression,
    one_of,
)
from .doc_text import text_of
from .drafts import EntityDraft, StatementDraft, TargetDraft, entity_for


def span(s: SpacySpan) -> Span:
    return Span(start=s.start_char, end=s.end_char, text=span_text(s))


def span_text(s: SpacySpan) -> str:
    """``s.text``, cut from the document's text instead of joined from the span's tokens."""
    return text_of(s.doc)[s.start_char : s.end_char] if len(s) else s.text


def to_reading(doc: Doc, document: Document, extractor: str = "") -> Reading:
    """The reading of a processed Doc; every span becomes character offsets into the document text."""
    entities = [e for e in (doc._.hs_entities or ()) if e.mentions]
    return Reading(
        document_id=document.id,
        entities=tuple(_entity(e) for e in entities),
        mentions=tuple(sorted((m for e in entities for m in _mentions(e)), key=lambda m: (m.start, m.end))),
        statements=_statements(doc, doc._.hs_statements or ()),
        times=tuple(
            TimeExpression(
                text=span_text(t.span),
                start=t.span.start_char,
                end=t.span.end_char,
                value=t.value,
                type=t.type,
            )
            for t in (doc._.hs_times or ())
        ),
        published=document.published,
        language=document.language,
        extractor=extractor,
        document=document,
    )


def _entity(draft: EntityDraft) -> Entity:
    roles: dict[str, Role] = {}
    for role in draft.roles:
        roles.setdefault(role.text, Role(text=role.text, start=role.start_char, end=role.end_char))
    return Entity(
        id=draft.id,
        name=draft.name,
        type=draft.type,
        aliases=tuple(draft.aliases),
        roles=tuple(roles.values()),
    )


def _mentions(draft: EntityDraft) -> list[Mention]:
    unique = {(m.start_char, m.end_char): m for m in draft.mentions}
    return [
        Mention(entity=draft.id, start=m.start_char, end=m.end_char, text=span_text(m), label=draft.type)
        for m in unique.values()
    ]


def _statements(doc: Doc, drafts: Sequence[StatementDraft]) -> tuple[Statement, ...]:
    ids = {id(draft): f"s{number}" for number, draft in enumerate(drafts, start=1)}
    return tuple(_statement(doc, draft, ids) for draft in drafts)


def _target(draft: TargetDraft | None, ids: dict[int, str]) -> Target | None:
    if draft is None:
        return None
    claim = draft.claim
    return Target(
        text=span_text(claim),
        start=claim.start_char,
        end=claim.end_char,
        statement=ids.get(id(draft.statement)) if draft.statement is not None else None,
        pointer=draft.pointer.text if draft.pointer is not None else None,
    )


def _statement(doc: Doc, draft: StatementDraft, ids: dict[int, str]) -> Statement:
    if draft.source is None:
        source = Source(entity=None, text=None, start=None, end=None)
    else:
        source = Source(
            entity=draft.source_entity,
            text=span_text(draft.source),
            start=draft.source.start_char,
            end=draft.source.end_char,
        )
    addressee = None
    if draft.addressee is not None:
        target = entity_for(doc, draft.addressee.start_char, draft.addressee.end_char)
        addressee = Addressee(
            text=span_text(draft.addressee),
            start=draft.addressee.start_char,
            end=draft.addressee.end_char,
            entity=target.id if target else None,
        )
    medium = None
    if draft.medium is not None:
        channel = entity_for(doc, draft.medium.start_char, draft.medium.end_char)
        medium = Medium(
            text=span_text(draft.medium),
            start=draft.medium.start_char,
            end=draft.medium.end_char,
            entity=channel.id if channel else None,
        )
    return Statement(
        id=ids[id(draft)],
        source=source,
        cue=span(draft.cue),
        content=span(draft.content),
        kind=one_of(draft.kind, KINDS, "kind"),
        addressee=addressee,
        certainty=one_of(draft.certainty, CERTAINTIES, "certainty"),
        polarity=one_of(draft.polarity, POLARITIES, "polarity"),
        stance=one_of(draft.stance, STANCES, "stance"),
        factuality_cues=tuple(span(c) for c in draft.factuality_cues),
        cue_lemma=draft.cue_lemma,
        target=_target(draft.target, ids),
        medium=medium,
        rules=tuple(draft.rules),
    )
