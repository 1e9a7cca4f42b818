"""A country's generic institutions: "the Defence Ministry" means nothing across documents alone.

A name made of a form in ``lexicons/institutions.tsv`` and at most a country ("Russia's Defence
Ministry", "Ministry of Defence", "МИД Казахстана") gets the matching key
``"<institution> @<country>"`` (``"foreign ministry @kazakhstan"``), so Kazakhstan's Foreign
Ministry meets "МИД Казахстана" and never Ukraine's. The country comes from, in order:

1. the name itself ("Russian Defence Ministry", "Ministry of Defence of Ukraine");
2. the words just around a mention ("Russia's | Defence Ministry", "Foreign Ministry | of Kazakhstan");
3. the nearest country named earlier in the mention's sentence;
4. the dateline ("MOSCOW, June 2 (Reuters) -", "АСТАНА, 2 июня -");
5. the nearest country named earlier in the document, else the first named after.

A generic name whose country none of these gives keeps its plain key: it meets other unqualified
ones, never a qualified one. Countries and their forms are in ``lexicons/countries.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..extract.lexicon import load_lexicon
from ..model import Reading
from .names import name_key, plain_key

LEXICONS = "hearsay.link.lexicons"
# Words between an institution and its country that carry nothing: "Ministry of Defence of the RF".
_GLUE = frozenset({"of", "the"})
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# A dateline: an upper-case place at the start of the text, before a comma, a bracket or a dash.
_DATELINE = re.compile(r"^\s*([^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+){0,2})\s*(?:[,(]|[-–—])")
NEAR_CHARACTERS = 40


@cache
def country_forms() -> dict[str, str]:
    """Matching key of a form -> country ("kazahstana" -> "kazakhstan")."""
    forms: dict[str, str] = {}
    for row in load_lexicon("countries", LEXICONS):
        for form in (row["country"], *row["forms"].split("|")):
            if key := plain_key(form):
                forms.setdefault(key, row["country"])
            forms.setdefault(name_key(form), row["country"])
    return forms


@cache
def dateline_places() -> dict[str, str]:
    """Matching key of a capital or city that opens a dateline -> its country."""
    return {
        name_key(place): row["country"]
        for row in load_lexicon("countries", LEXICONS)
        for place in row["datelines"].split("|")
        if place
    }


@cache
def institution_forms() -> dict[str, str]:
    """Matching key of a form -> institution ("ministri of defence" -> "defence ministry")."""
    return {
        plain_key(form): row["institution"]
        for row in load_lexicon("institutions", LEXICONS)
        for form in row["forms"].split("|")
        if plain_key(form)
    }


def split_country(key: str) -> tuple[str, str | None]:
    """A matching key without the country it names, and that country (None when it names none)."""
    words = key.split()
    forms = country_forms()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            country = forms.get(" ".join(words[start : start + size]))
            if country is not None:
                rest = words[:start] + words[start + size :]
                while rest and rest[-1] in _GLUE:
                    rest.pop()
                while rest and rest[0] in _GLUE:
                    rest.pop(0)
                return " ".join(rest), country
    return key, None


@lru_cache(maxsize=65536)  # each name of each document is asked about, and names come back
def generic_institution(key: str) -> tuple[str, str | None] | None:
    """(institution, the country the name gives or None) when the key names a generic institution."""
    rest, country = split_country(key)
    institution = institution_forms().get(rest)
    return None if institution is None else (institution, country)


def qualified_key(institution: str, country: str) -> str:
    return f"{institution} @{country}"


def country_of_words(text: str) -> str | None:
    """The country a short stretch of words names, if any ("Russia's", "of Kazakhstan")."""
    key = name_key(text)
    if not key:
        return None
    return split_country(key)[1]


@dataclass(frozen=True, slots=True)
class DocumentCountries:
    """Where a document names countries, to qualify its generic institutions."""

    text: str
    places: tuple[tuple[int, str], ...]  # (offset, country) of each country mention, in order
    dateline: str | None

    @classmethod
    def of(cls, reading: Reading) -> DocumentCountries:
        text = reading.document.text if reading.document is not None else ""
        forms = country_forms()
        places = sorted(
            (m.start, forms[key])
            for m in reading.mentions
            if m.label in ("GPE", "NORP", "LOC") and (key := name_key(m.text)) in forms
        )
        return cls(text, tuple(places), _dateline_country(text))

    def country_at(self, start: int, end: int) -> str | None:
        """The country a generic institution mentioned at ``start:end`` belongs to (module docstring)."""
        before = self.text[max(0, start - NEAR_CHARACTERS) : start]
        words = re.findall(r"[^\W\d_]+(?:['’]s)?", before)[-3:]
        for count in (3, 2, 1):
            if len(words) >= count and (country := country_of_words(" ".join(words[-count:]))):
                return country
        after = re.match(r"\s*((?:of\s+(?:the\s+)?)?[^\W\d_]+(?:\s+[^\W\d_]+)?)", self.text[end : end + 40])
        # "Foreign Ministry of Kazakhstan", "МИД Казахстана"; not "the Defence Ministry Ukraine accused"
        follows = after is not None and (after.group(1).startswith("of") or not after.group(1).isascii())
        if after is not None and follows and (country := country_of_words(after.group(1))):
            return country
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(self.text, 0, start)), default=0)
        earlier = [country for offset, country in self.places if offset < start]
        in_sentence = [country for offset, country in self.places if sentence_start <= offset < start]
        if in_sentence:
            return in_sentence[-1]
        if self.dateline:
            return self.dateline
        if earlier:
            return earlier[-1]
        later = [country for offset, country in self.places if offset >= end]
        return later[0] if later else None


def _dateline_country(text: str) -> str | None:
    match = _DATELINE.match(text[:80])
    if match is None or not match.group(1).isupper():
        return None
    return dateline_places().get(name_key(match.group(1)))
