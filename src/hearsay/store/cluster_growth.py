"""The growth of claim clusters while a page links, written once per cluster at its end
(``LinkTables.grow_cluster``).

Most statements of a large corpus join a cluster, and a popular cluster is joined by several
statements of one page: its row (two vectors, three indexes on its size) is rewritten once for the
page, with its last centroid, the statements added and the earliest and latest of their dates, which
leaves the very row that one update per statement left. Nothing reads the clusters' rows from the store
while a page links but a lookup of what the run did not keep (``cluster_rows``), which writes what is
kept first (``pending``).
"""

from __future__ import annotations

from typing import Any

from .pending import Pending

# (centroid now, statements added, earliest date, latest date); dates are ISO strings or None
Growth = tuple[bytes, int, str | None, str | None]

GROW = """UPDATE link_clusters SET centroid = ?, size = size + ?,
    last_published = CASE WHEN ? > coalesce(last_published, '') THEN ? ELSE last_published END,
    first_published = CASE WHEN first_published IS NULL OR first_published > ?
        THEN coalesce(?, first_published) ELSE first_published END
WHERE id = ?"""


def growth_of(centroid: bytes, published: str | None) -> Growth:
    """One statement's growth of its cluster: an undated one (None) leaves both dates as they are."""
    return (centroid, 1, published, published)


def pending_growth() -> Pending[str, Growth]:
    return Pending(_then)


def write(conn: Any, grown: dict[str, Growth]) -> None:
    """Add what ``grown`` holds to the clusters' rows, in one batch."""
    conn.executemany(
        GROW,
        [
            (centroid, added, latest, latest, earliest, earliest, cluster_id)
            for cluster_id, (centroid, added, earliest, latest) in sorted(grown.items())
        ],
    )


def _then(before: Growth, after: Growth) -> Growth:
    return (after[0], before[1] + after[1], _earliest(before[2], after[2]), _latest(before[3], after[3]))


def _earliest(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)
