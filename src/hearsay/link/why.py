"""Why the names of an entity are one entity: for each name, the rule that joins it and its evidence.

The resolver (``entities.py``) keeps no record of why it joined a name, so this replays its rules
on the names an entity holds now: each member name is compared with the entity's name (then with
its other names) by the rule the resolver would use, and the first rule that holds is given with
the words it rests on. A name joined by a user's merge says so, with the decision's date.

    why_one(store, "e-…")  # [{"name": "Smadiyarov", "rule": "surname alone", "evidence": "...", ...}]
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from ..store import link_pages, link_reads
from .entities import NAME_RATIO, SURNAME_RATIO, SURNAME_TYPES, names_from
from .names import given_names_agree, name_key, person_name, type_class

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

# The rules, in the words the entity page uses (docs/linking.md describes the resolver).
RULES = {
    "same": "the same name",
    "spelling": "the same name in another spelling",
    "user merge": "merged by a user",
    "person": "same surname, given names agree",
    "surname alone": "a surname alone, of the one person with that full name",
    "near name": "nearly the same name",
    "across types": "the same name of several words, tagged as another type",
    "same article": "written so in the same article",
    "through": "joined through another name of the entity",
}
Rule = Callable[[str, str, str, str], str | None]


def why_one(store: SQLiteStore, entity_id: str) -> list[dict[str, Any]]:
    """One row per distinct member name: name, type, documents, rule, rule words, evidence
    (remembered until the store changes: it reads up to 500 members)."""
    from .remembered import remembered

    return remembered(store, ("why", entity_id), lambda: _why_one(store, entity_id))


def _why_one(store: SQLiteStore, entity_id: str) -> list[dict[str, Any]]:
    conn = store._conn
    row = link_reads.entity(conn, entity_id) if link_reads.has_link_tables(conn) else None
    if row is None:
        return []
    members = link_pages.entity_members(conn, entity_id)
    _with_names(members)
    merges = link_pages.merge_decisions(conn, type_class(row["type"]), name_key(row["name"]))
    names: dict[str, dict[str, Any]] = {}
    for member in members:
        entry = names.setdefault(
            f"{member['name'].casefold()}|{type_class(member['type'])}",
            {"name": member["name"], "type": member["type"], "documents": [], "first": member, "aliases": {}},
        )
        entry["documents"].append(member["document_id"])
        for alias in member["names"]:
            entry["aliases"].setdefault(alias, member["title"] or member["document_id"][:12])
    main_name, main_type = row["name"], row["type"]
    others = [e["name"] for e in names.values()]
    result = _aliases(members, names)
    for entry in names.values():
        rule, evidence = explain(entry["name"], entry["type"], main_name, main_type, others, merges)
        if rule == "through":
            rule, evidence = _through_alias(entry, main_name, main_type) or (rule, evidence)
        result.append(
            {
                "name": entry["name"],
                "type": entry["type"],
                "documents": len(set(entry["documents"])),
                "document_id": entry["first"]["document_id"],
                "title": entry["first"]["title"],
                "rule": rule,
                "rule_words": RULES[rule],
                "evidence": evidence,
                # A split moves every member holding the name's key: only names with a key of their own.
                "splittable": rule not in ("same", "same article")
                and name_key(entry["name"]) != name_key(main_name),
            }
        )
    order = list(RULES)
    return sorted(result, key=lambda r: (order.index(r["rule"]), -r["documents"], r["name"]))


def _with_names(members: list[dict[str, Any]]) -> None:
    """Each member's ``names`` (``names_from`` its name and aliases), worked out once per distinct
    pair: most members of a popular entity repeat a few."""
    known: dict[tuple[str, str], list[str]] = {}
    for member in members:
        key = (member["name"], member["aliases"])
        if key not in known:
            known[key] = names_from(member["name"], json.loads(member["aliases"]))
        member["names"] = known[key]


def _through_alias(entry: dict[str, Any], main: str, main_type: str) -> tuple[str, str] | None:
    """An article that gives this name another one (an acronym, a short form) that is the entity's."""
    for alias, title in entry["aliases"].items():
        if alias == entry["name"]:
            continue
        if alias == main or any(rule(alias, entry["type"], main, main_type) for rule in _RULES):
            return (
                "same article",
                f"the article “{title}” calls “{entry['name']}” also “{alias}”, a name of “{main}”",
            )
    return None


