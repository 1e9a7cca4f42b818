"""What the words in and around a name say about its type, read from the shipped lexicons.

Each test here looks at one name in one place and returns evidence; ``entity_clusters`` weighs
the evidence of all the mentions of a name together. The lexicons:

    outlets.tsv            news outlets and agencies ("Reuters", variants "Thomson Reuters")
    outlet_context.tsv     cues that make a name an outlet ("told X", "the newspaper X")
    role_nouns.tsv         role nouns that make a name a person ("spokesperson X")
    demonyms.tsv           "Kazakh", "Russian": always NORP
    institution_words.tsv  "Ministry", "Congress": names that weak outlet cues leave alone
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .lexicon import load_lexicon

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
DETERMINERS = frozenset({"the", "a", "an"})
# Web addresses as one token: "ura.ru", "bbc.co.uk", "Lenta.ru"; the top-level domain is lower case.
DOMAIN = re.compile(r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}")
NOT_DOMAINS = frozenset(
    {"pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "jpg", "jpeg", "png", "gif", "mp3", "mp4", "zip",
     "exe", "html", "htm", "php", "asp", "js", "py", "json", "xml"}
)
# Outlet names written in capitals or lower case ("TASS", "dpa") and names this short are matched
# case-sensitively: "ap", "Ft" and "Nos" are not outlets.
CASE_SENSITIVE_BELOW = 6


@dataclass(frozen=True, slots=True)
class OutletIndex:
    exact: re.Pattern[str] | None
    folded: re.Pattern[str] | None
    entries: dict[str, tuple[str, str]]  # casefolded form -> (list name, match mode)


@dataclass(frozen=True, slots=True)
class OutletMatch:
    span: Span
    name: str  # the list's name for it, e.g. "Deutsche Welle" for "DW"
    mode: str  # "exact" or "context"


def _name_forms(row: dict[str, str]) -> Iterator[str]:
    for form in (row["name"], *row["variants"].split("|")):
        form = form.strip()
        if form.startswith("The "):
            yield form[4:]  # "the" is never part of a mention
        if form:
            yield form


def _alternation(forms: list[str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    body = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{body})(?![\w]|-\w|\.\w)")


@cache
def outlet_index() -> OutletIndex:
    exact: list[str] = []
    folded: list[str] = []
    entries: dict[str, tuple[str, str]] = {}
    for row in load_lexicon("outlets"):
        for form in _name_forms(row):
            entries.setdefault(form.casefold(), (row["name"].removeprefix("The "), row["match"]))
            short = len(form) < CASE_SENSITIVE_BELOW or form.isupper() or form.islower()
            (exact if short else folded).append(form)
    folded_pattern = _alternation(folded)
    if folded_pattern is not None:
        folded_pattern = re.compile(folded_pattern.pattern, re.IGNORECASE)
    return OutletIndex(_alternation(exact), folded_pattern, entries)


def outlet_matches(doc: Doc) -> Iterator[OutletMatch]:
    """Token-aligned occurrences of listed outlet names."""
    index = outlet_index()
    for pattern in (index.exact, index.folded):
        if pattern is None:
            continue
        for found in pattern.finditer(doc.text):
            text = found.group()
            if pattern is index.folded and not text[0].isupper():
                continue  # "the economist" is a person's job; "The Economist" the magazine
            span = doc.char_span(found.start(), found.end(), alignment_mode="strict")
            if span is not None:
                name, mode = index.entries[text.casefold()]
                yield OutletMatch(span, name, mode)


def outlet_name(text: str) -> str | None:
    """The list's name for an outlet, or None when the text is not a listed name."""
    entry = outlet_index().entries.get(text.casefold())
    return entry[0] if entry else None


def domain_kind(token: Token) -> str | None:
    """"domain" for a web address ("ura.ru"); "webcom" for a ".com" one, which is as often a
    shop or a firm ("Amazon.com") as an outlet; None for other tokens."""
    if not is_domain(token):
        return None
    return "webcom" if token.text.lower().endswith(".com") else "domain"


def is_domain(token: Token) -> bool:
    """A web address written as a name: "ura.ru", "bbc.co.uk" (not "a.m.", "report.pdf")."""
    text = token.text
    if "." not in text or not DOMAIN.fullmatch(text):
        return False
    return text.rsplit(".", 1)[1] not in NOT_DOMAINS


@cache
def demonyms() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in load_lexicon("demonyms")}


