"""What the words in and around a name say about its type, read from the shipped lexicons.

Each test here looks at one name in one place and returns evidence; ``entity_clusters`` weighs
the evidence of all the mentions of a name together. The lexicons:

    outlets.tsv            news outlets and agencies ("Reuters", variants "Thomson Reuters")
    platforms.tsv          social networks ("Twitter", "Telegram"): organisations, never people
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

import numpy
from spacy.tokens import Doc, Span, Token

from .lexicon import load_lexicon
from .token_index import positions, word_keys

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
DETERMINERS = frozenset({"the", "a", "an"})
# Web addresses as one token: "ura.ru", "bbc.co.uk", "Lenta.ru"; the top-level domain is lower case.
DOMAIN = re.compile(r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}")
DOMAIN_IN_TEXT = re.compile(rf"(?<![\w@/.-]){DOMAIN.pattern}(?![\w@/-])")
NOT_DOMAINS = frozenset(
    {
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "csv",
        "txt",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "mp3",
        "mp4",
        "zip",
        "exe",
        "html",
        "htm",
        "php",
        "asp",
        "js",
        "py",
        "json",
        "xml",
    }
)
# Where spaCy splits a name: "Agence France-Presse", "RFE/RL", "People's Daily".
FIRST_WORD = re.compile(r"[\s/'’-]")
# Outlet names written in capitals or lower case ("TASS", "dpa") and names this short are matched
# case-sensitively: "ap", "Ft" and "Nos" are not outlets.
CASE_SENSITIVE_BELOW = 6
BASED = re.compile(r"(?<=\w)-based\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OutletForm:
    text: str  # as listed: "Deutsche Welle", "DW", "dpa"
    folded: bool  # whether case may differ in the text
    name: str  # the list's name for it, e.g. "Deutsche Welle" for "DW"
    mode: str  # "exact" or "context"


@dataclass(frozen=True, slots=True)
class OutletMatch:
    span: Span
    name: str
    mode: str


def _name_forms(row: dict[str, str]) -> Iterator[str]:
    for form in (row["name"], *row["variants"].split("|")):
        form = form.strip().removeprefix("The ")  # "the" is never part of a mention
        if len(form) > 1:
            yield form


@cache
def outlet_index() -> dict[str, list[OutletForm]]:
    """Listed outlet names by their first word as spaCy splits it (folded), longest first."""
    index: dict[str, list[OutletForm]] = {}
    for row in load_lexicon("outlets"):
        name = row["name"].removeprefix("The ")
        for form in _name_forms(row):
            folded = not (len(form) < CASE_SENSITIVE_BELOW or form.isupper() or form.islower())
            first = FIRST_WORD.split(form, maxsplit=1)[0].casefold()
            index.setdefault(first, []).append(OutletForm(form, folded, name, row["match"]))
    for forms in index.values():
        forms.sort(key=lambda form: len(form.text), reverse=True)
    return index


@cache
def _outlet_keys() -> numpy.ndarray:
    return word_keys(outlet_index())


def outlet_matches(doc: Doc, text: str) -> Iterator[OutletMatch]:
    """Token-aligned occurrences of listed outlet names; ``text`` is ``doc.text`` (spaCy rebuilds
    that string on every access)."""
    index = outlet_index()
    skip_to = 0
    for i in positions(doc, "LOWER", _outlet_keys()):
        token = doc[i]
        forms = index.get(token.lower_)
        if forms is None or token.idx < skip_to:
            continue
        for form in forms:
            end = token.idx + len(form.text)
            found = text[token.idx : end]
            same = found == form.text or (form.folded and found.casefold() == form.text.casefold())
            if not same or not (found[0].isupper() or found == form.text):
                continue  # "the economist" is a person's job; "The Economist" the magazine
            span = doc.char_span(token.idx, end, alignment_mode="strict")
            if span is not None and (end == len(text) or not text[end].isalnum()):
                skip_to = end
                yield OutletMatch(span, form.name, form.mode)
                break


@cache
def platform_names() -> dict[str, tuple[str, ...]]:
    """The networks of platforms.tsv by first word, as written: one letter ("X") is too ambiguous."""
    index: dict[str, list[str]] = {}
    for row in load_lexicon("platforms"):
        name = row["name"]
        if row["kind"] == "network" and len(name) > 1:
            index.setdefault(name.split()[0], []).append(name)
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in index.items()}


@cache
def _platform_keys() -> numpy.ndarray:
    return word_keys(platform_names())


def platform_matches(doc: Doc) -> Iterator[Span]:
    """Listed social networks named in the text ("Twitter", "Truth Social"), as proper nouns, not as
    a modifier ("Telegram channels")."""
    index = platform_names()
    for i in positions(doc, "ORTH", _platform_keys()):
        token = doc[i]
        for name in index.get(token.text, ()):
            words = name.split()
            span = doc[token.i : token.i + len(words)]
            if [t.text for t in span] == words and all(t.pos_ == "PROPN" for t in span):
                if not _modifies_a_noun(span[-1]):
                    yield span
                break


def _modifies_a_noun(token: Token) -> bool:
    """ "Telegram channels", "a Twitter account": the platform describes a thing, it names no one."""
    return token.dep_ in ("compound", "nmod", "amod") and token.head.i > token.i


def web_addresses(doc: Doc, text: str) -> Iterator[tuple[Token, str]]:
    """Tokens that are web addresses written as names, with "domain", or "webcom" for a ".com"
    one, which is as often a shop or a firm ("Amazon.com") as an outlet."""
    if "." not in text:
        return
    for found in DOMAIN_IN_TEXT.finditer(text):
        span = doc.char_span(found.start(), found.end(), alignment_mode="strict")
        if span is not None and len(span) == 1 and is_domain(span[0]):
            yield span[0], "webcom" if found.group().lower().endswith(".com") else "domain"


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
    """ "Kazakh", "Russians", "Kazakh-Russian", "Sino-Russian": every word a demonym."""
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
    return nouns.get(lower) or nouns.get(token.lemma_.lower()) or nouns.get(lower.removesuffix("s"))


@cache
def institution_words() -> frozenset[str]:
    return frozenset(row["word"] for row in load_lexicon("institution_words"))


def names_institution(span: Span) -> bool:
    """ "Congress", "the Interior Ministry": an institution, not an outlet."""
    words = institution_words()
    return any(t.lower_ in words or t.lemma_.lower() in words for t in span)


@cache
def outlet_cues() -> dict[str, dict[str, list[tuple[tuple[str, ...], str]]]]:
    """Cues by position; "before" cues keyed by their last word, "after" cues by their first."""
    cues: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {"before": {}, "after": {}}
    for row in load_lexicon("outlet_context"):
        words = tuple(row["cue"].split())
        anchor = words[-1] if row["position"] == "before" else words[0]
        cues[row["position"]].setdefault(anchor, []).append((words, row["strength"]))
    for by_anchor in cues.values():
        for found in by_anchor.values():
            found.sort(key=lambda cue: len(cue[0]), reverse=True)
    return cues


SKIPPED_BEFORE_NAME = frozenset({"the", "both", "either"})
STRENGTH_ORDER = {"noun": 3, "strong": 2, "weak": 1, "hint": 0}


def _words_at(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[max(start, 0) : end])


def outlet_cue(doc: Doc, start: int, end: int) -> str | None:
    """The strongest outlet cue around the name ``doc[start:end]``, or None."""
    best = _cue_before(doc, start, end)
    for words, strength in cues_after(doc, end):
        if _words_at(doc, end, end + len(words)) == words:
            best = _stronger(best, strength)
            break
    return best


def cues_after(doc: Doc, end: int) -> list[tuple[tuple[str, ...], str]]:
    return outlet_cues()["after"].get(doc[end].lower_, []) if end < len(doc) else []


def _cue_before(doc: Doc, start: int, end: int) -> str | None:
    if end < len(doc) and role_kind(doc[end]) not in (None, "honorific"):
        return None  # "according to Automotive analyst X": the name qualifies a role noun
    before = start - 1 if start > 0 and doc[start - 1].lower_ in SKIPPED_BEFORE_NAME else start
    if before == 0:
        return None
    for words, strength in outlet_cues()["before"].get(doc[before - 1].lower_, []):
        if _words_at(doc, before - len(words), before) != words:
            continue
        if strength == "noun" and before != start:
            continue  # a noun cue stands right before the name: "the newspaper Vremya"
        # "told the X" is as often an institution as an outlet
        return "hint" if strength == "weak" and doc[start - 1].lower_ == "the" else strength
    return None


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
    """ "X, a spokesman for Y," or "the head of Y, X,": a role noun in apposition to the name."""
    root = doc[start:end].root
    head = root.head
    between = doc[head.i + 1 : start]
    commas = len(between) > 0 and all(t.text == "," for t in between)
    if root.dep_ == "appos" and head.i < start and commas and not head.is_title and role_kind(head):
        return True
    if end >= len(doc) or doc[end].text != ",":
        return False
    return any(child.dep_ == "appos" and child.i > end and role_kind(child) for child in root.children)


def based_places(doc: Doc, text: str) -> Iterator[Span]:
    """ "Almaty" in "Almaty-based", "New York" in "New York-based"."""
    for found in BASED.finditer(text):
        hyphen = doc.char_span(found.start(), found.start() + 1, alignment_mode="strict")
        if hyphen is None:
            continue
        end = start = hyphen.start
        place = doc[start - 1] if start > 0 else None
        if place is None or len(place) < 2 or not place.is_alpha or not (place.is_title or place.is_upper):
            continue
        start -= 1  # the tagger may call it a noun: "Kyiv-based outlet"
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
            start -= 1
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
