"""Evidence answers kept on disk: read back as computed, only while the store is in the same state."""

from __future__ import annotations

import pytest

from hearsay.corrections import relate
from hearsay.link import evidence_answers
from hearsay.link.evidence_view import _evidence, evidence
from hearsay.link.remembered import _DATABASES
from hearsay.store import Store

LEAK = "The tanker Marisol leaked fuel into Valmora harbour"


def _copy(linked, tmp_path):
    store, _ids = linked
    path = tmp_path / "copy.db"
    if "://" in store.path:
        pytest.skip("a file copy of the store (VACUUM INTO) is SQLite's")
    store._conn.execute("VACUUM INTO ?", (str(path),))
    return path


def _questions(store):
    clusters = [
        r[0] for r in store._conn.execute("SELECT id FROM link_clusters ORDER BY size DESC, id LIMIT 4")
    ]
    return [(c, None) for c in clusters] + [(None, LEAK), (None, "drone components"), (None, "Valmora")]


def test_an_answer_encoded_and_decoded_is_the_answer(linked):
    store, _ids = linked
    for cluster_id, proposition in _questions(store):
        computed = _evidence(store, cluster_id=cluster_id, proposition=proposition, limit=None)
        again = evidence_answers.decode(evidence_answers.encode(computed))
        assert again == computed
        assert again.to_dict() == computed.to_dict()
        for side, kept in zip(computed.sides, again.sides, strict=True):
            assert (kept.first is None) == (side.first is None)
            if side.items:
                assert kept.first is kept.items[0]


def test_a_kept_answer_is_read_back_after_a_restart_until_a_write(linked, tmp_path):
    path = _copy(linked, tmp_path)
    with Store(path, read_only=True) as reader:
        answer = evidence(reader, proposition=LEAK)
        first = answer.to_dict()
        evidence_answers.flush()
    assert (tmp_path / "copy.db.answers").exists()
    _DATABASES.clear()  # as a new process: nothing remembered in memory
    with Store(path, read_only=True) as reader:
        asked = evidence_answers.question(None, LEAK, "hearsay.relation.scorer.RuleScorer")
        kept = evidence_answers.recall(reader, asked, evidence_answers.state(reader))
        assert kept is not None and kept.to_dict() == first
        assert evidence(reader, proposition=LEAK).to_dict() == first
    with Store(path) as writer:
        supporting = evidence(writer, proposition=LEAK).side("supports").items[0].statement
        relate(
            writer,
            supporting.document_id,
            supporting.statement_id,
            proposition=LEAK,
            relation="unrelated",
            who="ana",
        )
    _DATABASES.clear()
    with Store(path, read_only=True) as reader:
        assert evidence_answers.recall(reader, asked, evidence_answers.state(reader)) is None  # stale
        after = evidence(reader, proposition=LEAK)
        assert after.to_dict() == _evidence(reader, cluster_id=None, proposition=LEAK, limit=100).to_dict()
        assert after.side("supports").count == answer.side("supports").count - 1


def test_every_write_transaction_raises_the_generation(linked, tmp_path):
    from hearsay.store import generation
    from hearsay.store.links import LinkTables

    path = _copy(linked, tmp_path)
    with Store(path) as store:
        before = generation.current(store._conn)
        with store.transaction():
            pass
        with LinkTables(store).transaction():
            pass
        assert generation.current(store._conn) == before + 2
        state = evidence_answers.state(store)
        with store.transaction():
            pass
        assert evidence_answers.state(store) != state


def test_no_answers_file_for_an_in_memory_store():
    with Store(":memory:") as store:
        assert evidence_answers.answers_file(store) is None
        assert evidence(store, proposition=LEAK).verdict == "no evidence"


def test_a_database_made_anew_at_the_same_path_has_another_state(tmp_path):
    path = tmp_path / "again.db"
    with Store(path) as store:
        first = evidence_answers.state(store)
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"again.db{suffix}").unlink(missing_ok=True)
    with Store(path) as store:
        assert evidence_answers.state(store) != first  # same generation, another database
