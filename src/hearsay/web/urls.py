"""Where each page lives: one function per kind of link, so templates never build paths."""

from __future__ import annotations

from urllib.parse import quote, urlencode

STORE_KEY_SEPARATOR = ":"


def document(document_id: str, anchor: str | None = None) -> str:
    return f"/documents/{quote(document_id, safe='')}" + (f"#{anchor}" if anchor else "")


def entity_key(name: str, type_: str) -> str:
    """The key of an entity merged by the store by name and type (before global linking)."""
    return f"{type_}{STORE_KEY_SEPARATOR}{name}"


def split_entity_key(key: str) -> tuple[str, str] | None:
    """(name, type) of a store entity key, or None if ``key`` is not one."""
    type_, sep, name = key.partition(STORE_KEY_SEPARATOR)
    if not sep or not name or not type_.isupper():
        return None
    return name, type_


def entity(key: str) -> str:
    return f"/entities/{quote(key, safe='')}"


def cluster(cluster_id: str) -> str:
    return f"/clusters/{quote(cluster_id, safe='')}"


def with_query(path: str, **params: object) -> str:
    """``path`` with the given non-empty parameters as its query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path
