"""The same corpus linked into SQLite and into PostgreSQL gives the same answers (issue 17).

Every ``ORDER BY ... LIMIT`` whose ties had no fixed order breaks them by an id, so the two
backends agree on the linking itself (which candidates are compared) and on every page: the
cluster and story lists, entity pages, statements lists and the evidence view.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from hearsay.link import (
    cluster_detail,
    cluster_list,
    cluster_members,
    entity_detail,
    entity_list,
    evidence,
    link_corpus,
    story_list,
)
from hearsay.link.pages import entity_documents, entity_statements
from hearsay.store import Store

from . import corpus


def views(store: Any, *, details: int = 40, propositions: int = 6) -> dict[str, Any]:
    """What a reader sees of a linked store, as JSON-ready values (no times of linking)."""
    clusters = cluster_list(store, limit=500)
    entities = entity_list(store, limit=500)
    seen: dict[str, Any] = {
        "clusters": [c.to_dict() for c in clusters],
        "stories": [s.to_dict() for s in story_list(store, limit=500)],
        "entities": entities,
        "statements": store.statements(limit=-1),
        "statements by source": store.statements(source="said", limit=20),
        "statements denying": store.statements(stance="deny", limit=20),
    }
    for entity in entities[:details]:
        seen[f"entity {entity['id']}"] = entity_detail(store, entity["id"])
        for direction in ("said", "said_about"):
            seen[f"entity {entity['id']} {direction}"] = entity_statements(
                store, entity["id"], direction, limit=10, offset=0
            )
        seen[f"entity {entity['id']} documents"] = entity_documents(store, entity["id"], limit=10, offset=0)
    for cluster in clusters[:details]:
        detail = cluster_detail(store, cluster.id)
        seen[f"cluster {cluster.id}"] = detail.to_dict() if detail else None
        seen[f"cluster {cluster.id} members"] = [m.to_dict() for m in cluster_members(store, cluster.id)]
    for cluster in clusters[:propositions]:
        seen[f"evidence {cluster.id}"] = evidence(store, cluster_id=cluster.id).to_dict()
    return json.loads(json.dumps(seen, default=str))


def differences(one: dict[str, Any], other: dict[str, Any]) -> list[str]:
    return [key for key in sorted(set(one) | set(other)) if one.get(key) != other.get(key)]


@pytest.fixture(scope="module")
def readings() -> list[Any]:
    """The linking corpus and the sample article, read once for both backends."""
    from hearsay.extract.pipeline import extract
    from hearsay.ingest import read_path
    from hearsay.sample import MAIN_ARTICLE, sample_dir

    documents = [*read_path(corpus.ARTICLES), *read_path(sample_dir() / MAIN_ARTICLE)]
    return [(document, extract(document)) for document in documents]


def test_backends_agree_on_every_linked_view(readings, postgres_server, tmp_path) -> None:
    seen = []
    for place in (str(tmp_path / "hearsay.db"), postgres_server.database()):
        with Store(place) as store:
            for document, reading in readings:
                store.put(document, reading)
            result = link_corpus(store)
            assert result["failures"] == []
            seen.append(views(store))
    sqlite, postgresql = seen
    assert len(sqlite["clusters"]) > 10 and len(sqlite["entities"]) > 10
    assert differences(sqlite, postgresql) == []
