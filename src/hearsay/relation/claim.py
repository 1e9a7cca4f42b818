"""``Claim``: what the relation rules need to know of one statement, from a reading or a stored row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Statement


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement as the relation rules see it: its content, how it is said, and where."""

    content: str
    stance: str = "assert"
    certainty: str = "certain"
    polarity: str = "pos"
    cue: str = ""
    cue_lemma: str = ""
    target_text: str | None = None
    source: str | None = None  # who said it: an entity id or the source's words; None when anonymous
    start: int = 0  # the content's offsets, for the rules that look at neighbours in one document
    end: int = 0
    statement_id: str | None = None
    source_text: str | None = None  # the source's words ("Russia's defence ministry")

    @classmethod
    def of(cls, statement: Statement) -> Claim:
        source = statement.source.entity or (statement.source.text or "").casefold() or None
        return cls(
            content=statement.content.text,
            stance=statement.stance,
            certainty=statement.certainty,
            polarity=statement.polarity,
            cue=statement.cue.text,
            cue_lemma=statement.cue_lemma,
            target_text=statement.target.text if statement.target else None,
            source=source,
            start=min(statement.content.start, statement.cue.start),
            end=max(statement.content.end, statement.cue.end),
            statement_id=statement.id,
            source_text=statement.source.text,
        )

    @classmethod
    def of_row(cls, row: dict[str, Any]) -> Claim:
        """From a stored statement row (``hearsay.store.link_reads``) or a ``LinkedStatement.to_dict()``."""
        source = (
            row.get("entity_id") or row.get("source_entity") or (row.get("source") or "").casefold() or None
        )
        starts = [v for v in (row.get("content_start"), row.get("cue_start")) if v is not None]
        ends = [v for v in (row.get("content_end"), row.get("cue_end")) if v is not None]
        return cls(
            content=row.get("content") or "",
            stance=row.get("stance") or "assert",
            certainty=row.get("certainty") or "underspecified",
            polarity=row.get("polarity") or "underspecified",
            cue=row.get("cue") or "",
            cue_lemma=row.get("cue_lemma") or "",
            target_text=row.get("target_text"),
            source=source,
            start=min(starts) if starts else 0,
            end=max(ends) if ends else 0,
            statement_id=row.get("statement_id"),
            source_text=row.get("source_text") or row.get("source"),
        )
