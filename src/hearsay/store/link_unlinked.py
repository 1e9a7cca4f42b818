"""The documents not linked yet, in ingest order, a page at a time (keyset paging), as rows and as readings.

The rows are read apart from their decoding so that a second process can read and prepare the next
page (``link.prepared_pages``) while the linker links this one: ``unlinked_rows`` reads a page after
a keyset, ``keyset`` gives the next one, ``readings_of`` decodes a page.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Reading
from . import rows as rows_

Keyset = tuple[str, str]  # (ingested_at, document id) of the last document read
START: Keyset = ("", "")

_COLUMNS = ", ".join("d." + c for c in rows_.DOCUMENT_COLUMNS)
_PAGE = f"""SELECT {_COLUMNS}, d.ingested_at, r.json
    FROM documents AS d JOIN readings AS r ON r.document_id = d.id
    WHERE (d.ingested_at, d.id) > (?, ?)
      AND NOT EXISTS (SELECT 1 FROM link_documents AS l WHERE l.document_id = d.id)
    ORDER BY d.ingested_at, d.id LIMIT ?"""


def unlinked_rows(conn: sqlite3.Connection, after: Keyset, page_size: int) -> list[dict[str, Any]]:
    """Up to ``page_size`` documents not in the ledger after ``after``: their columns, ``ingested_at`` and
    their reading's ``json``, as plain dicts (they may cross to another process)."""
    return [dict(row) for row in conn.execute(_PAGE, (*after, page_size)).fetchall()]


def keyset(page: Sequence[Mapping[str, Any]]) -> Keyset:
    """Where the page after ``page`` starts."""
    return (page[-1]["ingested_at"], page[-1]["id"])


def readings_of(page: Sequence[Mapping[str, Any]]) -> list[Reading]:
    """A page's readings, each with its document."""
    readings = []
    for row in page:
        data = json.loads(row["json"])
        data["document"] = dict(row)  # (built with the reading: no copy of it to replace the document)
        readings.append(Reading.from_dict(data))
    return readings
