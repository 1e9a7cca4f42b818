"""Link-table writes that also say what they added (for ``link.entity_lookups``).

Portable SQL (``ON CONFLICT ... DO NOTHING``), run the same on SQLite and PostgreSQL; the
counts come from the connection's ``total_changes``, which both backends keep.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from .queries import fold


def add_names_counting_new(conn: Any, entity_id: str, names: Sequence[tuple[str, str]]) -> int:
    """``LinkTables.add_names`` (a new name starts at one, a known one counts one more, each time it
    is given); returns how many of ``names`` were new to the entity."""
    times = Counter(name for name, _key in names)
    keys = dict(reversed(names))  # a name given twice keeps its first key, as the upsert does
    before = conn.total_changes
    conn.executemany(
        "UPDATE link_entity_names SET count = count + ? WHERE entity_id = ? AND name = ?",
        [(count, entity_id, name) for name, count in times.items()],
    )
    if conn.total_changes - before == len(times):
        return 0  # all known: the usual case once an entity has been seen
    before = conn.total_changes
    conn.executemany(
        """INSERT INTO link_entity_names (entity_id, name, key, count, folded) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (entity_id, name) DO NOTHING""",
        [(entity_id, name, keys[name], count, fold(name)) for name, count in times.items()],
    )
    added: int = conn.total_changes - before
    return added
