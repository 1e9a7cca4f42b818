"""Names as matching keys: transliteration, folding of spelling variants, person-name parts.

    name_key("Айбек Смадияров") == name_key("Aybek Smadiyarov")     # 'aibek smadiiarov'
    name_key("Tokayev") == name_key("Tokaev")
    name_key("Ильяс Жумабаев") == name_key("Ilyas Jumabayev") == name_key("Ilias Zhumabaev")

Keys are for matching only; the names shown to users keep their own spelling. Cyrillic and
other scripts become Latin through ``anyascii`` (ISC licence); the soft and hard signs are dropped
(BGN/PCGN writes them as apostrophes, passports and newspapers leave them out), and the letters
of the Kazakh Latin alphabet that stand for two Latin letters elsewhere (Ş, Ç) are spelled out. The
folds then meet the usual schemes half way: BGN/PCGN and newspapers ("Aybek Smadiyarov",
"Zhumabayev"), ICAO passports ("Aibek Smadiiarov", "Zhumabaev"), Kazakh official spellings
("Qasym-Jomart Toqaev", "Ghalymzhan") and the older "Dzhumabaev".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

# Entity types that may be one identity; "Georgia" the PERSON never meets "Georgia" the GPE.
TYPE_CLASSES = {
    "PERSON": "person",
    "ORG": "organisation",
    "OUTLET": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}

# Spelling variants that transliteration systems disagree on, folded to one form, in order.
# "Tokayev"/"Tokaev", "Smadiyarov"/"Smadiarov", "Yulia"/"Iuliia", "Dzhumabaev"/"Jumabayev".
_FOLDS = (
    ("centre", "center"),
    ("theatre", "theater"),
    ("dzh", "j"),
    ("zh", "j"),
    ("shch", "sch"),
    ("yev", "ev"),
    ("iev", "ev"),
    ("yeu", "eu"),
    ("ye", "e"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("yo", "io"),
    ("ay", "ai"),
    ("ey", "ei"),
    ("oy", "oi"),
    ("iy", "i"),
    ("y", "i"),
    ("ii", "i"),
    ("kh", "h"),
    ("ts", "c"),
    ("w", "v"),
    ("ph", "f"),
    ("ck", "k"),
    ("gh", "g"),
    ("q", "k"),
)
# Letters spelled before transliteration: signs dropped, Kazakh Latin digraph letters spelled out.
_BEFORE_LATIN = str.maketrans(
    {"ь": "", "ъ": "", "Ь": "", "Ъ": "", "ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch"}
)
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# A soft sign written as an apostrophe ("Il'yas"), not one before a capital ("O'Brien").
_SIGN_APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[a-z])(?!s\b)")
_ARTICLES = ("the ",)
# Honorifics and titles that stand before a person's name and are not part of it.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "president",
        "minister",
        "senator",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "capt",
        "captain",
        "sgt",
        "mayor",
        "governor",
        "judge",
        "rev",
        "father",
        "sheikh",
    ]
)


# Words after an organisation's name that are not part of it: "Microsoft Corp." is "Microsoft".
_CORPORATE = frozenset(["corp", "corporation", "inc", "ltd", "llc", "plc", "co"])
# Names that are one place or body however they are written (keys before folding).
ALIASES = {
    "us": "united states",
    "u s": "united states",
    "usa": "united states",
    "u s a": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "u k": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "u n": "united nations",
    "eu": "european union",
}


def type_class(entity_type: str) -> str:
    """The class of types an entity may be matched within (``other:TYPE`` for the rest)."""
    return TYPE_CLASSES.get(entity_type, f"other:{entity_type}")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One lower-case Latin word with its spelling variants folded."""
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return word


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name, transliterated to Latin, lower-cased, without punctuation or titles;
    a name written another way in the alias tables ("США", "СБУ") becomes its canonical words."""
    words = plain_words(name)
    alias = _aliases().get(" ".join(words))
    return tuple(alias.split()) if alias else words


def plain_key(name: str) -> str:
    """``name_key`` without the alias tables: the words as written, for finding names inside names."""
    return " ".join(fold_word(w) for w in plain_words(name))


@lru_cache(maxsize=65536)
def plain_words(name: str) -> tuple[str, ...]:
    """The words of a name, transliterated to Latin, lower-cased, without punctuation or titles."""
    latin = anyascii(name.translate(_BEFORE_LATIN)).replace("'s ", " ")
    latin = _SIGN_APOSTROPHE.sub("", latin).lower()
    for article in _ARTICLES:
        if latin.startswith(article):
            latin = latin[len(article) :]
    words = tuple(w for w in _NOT_WORD.split(latin) if w)
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _CORPORATE:
        words = words[:-1]
    return words


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """``ALIASES`` and the rows of ``lexicons/aliases.tsv``: every form -> the canonical words."""
    from ..extract.lexicon import load_lexicon

    def words_of(name: str) -> str:
        latin = _SIGN_APOSTROPHE.sub("", anyascii(name.translate(_BEFORE_LATIN))).lower()
        return " ".join(w for w in _NOT_WORD.split(latin) if w)

    table = dict(ALIASES)
    # A country's names in other languages and short forms ("России", "РФ"), not its demonyms.
    demonyms = {row["word"].casefold() for row in load_lexicon("demonyms")}
    for row in load_lexicon("countries", "hearsay.link.lexicons"):
        for form in row["forms"].split("|"):
            if form[:1].isupper() and form.casefold() not in demonyms:
                table.setdefault(words_of(form), row["country"])
    for row in load_lexicon("aliases", "hearsay.link.lexicons"):
        canonical = words_of(row["name"])
        for form in row["forms"].split("|"):
            if form.strip():
                table.setdefault(words_of(form), canonical)
    return table


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The matching key of a whole name: folded words joined by spaces."""
    return " ".join(fold_word(w) for w in name_words(name))


