"""The keys of the clusters a run founds count a statement's shared keys as the query does."""

from __future__ import annotations

from pathlib import Path

from hearsay.link.cluster_keys import ClusterKeys
from hearsay.store import Store
from hearsay.store.links import LinkTables


def found(tables: LinkTables, cluster_id: str) -> None:
    vector = bytes(4 * 384)
    tables.create_cluster(cluster_id, "The port is closed", "h", vector, "d", "s", None, None, "T", 0.0)


def test_cluster_keys_share_as_the_table_does(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        tables = LinkTables(store)
        kept = ClusterKeys(tables)
        tables.conn.execute("PRAGMA foreign_keys = OFF")  # statements of no stored document
        with tables.transaction():
            found(tables, "c-before")  # founded before the run: answered by the query
            tables.add_statement("d", "s0", "c-before", None, 1.0, "h0", ["e:x", "w:port"])
            found(tables, "c-1")
            kept.founded("c-1")
            for statement, keys in (("s1", ["e:x", "w:port", "w:close"]), ("s2", ["w:port", "w:ship"])):
                tables.add_statement("d", statement, "c-1", None, 1.0, "h", keys)
                kept.added("c-1", keys)
            ids, keys = ["c-1", "c-before", "c-none"], ["e:x", "e:y", "w:port", "w:ship", "w:port"]
            assert (
                kept.shared(ids, keys) == tables.shared_keys(ids, keys) == {"c-1": (3, 1), "c-before": (2, 1)}
            )
            kept.forget()
            assert kept.shared(ids, keys) == tables.shared_keys(ids, keys)
