"""Flat rows of a reading's records: the store's tables and the CSV export share them.

Each function returns a dict whose keys are the column names of its table, in order.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Document, Entity, Mention, Reading, Statement, TimeExpression

DOCUMENT_COLUMNS = (
    "id",
    "url",
    "outlet",
    "title",
    "author",
    "published",
    "language",
    "format",
    "source_path",
    "text",
)
ENTITY_COLUMNS = ("document_id", "id", "name", "type", "aliases", "roles")
MENTION_COLUMNS = ("document_id", "entity", "start", "end", "text", "label")
STATEMENT_COLUMNS = (
    "document_id",
    "id",
    "source_entity",
    "source_text",
    "source_name",
    "cue_text",
    "cue_lemma",
    "content_text",
    "content_start",
    "content_end",
    "kind",
    "addressee_text",
    "certainty",
    "polarity",
    "stance",
    "cue_start",
    "cue_end",
    "source_start",
    "source_end",
    "target_text",
    "target_start",
    "target_end",
    "target_statement",
    "medium_text",
    "rules",
)
TIME_COLUMNS = ("document_id", "text", "start", "end", "value", "type")


def to_json(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def document_row(document: Document) -> dict[str, Any]:
    data = document.to_dict()
    return {column: data[column] for column in DOCUMENT_COLUMNS}


def entity_row(document_id: str, entity: Entity) -> dict[str, Any]:
    """Aliases and roles as JSON lists (roles keep their offsets)."""
    data = entity.to_dict()
    return {
        "document_id": document_id,
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": to_json(data["aliases"]),
        "roles": to_json(data["roles"]),
    }


def mention_row(document_id: str, mention: Mention) -> dict[str, Any]:
    return {"document_id": document_id, **mention.to_dict()}


def source_name(reading: Reading, statement: Statement) -> str | None:
    """The source entity's name, else the source's own words, else None (anonymous)."""
    entity = reading.entity(statement.source.entity)
    if entity is not None:
        return entity.name
    return statement.source.text or None


def statement_row(reading: Reading, statement: Statement) -> dict[str, Any]:
    source, cue, content, target = statement.source, statement.cue, statement.content, statement.target
    return {
        "document_id": reading.document_id,
        "id": statement.id,
        "source_entity": source.entity,
        "source_text": source.text,
        "source_name": source_name(reading, statement),
        "cue_text": cue.text,
        "cue_lemma": statement.cue_lemma,
        "content_text": content.text,
        "content_start": content.start,
        "content_end": content.end,
        "kind": statement.kind,
        "addressee_text": statement.addressee.text if statement.addressee else None,
        "certainty": statement.certainty,
        "polarity": statement.polarity,
        "stance": statement.stance,
        "cue_start": cue.start,
        "cue_end": cue.end,
        "source_start": source.start,
        "source_end": source.end,
        "target_text": target.text if target else None,
        "target_start": target.start if target else None,
        "target_end": target.end if target else None,
        "target_statement": target.statement if target else None,
        "medium_text": statement.medium.text if statement.medium else None,
        "rules": " ".join(statement.rules),
    }


def time_row(document_id: str, time: TimeExpression) -> dict[str, Any]:
    return {"document_id": document_id, **time.to_dict()}
