"""A page's entity counts (``store/entity_counts.py``) and the other writes the linker keeps for the
end of a document or page: a document that fails in the middle of a page leaves the link tables as
they would be without it."""

from __future__ import annotations

import dataclasses
import shutil

from hearsay.link import link_corpus
from hearsay.model import Document, Source
from hearsay.store import Store
from hearsay.store.entity_counts import EntityCounts

from . import corpus
from .test_prepared_pages import link_tables


def test_a_document_failing_mid_page_leaves_the_tables_as_without_it(tmp_path) -> None:
    alone = tmp_path / "alone.db"
    with Store(alone) as store:
        corpus.ingest(store)
    shutil.copy(alone, tmp_path / "with_broken.db")
    with Store(alone) as store:
        link_corpus(store, page_size=4, prepare_aside=False)
        linked = link_tables(store)
    with Store(tmp_path / "with_broken.db") as store:
        ids = [row[0] for row in store._conn.execute("SELECT id FROM documents ORDER BY ingested_at, id")]
        middle = store._conn.execute("SELECT ingested_at FROM documents WHERE id = ?", (ids[5],)).fetchone()[
            0
        ]
        # A copy of a document's reading naming the same entities, with a source span that has a
        # start and no end: it is resolved and clustered before it fails.
        reading = store.reading(ids[5])
        statement = next(s for s in reading.statements if s.source.text)
        broken = dataclasses.replace(statement, source=Source(None, statement.source.text, 0, None))
        text = store.document(ids[5]).text + " "
        document = Document(id="f" * 64, text=text)
        store.put(
            document,
            dataclasses.replace(
                reading,
                document_id=document.id,
                statements=tuple(broken if s is statement else s for s in reading.statements),
            ),
        )
        store._conn.execute("UPDATE documents SET ingested_at = ? WHERE id = ?", (middle, document.id))
        result = link_corpus(store, page_size=4, prepare_aside=False)
        assert len(result["failures"]) == 1 and document.id in result["failures"][0]
        assert link_tables(store) == linked


def test_entity_counts_of_a_failed_document_are_dropped_and_the_pages_kept() -> None:
    counts = EntityCounts()
    counts.add_document({"e-1": 2, "e-2": 1})
    counts.document_linked()
    counts.add_document({"e-1": 3})
    assert counts.mentions("e-1") == 5
    assert counts.take(in_document=True) == [(2, 5, "e-1"), (1, 1, "e-2")]  # written before a recount
    assert not counts.kept()
    counts.document_failed()  # rolled back: the first document's are the page's to write again
    assert counts.take(in_document=False) == [(1, 2, "e-1"), (1, 1, "e-2")]
    counts.add_document({"e-2": 4})
    counts.document_linked()
    counts.document_failed()  # (a later failure restores nothing written before)
    assert counts.take(in_document=False) == [(1, 4, "e-2")]
