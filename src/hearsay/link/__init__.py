"""Cross-document linking: entities, claim clusters, provenance, corroboration, evidence, timelines.

    from hearsay.link import link_corpus, evidence
    with Store("hearsay.db") as store:
        link_corpus(store)                       # incremental: only documents not linked yet
        evidence(store, proposition="Kazakhstan supplied drone components")

The query functions (``queries.py``) return the typed records of ``hearsay.model`` (clusters,
stories, provenance, timelines; ``to_dict()`` gives JSON) or plain dicts (entities) and work on a
store opened read-only; docs/linking.md describes them and how linking decides.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .decisions import merge, split
    from .queries import (
        cluster_detail,
        cluster_for_statement,
        cluster_list,
        cluster_members,
        clusters_across_languages,
        entity_detail,
        entity_for_mention,
        entity_list,
        evidence,
        find_entity_id,
        link_corpus,
        provenance,
        story_detail,
        story_list,
        timeline,
    )

__all__ = [
    "cluster_detail",
    "cluster_for_statement",
    "cluster_list",
    "cluster_members",
    "clusters_across_languages",
    "entity_detail",
    "entity_for_mention",
    "entity_list",
    "evidence",
    "find_entity_id",
    "link_corpus",
    "merge",
    "provenance",
    "split",
    "story_detail",
    "story_list",
    "timeline",
]

# The module each name comes from, imported when the name is first asked for: linking one document
# (``hearsay ingest``) imports ``linker`` and what it needs, not the read API's modules (evidence,
# timelines) that ``queries`` imports.
_HOME = {name: "decisions" if name in ("merge", "split") else "queries" for name in __all__}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:  # (``from hearsay.link import linker`` then imports the submodule)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
