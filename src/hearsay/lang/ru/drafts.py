"""What the Russian rules find, as character spans, before it becomes hearsay records."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Factuality

CharSpan = tuple[int, int]


@dataclass(slots=True)
class StatementDraft:
    cue: CharSpan
    cue_lemma: str
    content: CharSpan
    kind: str
    factuality: Factuality
    source: CharSpan | None = None
    source_entity: str | None = None
    addressee: CharSpan | None = None
    medium: CharSpan | None = None
    factuality_cues: list[CharSpan] = field(default_factory=list)
    cue_tokens: tuple[int, ...] = ()
