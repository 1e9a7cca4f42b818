"""The linker's models load beside the reading, only when a new document is to be read and linked."""

from __future__ import annotations

import threading
from pathlib import Path

from hearsay import pipeline
from hearsay.link import embeddings
from hearsay.pipeline.preload import LinkPreload
from hearsay.store import Store

from .conftest import news


def loaded() -> int:
    return embeddings._load_embedder.cache_info().currsize


def test_preload_loads_the_embedder_once_on_its_own_thread() -> None:
    embeddings._load_embedder.cache_clear()
    preload = LinkPreload()
    preload.start()
    preload.start()
    assert [t.name for t in threading.enumerate()].count("hearsay-link-load") <= 1
    preload.wait()
    assert loaded() == 1
    assert embeddings.load_embedder() is embeddings.load_embedder()
    assert loaded() == 1


def test_ingest_loads_the_embedder_only_for_new_documents_it_links(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        embeddings._load_embedder.cache_clear()
        unlinked = pipeline.ingest_documents(store, [news(1)], link=False)
        assert (unlinked.new, loaded()) == (1, 0)
        linked = pipeline.ingest_documents(store, [news(2)], link=True)
        assert (linked.new, linked.linked, loaded()) == (1, 2, 1)
        embeddings._load_embedder.cache_clear()
        again = pipeline.ingest_documents(store, [news(1), news(2)], link=True)
        assert (again.already, again.linked, loaded()) == (2, 0, 0)
    assert "hearsay-link-load" not in [t.name for t in threading.enumerate()]
