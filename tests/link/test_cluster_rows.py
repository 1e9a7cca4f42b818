"""What a linking run keeps of the clusters it wrote (``store/cluster_rows.py``), the candidates it
ranks from its own key postings (``written_keys``), the key counts it keeps (``counted_keys``) and
the near-duplicates it finds in the bands it wrote (``written_bands``) answer as the store does: a
run that keeps none of them, or forgets them again and again, links the corpus the same."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

from hearsay.link import link_corpus
from hearsay.store import Store, cluster_rows, counted_keys, written_bands, written_keys
from hearsay.store.cluster_rows import ClusterRows
from hearsay.store.written_keys import WrittenKeys

from . import corpus
from .test_prepared_pages import link_tables

pytestmark = pytest.mark.sqlite_only  # (PostgreSQL forgets them at every page: no data_version)


def test_a_run_keeping_little_links_as_a_run_keeping_all(tmp_path, monkeypatch) -> None:
    unlinked = tmp_path / "unlinked.db"
    with Store(unlinked) as store:
        corpus.ingest(store)
    shutil.copy(unlinked, tmp_path / "little.db")
    with Store(unlinked) as store:
        link_corpus(store, page_size=2, prepare_aside=False)
        linked = link_tables(store)
    monkeypatch.setattr(cluster_rows, "ROWS_KEPT", 2)  # rows read again, candidates looked up in SQL
    monkeypatch.setattr(cluster_rows, "TEXTS_KEPT", 2)  # contents looked up in SQL
    monkeypatch.setattr(counted_keys, "KEYS_KEPT", 3)  # key counts read from the store
    monkeypatch.setattr(written_bands, "DOCUMENTS_KEPT", 2)  # near-duplicates looked up in SQL
    with Store(tmp_path / "little.db") as store:
        link_corpus(store, page_size=2, prepare_aside=False)
        assert link_tables(store) == linked


def test_postings_rank_candidates_as_the_sql_lookup_does() -> None:
    chance = random.Random(7)
    clusters = [f"c-{i:03x}" for i in range(300)]
    keys = [f"w:{word}" for word in ["port", "ship", "strike", "leak", "drone", "grain", "bridge"]]
    written = WrittenKeys()
    written.decide(store_has_clusters=False)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE link_cluster_keys (key TEXT, cluster_id TEXT, PRIMARY KEY (key, cluster_id))")
    for cluster in chance.sample(clusters, len(clusters)):
        mine = chance.sample(keys, chance.randint(1, 4))
        written.new(cluster, mine)
        conn.executemany("INSERT INTO link_cluster_keys VALUES (?, ?)", [(k, cluster) for k in mine])
    for asked in (keys[:1], keys[:3], keys, ["w:none", keys[2]]):
        for limit, per_key in ((30, 300), (5, 20), (400, 7)):
            postings = " UNION ALL ".join(
                "SELECT * FROM (SELECT cluster_id FROM link_cluster_keys WHERE key = ? "
                "ORDER BY cluster_id LIMIT ?) AS p"
                for _ in asked
            )
            expected = conn.execute(
                f"""SELECT cluster_id, count(*) AS shared FROM ({postings}) AS p
                GROUP BY cluster_id ORDER BY shared DESC, cluster_id LIMIT ?""",
                [v for key in asked for v in (key, per_key)] + [limit],
            ).fetchall()
            assert written.postings(asked, limit, per_key) == expected


def test_a_grown_cluster_row_changes_as_the_stores_row_does() -> None:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE c (id TEXT, size INTEGER, first_published TEXT, last_published TEXT)")
    dates = (None, "2026-05-01", "2026-05-03", "2026-04-30")
    for first in dates:
        for last in dates:
            for published in dates:
                conn.execute("DELETE FROM c")
                conn.execute("INSERT INTO c VALUES ('c1', 1, ?, ?)", (first, last))
                rows = ClusterRows()
                rows.keep(
                    {column: None for column in cluster_rows.COLUMNS}
                    | dict(conn.execute("SELECT * FROM c").fetchone())
                )
                conn.execute(
                    """UPDATE c SET size = size + 1,
                        last_published = CASE WHEN ? > coalesce(last_published, '') THEN ?
                            ELSE last_published END,
                        first_published = CASE WHEN first_published IS NULL OR first_published > ?
                            THEN coalesce(?, first_published) ELSE first_published END""",
                    (published, published, published, published),
                )
                rows.grown("c1", b"", published)
                kept = rows.row("c1")
                assert kept is not None
                assert (kept["size"], kept["first_published"], kept["last_published"]) == tuple(
                    conn.execute("SELECT size, first_published, last_published FROM c").fetchone()
                )


def test_the_first_statement_of_a_content_is_kept_in_id_order() -> None:
    rows = ClusterRows()
    rows.decide(store_has_clusters=False)
    assert rows.first_statement("h1") == (True, None)  # a run that founded every cluster: none
    rows.clustered("h1", ("d9", "s1", "c-1", 0))
    rows.clustered("h1", ("d2", "s4", "c-1", 1))  # an earlier document id: the first now
    rows.clustered("h1", ("d5", "s1", "c-2", 0))
    assert rows.first_statement("h1") == (True, ("d2", "s4", "c-1", 1))
    rows.forget()
    rows.decide(store_has_clusters=True)
    assert rows.first_statement("h1") == (False, None)  # not known: the store answers
    rows.found_first("h1", None)
    rows.clustered("h1", ("d7", "s2", "c-3", 0))
    assert rows.first_statement("h1") == (True, ("d7", "s2", "c-3", 0))


def test_written_keys_past_their_limit_drop_their_postings(monkeypatch) -> None:
    monkeypatch.setattr(written_keys, "CLUSTERS_KEPT", 1)
    keys = WrittenKeys()
    keys.decide(store_has_clusters=False)
    keys.new("c1", ["w:port"])
    keys.new("c2", ["w:port"])
    assert keys.postings(["w:port"], 30, 300) == [("c1", 1), ("c2", 1)]
    keys.new("c3", ["w:ship"])
    assert not keys.complete() and keys.postings(["w:port"], 30, 300) == []


def test_written_bands_find_near_duplicates_as_the_sql_lookup_does() -> None:
    chance = random.Random(11)
    bands = [(band, chance.randrange(4)) for band in range(6)]  # few hashes: bands shared a lot
    kept = written_bands.WrittenBands()
    kept.decide(store_has_documents=False)
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE link_documents (document_id TEXT PRIMARY KEY, duplicate_of TEXT, signature BLOB)"
    )
    conn.execute("CREATE TABLE link_document_bands (band INTEGER, hash INTEGER, document_id TEXT)")
    for number in chance.sample(range(200), 200):
        document = f"{number:064x}"
        mine = [(band, chance.randrange(4)) for band in range(6)]
        signature = bytes([number % 256]) * 4
        kept.linked(document, document[:8], signature, mine)
        conn.execute("INSERT INTO link_documents VALUES (?, ?, ?)", (document, document[:8], signature))
        conn.executemany(
            "INSERT INTO link_document_bands VALUES (?, ?, ?)", [(b, h, document) for b, h in mine]
        )
    for limit, per_band in ((20, 50), (5, 3), (300, 300)):
        postings = " UNION ALL ".join(
            "SELECT * FROM (SELECT document_id FROM link_document_bands WHERE band = ? AND hash = ? "
            "ORDER BY document_id LIMIT ?) AS p"
            for _ in bands
        )
        expected = conn.execute(
            f"""SELECT l.document_id, l.duplicate_of, l.signature, b.shared
            FROM (SELECT document_id, count(*) AS shared FROM ({postings}) AS p
                  GROUP BY document_id ORDER BY shared DESC, document_id LIMIT ?) AS b
            JOIN link_documents AS l ON l.document_id = b.document_id
            ORDER BY b.shared DESC, l.document_id""",
            [v for band, hash_ in bands for v in (band, hash_, per_band)] + [limit],
        ).fetchall()
        found = kept.candidates(bands, limit, per_band)
        assert [tuple(row.values()) for row in found] == expected
