"""Which candidate mentions name one entity, and the one type that entity has in the document.

Mentions with the same text are one name. Short forms join the full name they shorten
("Timofeev" -> "Artem Timofeev"), misspelt surnames in a person's place join the person
("Smadiryarov" -> "Aybek Smadiyarov"), acronyms join the name they abbreviate, and the
outlet list's variants join each other ("DW" -> "Deutsche Welle"). The type of an entity is
decided from all its mentions: context evidence first, then the model's majority, then
``PRECEDENCE``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from . import entity_rules as rules
from .entity_candidates import Candidate, name_key

PRECEDENCE = ("PERSON", "OUTLET", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
PERSON_SOURCES = frozenset({"role", "surname", "fullname", "variant"})
SOFT_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
TALLIED = frozenset({"ner", "based", "hint"})
# Spelling variants of a surname: rapidfuzz ratio, and how far the lengths may differ.
VARIANT_RATIO = 85.0
VARIANT_LENGTH = 2
# The model calls an unfamiliar surname anything; a place only when it stands where a person would.
VARIANT_LABELS = frozenset({"PERSON", "FAC", "GPE", "LOC", *SOFT_LABELS})
PLACES = frozenset({"GPE", "LOC"})
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "-", "on", "in"})


def words(span: Span) -> list[str]:
    """The alphabetic words of a name, folded: "Kassym-Jomart Tokayev" -> kassym, jomart, tokayev."""
    return [t.lower_.replace("’", "'") for t in span if t.is_alpha]


def decide_type(doc: Doc, candidates: Sequence[Candidate]) -> str:
    """One type for all the mentions of a name."""
    spans = [doc[c.start : c.end] for c in candidates]
    if all(rules.is_demonym(span) for span in spans):
        return "NORP"
    sources = Counter(source for c in candidates for _, source in c.votes)
    ner = Counter(t for c in candidates for t, source in c.votes if source == "ner")
    if sources["noun"] or sources["domain"]:
        return "OUTLET"
    if any(sources[s] for s in PERSON_SOURCES):
        return "PERSON"
    institution = any(rules.names_institution(span) for span in spans)
    top = _top(ner)
    if sources["strong"] and top != "PERSON" and not institution:
        return "OUTLET"
    if sources["list"]:
        return "OUTLET"
    soft = set(ner) <= SOFT_LABELS
    if sources["listctx"] and (ner.keys() & {"ORG", "PRODUCT", "WORK_OF_ART"} or sources["weak"] + sources["conj"]):
        return "OUTLET"
    if sources["conj"] and top not in ("GPE", "LOC", "NORP") and (top != "PERSON" or _single_words(doc, candidates)):
        return "OUTLET"  # "questioned by Hromadske and Zaxid": the model's PERSON for a lone word is a guess
    weak = sources["weak"]
    if weak and soft and not institution and 2 * weak >= len(candidates):
        return "OUTLET"
    tally = Counter(t for c in candidates for t, source in c.votes if source in TALLIED)
    return _top(tally) or "ORG"


def _single_words(doc: Doc, candidates: Sequence[Candidate]) -> bool:
    return all(len(words(doc[c.start : c.end])) == 1 for c in candidates)


def _top(tally: Counter[str]) -> str | None:
    if not tally:
        return None
    return max(tally, key=lambda t: (tally[t], -PRECEDENCE.index(t) if t in PRECEDENCE else -99))


class _Links:
    """Union-find over candidate indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def clusters(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            found[self.find(i)].append(i)
        return found


def cluster(doc: Doc, candidates: list[Candidate]) -> list[tuple[str, list[Candidate]]]:
    """Entities as (type, mentions), in order of first mention; may add variant mentions."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(candidates):
        groups[name_key(doc[c.start : c.end])].append(i)
    _add_surname_votes(doc, candidates, groups)
    provisional = {key: decide_type(doc, [candidates[i] for i in idx]) for key, idx in groups.items()}
    variants = _variants(doc, candidates, groups, provisional)
    links = _Links(len(candidates))
    for idx in groups.values():
        for i in idx[1:]:
            links.union(idx[0], i)
    for i, key in variants:
        links.union(groups[key][0], i)
        candidates[i].votes.append(("PERSON", "variant"))
    _link_short_forms(doc, candidates, groups, provisional, links)
    _link_outlets_and_acronyms(doc, candidates, groups, provisional, links)
    entities = [[candidates[i] for i in idx] for idx in links.clusters().values()]
    typed = [(decide_type(doc, members), members) for members in entities]
    typed = _propagate_coordination(doc, typed)
    typed.sort(key=lambda entity: min(c.start for c in entity[1]))
    return typed


def _add_surname_votes(doc: Doc, candidates: list[Candidate], groups: dict[str, list[int]]) -> None:
    """"Artem Timofeev" (tagged FAC) is a person when "Timofeev" alone is tagged PERSON."""
    person_words = {
        key
        for key, idx in groups.items()
        if len(words(doc[candidates[idx[0]].start : candidates[idx[0]].end])) == 1
        and any(("PERSON", "ner") in candidates[i].votes for i in idx)
    }
    for idx in groups.values():
        first = candidates[idx[0]]
        name = words(doc[first.start : first.end])
        if len(name) > 1 and name[-1] in person_words and not rules.is_demonym(doc[first.start : first.end]):
            first.votes.append(("PERSON", "surname"))


def _full_persons(doc: Doc, candidates: list[Candidate], groups, provisional) -> dict[str, list[str]]:
    return {
        key: words(doc[candidates[idx[0]].start : candidates[idx[0]].end])
        for key, idx in groups.items()
        if provisional[key] == "PERSON" and len(words(doc[candidates[idx[0]].start : candidates[idx[0]].end])) > 1
    }


def _may_shorten_person(candidates: Sequence[Candidate], kind: str) -> bool:
    sources = {s for c in candidates for s in c.sources()}
    if kind == "NORP" or sources & {"noun", "domain", "strong"}:
        return False
    if kind in ("GPE", "LOC"):
        return any(("PERSON", "ner") in c.votes for c in candidates)
    return True


def _link_short_forms(doc, candidates, groups, provisional, links: _Links) -> None:
    """"Timofeev" and "Artem Timofeev" are one person; with two Timofeevs, the nearer one before."""
    full = _full_persons(doc, candidates, groups, provisional)
    for key, idx in groups.items():
        members = [candidates[i] for i in idx]
        short = words(doc[members[0].start : members[0].end])
        if key in full or not short or not _may_shorten_person(members, provisional[key]):
            continue
        longer = [f for f, name in full.items() if len(name) > len(short) and name[-len(short) :] == short]
        for i in idx:
            target = _nearest(candidates[i].start, [j for f in longer for j in groups[f]], candidates)
            if target is not None:
                links.union(target, i)
                candidates[i].votes.append(("PERSON", "fullname"))


def _nearest(start: int, options: list[int], candidates: list[Candidate]) -> int | None:
    before = [j for j in options if candidates[j].start < start]
    if before:
        return max(before, key=lambda j: candidates[j].start)
    return min(options, key=lambda j: candidates[j].start) if options else None


def _variants(doc, candidates: list[Candidate], groups, provisional) -> list[tuple[int, str]]:
    """A surname spelt another way, in a person's place, is that person ("Smadiryarov").

    Returns (candidate index, full name's key) pairs; adds candidates for tokens the model missed.
    """
    full = _full_persons(doc, candidates, groups, provisional)
    surnames = {name[-1]: key for key, name in full.items()}
    if not surnames:
        return []
    found = []
    for key, idx in groups.items():
        first = candidates[idx[0]]
        name = words(doc[first.start : first.end])
        if len(name) == 1 and provisional[key] in VARIANT_LABELS and name[0] not in surnames:
            slots = [rules.person_slot(doc[candidates[i].start]) for i in idx]
            if provisional[key] == "PERSON" or (all(slots) if provisional[key] in PLACES else any(slots)):
                surname = _variant_of(name[0], surnames)
                found.extend((i, surnames[surname]) for i in idx if surname is not None)
    owned = {i for c in candidates for i in range(c.start, c.end)}
    for token in doc:
        if token.i in owned or token.pos_ != "PROPN" or not token.is_title or token.is_stop:
            continue
        if len(token) < 4 or not rules.person_slot(token) or rules.is_demonym(doc[token.i : token.i + 1]):
            continue
        surname = _variant_of(token.lower_, surnames)
        if surname is not None:
            candidates.append(Candidate(token.i, token.i + 1))
            found.append((len(candidates) - 1, surnames[surname]))
    return found


def _variant_of(word: str, surnames: dict[str, str]) -> str | None:
    best: tuple[float, str] | None = None
    for surname in surnames:
        if surname == word or surname[0] != word[0] or abs(len(surname) - len(word)) > VARIANT_LENGTH:
            continue
        if surname.startswith(word) or word.startswith(surname):
            continue  # "Petrov"/"Petrova": another person of the family, not a misspelling
        score = fuzz.ratio(surname, word)
        if score >= VARIANT_RATIO and (best is None or score > best[0]):
            best = (score, surname)
    return best[1] if best else None


def _link_outlets_and_acronyms(doc, candidates, groups, provisional, links: _Links) -> None:
    """"DW" and "Deutsche Welle" through the outlet list; "GAO" and "Government Accountability Office"."""
    by_outlet: dict[str, int] = {}
    for i, c in enumerate(candidates):
        if c.outlet is not None:
            links.union(by_outlet.setdefault(c.outlet, i), i)
    initials: dict[str, list[str]] = defaultdict(list)
    for key, idx in groups.items():
        span = doc[candidates[idx[0]].start : candidates[idx[0]].end]
        capitals = [t.text[0] for t in span if t.is_alpha and t.lower_ not in ACRONYM_SKIP]
        if len(capitals) > 1 and provisional[key] in ("ORG", "OUTLET") and all(ch.isupper() for ch in capitals):
            initials["".join(capitals)].append(key)
    for key, idx in groups.items():
        text = doc[candidates[idx[0]].start : candidates[idx[0]].end].text
        expansions = initials.get(text, [])
        if text.isupper() and len(expansions) == 1 and provisional[key] in ("ORG", "OUTLET"):
            links.union(groups[expansions[0]][0], idx[0])


def _propagate_coordination(doc, typed: list[tuple[str, list[Candidate]]]) -> list[tuple[str, list[Candidate]]]:
    """"questioned by both Ulys-Media and TASS": a name coordinated with an outlet is likely one."""
    where = {id(c): n for n, (_, members) in enumerate(typed) for c in members}
    ordered = sorted((c for _, members in typed for c in members), key=lambda c: c.start)
    changed: set[int] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        between = {t.lower_ for t in doc[a.end : b.start]}
        if not between or b.start - a.end > 2 or not between <= {"and", "or", ",", "&"}:
            continue
        for one, other in ((a, b), (b, a)):
            if typed[where[id(one)]][0] == "OUTLET" and typed[where[id(other)]][0] != "OUTLET":
                other.votes.append(("OUTLET", "conj"))
                changed.add(where[id(other)])
    for n in changed:
        typed[n] = (decide_type(doc, typed[n][1]), typed[n][1])
    return typed
