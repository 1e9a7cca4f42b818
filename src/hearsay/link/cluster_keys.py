"""The keys of the clusters a run founds, kept in memory to count a statement's keys they share.

A candidate cluster's score counts how many of a statement's keys (linked entities and content
words) the cluster has (``LinkTables.shared_keys``, a probe per key and cluster). Only
``add_statement`` writes a cluster's keys, so the clusters this run founded have exactly the keys
it gave them; their shares are counted here, the others' by the query. Everything is dropped
when another process may have written (``forget``, at a page's start when it did), when a
document's writes are rolled back, and when more than ``LIMIT`` clusters are kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..store.links import LinkTables

LIMIT = 100_000


class ClusterKeys:
    """The keys of clusters founded in this run; ``shared`` answers as ``LinkTables.shared_keys``."""

    def __init__(self, tables: LinkTables) -> None:
        self.tables = tables
        self._keys: dict[str, set[str]] = {}

    def founded(self, cluster_id: str) -> None:
        if len(self._keys) >= LIMIT:
            self._keys.clear()
        self._keys[cluster_id] = set()

    def added(self, cluster_id: str, keys: Sequence[str]) -> None:
        known = self._keys.get(cluster_id)
        if known is not None:
            known.update(keys)

    def shared(self, cluster_ids: Sequence[str], keys: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Per cluster: how many of ``keys`` it has, and how many of those are entities."""
        wanted = set(keys)
        result: dict[str, tuple[int, int]] = {}
        asked = []
        for cluster_id in cluster_ids:
            known = self._keys.get(cluster_id)
            if known is None:
                asked.append(cluster_id)
                continue
            common = known & wanted
            if common:
                result[cluster_id] = (len(common), sum(key.startswith("e:") for key in common))
        if asked:
            result.update(self.tables.shared_keys(asked, keys))
        return result

    def forget(self) -> None:
        self._keys.clear()
