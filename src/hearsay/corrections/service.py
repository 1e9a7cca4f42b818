"""Corrections against a store: make a decision, keep it, and replay every decision on a re-read.

Each decision is written in one transaction together with the corrected reading, so what the
store shows and what it keeps to replay never disagree. The linked layer follows at once for
what it holds per statement (a rejected statement leaves its cluster, a changed source moves to
its entity); clustering an added statement waits for the next ``hearsay link --rebuild``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..model import Document, Reading, Statement
from .apply import Outcome, anchor_of, apply_all, apply_one
from .records import Action, Anchor, Correction

if TYPE_CHECKING:
    from ..store.corrections import CorrectionTable
    from ..store.sqlite import SQLiteStore


def _table(store: SQLiteStore) -> CorrectionTable:
    from ..store.corrections import CorrectionTable  # the store imports these records

    return CorrectionTable(store)


@dataclass(frozen=True, slots=True)
class Change:
    """What an analyst decides about a statement; None leaves a field as it is.

    ``source`` is an entity (id, name or alias in the document) or a span ``START:END``;
    ``addressee``, ``medium``, ``cue`` and ``content`` are spans ``START:END`` (``""`` removes an
    addressee or a medium).
    """

    source: str | None = None
    stance: str | None = None
    certainty: str | None = None
    polarity: str | None = None
    addressee: str | None = None
    medium: str | None = None
    cue: str | None = None
    content: str | None = None


@dataclass
class ReplayReport:
    """What replaying the corrections of a set of documents did."""

    documents: int = 0
    applied: int = 0
    orphaned: list[str] = field(default_factory=list)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def parse_span(value: str, text: str, what: str) -> dict[str, Any]:
    """``START:END`` as a span dict of ``text``; a ConfigError says what is wrong."""
    try:
        start_text, end_text = value.split(":", 1)
        start, end = int(start_text), int(end_text)
    except ValueError:
        raise ConfigError(f"{what} must be a span START:END (character offsets), not {value!r}") from None
    if not 0 <= start < end <= len(text):
        raise ConfigError(f"{what} {value} is outside the document (0:{len(text)})")
    return {"start": start, "end": end, "text": text[start:end]}


def _mention_entity(reading: Reading, start: int, end: int) -> str | None:
    for mention in reading.mentions:
        if mention.start < end and start < mention.end:
            return mention.entity
    return None


def _source(value: str, reading: Reading, text: str, cue_start: int) -> dict[str, Any]:
    if ":" in value and value.replace(":", "", 1).isdigit():
        span = parse_span(value, text, "source")
        return {"entity": _mention_entity(reading, span["start"], span["end"]), **span}
    wanted = value.strip().casefold()
    for entity in reading.entities:
        names = {entity.id.casefold(), entity.name.casefold(), *(a.casefold() for a in entity.aliases)}
        if wanted in names:
            mentions = [m for m in reading.mentions if m.entity == entity.id]
            nearest = min(mentions, key=lambda m: abs(m.start - cue_start), default=None)
            if nearest is None:
                return {"entity": entity.id, "text": entity.name, "start": None, "end": None}
            return {"entity": entity.id, "text": nearest.text, "start": nearest.start, "end": nearest.end}
    known = ", ".join(sorted({e.name for e in reading.entities})[:8]) or "none"
    raise ConfigError(
        f"no entity of this document is called {value!r} (some it has: {known}); or give a span START:END"
    )


def decided_fields(change: Change, reading: Reading, text: str, cue_start: int) -> dict[str, Any]:
    """The ``after`` of a change: each decided field in the reading's own JSON shape."""
    after: dict[str, Any] = {}
    if change.source is not None:
        after["source"] = _source(change.source, reading, text, cue_start)
    for name in ("stance", "certainty", "polarity"):
        value = getattr(change, name)
        if value is not None:
            after[name] = value
    if change.addressee is not None:
        if change.addressee == "":
            after["addressee"] = None
        else:
            span = parse_span(change.addressee, text, "addressee")
            after["addressee"] = {**span, "entity": _mention_entity(reading, span["start"], span["end"])}
    if change.medium is not None:
        if change.medium == "":
            after["medium"] = None
        else:
            span = parse_span(change.medium, text, "medium")
            after["medium"] = {**span, "entity": _mention_entity(reading, span["start"], span["end"])}
    if change.cue is not None:
        after["cue"] = parse_span(change.cue, text, "cue")
    if change.content is not None:
        after["content"] = parse_span(change.content, text, "content")
    return after


def _statement(reading: Reading, statement_id: str) -> Statement:
    for statement in reading.statements:
        if statement.id == statement_id:
            return statement
    ids = ", ".join(s.id for s in reading.statements) or "none"
    raise ConfigError(f"document {reading.document_id} has no statement {statement_id!r} (it has: {ids})")


def _text(reading: Reading) -> str:
    return reading.document.text if reading.document is not None else ""


def _record(store: SQLiteStore, reading: Reading, correction: Correction) -> tuple[Correction, Reading]:
    new, outcome = apply_one(reading, correction)
    if outcome.orphaned:
        raise ConfigError(outcome.reason)
    table = _table(store)
    with store.transaction():
        correction_id = table.add(correction)
        table.landed(correction_id, outcome.statement_id, "applied")
        store.replace_reading(new)
        table.sync_links(new)
    return dataclasses.replace(correction, id=correction_id, statement_id=outcome.statement_id), new


