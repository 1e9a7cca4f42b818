"""SQLiteStore against real database files: round trips, idempotence, queries, errors."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

import hearsay
from hearsay.errors import StoreError
from hearsay.model import Reading
from hearsay.store import NotStored, SQLiteStore, Store, open_store

from .conftest import all_readings, drones_reading, put_all, russian_reading, turkey_reading

STATEMENT_KEYS = {
    "document_id",
    "title",
    "outlet",
    "published",
    "statement_id",
    "source",
    "source_entity",
    "source_text",
    "source_start",
    "source_end",
    "cue",
    "cue_lemma",
    "cue_start",
    "cue_end",
    "content",
    "content_start",
    "content_end",
    "kind",
    "addressee",
    "certainty",
    "polarity",
    "stance",
    "target_text",
    "target_start",
    "target_end",
    "target_statement",
    "medium",
}


def table_counts(location: Path | str) -> dict[str, int]:
    tables = (
        "documents",
        "readings",
        "entities",
        "mentions",
        "statements",
        "times",
        "documents_fts",
        "statements_fts",
    )
    with SQLiteStore(location) as store:  # a SQLite file or a PostgreSQL database
        return {t: store._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_store_public_names() -> None:
    assert Store is SQLiteStore
    assert hearsay.Store is SQLiteStore


@pytest.mark.parametrize("make", [drones_reading, turkey_reading, russian_reading])
def test_sqlite_round_trip_is_exact(store: SQLiteStore, make) -> None:
    original = make()
    assert store.put(original.document, original) is True
    stored = store.reading(original.document_id)
    assert stored.to_dict() == original.to_dict()
    assert stored == original
    assert stored.document == original.document
    assert store.document(original.document_id) == original.document


def test_sqlite_round_trip_survives_reopening(db_path: Path) -> None:
    original = drones_reading()
    with open_store(db_path) as store:
        store.put(original.document, original)
    with open_store(db_path, read_only=True) as store:
        assert store.reading(original.document_id).to_dict() == original.to_dict()


def test_sqlite_put_twice_is_a_no_op(db_path: Path, store: SQLiteStore) -> None:
    reading = drones_reading()
    assert store.put(reading.document, reading) is True
    before = table_counts(db_path)
    assert store.put(reading.document, reading) is False
    assert table_counts(db_path) == before
    with open_store(db_path) as again:
        assert again.put(reading.document, reading) is False
    assert table_counts(db_path) == before
    assert before["documents"] == before["readings"] == before["documents_fts"] == 1
    assert before["statements"] == before["statements_fts"] == 3


def test_sqlite_failed_put_rolls_back_and_names_the_document(db_path: Path, store: SQLiteStore) -> None:
    good = drones_reading()
    # Two statements with one id break the statements primary key half-way through the put.
    bad = dataclasses.replace(good, statements=good.statements + good.statements[:1])
    before = table_counts(db_path)
    with pytest.raises(StoreError, match=good.document_id) as caught:
        store.put(bad.document, bad)
    assert "\n" not in str(caught.value)
    assert table_counts(db_path) == before
    assert not store.has(good.document_id)
    assert store.put(good.document, good) is True  # the connection is usable afterwards


def test_sqlite_put_refuses_a_reading_of_another_document(store: SQLiteStore) -> None:
    drones, turkey = drones_reading(), turkey_reading()
    with pytest.raises(StoreError, match=drones.document_id):
        store.put(drones.document, turkey)
    assert store.counts()["documents"] == 0


def test_sqlite_has_and_documents_in_ingest_order(filled: SQLiteStore) -> None:
    readings = all_readings()
    assert all(filled.has(r.document_id) for r in readings)
    assert not filled.has("0" * 64)
    assert [d.id for d in filled.documents()] == [r.document_id for r in readings]
    assert [d.id for d in filled.documents(limit=1, offset=1)] == [readings[1].document_id]


def test_sqlite_documents_by_id_in_one_go(filled: SQLiteStore) -> None:
    readings = all_readings()
    ids = [readings[2].document_id, readings[0].document_id, readings[2].document_id, "f" * 64]
    found = filled.documents_by_id(ids)
    assert set(found) == {readings[0].document_id, readings[2].document_id}
    for document_id, document in found.items():
        assert document == filled.document(document_id)
    assert filled.documents_by_id([]) == {}


def test_sqlite_iter_readings_pages_through_everything(filled: SQLiteStore) -> None:
    expected = [r.to_dict() for r in all_readings()]
    assert [r.to_dict() for r in filled.iter_readings(page_size=1)] == expected
    assert [r.to_dict() for r in filled.iter_readings(page_size=2)] == expected
    assert [r.to_dict() for r in filled.iter_readings()] == expected


def test_sqlite_document_by_unique_prefix(filled: SQLiteStore) -> None:
    reading = drones_reading()
    assert filled.document(reading.document_id[:10]).id == reading.document_id
    assert filled.document(reading.document_id[:10].upper()).id == reading.document_id
    assert filled.reading(reading.document_id[:10]).document_id == reading.document_id


@pytest.mark.parametrize("wanted", ["f" * 64, "nothing-like-this", ""])
def test_sqlite_document_unknown_id_is_not_stored(filled: SQLiteStore, wanted: str) -> None:
    with pytest.raises(NotStored) as caught:
        filled.document(wanted)
    assert isinstance(caught.value, StoreError) and isinstance(caught.value, LookupError)
    assert repr(wanted) in str(caught.value)


def test_sqlite_document_ambiguous_prefix(db_path: Path, store: SQLiteStore) -> None:
    base = drones_reading()
    twins = []
    for suffix in ("a", "b"):
        document = dataclasses.replace(base.document, id="abc" + suffix * 61)
        twins.append(dataclasses.replace(base, document_id=document.id, document=document))
    put_all(store, twins)
    with pytest.raises(NotStored, match="matches several documents"):
        store.document("abc")
    assert store.document("abca").id == twins[0].document_id


# --- statements -------------------------------------------------------------------------


def ids(rows: list[dict]) -> set[tuple[str, str]]:
    """(document title, statement id) of each row."""
    return {(row["title"] or "", row["statement_id"]) for row in rows}


DRONES_TITLE = "Kazakhstan denies drone deal"
TURKEY_TITLE = "Drones came from Turkey, officials say"


def test_sqlite_statements_rows_have_every_field(filled: SQLiteStore) -> None:
    rows = filled.statements()
    assert len(rows) == 6
    assert all(set(row) == STATEMENT_KEYS for row in rows)
    first = next(r for r in rows if r["title"] == DRONES_TITLE and r["statement_id"] == "s1")
    assert first["source"] == "Aybek Smadiyarov"
    assert first["cue"] == "told" and first["cue_lemma"] == "tell"
    assert first["content"] == "Kazakhstan had not bought any drones"
    assert first["addressee"] == "DW"
    assert (first["certainty"], first["polarity"], first["stance"]) == ("certain", "neg", "deny")
    text = drones_reading().document.text
    assert text[first["content_start"] : first["content_end"]] == first["content"]
    assert text[first["source_start"] : first["source_end"]] == "Aybek Smadiyarov"


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        # the entity's name, one of its aliases, in any case
        ("Aybek Smadiyarov", {(DRONES_TITLE, "s1"), (DRONES_TITLE, "s2"), (TURKEY_TITLE, "s2")}),
        ("smadiyarov", {(DRONES_TITLE, "s1"), (DRONES_TITLE, "s2"), (TURKEY_TITLE, "s2")}),
        ("Mr Smadiyarov", {(TURKEY_TITLE, "s2")}),
        # an anonymous source's own words
        ("OFFICIALS", {(DRONES_TITLE, "s3"), (TURKEY_TITLE, "s1")}),
        # case folding beyond ASCII
        ("СМАДИЯРОВ", {("", "s1")}),
        ("nobody", set()),
    ],
)
def test_sqlite_statements_by_source(filled: SQLiteStore, wanted: str, expected: set) -> None:
    assert ids(filled.statements(source=wanted)) == expected


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        # a mention inside the content whose entity has this alias; the content's words differ
        ("Republic of Kazakhstan", {(DRONES_TITLE, "s1")}),
        # a mention of an entity by name
        ("turkey", {(TURKEY_TITLE, "s1")}),
        # the content's own words
        ("rumours", {(DRONES_TITLE, "s2")}),
        ("drones", {(DRONES_TITLE, "s1"), (TURKEY_TITLE, "s1")}),
        # mentioned in the document, but outside every content span
        ("DW", set()),
    ],
)
def test_sqlite_statements_about(filled: SQLiteStore, wanted: str, expected: set) -> None:
    assert ids(filled.statements(about=wanted)) == expected


@pytest.mark.parametrize(
    ("stance", "expected"),
    [
        ("deny", {(DRONES_TITLE, "s1"), (TURKEY_TITLE, "s2")}),
        ("refuse_to_comment", {(DRONES_TITLE, "s2")}),
        ("question", set()),
        ("den", set()),
    ],
)
def test_sqlite_statements_by_stance(filled: SQLiteStore, stance: str, expected: set) -> None:
    assert ids(filled.statements(stance=stance)) == expected


def test_sqlite_statements_filters_combine(filled: SQLiteStore) -> None:
    turkey = turkey_reading().document_id
    assert ids(filled.statements(source="smadiyarov", stance="deny")) == {
        (DRONES_TITLE, "s1"),
        (TURKEY_TITLE, "s2"),
    }
    assert ids(filled.statements(source="smadiyarov", document_id=turkey[:8])) == {(TURKEY_TITLE, "s2")}
    assert ids(filled.statements(source="smadiyarov", about="drones")) == {(DRONES_TITLE, "s1")}
    assert len(filled.statements(limit=2)) == 2


def test_sqlite_statements_values_are_parameters(filled: SQLiteStore) -> None:
    for hostile in ("' OR 1=1 --", "%", "_", '"; DROP TABLE statements; --'):
        assert filled.statements(source=hostile) == []
        assert filled.statements(about=hostile) == []
    assert filled.counts()["statements"] == 6


# --- entities ---------------------------------------------------------------------------


def test_sqlite_entities_merge_across_documents(filled: SQLiteStore) -> None:
    rows = filled.entities()
    assert set(rows[0]) == {"name", "type", "aliases", "roles", "documents", "mentions", "statements"}
    assert rows[0] == {
        "name": "Aybek Smadiyarov",
        "type": "PERSON",
        "aliases": ["Mr Smadiyarov", "Smadiyarov"],
        "roles": ["Foreign Ministry spokesperson"],
        "documents": 2,
        "mentions": 3,
        "statements": 3,
    }
    mentions = [row["mentions"] for row in rows]
    assert mentions == sorted(mentions, reverse=True)
    assert {(r["name"], r["type"]) for r in rows} == {
        ("Aybek Smadiyarov", "PERSON"),
        ("Kazakhstan", "GPE"),
        ("DW", "OUTLET"),
        ("Turkey", "GPE"),
        ("Айбек Смадияров", "PERSON"),
    }


def test_sqlite_entities_by_type(filled: SQLiteStore) -> None:
    assert {r["name"] for r in filled.entities(type="GPE")} == {"Kazakhstan", "Turkey"}
    assert filled.entities(type="EVENT") == []


# --- search and counts ------------------------------------------------------------------


def test_sqlite_search_finds_a_statement_by_a_content_word(filled: SQLiteStore) -> None:
    found = filled.search("rumours")
    assert [(h["title"], h["statement_id"]) for h in found["statements"]] == [(DRONES_TITLE, "s2")]
    assert "[rumours]" in found["statements"][0]["snippet"]
    assert [h["title"] for h in found["documents"]] == [DRONES_TITLE]


def test_sqlite_search_stems_and_ranks_documents(filled: SQLiteStore) -> None:
    found = filled.search("drone", limit=5)
    assert {h["title"] for h in found["documents"]} == {DRONES_TITLE, TURKEY_TITLE}
    marked = filled.search("Smadiyarov denied", marks=("<b>", "</b>"))["documents"][0]["snippet"]
    assert marked.count("<b>") == 2


@pytest.mark.parametrize(
    "hostile", ['"foo OR (', "NEAR(", "*", "title:", '""', "'", "AND", "OR NOT", "", "   ", "a:b)^*"]
)
def test_sqlite_search_hostile_queries_do_not_raise(filled: SQLiteStore, hostile: str) -> None:
    found = filled.search(hostile)
    assert set(found) == {"query", "documents", "statements"}


def test_sqlite_search_treats_operators_as_words(filled: SQLiteStore) -> None:
    # "not" is an FTS5 operator unquoted; quoted it is the word in "had not bought".
    found = filled.search("had NOT bought")
    assert [h["statement_id"] for h in found["statements"]] == ["s1"]


def test_sqlite_counts(filled: SQLiteStore) -> None:
    assert filled.counts() == {"documents": 3, "statements": 6, "entities": 6, "mentions": 7, "times": 3}


# --- opening ----------------------------------------------------------------------------


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("content", [b"this is a text file, not a database\n" * 40, b"\x00\xff" * 3000])
def test_sqlite_non_database_file_is_a_store_error(tmp_path: Path, read_only: bool, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        SQLiteStore(path, read_only=read_only)
    message = str(caught.value)
    assert str(path) in message and "not a SQLite database" in message
    assert "\n" not in message
    assert path.read_bytes() == content


def test_sqlite_missing_directory_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "hearsay.db"
    with pytest.raises(StoreError, match="cannot open"):
        SQLiteStore(path)


def test_sqlite_read_only_refuses_writes(db_path: Path) -> None:
    reading = drones_reading()
    with SQLiteStore(db_path):
        pass
    with SQLiteStore(db_path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.put(reading.document, reading)
        # The connection itself is read-only, not only the method.
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
            store._conn.execute("DELETE FROM documents")
        assert store.counts()["documents"] == 0


def test_sqlite_read_only_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(StoreError, match="absent.db"):
        SQLiteStore(path, read_only=True)
    assert not path.exists()


@pytest.mark.sqlite_only
def test_sqlite_pragmas(store: SQLiteStore) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_sqlite_readers_see_writes_of_another_connection(db_path: Path, store: SQLiteStore) -> None:
    reader = SQLiteStore(db_path, read_only=True)
    try:
        reading = turkey_reading()
        store.put(reading.document, reading)
        assert reader.has(reading.document_id)
    finally:
        reader.close()


def test_sqlite_empty_reading_round_trips(store: SQLiteStore) -> None:
    full = turkey_reading()
    empty = Reading(full.document_id, document=full.document)
    assert store.put(empty.document, empty) is True
    assert store.reading(empty.document_id).to_dict() == empty.to_dict()