def _demonym_kind(word: str) -> str | None:
    table = demonyms()
    kind = table.get(word)
    if kind is None and word.endswith("s"):
        kind = table.get(word[:-1])
    return kind


def is_demonym(span: Span) -> bool:
    """"Kazakh", "Russians", "Kazakh-Russian", "Sino-Russian": every word a demonym."""
    words = [t for t in span if not (t.is_punct or t.text == "-")]
    if not words:
        return False
    for position, token in enumerate(words):
        kind = _demonym_kind(token.text)
        if kind is None:
            return False
        if kind == "prefix" and position == len(words) - 1:
            return False
    return True


@cache
def role_nouns() -> dict[str, str]:
    return {row["noun"]: row["kind"] for row in load_lexicon("role_nouns")}


def role_kind(token: Token) -> str | None:
    """The kind of role noun ("title", "position", ...) the token is, or None."""
    nouns = role_nouns()
    lower = token.lower_
    return nouns.get(lower) or nouns.get(token.lemma_.lower()) or nouns.get(lower.rstrip("s"))


@cache
def institution_words() -> frozenset[str]:
    return frozenset(row["word"] for row in load_lexicon("institution_words"))


def names_institution(span: Span) -> bool:
    """"Congress", "the Interior Ministry": an institution, not an outlet."""
    words = institution_words()
    return any(t.lower_ in words or t.lemma_.lower() in words for t in span)


@cache
def outlet_cues() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Cues by position ("before"/"after"), longest first."""
    cues: dict[str, list[tuple[tuple[str, ...], str]]] = {"before": [], "after": []}
    for row in load_lexicon("outlet_context"):
        cues[row["position"]].append((tuple(row["cue"].split()), row["strength"]))
    for found in cues.values():
        found.sort(key=lambda cue: len(cue[0]), reverse=True)
    return cues


STRENGTH_ORDER = {"noun": 3, "strong": 2, "weak": 1, "hint": 0}


def _lower(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[max(start, 0) : end])


def outlet_cue(doc: Doc, start: int, end: int) -> str | None:
    """The strongest outlet cue around the name ``doc[start:end]``, or None."""
    best: str | None = None
    before = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    for words, strength in outlet_cues()["before"]:
        if before - len(words) >= 0 and _lower(doc, before - len(words), before) == words:
            if strength == "noun" and before != start:
                continue  # "the newspaper the Times" does not occur; "agency the" is no cue
            best = _stronger(best, strength)
            break
    for words, strength in outlet_cues()["after"]:
        if _lower(doc, end, end + len(words)) == words:
            best = _stronger(best, strength)
            break
    return best


def _stronger(current: str | None, new: str) -> str:
    if current is None or STRENGTH_ORDER[new] > STRENGTH_ORDER[current]:
        return new
    return current


def role_before(doc: Doc, start: int, end: int) -> str | None:
    """The kind of a role noun right before a name ("spokesperson X", "President X").

    None when the name itself modifies a role noun after it: "Deputy Defense Secretary X".
    """
    if start == 0 or (end < len(doc) and role_kind(doc[end]) not in (None, "honorific")):
        return None
    token = doc[start - 1]
    return role_kind(token) if token.pos_ in ("NOUN", "PROPN") else None


def role_in_apposition(doc: Doc, start: int, end: int) -> bool:
    """"X, a spokesman for Y," or "the head of Y, X,": a role noun in apposition to the name."""
    root = doc[start:end].root
    head = root.head
    between = doc[head.i + 1 : start]
    commas = len(between) > 0 and all(t.text == "," for t in between)
    if root.dep_ == "appos" and head.i < start and commas and not head.is_title and role_kind(head):
        return True
    if end >= len(doc) or doc[end].text != ",":
        return False
    return any(child.dep_ == "appos" and child.i > end and role_kind(child) for child in root.children)


def based_places(doc: Doc) -> Iterator[Span]:
    """"Almaty" in "Almaty-based", "New York" in "New York-based"."""
    for token in doc:
        if token.lower_ != "based" or token.i < 2 or doc[token.i - 1].text != "-":
            continue
        end = token.i - 1
        start = end
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start < end:
            yield doc[start:end]


def person_slot(token: Token) -> bool:
    """Where a surname stands: a subject, a possessor, or "X, refraining from ...", "X said"."""
    if token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    doc = token.doc
    following = doc[token.i + 1 : token.i + 3]
    if len(following) == 2 and following[0].text == "," and following[1].tag_ in ("VBG", "VBN"):
        return True
    return len(following) > 0 and following[0].lemma_ in ("say", "tell", "add", "note")
