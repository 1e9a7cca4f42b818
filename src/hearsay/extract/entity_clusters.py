"""Which candidate mentions name one entity, and the one type that entity has in the document.

Mentions with the same text are one name. Short forms join the full name they shorten
("Timofeev" -> "Artem Timofeev"), a lone first name joins the only person who has it,
misspelt surnames in a person's place join the person ("Smadiryarov" -> "Aybek Smadiyarov"),
acronyms join the name they abbreviate, and the outlet list's variants join each other
("DW" -> "Deutsche Welle"). The type is decided from all the mentions of an entity: context
evidence first, then the model's majority, then ``PRECEDENCE``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from . import entity_rules as rules
from .entity_candidates import Candidate, name_key
from .token_index import capitalised_proper_nouns

# Ties in the model's votes: the small model calls unfamiliar words PERSON readily ("VoIP",
# "Kazakh", "Ulys-Media"), so a person needs a majority or context.
PRECEDENCE = (
    "OUTLET",
    "GPE",
    "ORG",
    "PERSON",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
)
PERSON_SOURCES = frozenset({"role", "surname", "fullname", "variant"})
SOFT_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
WORKS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART"})
PLACES = frozenset({"GPE", "LOC"})
# Votes counted when no context decides; an outlet hint ("X reported") counts half a label.
TALLIED = {"ner": 1.0, "based": 1.0, "hint": 0.5}
# Spelling variants of a surname: rapidfuzz ratio, and how far the lengths may differ.
VARIANT_RATIO = 85.0
VARIANT_LENGTH = 2
# The model calls an unfamiliar surname anything; a place only when it stands where a person would.
VARIANT_LABELS = frozenset({"PERSON", "FAC", *PLACES, *SOFT_LABELS})
CUES = frozenset({"noun", "strong", "weak", "hint"})
GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
COORDINATORS = frozenset({"and", "or", ",", "&"})
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "in"})

Entity = tuple[str, list[Candidate]]


def words(span: Span) -> list[str]:
    """The words of a name, folded, without punctuation or a generational suffix:
    "Kassym-Jomart Tokayev" -> kassym, jomart, tokayev; "William Clay Ford Jr." -> william, clay, ford."""
    found = [t.lower_.replace("’", "'") for t in span if not (t.is_punct or t.is_space)]
    while len(found) > 1 and found[-1] in GENERATIONS:
        found.pop()
    return found


def decide_type(doc: Doc, candidates: Sequence[Candidate]) -> str:
    """One type for all the mentions of a name."""
    if all(rules.is_demonym(doc[c.start : c.end]) for c in candidates):
        return "NORP"
    sources = Counter(source for c in candidates for _, source in c.votes)
    ner = Counter(t for c in candidates for t, source in c.votes if source == "ner")
    if sources["noun"] or sources["domain"]:
        return "OUTLET"
    if sources["platform"]:
        return "ORG"  # "Twitter said": a social network is a firm, never a person (issue 15)
    if any(sources[s] for s in PERSON_SOURCES):
        return "PERSON"
    if _outlet_by_context(sources, ner, [doc[c.start : c.end] for c in candidates]):
        return "OUTLET"
    tally: dict[str, float] = {}
    for c in candidates:
        for kind, source in c.votes:
            tally[kind] = tally.get(kind, 0.0) + TALLIED.get(source, 0.0)
    return _top({kind: votes for kind, votes in tally.items() if votes > 0}) or "ORG"


def _outlet_by_context(sources: Counter[str], ner: Counter[str], spans: list[Span]) -> bool:
    top = _top(ner)
    institution = any(rules.names_institution(span) for span in spans)
    if (sources["strong"] and top != "PERSON" and not institution) or sources["list"]:
        return True
    if sources["listctx"] and (ner.keys() & WORKS or sources["weak"] + sources["conj"]):
        return True
    if sources["conj"] and top not in (*PLACES, "NORP"):
        # "questioned by Hromadske and Zaxid": the model's PERSON for a lone word is a guess
        return top != "PERSON" or all(len(words(span)) == 1 for span in spans)
    weak = sources["weak"]
    if weak and set(ner) <= SOFT_LABELS and not institution and 2 * weak >= len(spans):
        return True
    return bool(sources["webcom"]) and (not ner or any(sources[cue] for cue in CUES))


def _top(tally: Mapping[str, float]) -> str | None:
    if not tally:
        return None
    return max(tally, key=lambda t: (tally[t], -PRECEDENCE.index(t) if t in PRECEDENCE else -99))


class _Names:
    """The document's candidates grouped by name, with a union-find that links the groups."""

    def __init__(self, doc: Doc, candidates: list[Candidate]) -> None:
        self.doc = doc
        self.candidates = candidates
        self.groups: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(candidates):
            self.groups[name_key(doc[c.start : c.end])].append(i)
        self.words = {key: words(self.span(idx[0])) for key, idx in self.groups.items()}
        self.parent = list(range(len(candidates)))
        self.type: dict[str, str] = {}

    def span(self, i: int) -> Span:
        return self.doc[self.candidates[i].start : self.candidates[i].end]

    def members(self, key: str) -> list[Candidate]:
        return [self.candidates[i] for i in self.groups[key]]

    def add(self, candidate: Candidate) -> int:
        self.candidates.append(candidate)
        self.parent.append(len(self.parent))
        return len(self.candidates) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def full_persons(self) -> dict[str, list[str]]:
        return {k: w for k, w in self.words.items() if self.type[k] == "PERSON" and len(w) > 1}

    def entities(self) -> list[list[Candidate]]:
        found: dict[int, list[Candidate]] = defaultdict(list)
        for i, candidate in enumerate(self.candidates):
            found[self.find(i)].append(candidate)
        return list(found.values())


