"""The embedder starts on the model's graph as stored and builds the optimised one once it is busy."""

from __future__ import annotations

import numpy as np

from hearsay.link import embeddings
from hearsay.link.embeddings import QUICK_START_TEXTS, Embedder

TEXTS = [
    "Kazakhstan denied supplying drone components, the ministry said.",
    "The spokesperson told DW he lacked details about the warehouse.",
    "Drones are said to have attacked an oil depot overnight.",
]


def _embedder() -> Embedder:
    return Embedder(embeddings._model_path(), embeddings._tokenizer_path(), threads=1)


def test_embedder_keeps_the_stored_graph_for_a_few_texts() -> None:
    embedder = _embedder()
    embedder.encode(TEXTS)
    assert not embedder.optimised and embedder.encoded == len(TEXTS)


def test_embedder_switches_to_the_optimised_graph_when_busy_with_the_same_vectors() -> None:
    embedder = _embedder()
    before = embedder.encode(TEXTS)
    embedder.encode([f"filler sentence number {i} about the news" for i in range(QUICK_START_TEXTS)])
    assert embedder.optimised
    after = embedder.encode(TEXTS)
    assert np.allclose(before, after, atol=1e-5)
    assert np.allclose(np.linalg.norm(after, axis=1), 1.0, atol=1e-5)
    # nearest neighbours are the same on both graphs
    assert (before @ before.T).argsort(axis=1).tolist() == (after @ after.T).argsort(axis=1).tolist()
