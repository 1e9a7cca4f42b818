"""The claim clusters a linking run read or wrote, kept in memory as their rows are (``LinkTables``).

Most statements of a large corpus are copies: their content was clustered before, and the clusterer
asks for the cluster of that very content (``cluster_of_text``), then grows it. The run keeps

* each cluster's row as the candidate lookups read it, changed here by every write the run makes
  to it (founded, grown, retitled, put in a story, given entities), so a cluster read or written
  before is not read again;
* for each content asked about, the first statement (by document and statement id) with that
  content in a cluster, or that there is none, changed here by every statement the run adds.

When the run began on a store without clusters (``decide``), every cluster and every clustered
statement is the run's own, so what is not kept here is not in the store either: a content never
clustered in the run has no cluster, with no query. Anything that may have changed the tables behind
the run's back (a rolled-back document, another process's commit: ``forget``) drops it all.
"""

from __future__ import annotations

from typing import Any

ROWS_KEPT = 50_000  # ~3.5 KiB each (two vectors); beyond, rows are read again
TEXTS_KEPT = 400_000
COLUMNS = (
    "id",
    "centroid",
    "size",
    "entities",
    "first_published",
    "last_published",
    "representative",
    "representative_hash",
    "representative_vector",
    "title",
    "title_score",
    "title_opposite",
    "story_id",
)
FirstStatement = tuple[str, str, str, int]  # (document, statement, its cluster, opposite)
_UNKNOWN = object()


class ClusterRows:
    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}
        self._first: dict[str, FirstStatement | None] = {}  # text hash -> its first clustered statement
        # As ``WrittenKeys``: True when every cluster of the store was founded by this run and kept here.
        self._complete: bool | None = None
        self._texts_complete = False

    def forget(self) -> None:
        self._rows, self._first = {}, {}
        self._complete, self._texts_complete = None, False

    def decide(self, store_has_clusters: bool) -> None:
        self._complete = self._texts_complete = not store_has_clusters

    def complete(self) -> bool:
        """Whether every cluster of the store is kept here (a cluster not kept does not exist)."""
        return bool(self._complete)

    # --- rows ---------------------------------------------------------------------------

    def row(self, cluster_id: str) -> dict[str, Any] | None:
        """A copy of the cluster's row, when kept."""
        row = self._rows.get(cluster_id)
        return None if row is None else dict(row)

    def keep(self, row: Any) -> None:
        """A row read from the store (any mapping with the candidate columns)."""
        if len(self._rows) >= ROWS_KEPT:
            self._rows, self._complete = {}, False
        self._rows[row["id"]] = {column: row[column] for column in COLUMNS}

    def founded(self, row: dict[str, Any]) -> None:
        self.keep(row)

    def grown(self, cluster_id: str, centroid: bytes, published: str | None) -> None:
        """``LinkTables.grow_cluster``'s UPDATE, in memory."""
        row = self._rows.get(cluster_id)
        if row is None:
            return
        row["centroid"], row["size"] = centroid, row["size"] + 1
        if published is not None and published > (row["last_published"] or ""):
            row["last_published"] = published
        first = row["first_published"]
        if first is None or (published is not None and first > published):
            row["first_published"] = published

    def changed(self, cluster_id: str, **values: Any) -> None:
        row = self._rows.get(cluster_id)
        if row is not None:
            row.update(values)

    def more_entities(self, cluster_id: str, added: int | None) -> None:
        """``added`` entities new to the cluster; None: not known here (the row is read again)."""
        row = self._rows.get(cluster_id)
        if row is None:
            return
        if added is None:
            del self._rows[cluster_id]
            self._complete = False
        else:
            row["entities"] += added

    # --- the first statement of each content ------------------------------------------------

    def first_statement(self, text_hash: str) -> tuple[bool, FirstStatement | None]:
        """(whether it is known here, the content's first clustered statement or None when it has none)."""
        found = self._first.get(text_hash, _UNKNOWN)
        if found is _UNKNOWN:
            return self._texts_complete, None
        return True, found  # type: ignore[return-value]

    def found_first(self, text_hash: str, first: FirstStatement | None) -> None:
        """What the store answered for a content not kept here."""
        if len(self._first) >= TEXTS_KEPT:
            self._first, self._texts_complete = {}, False
        self._first[text_hash] = first

    def clustered(self, text_hash: str, statement: FirstStatement) -> None:
        """A statement added to a cluster: the content's first statement, if it sorts before the one kept."""
        kept = self._first.get(text_hash, _UNKNOWN)
        if kept is _UNKNOWN:
            if self._texts_complete:
                self.found_first(text_hash, statement)
            return
        if kept is None or statement[:2] < kept[:2]:  # type: ignore[index]
            self._first[text_hash] = statement
