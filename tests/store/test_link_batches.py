"""Link-table writes that say what they added, on both backends."""

from __future__ import annotations

from hearsay.store.link_batches import add_names_counting_new
from hearsay.store.links import LinkTables
from hearsay.store.sqlite import SQLiteStore


def names(tables: LinkTables, entity_id: str) -> list[tuple[str, str, int]]:
    return [(row["name"], row["key"], row["count"]) for row in tables.names_of(entity_id)]


def test_add_names_counting_new_counts_like_add_names_and_says_which_were_new(store: SQLiteStore) -> None:
    tables = LinkTables(store)
    with tables.transaction():
        tables.create_entity("e-1", "Anna Ivanova", "PERSON", "person", True)
        tables.create_entity("e-2", "Anna Ivanova", "PERSON", "person", True)
        first = add_names_counting_new(tables.conn, "e-1", [("Anna Ivanova", "anna ivanova")])
        again = add_names_counting_new(
            tables.conn, "e-1", [("Anna Ivanova", "anna ivanova"), ("Ivanova", "ivanova")]
        )
        tables.add_names("e-2", [("Anna Ivanova", "anna ivanova")])
        tables.add_names("e-2", [("Anna Ivanova", "anna ivanova"), ("Ivanova", "ivanova")])
    assert (first, again) == (1, 1)
    assert (
        names(tables, "e-1")
        == names(tables, "e-2")
        == [
            ("Anna Ivanova", "anna ivanova", 2),
            ("Ivanova", "ivanova", 1),
        ]
    )


def test_add_names_counting_new_counts_a_name_given_twice_twice(store: SQLiteStore) -> None:
    tables = LinkTables(store)
    twice = [("Ivanova", "ivanova"), ("Ivanova", "ivanova")]
    with tables.transaction():
        tables.create_entity("e-1", "Anna Ivanova", "PERSON", "person", True)
        tables.create_entity("e-2", "Anna Ivanova", "PERSON", "person", True)
        new = add_names_counting_new(tables.conn, "e-1", twice)
        tables.add_names("e-2", twice)
    assert new == 1 and names(tables, "e-1") == names(tables, "e-2") == [("Ivanova", "ivanova", 2)]
