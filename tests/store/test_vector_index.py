"""The nearest-neighbour index of content vectors (usearch) beside a real SQLite store."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from hearsay.store import SQLiteStore
from hearsay.store.links import LinkTables
from hearsay.store.vector_index import VectorIndex


def _vectors(count: int, seed: int) -> dict[str, np.ndarray]:
    """Unit vectors around 40 centres, as sentence embeddings cluster by topic."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(40, 384))
    raw = centres[rng.integers(0, 40, count)] + 0.8 * rng.normal(size=(count, 384))
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    return {
        hashlib.sha1(f"{seed}:{i}".encode()).hexdigest()[:20]: raw[i].astype(np.float32) for i in range(count)
    }


def _add(store: SQLiteStore, vectors: dict[str, np.ndarray]) -> None:
    tables = LinkTables(store)
    with tables.transaction():
        tables.add_vectors({h: v.tobytes() for h, v in vectors.items()})


def _exact(vectors: dict[str, np.ndarray], query: np.ndarray, count: int) -> list[tuple[float, str]]:
    hashes = list(vectors)
    scores = np.stack([vectors[h] for h in hashes]) @ query
    return sorted(((float(scores[i]), hashes[i]) for i in range(len(hashes))), reverse=True)[:count]


@pytest.fixture
def store(tmp_path: Path):
    with SQLiteStore(tmp_path / "vectors.db") as opened:
        yield opened


def test_small_index_answers_exactly_as_a_scan(store: SQLiteStore) -> None:
    vectors = _vectors(300, seed=1)
    _add(store, vectors)
    query = next(iter(vectors.values()))
    found = store.nearest_contents(query, 50)
    expected = _exact(vectors, query, 50)
    assert [h for _s, h in found] == [h for _s, h in expected]
    assert np.allclose([s for s, _h in found], [s for s, _h in expected], atol=1e-5)


def test_index_is_saved_beside_the_database_and_grows_incrementally(
    store: SQLiteStore, tmp_path: Path
) -> None:
    first, second = _vectors(200, seed=2), _vectors(50, seed=3)
    _add(store, first)
    assert store.sync_vector_index() == 0  # fewer than TAIL_LIMIT new vectors: searched one by one
    assert store.sync_vector_index(force=True) == 200
    assert (tmp_path / "vectors.db.vectors.usearch").exists()
    assert json.loads((tmp_path / "vectors.db.vectors.json").read_text())["count"] == 200
    reopened = VectorIndex(store.path)  # another process: maps the file, adds only what is new
    assert reopened.sync(store._conn, force=True) == 0
    _add(store, second)
    query = next(iter(second.values()))
    assert reopened.nearest(store._conn, query, 1)[0][1] == next(iter(second))  # from the tail
    assert json.loads((tmp_path / "vectors.db.vectors.json").read_text())["count"] == 200
    assert VectorIndex(store.path, tail_limit=50).sync(store._conn) == 50
    assert json.loads((tmp_path / "vectors.db.vectors.json").read_text())["count"] == 250


def test_index_and_tail_together_answer_exactly_on_a_small_store(store: SQLiteStore) -> None:
    older, newer = _vectors(150, seed=6), _vectors(40, seed=7)
    _add(store, older)
    store.sync_vector_index(force=True)
    _add(store, newer)
    everything = {**older, **newer}
    for query in list(newer.values())[:5] + list(older.values())[:5]:
        found = store.nearest_contents(query, 30)
        assert [h for _s, h in found] == [h for _s, h in _exact(everything, query, 30)]


def test_a_foreign_index_file_is_rebuilt(store: SQLiteStore, tmp_path: Path) -> None:
    _add(store, _vectors(100, seed=4))
    assert VectorIndex(store.path).sync(store._conn, force=True) == 100
    meta = tmp_path / "vectors.db.vectors.json"
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "last_hash": "someone else's"}))
    assert VectorIndex(store.path).sync(store._conn, force=True) == 100


def test_graph_search_is_deterministic_and_finds_the_nearest(store: SQLiteStore) -> None:
    vectors = _vectors(3000, seed=5)
    _add(store, vectors)
    one, two = VectorIndex(":memory:", exact_limit=0), VectorIndex(":memory:", exact_limit=0)
    queries = list(vectors.values())[:20]
    recalls = []
    for query in queries:
        found = one.nearest(store._conn, query, 50)
        assert found == two.nearest(store._conn, query, 50)
        expected = {h for _s, h in _exact(vectors, query, 50)}
        recalls.append(len(expected & {h for _s, h in found}) / 50)
    assert float(np.mean(recalls)) >= 0.9
