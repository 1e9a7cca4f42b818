"""Pages linked in one write transaction (``linker.PAGES_PER_TRANSACTION``) link as pages each in a
transaction of its own, and a page with contents to embed is embedded before the write lock is taken."""

from __future__ import annotations

from hearsay.link import link_corpus
from hearsay.link.embeddings import Embedder
from hearsay.store import Store, generation

from . import corpus
from .test_prepared_pages import link_tables

PAGE = 2  # the corpus's 7 articles make 4 pages


def _commits(store, **options) -> int:
    """How many write transactions a rebuild commits (each raises the store's generation by one)."""
    before = generation.current(store._conn)
    result = link_corpus(store, rebuild=True, page_size=PAGE, prepare_aside=False, **options)
    assert result["documents"] == 7 and result["embedded"] == 0 and not result["failures"]
    return generation.current(store._conn) - before


def test_pages_in_one_transaction_link_as_pages_in_transactions_of_their_own(new_database) -> None:
    with Store(new_database("transactions.db")) as store:
        corpus.ingest(store)
        link_corpus(store, page_size=PAGE, prepare_aside=False)
        apart = _commits(store, pages_per_transaction=1)
        linked_apart = link_tables(store)
        together = _commits(store, pages_per_transaction=3)
        assert link_tables(store) == linked_apart
        assert apart - together == 2  # four pages: 3 + 1 instead of 1 + 1 + 1 + 1


def test_a_page_to_embed_is_embedded_before_the_write_lock_is_taken(new_database, monkeypatch) -> None:
    in_transaction: list[bool] = []
    encode = Embedder.encode

    def watched(self, texts):
        in_transaction.append(store._conn.in_transaction)
        return encode(self, texts)

    monkeypatch.setattr(Embedder, "encode", watched)
    with Store(new_database("embedded.db")) as store:
        corpus.ingest(store)
        result = link_corpus(store, page_size=PAGE, prepare_aside=False, pages_per_transaction=3)
        assert result["embedded"] > 0 and result["documents"] == 7
    assert in_transaction and not any(in_transaction)
