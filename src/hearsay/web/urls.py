"""Where each page lives: one function per kind of link, so templates never build paths."""

from __future__ import annotations

from urllib.parse import quote, urlencode

STORE_KEY_SEPARATOR = ":"


def document(document_id: str, anchor: str | None = None, **params: object) -> str:
    """A document page; ``params`` (``cluster=`` or ``proposition=``) read it against a claim."""
    path = with_query(f"/documents/{quote(document_id, safe='')}", **params)
    return path + (f"#{anchor}" if anchor else "")


def statement_anchor(statement_id: str) -> str:
    """The id of a statement's content in the article text (the target of links to its place)."""
    return f"s-{statement_id}"


def statement(document_id: str, statement_id: str, **params: object) -> str:
    """A statement's place in its article, optionally read against a claim (see ``document``)."""
    return document(document_id, statement_anchor(statement_id), **params)


def evidence(proposition: str | None = None, **params: object) -> str:
    """The evidence page of a free-text proposition."""
    return with_query("/evidence", q=proposition, **params)


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


def story(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def cluster(cluster_id: str) -> str:
    return f"/clusters/{quote(cluster_id, safe='')}"


def with_query(path: str, **params: object) -> str:
    """``path`` with the given non-empty parameters as its query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path