def _aliases(members: list[dict[str, Any]], names: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Names an article gives its entity besides the main one (the extractor's coreference)."""
    found: dict[str, dict[str, Any]] = {}
    known = {k.split("|")[0] for k in names}
    for member in members:
        for alias in member["names"]:
            if alias.casefold() in known or alias.casefold() in found:
                continue
            title = member["title"] or member["document_id"][:12]
            found[alias.casefold()] = {
                "name": alias,
                "type": member["type"],
                "documents": 1,
                "document_id": member["document_id"],
                "title": member["title"],
                "rule": "same article",
                "rule_words": RULES["same article"],
                "evidence": f"the article “{title}” calls “{member['name']}” also “{alias}”",
                "splittable": False,
            }
    return list(found.values())


def explain(
    name: str,
    type_: str,
    main: str,
    main_type: str,
    others: list[str],
    merges: dict[str, tuple[str, str]],
) -> tuple[str, str]:
    """The rule joining ``name`` to the entity called ``main``, and the evidence in words."""
    if name == main and type_class(type_) == type_class(main_type):
        return "same", f"“{name}” is the entity's name"
    key = name_key(name)
    if key in merges:
        when, who = merges[key]
        return "user merge", f"“{name}” was merged into “{main}” by {who or 'a user'} on {when[:10]}"
    for rule in _RULES:
        found = rule(name, type_, main, main_type)
        if found:
            return found.split("|", 1)[0], found.split("|", 1)[1]
    for other in others:
        if other in (name, main):
            continue
        for rule in _RULES:
            found = rule(name, type_, other, main_type)
            if found:
                words = found.split("|", 1)[1]
                return "through", f"{words}; “{other}” is another name of this entity"
    return "through", f"“{name}” was joined to this entity through names it no longer holds"


def _spelling(name: str, type_: str, main: str, main_type: str) -> str | None:
    if name_key(name) == name_key(main):
        folded = name_key(main)
        return f"spelling|“{name}” and “{main}” are one name once spelling variants are folded (“{folded}”)"
    return None


def _person(name: str, type_: str, main: str, main_type: str) -> str | None:
    if type_class(type_) != "person" or type_class(main_type) != "person":
        return None
    mine, theirs = person_name(name_key(name)), person_name(name_key(main))
    if mine is None or theirs is None:
        return None
    ratio = 100.0 if mine.surname == theirs.surname else fuzz.ratio(mine.surname, theirs.surname)
    if ratio < SURNAME_RATIO:
        return None
    alike = "the same" if ratio == 100 else f"{ratio:.0f}% alike (at least {SURNAME_RATIO} joins)"
    if not mine.given:
        person = f"“{main}” is the one full-named person with it"
        return f"surname alone|“{name}” is a surname alone; surnames {alike}; {person}"
    if given_names_agree(mine.given, theirs.given, fuzz.ratio):
        given = f"given names “{' '.join(mine.given)}” and “{' '.join(theirs.given)}” agree"
        return f"person|surnames {alike}; {given}"
    return None


def _surname_typed_otherwise(name: str, type_: str, main: str, main_type: str) -> str | None:
    if type_ not in SURNAME_TYPES or main_type != "PERSON" or " " in name_key(name):
        return None
    full = person_name(name_key(main))
    if full is not None and full.surname == name_key(name):
        return (
            f"surname alone|“{name}” (tagged {type_} by the model) is the surname of “{main}”, "
            "the one full-named person with it"
        )
    return None


def _near(name: str, type_: str, main: str, main_type: str) -> str | None:
    one, other = name_key(name), name_key(main)
    if min(len(one), len(other)) < 6:
        return None
    ratio = fuzz.ratio(one, other)
    if ratio >= NAME_RATIO:
        return f"near name|“{name}” and “{main}” are {ratio:.0f}% alike (at least {NAME_RATIO} joins)"
    return None


def _across(name: str, type_: str, main: str, main_type: str) -> str | None:
    if (
        name_key(name) == name_key(main)
        and " " in name_key(name)
        and type_class(type_) != type_class(main_type)
    ):
        tags = f"“{name}” was tagged {type_}, “{main}” {main_type}"
        return f"across types|{tags}: a name of several words is one identity"
    return None


_RULES: tuple[Rule, ...] = (_across, _spelling, _person, _surname_typed_otherwise, _near)
