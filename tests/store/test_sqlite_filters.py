"""The statement filters and counts the HTTP API pages with: certainty, outlet, dates, words, offset."""

from __future__ import annotations

import pytest

from hearsay.store import SQLiteStore


def _ids(rows: list[dict]) -> list[tuple[str, str]]:
    return [(r["title"] or "", r["statement_id"]) for r in rows]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"certainty": "possible"}, 1),
        ({"outlet": "example news"}, 3),
        ({"outlet": "Other Wire"}, 2),
        ({"published_from": "2025-06-01", "published_to": "2025-06-30"}, 3),
        ({"published_from": "2025-07-01"}, 0),
        ({"text": "rumours"}, 1),
        ({"text": "drones", "stance": "report"}, 1),
        ({}, 6),
    ],
)
def test_sqlite_filters_count_matches_statements(filled: SQLiteStore, filters: dict, expected: int) -> None:
    rows = filled.statements(**filters)
    assert len(rows) == expected
    assert filled.count_statements(**filters) == expected


def test_sqlite_filters_offset_pages_without_overlap(filled: SQLiteStore) -> None:
    every = _ids(filled.statements())
    pages = [_ids(filled.statements(limit=2, offset=o)) for o in (0, 2, 4)]
    assert [row for page in pages for row in page] == every


def test_sqlite_filters_unknown_filter_is_refused(filled: SQLiteStore) -> None:
    with pytest.raises(TypeError, match="colour"):
        filled.statements(colour="red")


def test_sqlite_filters_hostile_words_do_not_raise(filled: SQLiteStore) -> None:
    assert filled.statements(text='"foo OR (') == []
    assert filled.count_matches("NEAR(") == {"documents": 0, "statements": 0}


def test_sqlite_filters_search_offset_and_totals(filled: SQLiteStore) -> None:
    first = filled.search("drone", limit=1)["documents"]
    second = filled.search("drone", limit=1, offset=1)["documents"]
    assert len(first) == len(second) == 1 and first != second
    assert filled.count_matches("drone")["documents"] == 2
    both = filled.count_matches("drone")
    assert both["statements"] > 0
    assert filled.count_matches("drone", kinds=("documents",)) == {"documents": 2, "statements": 0}


def test_sqlite_filters_entity_documents_with_roles(filled: SQLiteStore) -> None:
    found = filled.entity_documents("Aybek Smadiyarov", "PERSON")
    # Dated documents first, then the undated one.
    titles = [d["title"] for d in found]
    assert titles == ["Kazakhstan denies drone deal", "Drones came from Turkey, officials say"]
    assert found[0]["roles"] and found[0]["mentions"] >= 1
    assert filled.entity_documents("Nobody", "PERSON") == []


@pytest.mark.parametrize(
    "filters",
    [{"text": "said"}, {"text": "drones"}, {"text": "the"}, {"text": "drones", "stance": "report"}, {}],
)
def test_sqlite_filters_common_word_walk_lists_the_same_statements(
    filled: SQLiteStore, filters: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word in thousands of statements is filtered walking the statements in order; the
    statements, their order and every page are those the rare-word plan gives."""
    from hearsay.store import queries

    rare = [_ids(filled.statements(limit=2, offset=o, **filters)) for o in (0, 2, 4)]
    monkeypatch.setattr(queries, "COMMON_MATCHES", 1)
    common = [_ids(filled.statements(limit=2, offset=o, **filters)) for o in (0, 2, 4)]
    assert common == rare
    assert filled.count_statements(**filters) == len(filled.statements(**filters))


def test_sqlite_filters_search_ranks_only_the_kinds_asked(filled: SQLiteStore) -> None:
    both = filled.search("drones")
    documents = filled.search("drones", kinds=("documents",))
    assert both["statements"] and documents["statements"] == []
    assert documents["documents"] == both["documents"]
