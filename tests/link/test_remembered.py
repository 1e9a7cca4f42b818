"""Answers remembered per open store: the same answer again, a fresh one once the database changes."""

from __future__ import annotations

import pytest

from hearsay.corrections import relate
from hearsay.link import evidence
from hearsay.store import Store

LEAK = "The tanker Marisol leaked fuel into Valmora harbour"


# The file's signature (size, mtime, -wal) and VACUUM INTO copies: SQLite's; a PostgreSQL store is never
# answered from memory (hearsay.link.remembered).
pytestmark = pytest.mark.sqlite_only


def _copy(linked, tmp_path):
    store, _ids = linked
    path = tmp_path / "copy.db"
    store._conn.execute("VACUUM INTO ?", (str(path),))
    return path


def test_evidence_is_remembered_until_another_connection_writes(linked, tmp_path):
    path = _copy(linked, tmp_path)
    with Store(path, read_only=True) as reader, Store(path) as writer:
        first = evidence(reader, proposition=LEAK)
        assert evidence(reader, proposition=LEAK) is first
        shorter = evidence(reader, proposition=LEAK, limit=1)  # the same answer, cut
        assert all(len(side.items) <= 1 for side in shorter.sides)
        assert [side.count for side in shorter.sides] == [side.count for side in first.sides]
        supporting = first.side("supports").items[0].statement
        relate(
            writer,
            supporting.document_id,
            supporting.statement_id,
            proposition=LEAK,
            relation="unrelated",
            who="ana",
        )
        after = evidence(reader, proposition=LEAK)
        assert after is not first
        keys = {(i.statement.document_id, i.statement.statement_id) for s in after.sides for i in s.items}
        assert (supporting.document_id, supporting.statement_id) not in keys
        assert after.side("supports").count == first.side("supports").count - 1


def test_evidence_of_any_limit_is_the_whole_answer_cut(linked, tmp_path):
    from hearsay.link.evidence_view import _evidence

    path = _copy(linked, tmp_path)
    with Store(path, read_only=True) as reader:
        for limit in (0, 1, 2, 100):
            computed = _evidence(reader, cluster_id=None, proposition=LEAK, limit=limit)
            assert evidence(reader, proposition=LEAK, limit=limit).to_dict() == computed.to_dict()


def test_evidence_remembered_equals_evidence_computed(linked, tmp_path):
    path = _copy(linked, tmp_path)
    with Store(path, read_only=True) as one, Store(path, read_only=True) as other:
        remembered = evidence(one, proposition=LEAK)
        assert evidence(one, proposition=LEAK) is remembered
        assert evidence(other, proposition=LEAK).to_dict() == remembered.to_dict()


def test_the_claim_list_is_remembered_until_the_store_changes(linked, tmp_path):
    from hearsay.link import cluster_list

    path = _copy(linked, tmp_path)
    with Store(path, read_only=True) as reader, Store(path) as writer:
        first = cluster_list(reader, limit=5)
        again = cluster_list(reader, limit=5)
        assert again == first and again[0] is first[0] and again is not first  # a new list each time
        assert cluster_list(reader, limit=4) == first[:4]
        writer._conn.execute("DELETE FROM link_clusters WHERE id = ?", (first[0].id,))
        writer._conn.commit()
        assert [c.id for c in cluster_list(reader, limit=5)][:4] == [c.id for c in first[1:5]]


def test_answers_are_shared_by_the_connections_of_one_file_and_dropped_when_another_process_writes(
    linked, tmp_path
):
    import subprocess
    import sys

    path = _copy(linked, tmp_path)
    with Store(path, read_only=True) as one, Store(path, read_only=True) as other:
        first = evidence(one, proposition=LEAK)
        assert evidence(other, proposition=LEAK) is first
        supporting = first.side("supports").items[0].statement
        script = (
            "import sys; from hearsay.store import Store; from hearsay.corrections import relate\n"
            "with Store(sys.argv[1]) as s:\n"
            "    document, statement, proposition = sys.argv[2:5]\n"
            "    relate(s, document, statement, proposition=proposition, relation='unrelated', who='bo')\n"
        )
        subprocess.run(
            [sys.executable, "-c", script, str(path), supporting.document_id, supporting.statement_id, LEAK],
            check=True,
        )
        after = evidence(other, proposition=LEAK)
        assert after.side("supports").count == first.side("supports").count - 1