# Words that open a description of something rather than its name ("The company", "this group").
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those"])


def is_description(name: str) -> bool:
    """Whether ``name`` is a determiner and lowercase words ("The company", "The firm", "This
    group"): a document's own way back to an entity, shared by every company in every document, so
    never a name to match across documents. "The Washington Post" and "The Hague" are names."""
    words = name.split()
    return (
        len(words) >= 2
        and words[0].casefold() in _DETERMINERS
        and all(not word[:1].isupper() for word in words[1:])
    )


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split for matching: given names (or initials) and the surname."""

    given: tuple[str, ...]
    surname: str

    @property
    def full(self) -> bool:
        """True when a given name is spelled out (not only an initial)."""
        return any(len(g) > 1 for g in self.given)

    @property
    def key(self) -> str:
        return " ".join((*self.given, self.surname))


@lru_cache(maxsize=65536)
def person_name(name: str) -> PersonName | None:
    """The folded parts of a person's name; None when it has no letters.

    "A. Smadiyarov" -> given ("a",), "Kassym-Jomart Tokayev" -> given ("kassim", "jomart"); the
    official Russian order, surname first and a patronymic last ("Смадияров Айбек Кайратович"), gives
    the surname first: given ("aibek", "kairatovich"), surname "smadiarov".
    """
    words = [fold_word(w) for w in name_words(name)]
    while len(words) > 2 and _describes(words[0]):
        words = words[1:]  # "Comedian Ellen DeGeneres", "American Hasim Rahman"
    if not words:
        return None
    if len(words) == 3 and _PATRONYMIC.search(words[2]) and not _PATRONYMIC.search(words[1]):
        return PersonName(given=tuple(words[1:]), surname=words[0])
    return PersonName(given=tuple(words[:-1]), surname=words[-1])


# Russian patronymics after folding ("Кайратович" -> "kairatovich", "Ивановна" -> "ivanovna").
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna)$")


@lru_cache(maxsize=1)
def _descriptive_words() -> frozenset[str]:
    """Role nouns and demonyms, folded: words that stand before a person's name, not in it."""
    from ..extract.lexicon import load_lexicon

    words = {row["noun"] for row in load_lexicon("role_nouns")}
    words |= {row["word"].lower() for row in load_lexicon("demonyms") if row["kind"] != "prefix"}
    return frozenset(fold_word(w) for w in words if " " not in w)


def _describes(word: str) -> bool:
    return word in _descriptive_words()


def given_names_agree(
    one: tuple[str, ...], other: tuple[str, ...], similar: Callable[[str, str], float]
) -> bool:
    """Whether two lists of given names can be one person's: an initial matches its name."""
    if not one or not other:
        return True
    first, second = one[0], other[0]
    if len(first) > 1 and first in other[1:] or len(second) > 1 and second in one[1:]:
        return True  # a middle name used alone: "Joseph Comeaux", "Arcade Joseph Comeaux"
    if len(first) == 1 or len(second) == 1:
        return first[0] == second[0]
    if min(len(first), len(second)) >= 3 and (first.startswith(second) or second.startswith(first)):
        return True  # "Fred" for "Frederick"
    return bool(similar(first, second) >= 85)


def blocking_keys(name: str, cls: str) -> list[str]:
    """Index keys under which an entity with this name is found as a candidate.

    Persons: the surname and its first four letters (a typo further on still meets it);
    others: the whole key and the first four letters of its first word.
    """
    return list(_blocking_keys(name, cls))


@lru_cache(maxsize=65536)
def _blocking_keys(name: str, cls: str) -> tuple[str, ...]:
    if cls == "person":
        parsed = person_name(name)
        if parsed is None:
            return ()
        keys = [f"s:{parsed.surname}"]
        if len(parsed.surname) >= 5:
            keys.append(f"p:{parsed.surname[:4]}")
        return tuple(keys)
    key = name_key(name)
    if not key:
        return ()
    keys = [f"n:{key}"]
    first = key.split()[0]
    if len(first) >= 5:
        keys.append(f"p:{first[:4]}")
    return tuple(keys)
