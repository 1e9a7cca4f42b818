"""Linked stores built with the real pipeline: the hand-written corpus and the sample article."""

from __future__ import annotations

import pytest

from hearsay.link import link_corpus
from hearsay.store import Store
from postgres_server import BACKENDS, scoped_database

from . import corpus


@pytest.fixture(scope="session", params=BACKENDS)
def linked(request, tmp_path_factory):
    """The corpus of tests/data/linking ingested and linked: (store, hint -> document id)."""
    path = scoped_database(request, tmp_path_factory, "linked.db")
    with Store(path) as store:
        ids = corpus.ingest(store)
        link_corpus(store)
        yield store, ids


@pytest.fixture(scope="session", params=BACKENDS)
def sample_store(request, tmp_path_factory):
    """The bundled sample article ingested and linked."""
    from hearsay.extract.pipeline import extract
    from hearsay.ingest import read_path
    from hearsay.sample import MAIN_ARTICLE, sample_dir

    path = scoped_database(request, tmp_path_factory, "sample.db")
    with Store(path) as store:
        for document in read_path(sample_dir() / MAIN_ARTICLE):
            store.put(document, extract(document))
        link_corpus(store)
        yield store
