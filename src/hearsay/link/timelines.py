"""Timelines of an entity or a cluster: documents, statements and the dated times near them.

A TIMEX value with an unknown year (``XXXX-05-28``) takes the year of its document's date (the
year before, when that would put it more than a month after publication). A statement is
dated by the first full date inside its content, else by its document. Times count for an
entity when they lie within ``NEAR`` characters of one of its mentions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ..model import TimelineEntry
from ..store import entity_statements, link_reads

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

NEAR = 160
_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})")


def resolve(value: str | None, published: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day a TIMEX value names, or None when it names no one day."""
    if not value:
        return None
    match = _DAY.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    if year == "XXXX":
        if not published:
            return None
        base = dt.date.fromisoformat(published[:10])
        year = str(base.year)
        try:
            guess = dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
        if guess > base + dt.timedelta(days=31):
            year = str(base.year - 1)
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _document_event(info: dict[str, Any]) -> TimelineEntry:
    return TimelineEntry(
        date=info.get("published"),
        value=info.get("published"),
        text=info.get("title") or "",
        kind="document",
        document_id=info["document_id"],
        start=None,
        end=None,
        statement_id=None,
        label=info.get("outlet") or info.get("title") or info["document_id"][:12],
    )


def _statement_event(row: dict[str, Any], times: list[dict[str, Any]]) -> TimelineEntry:
    """``times``: those of the row's document (or more)."""
    inside = [
        t
        for t in times
        if t["document_id"] == row["document_id"]
        and row["content_start"] <= t["start"]
        and t["end"] <= row["content_end"]
    ]
    day, value = None, None
    for time in inside:
        day = resolve(time["value"], row.get("published"))
        if day:
            value = time["value"]
            break
    return TimelineEntry(
        date=day or row.get("published"),
        value=value or row.get("published"),
        text=row["content"],
        kind="statement",
        document_id=row["document_id"],
        start=row["content_start"],
        end=row["content_end"],
        statement_id=row["statement_id"],
        label=f"{row.get('source') or 'unattributed'} {row['cue']}",
        stance=row["stance"],
        cluster_id=row.get("cluster_id"),
    )


def _time_event(time: dict[str, Any]) -> TimelineEntry:
    return TimelineEntry(
        date=resolve(time["value"], time.get("published")),
        value=time["value"],
        text=time["text"],
        kind="time",
        document_id=time["document_id"],
        start=time["start"],
        end=time["end"],
        statement_id=None,
        label=time.get("title") or time["document_id"][:12],
    )


def _sort_key(event: TimelineEntry) -> tuple[Any, ...]:
    date = event.date or (event.value if event.value and event.value[:1].isdigit() else None)
    order = {"time": 0, "document": 1, "statement": 2}[event.kind]
    return (date is None, date or "", event.document_id, order, event.start or 0)


def timeline(
    store: SQLiteStore, *, entity: str | None = None, cluster_id: str | None = None, limit: int = 500
) -> list[TimelineEntry]:
    """The dated events of an entity (id or name) or a cluster, in time order (remembered until the
    store changes)."""
    from .remembered import remembered

    key = ("timeline", entity, cluster_id, limit)
    return list(remembered(store, key, lambda: tuple(_timeline(store, entity, cluster_id, limit))))


def _timeline(
    store: SQLiteStore, entity: str | None, cluster_id: str | None, limit: int
) -> list[TimelineEntry]:
    conn = store._conn
    if not link_reads.has_link_tables(conn):
        return []
    if cluster_id is not None:
        rows = link_reads.statements_of_cluster(conn, cluster_id, limit=limit)
        near = None
    elif entity is not None:
        from .queries import find_entity_id

        entity_id = find_entity_id(store, entity)
        if entity_id is None:
            return []
        rows = entity_statements.first_rows(conn, entity_id, "said", limit) + entity_statements.first_rows(
            conn, entity_id, "said_about", limit
        )
        near = entity_id
    else:
        return []
    documents = sorted({r["document_id"] for r in rows})
    if near is not None:
        documents = sorted(
            set(documents) | {d["document_id"] for d in link_reads.entity_documents(conn, near, limit)}
        )
    infos = link_reads.documents_info(conn, documents)
    times = link_reads.times_of(conn, documents)
    events = [_document_event(info) for info in infos.values()]
    times_in = _by_document(times)
    seen: set[tuple[str, str]] = set()
    for row in rows:
        if (row["document_id"], row["statement_id"]) not in seen:
            seen.add((row["document_id"], row["statement_id"]))
            events.append(_statement_event(row, times_in.get(row["document_id"], [])))
    if near is not None:
        spans = _by_document(link_reads.mention_spans(conn, near, documents))
        times = [
            t
            for t in times
            if any(abs(s["start"] - t["start"]) <= NEAR for s in spans.get(t["document_id"], []))
        ]
    else:
        rows_in = _by_document(rows)
        times = [
            t
            for t in times
            if any(
                r["content_start"] <= t["start"] < r["content_end"] for r in rows_in.get(t["document_id"], [])
            )
        ]
    events += [_time_event(t) for t in times]
    events.sort(key=_sort_key)
    return events[:limit]


def _by_document(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows grouped by their document, each group in the rows' order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["document_id"], []).append(row)
    return grouped
