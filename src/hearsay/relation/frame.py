"""A frame: what a proposition or a statement's content says, in the terms the relation rules compare.

``frame(text)`` reads words only, and is cheap enough for thousands of contents a second.
``proposition_frame(text)`` also parses the proposition once with the English pipeline and
keeps its core: the subject, the predicate and its objects ("Kazakhstan | supplied | drone
components"). A content states the proposition only when it has the core's subject and one
more core word, so "drones attacked Russian airports" does not state "Kazakhstan supplied the
drones used to attack Russian airports", though most of its words are there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..handed import Handed
from . import words as w

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_CORE_OBJECTS = ("dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "dative")


@dataclass(frozen=True, slots=True)
class Frame:
    """The comparable parts of one text."""

    text: str
    stems: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    years: frozenset[str]
    negated: bool
    verdict: str | None  # "false", "true" or None
    verdict_words: str | None
    pointer: str | None  # a claim noun or pronoun pointing at an earlier claim
    dismissal: str | None
    ignorance: str | None
    subject: frozenset[str] = frozenset()  # stems of the parsed subject (propositions only)
    core: frozenset[str] = frozenset()  # stems of the predicate and its objects (propositions only)
    extras: frozenset[str] = frozenset()  # stems of its other arguments: places, times ("in Chelyabinsk")
    predicate: frozenset[str] = frozenset()  # stems of its content-word verbs (propositions only)
    # (name stem, noun stem, words) of a name before a common noun: "the Weststad fire", "the Korvel dam"
    named: frozenset[tuple[str, str, str]] = frozenset()
    # a verb with a subject, or a verb at the root: a claim, not a phrase ("For delays and cost increases")
    clause: bool = True

    @property
    def vague(self) -> bool:
        """Too few words of its own to state a proposition ("weightless allegations")."""
        return len(self.stems - self.pointer_stems) < 3

    @property
    def pointer_stems(self) -> frozenset[str]:
        return frozenset({w.stem(self.pointer)}) if self.pointer else frozenset()


def frame(text: str) -> Frame:
    """The frame of a content or a proposition, from its words alone."""
    text = text or ""
    return _given.get(text) or _frame(text)


# Frames remembered per process (a server warms them with the newest stored contents at its start).
FRAMES_KEPT = 20_000
# Frames another process computed (the linker's helper, ``link.framed``), answered before computing.
_given: Handed[str, Frame] = Handed(FRAMES_KEPT)


def remember(frames: list[Frame]) -> None:
    """Take frames computed elsewhere: ``frame`` answers them as it would have computed them."""
    _given.take((found.text, found) for found in frames)


@lru_cache(maxsize=FRAMES_KEPT)
def _frame(text: str) -> Frame:
    found = w.tokens(text)
    lowered = [t.casefold() for t in found]
    stems: set[str] = set()
    names: set[str] = set()
    numbers: set[str] = set()
    years: set[str] = set()
    named: set[tuple[str, str, str]] = set()
    figures = w.numbers_of(found)
    for index, token in enumerate(found):
        if index in figures:
            first, value = figures[index]
            if w.is_year(value):
                years.add(value)
            elif not w.contrasted(found, first):
                numbers.add(value)
            continue
        if not w.is_content_word(token):
            continue
        stem = w.stem(token)
        stems.add(stem)
        if token[:1].isupper() and (index > 0 or token.isupper()):
            names.add(stem)
            if _names_a_noun(found, index):
                named.add((stem, w.stem(found[index + 1]), f"{token} {found[index + 1]}"))
    verdict, verdict_words = _verdict(lowered)
    stems |= _implied(verdict_words)
    return Frame(
        text=text,
        stems=frozenset(stems),
        names=frozenset(names),
        numbers=frozenset(numbers),
        years=frozenset(years),
        negated=_first(w.without_number_signs(lowered, text), "negators") is not None and verdict is None,
        verdict=verdict,
        verdict_words=verdict_words,
        pointer=_pointer(lowered),
        dismissal=_first(lowered, "dismissals"),
        ignorance=_first(lowered, "ignorance"),
        named=frozenset(named),
    )


# Capitalised words that date a noun rather than name which one it is ("the Sunday fire").
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _names_a_noun(found: list[str], index: int) -> bool:
    """A name right before a lower-case content word ("Arlen fire"), not a date."""
    if index + 1 >= len(found) or found[index].casefold() in _CALENDAR:
        return False
    following = found[index + 1]
    return following[:1].islower() and w.is_content_word(following) and w.number_value(following) is None


def _first(lowered: list[str], lexicon: str) -> str | None:
    """The lexicon's earliest-listed phrase found in the text, as the text words it."""
    found = w.phrase_index(lexicon).matches(lowered)
    if not found:
        return None
    _order, index, phrase = min(found, key=lambda entry: entry[:2])
    return " ".join(lowered[index : index + len(phrase.words)])


def _verdict(lowered: list[str]) -> tuple[str | None, str | None]:
    """The first verdict phrase: "false" wins over "true" ("not true" is false)."""
    best: tuple[int, int, str, str] | None = None
    for _order, index, phrase in w.phrase_index("verdicts", label="verdict").matches(lowered):
        kind = phrase.label
        if kind == "true" and index > 0 and lowered[index - 1] in ("not", "isn't", "wasn't", "never"):
            kind = "false"
        words = " ".join(lowered[index : index + len(phrase.words)])
        candidate = (0 if kind == "false" else 1, index, kind, words)
        if best is None or candidate < best:
            best = candidate
    return (best[2], best[3]) if best else (None, None)


def _implied(verdict_words: str | None) -> set[str]:
    if not verdict_words:
        return set()
    return set(_implications().get(verdict_words, ()))


