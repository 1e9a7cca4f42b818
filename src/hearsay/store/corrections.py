"""SQL for the ``corrections`` table (migration 0008): analysts' decisions, in the order made."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..corrections.records import Correction
from ..model import Reading
from . import cluster_summaries, entity_lists

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

_COLUMNS = "id, document_id, statement_id, action, anchor, before, after, who, at, status, note"
_BATCH = 500  # ids per IN (...): under every SQLite build's limit on bound parameters


class CorrectionTable:
    """Reads and writes of the corrections of one store (inside the caller's transaction)."""

    def __init__(self, store: SQLiteStore) -> None:
        self.conn = store._conn  # the store package's own connection

    def add(self, correction: Correction) -> int:
        cursor = self.conn.execute(
            "INSERT INTO corrections (document_id, statement_id, action, anchor, before, after, who, at, "
            "status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                correction.document_id,
                correction.statement_id,
                correction.action,
                json.dumps(correction.anchor.to_dict()),
                json.dumps(correction.before) if correction.before is not None else None,
                json.dumps(correction.after, ensure_ascii=False),
                correction.who,
                correction.at,
                correction.status,
                correction.note,
            ),
        )
        return int(cursor.fetchone()[0])

    def of_document(self, document_id: str) -> list[Correction]:
        cursor = self.conn.execute(
            f"SELECT {_COLUMNS} FROM corrections WHERE document_id = ? ORDER BY id", (document_id,)
        )
        return [Correction.from_row(row) for row in cursor]

    def every(self, *, status: str | None = None) -> Iterator[Correction]:
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        cursor = self.conn.execute(
            f"SELECT {_COLUMNS} FROM corrections {where} ORDER BY document_id, id", params
        )
        for row in cursor:
            yield Correction.from_row(row)

    def documents(self) -> list[str]:
        cursor = self.conn.execute("SELECT DISTINCT document_id FROM corrections ORDER BY document_id")
        return [row[0] for row in cursor]

    def landed(self, correction_id: int, statement_id: str | None, status: str, note: str = "") -> None:
        """Record where a replay put a correction (its statement's id now) or that it was orphaned."""
        self.conn.execute(
            "UPDATE corrections SET statement_id = coalesce(?, statement_id), status = ?, note = ? "
            "WHERE id = ?",
            (statement_id, status, note, correction_id),
        )

    def marks(self, document_id: str) -> dict[str, list[str]]:
        """Statement id -> the fields analysts decided, for marking corrected items in views."""
        return {sid: fields for (_, sid), fields in self.marks_of([document_id]).items()}

    def marks_of(self, document_ids: Iterable[str]) -> dict[tuple[str, str], list[str]]:
        """(document id, statement id) -> decided fields, for the statements of ``document_ids``:
        one query per 500 documents, however many a page or a list shows."""
        wanted = list(dict.fromkeys(document_ids))
        marks: dict[tuple[str, str], list[str]] = {}
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            cursor = self.conn.execute(
                f"SELECT {_COLUMNS} FROM corrections WHERE status = 'applied' AND statement_id IS NOT NULL "
                f"AND document_id IN ({', '.join('?' * len(batch))}) ORDER BY document_id, id",
                batch,
            )
            _gather(marks, cursor)
        return marks

    def every_mark(self) -> dict[tuple[str, str], list[str]]:
        """The marks of every document (for an export: one query, as many entries as corrections)."""
        marks: dict[tuple[str, str], list[str]] = {}
        _gather(
            marks,
            self.conn.execute(
                f"SELECT {_COLUMNS} FROM corrections WHERE status = 'applied' AND statement_id IS NOT NULL "
                "ORDER BY document_id, id"
            ),
        )
        return marks

    def relations_for(self, key: str) -> list[Correction]:
        """An analyst's applied relation decisions about the proposition whose key is ``key``."""
        cursor = self.conn.execute(
            f"SELECT {_COLUMNS} FROM corrections WHERE action = 'relation' AND status = 'applied' "
            "AND json_extract(after, '$.key') = ? ORDER BY id",
            (key,),
        )
        return [Correction.from_row(row) for row in cursor]

    def sync_links(self, reading: Reading) -> None:
        """Keep the linked layer's per-statement rows in step with a corrected or re-read reading:
        statements gone leave their clusters; a statement's source entity is looked up again; the
        entities' lists (``entity_lists``) are rewritten for the document."""
        document_id = reading.document_id
        cluster_summaries.forget_documents(self.conn, [document_id])
        ids = [statement.id for statement in reading.statements]
        marks = ", ".join("?" * len(ids))
        where = f"AND statement_id NOT IN ({marks})" if ids else ""
        self.conn.execute(f"DELETE FROM link_statements WHERE document_id = ? {where}", (document_id, *ids))
        for statement in reading.statements:
            if statement.source.entity is None:
                continue
            self.conn.execute(
                "UPDATE link_statements SET entity_id = coalesce((SELECT entity_id FROM link_members "
                "WHERE document_id = ? AND local_id = ?), entity_id) "
                "WHERE document_id = ? AND statement_id = ?",
                (document_id, statement.source.entity, document_id, statement.id),
            )
        entity_lists.refresh(self.conn, [document_id])


def _gather(marks: dict[tuple[str, str], list[str]], rows: Iterable[Any]) -> None:
    """Add each applied correction's fields to its statement's marks, in the order decided."""
    for row in rows:
        correction = Correction.from_row(row)
        fields = marks.setdefault((correction.document_id, str(correction.statement_id)), [])
        fields.extend(name for name in correction.fields if name not in fields)
