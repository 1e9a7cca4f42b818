"""Working records the extraction components pass to each other on a spaCy ``Doc``.

Components read and write these through ``Doc._`` extensions; ``reading.py`` is the only
place they become ``hearsay.model`` records. Drafts hold spaCy spans, so they never leave
the extraction package.

    doc._.hs_published   datetime.date | None   set before the pipeline runs
    doc._.hs_entities    list[EntityDraft]      hearsay_entities (+ pronouns added by attribution)
    doc._.hs_times       list[TimeDraft]        hearsay_timex
    doc._.hs_statements  list[StatementDraft]   hearsay_attribution, completed by hearsay_factuality
                                                 and hearsay_verdicts (stance of verdicts, targets)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span


@dataclass(slots=True)
class EntityDraft:
    id: str
    name: str
    type: str  # PERSON, OUTLET, ORG, GPE, NORP, LOC, FAC, ...
    mentions: list[Span] = field(default_factory=list)
    roles: list[Span] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, None] = {}
        for mention in self.mentions:
            seen.setdefault(mention.text, None)
        return list(seen)


@dataclass(slots=True)
class TimeDraft:
    span: Span
    value: str | None
    type: str = "DATE"  # DATE, TIME, DURATION, SET


@dataclass(slots=True)
class TargetDraft:
    """The claim a statement points at: its words, the statement stating it, the pointing words."""

    claim: Span
    statement: StatementDraft | None = None
    pointer: Span | None = None


@dataclass(slots=True)
class StatementDraft:
    cue: Span
    content: Span
    kind: str  # direct, indirect, mixed
    source: Span | None = None  # None: anonymous ("are said to", "sources said" keeps its span)
    source_entity: str | None = None  # EntityDraft.id when the source resolves to one
    addressee: Span | None = None  # the hearer ("DW", "reporters")
    cue_lemma: str = ""
    medium: Span | None = None  # the channel ("a statement", "X") or the relaying outlet
    # The names of the rules that produced and shaped it ("cue.verb", "content.clause", ...).
    rules: list[str] = field(default_factory=list)
    # Filled by hearsay_factuality:
    certainty: str = "underspecified"
    polarity: str = "underspecified"
    stance: str = "report"
    factuality_cues: list[Span] = field(default_factory=list)
    # Filled by hearsay_verdicts:
    target: TargetDraft | None = None


def register_extensions() -> None:
    """Declare the ``Doc._`` attributes once per process."""
    for name in ("hs_entities", "hs_times", "hs_statements"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("hs_published"):
        Doc.set_extension("hs_published", default=None)


def entity_for(doc: Doc, start_char: int, end_char: int) -> EntityDraft | None:
    """The entity with a mention overlapping the character range, preferring the largest overlap."""
    best: tuple[int, EntityDraft] | None = None
    for entity in doc._.hs_entities or ():
        for mention in entity.mentions:
            overlap = min(end_char, mention.end_char) - max(start_char, mention.start_char)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity)
    return best[1] if best else None
