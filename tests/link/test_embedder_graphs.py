"""The embedder keeps onnxruntime's optimised graph in the user's cache; every way of starting gives the
very same vectors (a resumed link must equal an uninterrupted one)."""

from __future__ import annotations

import numpy as np

from hearsay.link import embeddings
from hearsay.link.embeddings import Embedder, optimised_graph_path

TEXTS = [
    "Kazakhstan denied supplying drone components, the ministry said.",
    "The spokesperson told DW he lacked details about the warehouse.",
    "Drones are said to have attacked an oil depot overnight.",
    "no",
]


def _vectors() -> np.ndarray:
    embedder = Embedder(embeddings._model_path(), embeddings._tokenizer_path(), threads=1)
    return embedder.encode(TEXTS * 3)


def test_embedder_keeps_the_optimised_graph_and_loads_it_with_the_same_vectors(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kept = optimised_graph_path(embeddings._model_path())
    assert kept is not None and not kept.exists()
    first = _vectors()  # optimises and keeps the graph, its weights in a file beside it
    weights = kept.parent / embeddings.WEIGHTS_FILE
    assert kept.exists() and weights.stat().st_size > 1_000_000
    assert sorted(p.name for p in kept.parent.iterdir()) == sorted([kept.name, weights.name])
    assert [p.name for p in kept.parent.parent.iterdir()] == [kept.parent.name]  # no staging left behind
    again = _vectors()  # loads the kept graph, its weights mapped into memory
    assert np.array_equal(first, again)
    assert np.allclose(np.linalg.norm(again, axis=1), 1.0, atol=1e-5)


def test_keeping_the_graph_drops_the_copy_in_one_file_that_the_last_version_kept(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kept = optimised_graph_path(embeddings._model_path())
    assert kept is not None
    kept.parent.parent.mkdir(parents=True)
    old = kept.parent.parent / (kept.parent.name.removesuffix(embeddings.MAPPED) + ".onnx")
    old.write_bytes(b"the whole graph")
    _vectors()
    assert [p.name for p in kept.parent.parent.iterdir()] == [kept.parent.name]


def test_the_kept_graph_gives_the_vectors_of_the_graph_optimised_in_memory(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    optimised_here = _vectors()  # nothing can be kept: the model is optimised in memory
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "kept"))
    _vectors()
    assert np.array_equal(_vectors(), optimised_here)


def test_embedder_without_a_writable_cache_gives_the_same_vectors(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "kept"))
    kept_vectors = _vectors()
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert np.array_equal(_vectors(), kept_vectors)
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_embedder_with_a_damaged_copy_optimises_again(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = _vectors()
    kept = optimised_graph_path(embeddings._model_path())
    assert kept is not None
    weights = kept.parent / embeddings.WEIGHTS_FILE
    size = weights.stat().st_size
    kept.write_bytes(b"truncated")
    assert np.array_equal(_vectors(), first)
    assert kept.stat().st_size > 1_000 and weights.stat().st_size == size  # written again
    with weights.open("r+b") as damaged:
        damaged.truncate(size // 2)
    assert np.array_equal(_vectors(), first)
    assert weights.stat().st_size == size
    weights.unlink()
    assert np.array_equal(_vectors(), first)
    assert weights.stat().st_size == size
    assert [p.name for p in kept.parent.parent.iterdir()] == [kept.parent.name]
