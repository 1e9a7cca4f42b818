"""A correction: one analyst decision about one statement of one document, kept apart from readings.

A correction names its statement by an *anchor* (the cue's and the content's offsets and words
when the decision was made), not only by the statement id: ids are numbered per reading, so a
newer extractor may give the same statement another id. Replaying finds the statement again by
its anchor, or reports the correction as orphaned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

Action = Literal["change", "reject", "add", "relation"]
Status = Literal["applied", "orphaned"]
ACTIONS: tuple[Action, ...] = ("change", "reject", "add", "relation")

# The statement fields an analyst may change; ``cue`` and ``content`` are spans.
FIELDS: tuple[str, ...] = (
    "source",
    "stance",
    "certainty",
    "polarity",
    "addressee",
    "medium",
    "cue",
    "content",
)


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where the corrected statement was: its cue and content spans (offsets and words)."""

    cue_start: int
    cue_end: int
    cue_text: str
    content_start: int
    content_end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": [self.cue_start, self.cue_end, self.cue_text],
            "content": [self.content_start, self.content_end],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        cue, content = data["cue"], data["content"]
        return cls(int(cue[0]), int(cue[1]), str(cue[2]), int(content[0]), int(content[1]))


@dataclass(frozen=True, slots=True)
class Correction:
    """One decision: change fields of a statement, reject it, add a missed one, or decide how it
    bears on a proposition (``after``: ``proposition``, its ``key`` and the ``relation``).

    ``before`` is the statement as hearsay read it (None for an added one); ``after`` holds the
    changed fields for a change, the whole statement for an addition, nothing for a rejection.
    """

    document_id: str
    action: Action
    anchor: Anchor
    who: str
    at: str
    statement_id: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] = field(default_factory=dict)
    status: Status = "applied"
    note: str = ""
    id: int | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        """The statement fields this correction decides."""
        if self.action == "change":
            return tuple(name for name in FIELDS if name in self.after)
        return (self.action,)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document_id": self.document_id,
            "statement_id": self.statement_id,
            "action": self.action,
            "fields": list(self.fields),
            "anchor": self.anchor.to_dict(),
            "before": self.before,
            "after": self.after,
            "who": self.who,
            "at": self.at,
            "status": self.status,
            "note": self.note,
        }

    @classmethod
    def from_row(cls, row: Any) -> Correction:
        return cls(
            id=int(row["id"]),
            document_id=row["document_id"],
            statement_id=row["statement_id"],
            action=row["action"],
            anchor=Anchor.from_dict(json.loads(row["anchor"])),
            before=json.loads(row["before"]) if row["before"] else None,
            after=json.loads(row["after"]),
            who=row["who"],
            at=row["at"],
            status=row["status"],
            note=row["note"] or "",
        )