def cluster(doc: Doc, candidates: list[Candidate]) -> list[Entity]:
    """Entities as (type, mentions), in order of first mention; may add variant mentions."""
    names = _Names(doc, candidates)
    _add_surname_votes(names)
    type_of = _TypeMemo(doc)
    names.type = {key: type_of(names.members(key)) for key in names.groups}
    for idx in names.groups.values():
        for i in idx[1:]:
            names.union(idx[0], i)
    _link_variants(names)
    _link_short_forms(names)
    _link_outlets(names)
    _link_acronyms(names)
    typed = [(type_of(members), members) for members in names.entities()]
    typed = _propagate_coordination(doc, typed)
    typed.sort(key=lambda entity: min(c.start for c in entity[1]))
    return typed


class _TypeMemo:
    """``decide_type`` of one document, read once per set of mentions and votes: most entities are
    one name whose type the first pass read already."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.known: dict[tuple[tuple[int, int, tuple[tuple[str, str], ...]], ...], str] = {}

    def __call__(self, members: Sequence[Candidate]) -> str:
        key = tuple((c.start, c.end, tuple(c.votes)) for c in members)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = decide_type(self.doc, members)
        return found


def _add_surname_votes(names: _Names) -> None:
    """ "Artem Timofeev" (tagged FAC) is a person when "Timofeev" alone is tagged PERSON."""
    person_words = {w[0]: _person_votes(names.members(key)) for key, w in names.words.items() if len(w) == 1}
    for key, w in names.words.items():
        span = names.span(names.groups[key][0])
        if len(w) < 2 or not _looks_like_a_name(span) or rules.is_demonym(span):
            continue
        alone, other = person_words.get(w[-1], (0, 0))
        # "Lockheed Martin" stays a firm when "Martin" alone is a person only once, the firm often
        if alone and alone >= other and alone >= _person_votes(names.members(key))[1]:
            names.candidates[names.groups[key][0]].votes.append(("PERSON", "surname"))


def _looks_like_a_name(span: Span) -> bool:
    """Capitalised words and initials only: "Kassym-Jomart Tokayev", not "787 Dreamliner", "U.S. Jobs"."""

    def initial(token: Token) -> bool:
        return len(token) == 2 and token.text[0].isupper() and token.text[1] == "."

    words_ok = all(t.is_punct or (t.is_alpha and t.is_title) or initial(t) for t in span)
    return words_ok and not initial(span[0])


def _person_votes(members: Sequence[Candidate]) -> tuple[int, int]:
    """How often the model called these mentions a person, and how often anything else."""
    labels = [kind for c in members for kind, source in c.votes if source == "ner"]
    person = labels.count("PERSON")
    return person, len(labels) - person


def _may_shorten_person(members: Sequence[Candidate], kind: str) -> bool:
    """A short form joins a person unless its own evidence says otherwise: an outlet cue, a
    demonym, or a model that mostly calls it something else ("Ford" the carmaker)."""
    sources = {s for c in members for s in c.sources()}
    if kind == "NORP" or sources & {"noun", "domain", "strong"}:
        return False
    person, other = _person_votes(members)
    return person >= other if kind in PLACES or other > 1 else True


def _link_short_forms(names: _Names) -> None:
    """ "Timofeev" and "Artem Timofeev" are one person; with two Timofeevs, the nearer one before.
    A lone first name joins the only person who has it."""
    full = names.full_persons()
    for key, short in names.words.items():
        if key in full or not short or not _may_shorten_person(names.members(key), names.type[key]):
            continue
        longer = [f for f, name in full.items() if len(name) > len(short) and name[-len(short) :] == short]
        if not longer and names.type[key] == "PERSON" and len(short) == 1:
            given = [f for f, name in full.items() if name[0] == short[0]]  # "Steve" for "Steve Jobs"
            longer = given if len(given) == 1 else []
        options = [j for f in longer for j in names.groups[f]]
        for i in names.groups[key]:
            target = _nearest(names.candidates[i].start, options, names.candidates)
            if target is not None:
                names.union(target, i)
                names.candidates[i].votes.append(("PERSON", "fullname"))


def _nearest(start: int, options: list[int], candidates: list[Candidate]) -> int | None:
    before = [j for j in options if candidates[j].start < start]
    if before:
        return max(before, key=lambda j: candidates[j].start)
    return min(options, key=lambda j: candidates[j].start) if options else None


def _link_variants(names: _Names) -> None:
    """A surname spelt another way, in a person's place, is that person ("Smadiryarov")."""
    surnames = {w[-1]: key for key, w in names.full_persons().items()}
    if not surnames:
        return
    found: list[tuple[int, str]] = []
    for key, w in names.words.items():
        if len(w) != 1 or names.type[key] not in VARIANT_LABELS or w[0] in surnames:
            continue
        slots = [rules.person_slot(names.doc[names.candidates[i].start]) for i in names.groups[key]]
        if names.type[key] == "PERSON" or (all(slots) if names.type[key] in PLACES else any(slots)):
            surname = _variant_of(w[0], surnames)
            found.extend((i, surname) for i in names.groups[key] if surname is not None)
    owned = {i for c in names.candidates for i in range(c.start, c.end)}
    for i in capitalised_proper_nouns(names.doc):
        token = names.doc[i]
        if i in owned or not token.is_title or token.is_stop or len(token) < 4:
            continue
        if rules.person_slot(token) and not rules.is_demonym(names.doc[token.i : token.i + 1]):
            surname = _variant_of(token.lower_, surnames)
            if surname is not None:
                found.append((names.add(Candidate(token.i, token.i + 1)), surname))
    for i, surname in found:
        names.union(names.groups[surnames[surname]][0], i)
        names.candidates[i].votes.append(("PERSON", "variant"))


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


