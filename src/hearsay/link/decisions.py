"""The user's own entity decisions: merge two entities, split names out of one.

Decisions are kept in ``link_decisions`` by the matching keys of the names involved, not by
entity ids, so they still apply after ``hearsay link --rebuild`` recomputes every entity:
merges are replayed at the end of the rebuild, and a split forbids the resolver to join the
split-off names with the entity they left (in both directions), in every later run.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..store.links import LinkTables
from .entities import entity_id_for, names_from
from .names import blocking_keys, name_key

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore


def _require(tables: LinkTables, id_or_name: str) -> str:
    from .queries import find_entity_id

    entity_id = find_entity_id(tables.store, id_or_name)
    if entity_id is None:
        raise ConfigError(
            f"no linked entity is called {id_or_name!r}; see `hearsay entities` or run `hearsay link`"
        )
    return entity_id


def _row(tables: LinkTables, entity_id: str) -> sqlite3.Row:
    row = tables.entity_row(entity_id)
    if row is None:
        raise ConfigError(f"no linked entity has the id {entity_id!r}; see `hearsay entities`")
    return row


def refresh_names(tables: LinkTables, entity_id: str) -> None:
    """Recompute an entity's names, blocking keys and counts from its members."""
    row = _row(tables, entity_id)
    counts: dict[str, int] = {}
    for member in tables.member_names(entity_id):
        for name in names_from(member["name"], json.loads(member["aliases"])):
            counts[name] = counts.get(name, 0) + 1
    names = [(name, name_key(name), count) for name, count in counts.items() if name_key(name)]
    keys = sorted({key for name, _k, _c in names for key in blocking_keys(name, row["class"])})
    tables.replace_names_and_keys(entity_id, row["class"], names, keys)
    tables.recount_entities([entity_id])
    tables.delete_entity_if_empty(entity_id)


def merge(store: SQLiteStore, first: str, second: str, who: str = "") -> dict[str, Any]:
    """Make ``second`` part of ``first`` (ids or names), decided by ``who``; returns the merged
    entity's id and name."""
    tables = LinkTables(store)
    with tables.transaction():
        target, source = _require(tables, first), _require(tables, second)
        if target == source:
            raise ConfigError(f"{first!r} and {second!r} are already one entity ({target})")
        target_row, source_row = _row(tables, target), _row(tables, source)
        _merge_ids(tables, target, source)
        tables.add_decision(
            "merge", target_row["class"], name_key(target_row["name"]), name_key(source_row["name"]), who
        )
    return {"id": target, "name": target_row["name"], "merged": source}


def _merge_ids(tables: LinkTables, target: str, source: str) -> None:
    tables.move_members(source, target)
    target_row, source_row = _row(tables, target), _row(tables, source)
    if source_row["full_name"] and not target_row["full_name"]:
        tables.rename_entity(target, source_row["name"], source_row["type"], True)
    refresh_names(tables, target)
    refresh_names(tables, source)


def split(store: SQLiteStore, entity: str, names: list[str], who: str = "") -> dict[str, Any]:
    """Move the members of ``entity`` called one of ``names`` into an entity of their own, as
    decided by ``who``."""
    tables = LinkTables(store)
    with tables.transaction():
        result = _split(tables, _require(tables, entity), names, record=True, who=who)
    return result


def _split(
    tables: LinkTables, entity_id: str, names: list[str], *, record: bool, who: str = ""
) -> dict[str, Any]:
    row = _row(tables, entity_id)
    wanted = {name_key(n) for n in names}
    members = [
        m
        for m in tables.member_names(entity_id)
        if wanted & {name_key(n) for n in names_from(m["name"], json.loads(m["aliases"]))}
    ]
    if not members:
        raise ConfigError(f"entity {entity_id} ({row['name']}) has no member called {', '.join(names)}")
    if len(members) == len(tables.member_names(entity_id)):
        raise ConfigError(f"every member of {entity_id} ({row['name']}) is called that; nothing to split off")
    new_id = entity_id_for(members[0]["document_id"], members[0]["local_id"])
    if tables.entity_row(new_id) is None:
        tables.create_entity(new_id, members[0]["name"], row["type"], row["class"], bool(row["full_name"]))
    local_names = sorted({m["name"] for m in members})
    tables.move_members(entity_id, new_id, local_names)
    refresh_names(tables, entity_id)
    refresh_names(tables, new_id)
    if record:
        for key in sorted(wanted):
            tables.add_decision("split", row["class"], name_key(row["name"]), key, who)
    return {"id": entity_id, "name": row["name"], "split_off": new_id, "names": local_names}


def split_constraints(tables: LinkTables) -> dict[tuple[str, str], set[str]]:
    """(class, name key) -> name keys of entities it may not join, from the split decisions."""
    result: dict[tuple[str, str], set[str]] = {}
    for decision in tables.decisions():
        if decision["action"] == "split":
            result.setdefault((decision["class"], decision["other"]), set()).add(decision["name"])
            result.setdefault((decision["class"], decision["name"]), set()).add(decision["other"])
    return result


def replay(tables: LinkTables) -> tuple[int, list[dict[str, str]]]:
    """Apply the recorded merges (and any split the resolver could not keep apart); returns how many,
    and the decisions that name an entity no document has now (reported, never dropped: they apply
    again once such a document is linked)."""
    applied = 0
    unmatched: list[dict[str, str]] = []
    for decision in tables.decisions():
        holders = tables.entities_named(decision["name"], decision["class"])
        others = tables.entities_named(decision["other"], decision["class"])
        if not holders or not others:
            unmatched.append(
                {
                    "action": decision["action"],
                    "name": decision["name"],
                    "other": decision["other"],
                    "who": decision["who"],
                    "decided_at": decision["decided_at"],
                }
            )
            continue
        if decision["action"] == "merge" and holders[0] != others[0]:
            _merge_ids(tables, holders[0], others[0])
            applied += 1
        elif decision["action"] == "split" and holders[0] in others:
            try:
                _split(tables, holders[0], [decision["other"]], record=False)
                applied += 1
            except ConfigError:
                continue
    return applied, unmatched


def unmatched_line(decision: dict[str, str]) -> str:
    """One decision that found no entity, in words."""
    by = f" by {decision['who']}" if decision["who"] else ""
    joined = "into" if decision["action"] == "merge" else "off"
    return (
        f"{decision['action']} of “{decision['other']}” {joined} “{decision['name']}”{by} "
        f"on {decision['decided_at'][:10]}: no linked entity has that name now"
    )
