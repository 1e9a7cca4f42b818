"""Linked stores built with the real pipeline: the hand-written corpus and the sample article."""

from __future__ import annotations

import pytest

from hearsay.link import link_corpus
from hearsay.store import Store

from . import corpus


@pytest.fixture(scope="session")
def linked(tmp_path_factory):
    """The corpus of tests/data/linking ingested and linked: (store, hint -> document id)."""
    path = tmp_path_factory.mktemp("linking") / "linked.db"
    with Store(path) as store:
        ids = corpus.ingest(store)
        link_corpus(store)
        yield store, ids


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """The bundled sample article ingested and linked."""
    from hearsay.extract.pipeline import extract
    from hearsay.ingest import read_path
    from hearsay.sample import MAIN_ARTICLE, sample_dir

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store(path) as store:
        for document in read_path(sample_dir() / MAIN_ARTICLE):
            store.put(document, extract(document))
        link_corpus(store)
        yield store
