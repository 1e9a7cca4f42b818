"""A stored reading prepared for the document page: highlight marks and statement cards."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model import Reading, Statement
from . import urls
from .highlight import Mark, render
from .linking import Linked

STANCE_LABELS = {
    "assert": "supports",
    "report": "reports",
    "question": "questions",
    "deny": "denies",
    "refuse_to_comment": "refuses to comment",
}


@dataclass(frozen=True, slots=True)
class StatementCard:
    """What the page shows of one statement, beside the marked-up text."""

    id: str
    source: str
    source_href: str | None
    cue: str
    content: str
    kind: str
    stance: str
    stance_label: str
    certainty: str
    polarity: str
    addressee: str | None
    cluster_href: str | None
    tip: str


def tip(statement: Statement, source: str) -> str:
    """The one-line summary shown when a statement's span is hovered or focused."""
    parts = [
        f"{source}: {STANCE_LABELS[statement.stance]}",
        f"certainty {statement.certainty}",
        f"polarity {statement.polarity}",
        f"stance {statement.stance}",
    ]
    if statement.addressee is not None:
        parts.append(f"to {statement.addressee.text}")
    return " · ".join(parts)


def entity_href(reading: Reading, local_id: str | None, linked: Linked) -> str | None:
    global_id = linked.entity(local_id)
    if global_id is not None:
        return urls.entity(global_id)
    entity = reading.entity(local_id)
    return urls.entity(urls.entity_key(entity.name, entity.type)) if entity else None


def statement_cards(reading: Reading, linked: Linked) -> list[StatementCard]:
    cards = []
    for statement in reading.statements:
        entity = reading.entity(statement.source.entity)
        source = entity.name if entity else (statement.source.text or "unnamed source")
        cluster_id = linked.cluster(statement.id)
        cards.append(
            StatementCard(
                id=statement.id,
                source=source,
                source_href=entity_href(reading, statement.source.entity, linked),
                cue=statement.cue.text,
                content=statement.content.text,
                kind=statement.kind,
                stance=statement.stance,
                stance_label=STANCE_LABELS[statement.stance],
                certainty=statement.certainty,
                polarity=statement.polarity,
                addressee=statement.addressee.text if statement.addressee else None,
                cluster_href=urls.cluster(cluster_id) if cluster_id else None,
                tip=tip(statement, source),
            )
        )
    return cards


def marks(reading: Reading, cards: list[StatementCard], linked: Linked) -> list[Mark]:
    """Every span of the reading as a mark: contents, sources, cues, entity mentions, times."""
    found: list[Mark] = []
    for statement, card in zip(reading.statements, cards, strict=True):
        data = (("data-statement", statement.id), ("data-tip", card.tip), ("title", card.tip))
        found.append(Mark(statement.content.start, statement.content.end, "content", attrs=data))
        source = statement.source
        if source.start is not None and source.end is not None:
            found.append(Mark(source.start, source.end, "source", attrs=data))
        # The cue opens the claim's cluster, or this statement's card when it has none.
        cue_href = card.cluster_href or f"#statement-{statement.id}"
        found.append(Mark(statement.cue.start, statement.cue.end, "cue", href=cue_href, attrs=data))
    for mention in reading.mentions:
        entity = reading.entity(mention.entity)
        label = f"{entity.name} ({entity.type})" if entity else mention.label
        found.append(
            Mark(
                mention.start,
                mention.end,
                "entity",
                href=entity_href(reading, mention.entity, linked),
                attrs=(("data-type", mention.label), ("title", label)),
            )
        )
    for time in reading.times:
        found.append(
            Mark(time.start, time.end, "time", attrs=(("title", f"{time.type} {time.value or '?'}"),))
        )
    return found


def marked_up(reading: Reading, cards: list[StatementCard], linked: Linked) -> Markup:
    text = reading.document.text if reading.document else ""
    return render(text, marks(reading, cards, linked))
