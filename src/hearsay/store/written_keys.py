"""The claim-cluster keys a linking run wrote (``link_cluster_keys``), remembered by ``LinkTables``.

A statement's keys are written with it, and most statements of a large corpus join a cluster that
has them all already (a copy of a report meets the cluster of its words): a key row written
before is not written again, which changes nothing in the table.

When the run began on a store without clusters, every cluster's keys are the ones the run wrote,
so how many of a statement's keys a candidate cluster has (``common``) is counted here, not by
SQL, and so are the candidates a statement's keys find (``postings``, as the SQL lookup would rank
them). Anything that may have changed the tables behind the run's back (a rolled-back document,
another process's commit: ``forget``) drops it all, and the counts go back to SQL.
"""

from __future__ import annotations

import heapq
from bisect import insort
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

CLUSTERS_KEPT = 200_000  # beyond, the keys are forgotten and counted by SQL
_NONE: frozenset[str] = frozenset()


class WrittenKeys:
    def __init__(self) -> None:
        self._by_cluster: dict[str, set[str]] = {}
        self._postings: dict[str, list[str]] = {}  # key -> the clusters written with it, in id order
        # True: every cluster in the store was founded by this run (its keys are all here); None:
        # not known yet (``complete`` asks the store at the next count); False: they are not.
        self._complete: bool | None = None

    def forget(self) -> None:
        self._by_cluster, self._postings = {}, {}
        self._complete = None

    def founded(self, cluster_id: str) -> None:
        self._by_cluster.setdefault(cluster_id, set())

    def new(self, cluster_id: str, keys: Sequence[str]) -> list[str]:
        """The keys not written for the cluster before, now remembered as written."""
        if len(self._by_cluster) > CLUSTERS_KEPT:
            self._by_cluster, self._postings, self._complete = {}, {}, False
        written = self._by_cluster.setdefault(cluster_id, set())
        fresh = [key for key in keys if key not in written]
        written.update(fresh)
        for key in fresh:
            insort(self._postings.setdefault(key, []), cluster_id)
        return fresh

    def decided(self) -> bool:
        return self._complete is not None

    def decide(self, store_has_clusters: bool) -> None:
        """Called before anything is remembered after ``forget``: a store without clusters then has
        only the ones founded since, whose keys are all remembered here."""
        self._complete = not store_has_clusters

    def complete(self) -> bool:
        """Whether ``counts`` answers for every cluster of the store."""
        return bool(self._complete)

    def counts(self, cluster_ids: Iterable[str], counting: Sequence[str]) -> list[tuple[int, int]]:
        """For each cluster: how many of ``counting`` it has, and how many of those are entities."""
        wanted = set(counting)
        entities = {key for key in wanted if key.startswith("e:")}
        result = []
        for cluster_id in cluster_ids:
            keys = self._by_cluster.get(cluster_id, _NONE)
            result.append(
                (len(wanted.intersection(keys)), len(entities.intersection(keys)) if entities else 0)
            )
        return result

    def postings(self, keys: Sequence[str], limit: int, per_key: int) -> list[tuple[str, int]]:
        """``LinkTables.cluster_candidates``' ranking, when ``complete``: (cluster, keys shared), the
        first ``per_key`` clusters of each key by id, most shared first, then by id, ``limit`` of them."""
        return ranked_postings(self._postings, keys, per_key, limit)


def ranked_postings(
    postings: Mapping[K, Sequence[str]], keys: Iterable[K], per_key: int, limit: int
) -> list[tuple[str, int]]:
    """The ids found under the first ``per_key`` of each key's postings, with how many keys found each:
    the ``limit`` first by that count, most first, then by id (SQL's ``GROUP BY id ORDER BY count(*)
    DESC, id LIMIT ?`` over a UNION ALL of the postings)."""
    shared: Counter[str] = Counter()
    for key in keys:
        shared.update(postings.get(key, ())[:per_key])
    return heapq.nsmallest(limit, shared.items(), key=lambda item: (-item[1], item[0]))
