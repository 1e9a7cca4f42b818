"""Cross-document linking: entities, claim clusters, provenance, corroboration, evidence, timelines.

    from hearsay.link import link_corpus, evidence
    with Store("hearsay.db") as store:
        link_corpus(store)                       # incremental: only documents not linked yet
        evidence(store, proposition="Kazakhstan supplied drone components")

The query functions (``queries.py``) return plain JSON-able dicts and lists and work on a store
opened read-only; docs/linking.md describes them and how linking decides.
"""

from __future__ import annotations

from .decisions import merge, split
from .queries import (
    cluster_detail,
    cluster_for_statement,
    cluster_list,
    entity_detail,
    entity_for_mention,
    entity_list,
    evidence,
    find_entity_id,
    link_corpus,
    provenance,
    timeline,
)

__all__ = [
    "cluster_detail",
    "cluster_for_statement",
    "cluster_list",
    "entity_detail",
    "entity_for_mention",
    "entity_list",
    "evidence",
    "find_entity_id",
    "link_corpus",
    "merge",
    "provenance",
    "split",
    "timeline",
]
