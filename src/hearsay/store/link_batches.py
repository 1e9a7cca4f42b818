"""Link-table writes that also say what they added (for ``link.entity_lookups``).

Portable SQL (``ON CONFLICT ... DO NOTHING``), run the same on SQLite and PostgreSQL; the
counts come from the connection's ``total_changes``, which both backends keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .queries import fold


def add_names_counting_new(conn: Any, entity_id: str, names: Sequence[tuple[str, str]]) -> int:
    """``LinkTables.add_names`` (a new name starts at one, a known one counts one more); returns
    how many of ``names`` were new to the entity."""
    before = conn.total_changes
    conn.executemany(
        """INSERT INTO link_entity_names (entity_id, name, key, count, folded) VALUES (?, ?, ?, 0, ?)
        ON CONFLICT (entity_id, name) DO NOTHING""",
        [(entity_id, name, key, fold(name)) for name, key in names],
    )
    added: int = conn.total_changes - before
    conn.executemany(
        "UPDATE link_entity_names SET count = count + 1 WHERE entity_id = ? AND name = ?",
        [(entity_id, name) for name, _key in names],
    )
    return added