def _link_outlets(names: _Names) -> None:
    """ "DW" and "Deutsche Welle": variants in the outlet list."""
    first: dict[str, int] = {}
    for i, candidate in enumerate(names.candidates):
        if candidate.outlet is not None:
            names.union(first.setdefault(candidate.outlet, i), i)


def _link_acronyms(names: _Names) -> None:
    """ "GAO" and "Government Accountability Office", when one name in the document fits."""
    expansions: dict[str, list[str]] = defaultdict(list)
    for key, idx in names.groups.items():
        capitals = [t.text[0] for t in names.span(idx[0]) if t.is_alpha and t.lower_ not in ACRONYM_SKIP]
        if len(capitals) > 1 and names.type[key] in ("ORG", "OUTLET") and "".join(capitals).isupper():
            expansions["".join(capitals)].append(key)
    for key, idx in names.groups.items():
        text = names.span(idx[0]).text
        if text.isupper() and len(expansions.get(text, ())) == 1 and names.type[key] in ("ORG", "OUTLET"):
            names.union(names.groups[expansions[text][0]][0], idx[0])


def _propagate_coordination(doc: Doc, typed: list[Entity]) -> list[Entity]:
    """ "questioned by both Ulys-Media and TASS": a name coordinated with an outlet is likely one."""
    where = {id(c): n for n, (_, members) in enumerate(typed) for c in members}
    ordered = sorted((c for _, members in typed for c in members), key=lambda c: c.start)
    changed: set[int] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if not 0 < b.start - a.end <= 2 or not {t.lower_ for t in doc[a.end : b.start]} <= COORDINATORS:
            continue
        if not (a.sources() | b.sources()) & CUES:
            continue  # "Apple and ABC have agreed": a firm beside an outlet, no outlet's place
        for one, other in ((a, b), (b, a)):
            if typed[where[id(one)]][0] == "OUTLET" and typed[where[id(other)]][0] != "OUTLET":
                other.votes.append(("OUTLET", "conj"))
                changed.add(where[id(other)])
    for n in changed:
        typed[n] = (decide_type(doc, typed[n][1]), typed[n][1])
    return typed
