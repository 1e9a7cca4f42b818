"""Remembered candidate lookups answer what the link tables answer, after every kind of write."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearsay.link.entity_lookups import EntityLookups
from hearsay.store import Store
from hearsay.store.links import LinkTables


def test_entity_lookups_answer_as_the_tables_do_after_new_names_and_keys(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        tables = LinkTables(store)
        lookups = EntityLookups(tables)
        asked = ("person", ["s:ivanova", "p:ivan"])

        def same() -> bool:
            return lookups.candidates(*asked) == tables.entity_candidates(*asked)

        with tables.transaction():
            assert lookups.candidates(*asked) == {}
            tables.create_entity("e-1", "Anna Ivanova", "PERSON", "person", True)
            lookups.add_names("e-1", [("Anna Ivanova", "anna ivanova")])
            lookups.add_keys("person", "e-1", ["s:ivanova", "p:ivan"])  # a new key row: answered anew
            assert same() and list(lookups.candidates(*asked)) == ["e-1"]
            lookups.add_names("e-1", [("A. Ivanova", "a ivanova")])  # a new name of a listed entity
            assert same() and len(lookups.candidates(*asked)["e-1"]) == 2
            lookups.add_names("e-1", [("Anna Ivanova", "anna ivanova")])  # counted again: same answer
            lookups.add_keys("person", "e-1", ["s:ivanova"])
            assert same()
            tables.create_entity("e-2", "Boris Ivanov", "PERSON", "person", True)
            lookups.add_names("e-2", [("Boris Ivanov", "boris ivanov")])
            lookups.add_keys("person", "e-2", ["s:ivanov", "p:ivan"])
            assert same() and sorted(lookups.candidates(*asked)) == ["e-1", "e-2"]
            tables.conn.execute("DELETE FROM link_entity_keys WHERE entity_id = 'e-2'")  # as a merge would
            lookups.forget()
            assert same() and list(lookups.candidates(*asked)) == ["e-1"]


def test_entity_lookups_count_known_names_in_memory_until_written(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        tables = LinkTables(store)
        lookups = EntityLookups(tables)
        with tables.transaction():
            lookups.create_entity("e-1", "Ivanova", "ORG", "organisation", False)
            assert lookups.naming("e-1") == ("Ivanova", "ORG", "organisation", False)
            lookups.add_names("e-1", [("Ivanova", "ivanova")])
            lookups.add_names("e-1", [("Ivanova", "ivanova")])
            lookups.add_names("e-1", [("Ivanova", "ivanova"), ("A. Ivanova", "a ivanova")])
            counts = {row["name"]: row["count"] for row in tables.names_of("e-1")}
            assert counts == {"Ivanova": 2, "A. Ivanova": 1}  # the second mention is not written yet
            lookups.write_counts()
            counts = {row["name"]: row["count"] for row in tables.names_of("e-1")}
            assert counts == {"Ivanova": 3, "A. Ivanova": 1}
            lookups.add_names("e-1", [("Ivanova", "ivanova")])
            lookups.forget()  # as after a rolled-back document: its counts are dropped
            lookups.write_counts()
            assert tables.names_of("e-1")[0]["count"] == 3
            lookups.rename_entity("e-1", "Anna Ivanova", "PERSON", True)
            assert lookups.naming("e-1") == ("Anna Ivanova", "PERSON", "organisation", True)


def test_entity_lookups_write_the_counts_of_a_pages_linked_documents_once(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        tables = LinkTables(store)
        lookups = EntityLookups(tables)

        def count() -> int:
            return int(tables.names_of("e-1")[0]["count"])

        with tables.transaction():
            lookups.create_entity("e-1", "Ivanova", "ORG", "organisation", False)
            lookups.add_names("e-1", [("Ivanova", "ivanova")])
            for _document in range(2):  # two documents linked
                with tables.savepoint():
                    lookups.add_names("e-1", [("Ivanova", "ivanova")])
                lookups.document_linked()
            assert count() == 1  # nothing written before the page's end
            with pytest.raises(RuntimeError), tables.savepoint():  # a third fails after a merge
                lookups.add_names("e-1", [("Ivanova", "ivanova")])
                lookups.write_counts()  # (as before a merge: the page's counts too)
                assert count() == 4
                raise RuntimeError("the document fails")
            lookups.document_failed()
            lookups.forget()
            assert count() == 1  # rolled back, the two linked documents' counts with it
            lookups.write_page_counts()
            assert count() == 3  # written again at the page's end, the failed document's not
