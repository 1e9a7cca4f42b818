"""Entity resolution across documents: each document's entities joined to global entities.

A document's entity becomes a candidate's member when they are of one type class and

* persons: the surnames match (equal after transliteration and variant folding, or a rapidfuzz
  ratio of at least 88, so "Smadiryarov" meets "Smadiyarov") and the given names agree (an
  initial agrees with its name); a surname alone joins the one full-named person with that
  surname, and stays apart when several share it;
* others: the folded names are equal, or nearly (ratio 92 over names of six letters or more);
* organisations besides: an acronym and the expansion its document defines or spells out join
  (``acronyms.acronym_partners``); a name joins the one entity whose name is it with a country
  or nationality in front ("Islamic Jihad", "Palestinian Islamic Jihad": ``acronyms.qualifies``);
  a country's generic institution ("the Defence Ministry") is matched by institution and country,
  the country read from the document (``institutions``), so one country's never joins another's.

Candidates come from blocking keys (``names.blocking_keys``), never from a scan, so linking is
not quadratic. A split decision forbids a name from rejoining the entity it was split from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from ..model import Entity, Reading
from ..store.links import LinkTables
from .acronyms import acronym_partners, containment_key, qualifies
from .entity_lookups import EntityLookups
from .institutions import DocumentCountries, generic_institution, qualified_key
from .names import blocking_keys, given_names_agree, is_description, name_key, person_name, type_class

# Entity types not worth resolving across documents (numbers, dates and the like are not entities here).
SKIPPED_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
CROSSABLE = frozenset({"person", "place", "organisation"})
# Types the small model gives a surname written alone ("Teixeira" ORG, "Klitschko" NORP); a place
# name ("Jackson", "Georgia") keeps its type.
SURNAME_TYPES = frozenset({"ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "OUTLET"})
SURNAME_RATIO = 88
NAME_RATIO = 92


def entity_id_for(document_id: str, local_id: str) -> str:
    """A global id, stable for as long as the same document's entity founds the entity."""
    return "e-" + hashlib.sha1(f"{document_id}:{local_id}".encode()).hexdigest()[:12]


def names_of(entity: Entity) -> list[str]:
    """The entity's name and aliases that are names (not pronouns like "He", not descriptions like
    "The company"), longest first."""
    return names_from(entity.name, entity.aliases)


def names_from(first: str, aliases: Iterable[str]) -> list[str]:
    return list(_names_from(first, tuple(aliases)))