@cache
def _implications() -> dict[str, tuple[str, ...]]:
    return {
        " ".join(p.words): tuple(w.stem(word) for word in p.label.split())
        for p in w.phrases("verdicts", label="implies")
        if p.label
    }


def _pointer(lowered: list[str]) -> str | None:
    nouns, pronouns = _pointer_words()
    for token in lowered:
        if w.is_content_word(token) and w.stem(token) in nouns:
            return token
    return next((t for t in lowered if t in pronouns), None)


@cache
def _pointer_words() -> tuple[frozenset[str], frozenset[str]]:
    entries = w.phrases("pointers", column="word", label="kind")
    nouns = frozenset(w.stem(p.words[0]) for p in entries if p.label == "noun")
    pronouns = frozenset(p.words[0] for p in entries if p.label == "pronoun")
    return nouns, pronouns


def proposition_frame(text: str) -> Frame:
    """The frame of a proposition with its parsed core (subject, predicate, objects)."""
    return _proposition_frame(text.strip())


@lru_cache(maxsize=2_000)
def _proposition_frame(text: str) -> Frame:
    base = frame(text)
    subject, core, extras, nouns, predicate = _core(text)
    clause = _has_clause(text)
    values = {f: getattr(base, f) for f in base.__slots__}
    # Only a name before a noun of the parse names which thing it is ("the Weststad fire"; not "Rail paid").
    named = frozenset(entry for entry in base.named if entry[1] in nouns)
    return Frame(
        **{
            **values,
            "subject": subject,
            "core": core,
            "extras": extras,
            "named": named,
            "predicate": predicate,
            "clause": clause,
        }
    )


def _has_clause(text: str) -> bool:
    doc = _parsed(text)
    return any(
        t.pos_ in ("VERB", "AUX") and (t.dep_ == "ROOT" or any(c.dep_ in _SUBJECTS for c in t.children))
        for t in doc
    )


@lru_cache(maxsize=4)
def _parsed(text: str) -> Any:
    """The proposition's parse, kept for the next reader of the same text."""
    from ..extract.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp.tokenizer(text)
    for name, pipe in nlp.pipeline:
        if name in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"):
            doc = pipe(doc)
    return doc


def _core(
    text: str,
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    doc = _parsed(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    nouns = frozenset(w.stem(t.text) for t in doc if t.pos_ == "NOUN")
    if not roots:
        return frozenset(), frozenset(), frozenset(), nouns, frozenset()
    root = roots[0]
    if root.pos_ not in ("VERB", "AUX"):
        # A headline the parser hung on a noun ("The tanker Marisol leaked fuel"): its first verb.
        root = next((t for t in doc if t.pos_ == "VERB"), root)
    root, subject = _through_expletive(root)
    core: set[str] = set()
    extras: set[str] = set()
    if root.dep_ in ("relcl", "acl") and root.head.i != root.i:
        subject |= _phrase_stems(root.head, head_only=True)
    predicates = [root] + [
        c for c in root.children if c.dep_ in ("xcomp", "conj") and c.pos_ in ("VERB", "AUX")
    ]
    for predicate in predicates:
        if w.is_content_word(predicate.text):
            core.add(w.stem(predicate.text))
        for child in predicate.children:
            if child.dep_ in _SUBJECTS:
                subject |= _phrase_stems(child)
            elif child.dep_ in _CORE_OBJECTS:
                core |= _phrase_stems(child, head_only=child.dep_ != "pobj")
            elif child.dep_ == "prep":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        extras |= _phrase_stems(grand, head_only=True)
                    elif grand.dep_ == "pcomp":
                        core |= _phrase_stems(grand, head_only=False)
            elif child.dep_ == "agent":
                subject |= {s for g in child.children for s in _phrase_stems(g, head_only=True)}
    verbs = {w.stem(t.text) for t in doc if t.pos_ == "VERB" and w.is_content_word(t.text)}
    return (
        frozenset(subject),
        frozenset(core - subject),
        frozenset(extras - subject - core),
        nouns,
        frozenset(verbs & core - subject),
    )


def _through_expletive(root) -> tuple[Any, set[str]]:
    """The clause that says what is claimed, and its subject, when the root only frames it with an
    expletive "it": "It is not expected for the change to turn X into Y", "It is likely that the plant
    will close", "It was reported that the ship sank". Otherwise the root itself (and no subject yet)."""
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ == "it" for c in root.children):
        return root, set()
    clause = next((c for c in root.children if _complement(c)), None)
    if clause is None:
        return root, set()
    subject: set[str] = set()
    for prep in root.children:  # "expected for the name change to turn": the change turns
        if prep.dep_ == "prep" and prep.lower_ == "for":
            subject |= {s for g in prep.children if g.dep_ == "pobj" for s in _phrase_stems(g)}
    return clause, subject


def _complement(token) -> bool:
    """A clause that completes its head: "that the plant will close", "(for the change) to turn X"
    (parsed as ccomp, xcomp, or an advcl introduced by "for" or "that")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in ("ccomp", "xcomp"):
        return True
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("for", "that") for c in token.children
    )


def _phrase_stems(token, head_only: bool = False) -> set[str]:
    """Stems of a phrase's head and its compound/amod words (or of the whole subtree)."""
    if head_only:
        parts = [token] + [c for c in token.children if c.dep_ in ("compound", "conj", "poss", "amod")]
    else:
        parts = [t for t in token.subtree if t.dep_ not in ("relcl", "acl") or t is token]
    return {w.stem(t.text) for t in parts if w.is_content_word(t.text) and not t.like_num}
