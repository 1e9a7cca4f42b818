"""What a set of statements says as a whole: sources, independent sources, contradiction, first appearance.

Independence: each statement has an origin, and statements with one origin count once.

* a source resolved to a global entity is one origin wherever it is quoted (five outlets
  quoting one spokesperson are one source);
* a source known only by its words ("port officials") is one origin per group of
  near-duplicate documents, as is an anonymous one: a syndicated copy adds nothing.

A proposition is contradicted when one statement gives it positive polarity (asserted or
reported, not questioned) and another negative polarity or a denial.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from .names import name_key

HIDDEN = ("ingested_at",)


def statement_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A statement row as the contract shapes it (the row's keys, less the internal ones)."""
    return {k: v for k, v in row.items() if k not in HIDDEN}


def _group(row: dict[str, Any]) -> str:
    group: str = row.get("duplicate_of") or row["document_id"]
    return group


def origin(row: dict[str, Any]) -> str:
    if row.get("entity_id"):
        return f"e:{row['entity_id']}"
    text = row.get("source_text") or row.get("source")
    if text:
        return f"t:{_group(row)}:{name_key(text)}"
    return f"d:{_group(row)}"


def source_key(row: dict[str, Any]) -> str:
    if row.get("entity_id"):
        return f"e:{row['entity_id']}"
    text = row.get("source_text") or row.get("source")
    return f"t:{row['document_id']}:{name_key(text)}" if text else f"d:{row['document_id']}"


def independent_group(row: dict[str, Any]) -> str:
    return "g-" + hashlib.sha1(origin(row).encode()).hexdigest()[:10]


def is_positive(row: dict[str, Any]) -> bool:
    return bool(row["polarity"] == "pos" and row["stance"] in ("assert", "report"))


def is_negative(row: dict[str, Any]) -> bool:
    return bool(row["polarity"] == "neg" or row["stance"] == "deny")


def contradiction(rows: Iterable[dict[str, Any]]) -> bool:
    rows = list(rows)
    return any(map(is_positive, rows)) and any(map(is_negative, rows))


def time_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (
        row.get("published") is None,
        row.get("published") or "",
        row.get("ingested_at") or "",
        row["document_id"],
        row.get("content_start") or 0,
    )


def first_appearance(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not rows:
        return None
    first = min(rows, key=time_key)
    return {
        "document_id": first["document_id"],
        "statement_id": first["statement_id"],
        "published": first.get("published"),
        "outlet": first.get("outlet"),
        "title": first.get("title"),
    }


def summarise(cluster: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A ``cluster_list`` item from the cluster's row and its member statements."""
    return {
        "id": cluster["id"],
        "representative": cluster["representative"],
        "first_appearance": first_appearance(rows),
        "size": len(rows),
        "documents": len({r["document_id"] for r in rows}),
        "sources": len({source_key(r) for r in rows}),
        "independent_sources": len({origin(r) for r in rows}),
        "contradiction": contradiction(rows),
        "stances": _count(r["stance"] for r in rows),
    }


def _count(values: Iterable[str]) -> dict[str, int]:
    result: dict[str, int] = {}
    for value in values:
        result[value] = result.get(value, 0) + 1
    return result