@lru_cache(maxsize=16384)  # the same entity names come back in document after document
def _names_from(first: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in (first, *aliases):
        if not name or name.casefold() in _PRONOUNS or name[0].islower() or is_description(name):
            continue
        seen.setdefault(name.casefold(), name)
    return tuple(sorted(seen.values(), key=len, reverse=True))


_PRONOUNS = frozenset(
    ["he", "she", "him", "her", "his", "they", "them", "their", "it", "its", "we", "i", "you"]
)
KEPT = 50_000  # plans and choices a resolver keeps (they are dropped all at once beyond)


class _Plan(NamedTuple):
    """What resolving an entity looks up by, from its type and names alone (``Resolver._plan``)."""

    cls: str
    keyed: list[tuple[str, str]]  # (name, matching key), read-only
    qualified: set[str]
    blocks: list[str]
    forbidden: set[str]
    contained: list[str]
    full: bool


@dataclass(slots=True)
class Resolver:
    """Resolves one document's entities against the link tables."""

    tables: LinkTables
    splits: dict[tuple[str, str], set[str]]  # (class, name key) -> keys of names it may not join
    replaced: dict[str, str] = field(default_factory=dict)  # entity merged away -> the one it joined
    # This document's members and roles, written in one batch (before a merge, which reads them).
    pending_members: list[tuple[Any, ...]] = field(default_factory=list)
    pending_roles: list[tuple[Any, ...]] = field(default_factory=list)
    merged_into: set[str] = field(default_factory=set)  # entities that absorbed another in this document
    lookups: EntityLookups = field(init=False)
    # Kept for the run: the plan of each entity shape whose keys do not depend on where the document
    # names it, and what ``choose`` and ``_full_persons`` answered from a lookup's answer (its serial).
    _plans: dict[tuple[Any, ...], _Plan] = field(default_factory=dict)
    _chosen: dict[tuple[Any, ...], str | None] = field(default_factory=dict)
    _persons: dict[tuple[str, int], list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lookups = EntityLookups(self.tables)

    def resolve(
        self,
        reading: Reading,
        partners: dict[str, list[str]] | None = None,
        countries: DocumentCountries | None = None,
    ) -> dict[str, str]:
        """Link every entity of ``reading``; returns local id -> global entity id.

        ``partners`` and ``countries``: the document's ``acronym_partners`` and ``DocumentCountries``
        when they were found already.

        Counts grow by this document's share; only an entity that absorbed another while this
        document was linked is recounted from its members, so a popular entity is never re-read.
        """
        published = reading.published.isoformat() if reading.published else None
        counts: dict[str, int] = {}
        for mention in reading.mentions:
            counts[mention.entity] = counts.get(mention.entity, 0) + 1
        mapping: dict[str, str] = {}
        self.merged_into = set()
        context = _OrganisationContext.of(reading, partners, countries)
        for entity in reading.entities:
            if entity.type in SKIPPED_TYPES:
                continue
            names = names_of(entity)
            if not names:
                continue
            global_id = self._resolve_one(reading.document_id, entity, names, context)
            mapping[entity.id] = global_id
            self.pending_members.append(
                (
                    reading.document_id,
                    entity.id,
                    global_id,
                    entity.name,
                    entity.type,
                    counts.get(entity.id, 0),
                )
            )
            self.pending_roles += [
                (global_id, role, reading.document_id, entity.id, published)
                for role in sorted({role.text for role in entity.roles})
            ]
        self._flush()
        mapping = {local: self._current(global_id) for local, global_id in mapping.items()}
        per_entity: dict[str, int] = {}
        for local, global_id in mapping.items():
            per_entity[global_id] = per_entity.get(global_id, 0) + counts.get(local, 0)
        self.tables.count_new_document(per_entity)
        if self.merged_into:
            self.tables.recount_entities(sorted(self._current(e) for e in self.merged_into))
        return mapping

    def _flush(self) -> None:
        self.tables.add_members(self.pending_members)
        self.tables.add_roles_of(self.pending_roles)
        self.pending_members, self.pending_roles = [], []

    def _current(self, entity_id: str) -> str:
        while entity_id in self.replaced:
            entity_id = self.replaced[entity_id]
        return entity_id

    def _resolve_one(
        self, document_id: str, entity: Entity, names: list[str], context: _OrganisationContext
    ) -> str:
        plan = self._plan(entity, names, context)
        cls, keyed, blocks, forbidden = plan.cls, plan.keyed, plan.blocks, plan.forbidden
        candidates = self.lookups.candidates(cls, blocks)
        if forbidden:
            candidates = {i: cand for i, cand in candidates.items() if not forbidden & {k for _n, k in cand}}
        chosen = self._person_by_surname(entity.type, keyed, forbidden)
        if chosen is None:
            chosen = self._choose(cls, keyed, blocks, candidates, bool(forbidden))
        if chosen is None:
            chosen = self._across_types(cls, keyed, forbidden)
        contained = plan.contained
        if chosen is None and contained:
            chosen = self._qualified_form(cls, keyed, contained, forbidden)
        full = plan.full
        if chosen is None:
            chosen = entity_id_for(document_id, entity.id)
            self.lookups.create_entity(chosen, entity.name, entity.type, cls, full)
        else:
            self._maybe_rename(chosen, entity, full)
        self.lookups.add_names(chosen, keyed)
        self.lookups.add_keys(cls, chosen, blocks + contained)
        if cls == "organisation" and context.partners.get(entity.id):
            self._absorb_same_names(chosen, keyed, candidates)
        if cls == "person" and full:
            self._absorb_surname_entities(chosen, keyed, forbidden)
        return chosen

    def _plan(self, entity: Entity, names: list[str], context: _OrganisationContext) -> _Plan:
        """The entity's class, (name, key) pairs, blocking keys, the keys it may not join (splits), its
        containment keys and whether it is fully named; kept unless a key depends on the document."""
        cls = type_class(entity.type)
        partners = context.partners.get(entity.id, []) if cls == "organisation" else []
        shape = (entity.type, tuple(names), tuple(partners))
        plan = self._plans.get(shape)
        if plan is not None:
            return plan
        if partners:
            names = names_from(names[0], [*names, *partners])
        keyed = [(name, name_key(name)) for name in names]
        keyed = [(n, k) for n, k in keyed if k]
        qualified: set[str] = set()
        placed = False  # a key depends on where the document names the entity (its country)
        if cls == "organisation":
            placed = any((g := generic_institution(k)) is not None and g[1] is None for _n, k in keyed)
            keyed, qualified = context.qualify(entity.id, keyed)
        blocks = sorted(
            {
                block
                for name, key in keyed
                for block in ([f"n:{key}"] if key in qualified else blocking_keys(name, cls))
            }
        )
        forbidden: set[str] = set()
        for _name, key in keyed:
            forbidden |= self.splits.get((cls, key), set())
        contained = [] if cls != "organisation" else _containment_keys(keyed, qualified)
        full = cls != "person" or any(_is_full(k) for _n, k in keyed)
        plan = _Plan(cls, keyed, qualified, blocks, forbidden, contained, full)
        if not placed:
            if len(self._plans) >= KEPT:
                self._plans.clear()
            self._plans[shape] = plan
        return plan

    def _choose(
        self,
        cls: str,
        keyed: list[tuple[str, str]],
        blocks: list[str],
        candidates: dict[str, list[tuple[Any, ...]]],
        filtered: bool,
    ) -> str | None:
        """``choose``, kept for the lookup's answer it chose from (unless splits filtered it)."""
        keys = [k for _n, k in keyed]
        if filtered:
            return choose(cls, keys, candidates)
        asked = (cls, tuple(keys), self.lookups.serial(cls, blocks))
        if asked not in self._chosen:
            if len(self._chosen) >= KEPT:
                self._chosen.clear()
            self._chosen[asked] = choose(cls, keys, candidates)
        return self._chosen[asked]

    def _person_by_surname(
        self, entity_type: str, keyed: list[tuple[str, str]], forbidden: set[str]
    ) -> str | None:
        """A one-word name of another type that is the surname of the one full-named person:
        the model calls "Teixeira" alone an organisation, "Klitschko" a nationality."""
        keys = {k for _n, k in keyed}
        if entity_type not in SURNAME_TYPES or len(keys) != 1 or " " in next(iter(keys)):
            return None
        (key,) = keys
        people = self._full_persons(key)
        if len(people) == 1 and not forbidden & {row["key"] for row in self.tables.names_of(people[0])}:
            return people[0]
        return None

    def _full_persons(self, surname: str) -> list[str]:
        blocks = [f"s:{surname}"]
        candidates = self.lookups.candidates("person", blocks)
        asked = (surname, self.lookups.serial("person", blocks))
        people = self._persons.get(asked)
        if people is None:
            if len(self._persons) >= KEPT:
                self._persons.clear()
            people = self._persons[asked] = [
                entity_id
                for entity_id, names in candidates.items()
                if any(
                    (p := person_name(k)) is not None and p.surname == surname and p.full for _n, k in names
                )
            ]
        return list(people)

    def _absorb_surname_entities(
        self, person: str, keyed: list[tuple[str, str]], forbidden: set[str]
    ) -> None:
        """Entities made earlier of this person's surname alone, under another type, join the person."""
        from .decisions import _merge_ids

        surnames = {p.surname for p in (person_name(k) for _n, k in keyed) if p is not None and p.full}
        for surname in surnames:
            if surname in forbidden or self._full_persons(surname) != [person]:
                continue
            if not self.lookups.named(surname) - {person}:
                continue  # no other entity has that name
            for other in self.tables.entities_named(surname):
                row = self.lookups.naming(other)
                if row is None or other == person or row.type not in SURNAME_TYPES:
                    continue
                if {row["key"] for row in self.tables.names_of(other)} == {surname}:
                    self._flush()  # the merge reads the members written so far
                    self.lookups.write_counts()  # and recounts names from the members
                    _merge_ids(self.tables, person, other)
                    self.lookups.forget()
                    self.merged_into.add(person)
                    self.replaced[other] = person

    def _across_types(self, cls: str, keyed: list[tuple[str, str]], forbidden: set[str]) -> str | None:
        """An entity of another type class with exactly this name of two words or more.

        The small model types "Georgia Mills" PERSON in one article and GPE in the next; a name of
        several words is one identity whatever the tag. A one-word name ("Georgia") never crosses.
        """
        for _name, key in keyed:
            if " " not in key or key in forbidden:
                continue
            for entity_id in self.tables.entities_named(key):
                row = self.lookups.naming(entity_id)
                if row is not None and row.cls != cls and row.cls in CROSSABLE:
                    return entity_id
        return None

    def _qualified_form(
        self, cls: str, keyed: list[tuple[str, str]], contained: list[str], forbidden: set[str]
    ) -> str | None:
        """The one entity whose names are these with a country in front, or these without it."""
        keys = {k for _n, k in keyed}
        found = set()
        for entity_id, names in self.lookups.candidates(cls, contained).items():
            theirs = {k for _n, k in names}
            if forbidden & theirs:
                continue
            if all(any(t == k or qualifies(t, k) or qualifies(k, t) for k in keys) for t in theirs):
                found.add(entity_id)
        return next(iter(found)) if len(found) == 1 else None

    def _absorb_same_names(
        self, chosen: str, keyed: list[tuple[str, str]], candidates: dict[str, list[tuple[Any, ...]]]
    ) -> None:
        """Entities made earlier under one name of an acronym pair ("CIA", "Central Intelligence
        Agency") join the entity of the document that uses both."""
        from .decisions import _merge_ids

        keys = {k for _n, k in keyed}
        for other, names in candidates.items():
            other = self._current(other)
            if other != chosen and keys & {k for _n, k in names}:
                self.lookups.write_counts()  # the merge recounts names from the members
                _merge_ids(self.tables, chosen, other)
                self.lookups.forget()
                self.replaced[other] = chosen

    def _maybe_rename(self, entity_id: str, entity: Entity, full: bool) -> None:
        """A person first seen by surname takes the full name; an ORG seen as an OUTLET becomes one."""
        row = self.lookups.naming(entity_id)
        if row is None:
            return
        if full and not row.full_name:
            self.lookups.rename_entity(entity_id, entity.name, entity.type, True)
        elif entity.type == "OUTLET" and row.type == "ORG":
            self.lookups.rename_entity(entity_id, row.name, "OUTLET", row.full_name)


@dataclass(frozen=True, slots=True)
class _OrganisationContext:
    """What one document says about its organisations: acronym pairs and the country of each mention."""

    partners: dict[str, list[str]]
    countries: DocumentCountries
    first_mention: dict[str, tuple[int, int]]

    @classmethod
    def of(
        cls,
        reading: Reading,
        partners: dict[str, list[str]] | None = None,
        countries: DocumentCountries | None = None,
    ) -> _OrganisationContext:
        first: dict[str, tuple[int, int]] = {}
        for mention in reading.mentions:
            if mention.entity not in first or mention.start < first[mention.entity][0]:
                first[mention.entity] = (mention.start, mention.end)
        if partners is None:
            partners = acronym_partners(reading)
        return cls(partners, countries or DocumentCountries.of(reading), first)

    def qualify(self, local_id: str, keyed: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], set[str]]:
        """Keys of generic institutions with their country (module ``institutions``); which were qualified."""
        result, qualified = [], set()
        for name, key in keyed:
            generic = generic_institution(key)
            if generic is not None:
                institution, country = generic
                if country is None and local_id in self.first_mention:
                    country = self.countries.country_at(*self.first_mention[local_id])
                if country is not None:
                    key = qualified_key(institution, country)
                    qualified.add(key)
            result.append((name, key))
        return result, qualified


def _containment_keys(keyed: list[tuple[str, str]], qualified: set[str]) -> list[str]:
    return sorted(
        {block for _n, key in keyed if key not in qualified and (block := containment_key(key)) is not None}
    )


def _is_full(key: str) -> bool:
    parsed = person_name(key)
    return parsed is not None and parsed.full


def choose(cls: str, keys: list[str], candidates: dict[str, list[tuple[Any, ...]]]) -> str | None:
    """The candidate entity these name keys belong to, or None for a new entity."""
    if not candidates:
        return None
    if cls != "person":
        return _choose_by_name(keys, candidates)
    return _choose_person(keys, candidates)


def _choose_by_name(keys: Iterable[str], candidates: dict[str, list[tuple[Any, ...]]]) -> str | None:
    best, best_score = None, 0.0
    for entity_id, names in candidates.items():
        for key in keys:
            for _name, other in names:
                if key == other:
                    score = 101.0
                elif min(len(key), len(other)) >= 6:
                    score = fuzz.ratio(key, other)
                else:
                    continue
                if score >= NAME_RATIO and score > best_score:
                    best, best_score = entity_id, score
    return best


def _choose_person(keys: list[str], candidates: dict[str, list[tuple[Any, ...]]]) -> str | None:
    parsed = [p for p in (person_name(k) for k in keys) if p is not None]
    has_given = any(p.given for p in parsed)
    strong: dict[str, float] = {}
    weak: set[str] = set()
    for entity_id, names in candidates.items():
        for _name, other_key in names:
            other = person_name(other_key)
            if other is None:
                continue
            for mine in parsed:
                surname = 101.0 if mine.surname == other.surname else fuzz.ratio(mine.surname, other.surname)
                if surname < SURNAME_RATIO:
                    continue
                if mine.given and other.given:
                    if given_names_agree(mine.given, other.given, fuzz.ratio):
                        strong[entity_id] = max(strong.get(entity_id, 0.0), surname)
                else:
                    weak.add(entity_id)
    if strong:
        return max(strong, key=lambda i: (strong[i], i))
    weak -= _conflicting(weak, candidates) if has_given else set()
    if len(weak) == 1:
        return next(iter(weak))
    # Several people share the surname: a bare surname joins the surname-only entity, if there is one.
    bare = weak - _conflicting(weak, candidates)
    if not has_given and len(bare) == 1:
        return next(iter(bare))
    return None


def _conflicting(ids: set[str], candidates: dict[str, list[tuple[Any, ...]]]) -> set[str]:
    """Candidates with a given name of their own (a full name that did not agree is another person)."""
    result = set()
    for entity_id in ids:
        if any((p := person_name(k)) is not None and p.given for _n, k in candidates[entity_id]):
            result.add(entity_id)
    return result
