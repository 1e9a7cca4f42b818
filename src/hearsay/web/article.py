"""A stored reading prepared for the document page: highlight marks and statement cards.

Every statement's content is marked with its stance class (``stance-deny``, ...), and, when the
page reads the article against a claim, with its relation to it (``relation-refutes``, ...):
the class vocabulary every page and the legend share (static/hearsay.css).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..link import cluster_for_statement, entity_for_mention
from ..model import EvidenceItem, Reading, Statement
from ..store import SQLiteStore
from ..vocabulary import label, labels
from . import urls
from .highlight import Mark, render

STANCE_LABELS = labels("stance")


class Linked:
    """Global entity and cluster ids for one document's statements and entities, looked up once each."""

    def __init__(self, store: SQLiteStore, document_id: str) -> None:
        self._store, self._document_id = store, document_id
        self._entities: dict[str, str | None] = {}
        self._clusters: dict[str, str | None] = {}

    def entity(self, local_id: str | None) -> str | None:
        if local_id is None:
            return None
        if local_id not in self._entities:
            self._entities[local_id] = entity_for_mention(self._store, self._document_id, local_id)
        return self._entities[local_id]

    def cluster(self, statement_id: str) -> str | None:
        if statement_id not in self._clusters:
            found = cluster_for_statement(self._store, self._document_id, statement_id)
            self._clusters[statement_id] = found
        return self._clusters[statement_id]


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
    evidence: EvidenceItem | None = None  # its relation to the claim the page is read against
    medium: str | None = None  # the channel: "a statement", "X", "a briefing"
    rules: str = ""  # why it is a statement: the rule names that produced it, for the card's tooltip

    @property
    def anchor(self) -> str:
        return urls.statement_anchor(self.id)

    @property
    def classes(self) -> tuple[str, ...]:
        """The shared class vocabulary: its stance, and its relation to the claim when known."""
        relation = (f"relation-{self.evidence.relation.relation}",) if self.evidence else ()
        return (f"stance-{self.stance}", *relation)


def tip(statement: Statement, source: str, evidence: EvidenceItem | None = None) -> str:
    """The one-line summary shown when a statement's span is hovered or focused."""
    relation = []
    if evidence is not None:
        strength = evidence.relation.strength
        relation = [f"{label('relation', evidence.relation.relation)} the claim"]
        if strength:
            relation[0] += f" ({label('strength', strength)})"
    parts = [
        f"{source}: {label('stance', statement.stance)}",
        *relation,
        f"certainty: {label('certainty', statement.certainty)}",
        f"polarity: {label('polarity', statement.polarity)}",
    ]
    if statement.addressee is not None:
        parts.append(f"to {statement.addressee.text}")
    if statement.medium is not None:
        parts.append(f"via {statement.medium.text}")
    return " · ".join(parts)


def entity_href(reading: Reading, local_id: str | None, linked: Linked) -> str | None:
    global_id = linked.entity(local_id)
    if global_id is not None:
        return urls.entity(global_id)
    entity = reading.entity(local_id)
    return urls.entity(urls.entity_key(entity.name, entity.type)) if entity else None


def statement_cards(
    reading: Reading, linked: Linked, evidence: dict[str, EvidenceItem] | None = None
) -> list[StatementCard]:
    """A card per statement; ``evidence`` (by statement id) gives relations to a claim."""
    evidence = evidence or {}
    cards = []
    for statement in reading.statements:
        entity = reading.entity(statement.source.entity)
        source = entity.name if entity else (statement.source.text or "unnamed source")
        if statement.source_unresolved:
            source += " (unresolved)"
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
                tip=tip(statement, source, evidence.get(statement.id)),
                evidence=evidence.get(statement.id),
                medium=statement.medium.text if statement.medium else None,
                rules="why: " + " · ".join(statement.rules) if statement.rules else "",
            )
        )
    return cards


def marks(reading: Reading, cards: list[StatementCard], linked: Linked) -> list[Mark]:
    """Every span of the reading as a mark: contents, sources, cues, entity mentions, times."""
    found: list[Mark] = []
    for statement, card in zip(reading.statements, cards, strict=True):
        data = (("data-statement", statement.id), ("data-tip", card.tip), ("title", card.tip))
        found.append(
            Mark(
                statement.content.start,
                statement.content.end,
                "content",
                attrs=data,
                classes=card.classes,
                anchor=card.anchor,
            )
        )
        source = statement.source
        if source.start is not None and source.end is not None:
            found.append(Mark(source.start, source.end, "source", attrs=data))
        # The cue opens the claim's cluster, or this statement's card when it has none.
        cue_href = card.cluster_href or f"#statement-{statement.id}"
        found.append(Mark(statement.cue.start, statement.cue.end, "cue", href=cue_href, attrs=data))
    for mention in reading.mentions:
        entity = reading.entity(mention.entity)
        named = f"{entity.name} ({label('entity_type', entity.type)})" if entity else mention.label
        found.append(
            Mark(
                mention.start,
                mention.end,
                "entity",
                href=entity_href(reading, mention.entity, linked),
                attrs=(("data-type", mention.label), ("title", named)),
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
