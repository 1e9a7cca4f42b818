"""Acronyms and their expansions inside one document, and longer names of one organisation.

* ``acronym_partners``: a document that defines an acronym ("the Security Service of Ukraine
  (SBU)", "SBU (Security Service of Ukraine)") or uses an organisation's name and its initials
  ("the Central Intelligence Agency" ... "the CIA") makes the two one organisation, when one
  organisation of the document has those initials ("Alaska Revolving Loan Fund" and "Agriculture
  Revolving Loan Fund" beside "ARLF" pair with neither, unless one defines it). The resolver
  links each with the other's names, so the acronym alone in a later document meets both.
* ``qualifies``: "Palestinian Islamic Jihad" is "Islamic Jihad" with a country or nationality in
  front; the resolver joins the shorter name to the longer one's entity only when that is the one
  such entity (guarded there: "Egyptian Islamic Jihad" beside it keeps "Islamic Jihad" apart).
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Entity, Reading
from .institutions import country_forms
from .names import is_description, name_key, type_class

_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to"})
_ACRONYM = re.compile(r"^[^\W\d_]{2,7}$")
_BRACKET_AHEAD = re.compile(r"\s*[(\[]")
# The shorter name must say something by itself: two words and this many letters at least.
MIN_CONTAINED_LETTERS = 8


def is_acronym(name: str) -> bool:
    """One word of two to seven capital letters ("CIA", "SBU", "КНБ")."""
    word = name.strip().removeprefix("the ").strip()
    return bool(_ACRONYM.match(word)) and word.isupper()


def initials(name: str) -> set[str]:
    """The initials an acronym of ``name`` may have, with and without its function words."""
    words = name_key(name).split()
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w not in _FUNCTION_WORDS)
    return {every, content}


def _defined(text: str, long: str, short: str) -> bool:
    long_pattern, short_pattern = re.escape(long), re.escape(short)
    # Each pattern needs its first name followed by a bracket: checked first, so the patterns
    # (compiled anew for each pair of names) are built only for the few names written that way.
    return bool(
        (_bracket_after(text, long) and re.search(rf"{long_pattern}\s*[(\[]\s*{short_pattern}\s*[)\]]", text))
        or (
            _bracket_after(text, short)
            and re.search(rf"\b{short_pattern}\s*[(\[]\s*(?:the\s+)?{long_pattern}\s*[)\]]", text)
        )
    )


def _bracket_after(text: str, name: str) -> bool:
    """Whether ``name`` occurs in ``text`` followed by an opening bracket (spaces between allowed)."""
    start = text.find(name)
    while start >= 0:
        if _BRACKET_AHEAD.match(text, start + len(name)):
            return True
        start = text.find(name, start + 1)
    return False


def acronym_partners(reading: Reading) -> dict[str, list[str]]:
    """Local entity id -> the names of the document's other entities that are its acronym or expansion."""
    text = reading.document.text if reading.document is not None else ""
    organisations = [e for e in reading.entities if type_class(e.type) == "organisation"]
    short = [(e, n) for e in organisations for n in _names(e) if is_acronym(n)]
    long = [(e, n) for e in organisations for n in _names(e) if len(n.split()) >= 2]
    partners: dict[str, list[str]] = {}
    for acronym_entity, acronym in short:
        letters = name_key(acronym).replace(" ", "")
        others = [(e, n) for e, n in long if e.id != acronym_entity.id]
        # A definition wins over initials; two organisations with these initials are no pair at all.
        matched = [(e, n) for e, n in others if _defined(text, n, acronym)] or [
            (e, n) for e, n in others if letters in initials(n)
        ]
        if len({e.id for e, _n in matched}) != 1:
            continue
        for full_entity, full in matched:
            partners.setdefault(acronym_entity.id, []).append(full)
            partners.setdefault(full_entity.id, []).append(acronym)
    return partners


def _names(entity: Entity) -> list[str]:
    return list(dict.fromkeys(n for n in (entity.name, *entity.aliases) if n and not is_description(n)))


def qualifies(shorter: str, longer: str) -> bool:
    """Whether the key ``longer`` is the key ``shorter`` with only country words in front of it."""
    if len(shorter.split()) < 2 or len(shorter.replace(" ", "")) < MIN_CONTAINED_LETTERS:
        return False
    if not longer.endswith(" " + shorter):
        return False
    extra = longer[: -len(shorter) - 1]
    return extra in country_forms() or extra in _demonym_keys()


def containment_key(key: str) -> str | None:
    """The blocking key a name shares with its qualified forms: its last two words."""
    words = key.split()
    return "l:" + " ".join(words[-2:]) if len(words) >= 2 else None


@cache
def _demonym_keys() -> frozenset[str]:
    from ..extract.lexicon import load_lexicon

    return frozenset(
        name_key(row["word"]) for row in load_lexicon("demonyms") if row["kind"] == "nationality"
    )
