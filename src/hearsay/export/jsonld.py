"""``claims.jsonld``: every claim cluster as a schema.org ``Claim`` in one JSON-LD graph.

Each Claim has the cluster's representative wording as ``text``, its ``firstAppearance`` and
every ``appearance`` as a ``Quotation`` (the statement's words, its author, and the
``NewsArticle`` it is part of, with outlet and date). hearsay's own fields (stance, certainty,
polarity, offsets, the claim a verdict points at, independent sources, contradiction, and
``hearsay:corrected`` on an appearance an analyst corrected) sit under the ``hearsay:`` prefix.
Clusters are written page by page, so memory holds one page whatever the store's size.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..corrections.marks import Marks, every_mark
from ..link.queries import cluster_list, cluster_members
from .files import replaced

FILE_NAME = "claims.jsonld"
PAGE = 200
CONTEXT = ["https://schema.org", {"hearsay": "urn:hearsay:vocabulary#"}]


def _article(statement: dict) -> dict:
    article = {
        "@type": "NewsArticle",
        "@id": f"urn:hearsay:document:{statement['document_id']}",
        "headline": statement.get("title"),
    }
    if statement.get("published"):
        article["datePublished"] = statement["published"]
    if statement.get("outlet"):
        article["publisher"] = {"@type": "Organization", "name": statement["outlet"]}
    return article


def _appearance(statement: dict, marks: Marks | None = None) -> dict:
    result = {
        "@type": "Quotation",
        "@id": f"urn:hearsay:statement:{statement['document_id']}:{statement['statement_id']}",
        "text": statement["content"],
        "isPartOf": _article(statement),
        "hearsay:cue": statement["cue"],
        "hearsay:stance": statement["stance"],
        "hearsay:certainty": statement["certainty"],
        "hearsay:polarity": statement["polarity"],
        "hearsay:contentStart": statement["content_start"],
        "hearsay:contentEnd": statement["content_end"],
    }
    if statement.get("medium"):
        result["hearsay:medium"] = statement["medium"]  # the channel: "a statement", "X", "a briefing"
    if statement.get("target_text"):
        result["hearsay:target"] = statement["target_text"]  # "the report was false": the report's words
    corrected = (marks or {}).get((statement["document_id"], statement["statement_id"]))
    if corrected:
        result["hearsay:corrected"] = corrected  # the fields an analyst decided (hearsay correct)
    if statement.get("source"):
        result["author"] = {"@type": "Thing", "name": statement["source"]}
        if statement.get("entity_id"):
            result["author"]["@id"] = f"urn:hearsay:entity:{statement['entity_id']}"
    return result


def claim(detail: dict, marks: Marks | None = None) -> dict:
    """One cluster (its ``Proposition.to_dict()`` with ``members``) as a schema.org Claim;
    ``marks`` (corrections.marks) says which appearances analysts corrected."""
    marks = marks or {}
    members = detail["members"]
    first = detail["first_appearance"] or {}
    firsts = [
        m
        for m in members
        if (m["document_id"], m["statement_id"]) == (first.get("document_id"), first.get("statement_id"))
    ]
    result = {
        "@type": "Claim",
        "@id": f"urn:hearsay:cluster:{detail['id']}",
        "identifier": detail["id"],
        "name": detail["title"],
        "text": detail["representative"],
        "appearance": [_appearance(m, marks) for m in members],
        "hearsay:sources": detail["sources"],
        "hearsay:independentSources": detail["independent_sources"],
        "hearsay:contradiction": detail["contradiction"],
    }
    if firsts:
        result["firstAppearance"] = _appearance(firsts[0], marks)
        if firsts[0].get("published"):
            result["datePublished"] = firsts[0]["published"]
    return result


def export_jsonld(store, out_dir: Path) -> list[Path]:
    path = out_dir / FILE_NAME
    marks = every_mark(store)
    with replaced([path]) as (out,):
        out.write('{"@context": ' + json.dumps(CONTEXT) + ', "@graph": [')
        written, offset = 0, 0
        while True:
            page = cluster_list(store, limit=PAGE, offset=offset)
            for item in page:
                members = [m.to_dict() for m in cluster_members(store, item.id)]
                detail = {**item.to_dict(), "members": members}
                out.write(",\n" if written else "\n")
                out.write(json.dumps(claim(detail, marks), ensure_ascii=False))
                written += 1
            if len(page) < PAGE:
                break
            offset += PAGE
        out.write("\n]}\n")
    return [path]