def correct(
    store: SQLiteStore, document_id: str, statement_id: str, change: Change, *, who: str, note: str = ""
) -> Correction:
    """Change fields of a stored statement; returns the kept decision."""
    reading = store.reading(document_id)
    statement = _statement(reading, statement_id)
    after = decided_fields(change, reading, _text(reading), statement.cue.start)
    if not after:
        raise ConfigError("nothing to change: give at least one of --source, --stance, --certainty, …")
    before = statement.to_dict()
    correction = _new(reading, "change", statement, who, note, before=before, after=after)
    return _record(store, reading, correction)[0]


def reject(
    store: SQLiteStore, document_id: str, statement_id: str, *, who: str, note: str = ""
) -> Correction:
    """Reject a stored statement (hearsay read something that is not a statement)."""
    reading = store.reading(document_id)
    statement = _statement(reading, statement_id)
    correction = _new(reading, "reject", statement, who, note, before=statement.to_dict())
    return _record(store, reading, correction)[0]


def add(
    store: SQLiteStore,
    document_id: str,
    *,
    source: str,
    cue: str,
    content: str,
    who: str,
    change: Change | None = None,
    kind: str = "indirect",
    note: str = "",
) -> Correction:
    """Add a statement hearsay missed, from its spans (and any other decided fields)."""
    reading = store.reading(document_id)
    text = _text(reading)
    cue_span = parse_span(cue, text, "cue")
    content_span = parse_span(content, text, "content")
    after = decided_fields(change or Change(), reading, text, cue_span["start"])
    after.update(
        source=_source(source, reading, text, cue_span["start"]),
        cue={**cue_span, "lemma": cue_span["text"].lower()},
        content=content_span,
        kind=kind,
    )
    after.setdefault("stance", "report")
    after.setdefault("certainty", "certain")
    after.setdefault("polarity", "pos")
    anchor = Anchor(
        cue_span["start"], cue_span["end"], cue_span["text"], content_span["start"], content_span["end"]
    )
    correction = Correction(reading.document_id, "add", anchor, who, _now(), after=after, note=note)
    return _record(store, reading, correction)[0]


def _new(
    reading: Reading,
    action: Action,
    statement: Statement,
    who: str,
    note: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Correction:
    return Correction(
        reading.document_id,
        action,
        anchor_of(statement),
        who,
        _now(),
        statement_id=statement.id,
        before=before,
        after=after or {},
        note=note,
    )


def corrections(store: SQLiteStore, document_id: str | None = None) -> list[Correction]:
    """The kept decisions, of one document or all, in the order they were made."""
    table = _table(store)
    if document_id is not None:
        return table.of_document(store.resolve(document_id))
    return list(table.every())


def replay(store: SQLiteStore, reading: Reading) -> tuple[Reading, list[Outcome]]:
    """``reading`` (a fresh one of a stored document) with the document's decisions applied; each
    decision's landing place or orphaning is recorded (call inside ``store.transaction()``)."""
    table = _table(store)
    decisions = table.of_document(reading.document_id)
    if not decisions:
        return reading, []
    new, outcomes = apply_all(reading, decisions)
    for outcome in outcomes:
        status = "orphaned" if outcome.orphaned else "applied"
        table.landed(outcome.correction.id or 0, outcome.statement_id, status, outcome.reason)
    return new, outcomes


def reread(
    store: SQLiteStore,
    document_ids: Iterable[str],
    read: Callable[[Document], Reading],
    progress: Callable[[str], None] | None = None,
) -> ReplayReport:
    """Read stored documents again (``read``: the current extractor), replay their corrections and
    replace the stored readings; each document in its own transaction."""
    report = ReplayReport()
    table = _table(store)
    for document_id in document_ids:
        document = store.document(document_id)
        fresh = read(document)
        with store.transaction():
            new, outcomes = replay(store, fresh)
            store.replace_reading(new)
            table.sync_links(new)
        report.documents += 1
        for outcome in outcomes:
            if outcome.orphaned:
                report.orphaned.append(
                    f"correction {outcome.correction.id} of {document.id}: {outcome.reason}"
                )
            else:
                report.applied += 1
        if progress is not None:
            progress(document.id)
    return report


def proposition_key(proposition: str) -> str:
    """The key relation decisions are kept under: the proposition's words, case and spacing folded."""
    return " ".join(proposition.casefold().split())


def relate(
    store: SQLiteStore,
    document_id: str,
    statement_id: str,
    *,
    proposition: str,
    relation: str,
    who: str,
    note: str = "",
) -> Correction:
    """Decide how a statement bears on a proposition (supports, refutes, discusses, unrelated);
    the evidence view shows the decision instead of the scorer's."""
    from ..model import RELATIONS, one_of

    decided = one_of(relation, RELATIONS, "relation")
    key = proposition_key(proposition)
    if not key:
        raise ConfigError("a relation decision needs the proposition it is about")
    reading = store.reading(document_id)
    statement = _statement(reading, statement_id)
    after = {"proposition": proposition.strip(), "key": key, "relation": decided}
    correction = _new(reading, "relation", statement, who, note, after=after)
    table = _table(store)
    with store.transaction():
        correction_id = table.add(correction)
    return dataclasses.replace(correction, id=correction_id)


def cluster_proposition(store: SQLiteStore, cluster_id: str) -> str:
    """The proposition the evidence view reads for a stored claim cluster (its title, else its
    representative content), so decisions made from a claim page apply there."""
    from ..store import link_reads

    found = link_reads.cluster(store._conn, cluster_id) if link_reads.has_link_tables(store._conn) else None
    if found is None:
        raise ConfigError(f"no claim cluster {cluster_id!r}; see `hearsay clusters`")
    return str(found.get("title") or found["representative"])
