"""Readable titles for claim clusters: a member's content as a clause, never a fragment.

``title_of(content)`` strips what makes a content read as a piece of a sentence (a leading
"that", quote marks, a dangling conjunction, the final full stop) and capitalises it.
``clause_score`` ranks the members' contents as titles: a complete clause (a subject and a
finite verb) beats a fragment ("himself as 'Deep Throat'"), a named subject beats a pronoun
("Kazakhstan supplied ..." over "it supplied ..."), a plainly stated member beats a denied,
hedged or questioned one, and a sentence of ordinary length beats a very short or long one.
No parser: linking runs without spaCy, so the test is on words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..handed import Handed

_QUOTES = "\"'“”‘’«»„"
# A quote mark not between two letters (an apostrophe is: "Marisol's").
_QUOTE_MARK = re.compile(r"(?<![^\W\d_])['’]|['’](?![^\W\d_])|[\"“”«»„]")
_LEADING = re.compile(r"^(?:that|and|but|or|so|because|as|while|whether|if|then)\b[\s,]*", re.IGNORECASE)
_TRAILING = re.compile(
    r"[\s,;:–—-]*\b(?:and|but|or|so|because|as|while|that|which|who|though|although)?[\s,;:–—-]*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")

PRONOUNS = frozenset("he she it they we i you this these those there".split())  # noqa: SIM905
OBJECT_PRONOUNS = frozenset(
    "him her them us me himself herself itself themselves ourselves myself yourself".split()  # noqa: SIM905
)
PREPOSITIONS = frozenset(
    "as to of for in on at with by from about into over under after before than like".split()  # noqa: SIM905
)
_AUXILIARIES_WORDS = (
    "is are was were be been am has have had will would can could shall should may might must do does "
    "did won't wouldn't can't couldn't isn't aren't wasn't weren't hasn't haven't hadn't doesn't "
    "didn't"
)
AUXILIARIES = frozenset(_AUXILIARIES_WORDS.split())
_IRREGULAR_PAST_WORDS = (
    "said told made found sent gave took went came built led left struck shot hit began brought "
    "bought held kept met paid put ran saw sold spent stood won wrote fell broke flew knew lost meant "
    "rose sank spoke stole threw became chose drove fought grew hid lay let overtook undertook "
    "withdrew"
)
IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_WORDS.split())


TITLES_KEPT = 8192
# Clauses and titles the linker's helper computed (``framed``), answered before computing.
_given_clauses: Handed[tuple[str, str | None, str | None], str] = Handed(2 * TITLES_KEPT)
_given_titles: Handed[str, str] = Handed(2 * TITLES_KEPT)


def as_clause(content: str, source: str | None, cue: str | None) -> str:
    """The content, or, when it is a fragment with no finite verb ("Apple Computer over its use of the
    name"), the statement said whole: source, cue and content ("Apple Corps sued Apple Computer over ...")."""
    found = _given_clauses.get((content, source, cue))
    return found if found is not None else _as_clause(content, source, cue)


def remember(clauses: list[tuple[str, str | None, str | None, str, str]]) -> None:
    """Take (content, source, cue, its clause, the clause's title) computed elsewhere."""
    _given_clauses.take(((content, source, cue), clause) for content, source, cue, clause, _title in clauses)
    _given_titles.take((clause, title) for _content, _source, _cue, clause, title in clauses)


@lru_cache(maxsize=TITLES_KEPT)
def _as_clause(content: str, source: str | None, cue: str | None) -> str:
    words = _WORD.findall(title_of(content))
    if _has_finite_verb(words) or not source or not cue or not _WORD.search(cue):
        return content
    if cue.casefold().startswith(("according", "said", "says", "told", "asked")):
        return content  # "according to X, ..." does not make a clause of the content
    return f"{source} {cue} {_unquoted(content)}"


def title_of(content: str) -> str:
    """The content as a headline clause: no leading "that", quotes or conjunctions; capitalised."""
    found = _given_titles.get(content)
    return found if found is not None else _title_of(content)


@lru_cache(maxsize=TITLES_KEPT)
def _title_of(content: str) -> str:
    text = _unquoted(" ".join(content.split()))
    while True:
        stripped = _unquoted(_LEADING.sub("", text))
        stripped = _unquoted(_TRAILING.sub("", stripped).rstrip("."))
        if stripped == text or not stripped:
            break
        text = stripped
    return text[:1].upper() + text[1:] if text else content.strip()


def _unquoted(text: str) -> str:
    """``text`` without the quote marks at its ends that open or close nothing inside it."""
    text = text.strip()
    while text:
        marks = len(_QUOTE_MARK.findall(text))
        if len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES and marks == 2:
            text = text[1:-1].strip()
        elif marks % 2 and text[0] in _QUOTES and _QUOTE_MARK.match(text):
            text = text[1:].strip()
        elif marks % 2 and text[-1] in _QUOTES and _QUOTE_MARK.search(text[-1:] + " "):
            text = text[:-1].strip()
        else:
            return text
    return text


def _has_finite_verb(words: list[str]) -> bool:
    for index, word in enumerate(words):
        lower = word.casefold()
        if lower in AUXILIARIES or lower in IRREGULAR_PAST:
            return True
        # "-ed"/"-s" after a first word: "Kazakhstan supplied", "the port remains"
        if index > 0 and len(lower) > 3 and lower.endswith("ed") and words[index - 1].casefold() != "the":
            return True
        if index > 0 and len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
            previous = words[index - 1]
            if previous[:1].isupper() or previous.casefold() in PRONOUNS:
                return True
    return False


@lru_cache(maxsize=8192)
def clause_score(content: str, *, plainly_stated: bool = True) -> float:
    """How well a content reads as a proposition's title (higher is better; see the module docstring)."""
    text = title_of(content)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    first = words[0].casefold()
    score = 0.0
    if _has_finite_verb(words):
        score += 2.0
    if first in OBJECT_PRONOUNS or first in PREPOSITIONS:
        score -= 2.0  # a fragment: "himself as ...", "to close the port"
    elif first in PRONOUNS:
        score += 0.5  # a subject, but one that names nobody
    else:
        score += 1.0
    if 5 <= len(words) <= 30:
        score += 0.5
    if plainly_stated:
        score += 0.3
    return score - len(words) / 1000  # the shorter of two equals
