"""The one place where the Russian rules' drafts become hearsay records (``hearsay.model``)."""

from __future__ import annotations

from ...model import (
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
    TimeExpression,
    one_of,
)
from .drafts import CharSpan, StatementDraft
from .names import PRONOUNS, EntityDraft
from .times import TimeFound


def to_reading(
    document: Document,
    entities: list[EntityDraft],
    statements: list[StatementDraft],
    times: list[TimeFound],
    extractor: str,
) -> Reading:
    text = document.text
    mentions = [
        Mention(entity=e.id, start=m.start, end=m.end, text=m.text, label=e.type)
        for e in entities
        for m in e.mentions
    ]
    mentions += _pronoun_mentions(text, statements, entities)
    return Reading(
        document_id=document.id,
        entities=tuple(_entity(e) for e in entities),
        mentions=tuple(sorted(set(mentions), key=lambda m: (m.start, m.end))),
        statements=tuple(_statement(text, d, n, entities) for n, d in enumerate(statements, start=1)),
        times=tuple(TimeExpression(t.text, t.start, t.end, t.value, t.type) for t in times),
        published=document.published,
        language=document.language,
        extractor=extractor,
        document=document,
    )


def _entity(draft: EntityDraft) -> Entity:
    aliases = dict.fromkeys([m.normal for m in draft.mentions] + [m.text for m in draft.mentions])
    roles = {text: Role(text=text, start=start, end=end) for start, end, text in draft.roles}
    return Entity(
        id=draft.id, name=draft.name, type=draft.type, aliases=tuple(aliases), roles=tuple(roles.values())
    )


def _pronoun_mentions(text: str, drafts: list[StatementDraft], entities: list[EntityDraft]) -> list[Mention]:
    types = {e.id: e.type for e in entities}
    return [
        Mention(
            entity=d.source_entity,
            start=d.source[0],
            end=d.source[1],
            text=text[slice(*d.source)],
            label="PERSON",
        )
        for d in drafts
        if d.source is not None
        and d.source_entity is not None
        and text[slice(*d.source)].lower() in PRONOUNS
        and types.get(d.source_entity) == "PERSON"
    ]


def _span(text: str, span: CharSpan) -> Span:
    return Span(start=span[0], end=span[1], text=text[span[0] : span[1]])


def _statement(text: str, draft: StatementDraft, number: int, entities: list[EntityDraft]) -> Statement:
    if draft.source is None:
        source = Source(entity=None, text=None, start=None, end=None)
    else:
        source = Source(
            entity=draft.source_entity,
            text=text[slice(*draft.source)],
            start=draft.source[0],
            end=draft.source[1],
        )
    addressee = None
    if draft.addressee is not None:
        start, end = draft.addressee
        entity = next((e.id for e in entities for m in e.mentions if start <= m.start and m.end <= end), None)
        addressee = Addressee(text=text[start:end], start=start, end=end, entity=entity)
    medium = None
    if draft.medium is not None:
        start, end = draft.medium
        entity = next((e.id for e in entities for m in e.mentions if start <= m.start and m.end <= end), None)
        medium = Medium(text=text[start:end], start=start, end=end, entity=entity)
    factuality = draft.factuality
    return Statement(
        id=f"s{number}",
        source=source,
        cue=_span(text, draft.cue),
        content=_span(text, draft.content),
        kind=one_of(draft.kind, KINDS, "kind"),
        addressee=addressee,
        certainty=one_of(factuality.certainty, CERTAINTIES, "certainty"),
        polarity=one_of(factuality.polarity, POLARITIES, "polarity"),
        stance=one_of(factuality.stance, STANCES, "stance"),
        factuality_cues=tuple(_span(text, c) for c in dict.fromkeys(draft.factuality_cues)),
        cue_lemma=draft.cue_lemma,
        medium=medium,
    )
