"""Words of a proposition or a content: crude stems, names, numbers and years, and lexicon phrases.

Stems are cut short on purpose ("Kazakhstan" and "Kazakh" both give ``kazakh``; "supplied" and
"supplying" give ``supply``), so that a content and a proposition that use different forms of one
word still meet. A synonym group maps each of its stems to the group's first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..extract.lexicon import load_lexicon

LEXICONS = "hearsay.relation.lexicons"
STEM = 6
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)?")
_SUFFIXES = ("ing", "ed", "s")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# Words that a proposition uses as glue and that say nothing of what it claims.
_LIGHT = frozenset({"said", "says", "say", "according", "reportedly", "also", "would", "could", "will"})
_NUMBER_WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "dozen": "12",
    "thousand": "1000",
}


_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = frozenset(("20", "30", "40", "50", "60", "70", "80", "90"))


def tokens(text: str) -> list[str]:
    """The words and numbers of ``text`` in order, with their case; "won't" stays one token."""
    return _TOKEN.findall(text.replace("’", "'"))


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """The tokens of ``text`` (as ``tokens``) with their character offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text.replace("’", "'"))]


@lru_cache(maxsize=100_000)  # a pure function of the word, asked for every word of every text read
def stem(word: str) -> str:
    return synonym(raw_stem(word))


@lru_cache(maxsize=100_000)
def is_content_word(word: str) -> bool:
    lower = word.casefold()
    if lower[:1].isdigit() or len(lower) <= 2:
        return False
    if lower in STOP_WORDS or lower in _LIGHT:
        return raw_stem(lower) in _synonyms()  # "behind" says "responsible for"
    return True


def number_value(word: str) -> str | None:
    """A number's canonical digits ("1,200" -> "1200", "five" -> "5"), else None."""
    lower = word.casefold()
    if lower in _NUMBER_WORDS:
        return _NUMBER_WORDS[lower]
    if not lower[:1].isdigit():
        return None
    digits = lower.replace(",", "")
    if digits.endswith("."):
        digits = digits[:-1]
    try:
        value = float(digits)
    except ValueError:
        return None
    return str(int(value)) if value == int(value) else str(value)


def numbers_of(found: list[str]) -> dict[int, tuple[int, str]]:
    """Token index -> (index of the number's first token, value) for every token of a number in
    ``found``; "thirty-one" (two tokens) is 31."""
    result: dict[int, tuple[int, str]] = {}
    for index, token in enumerate(found):
        lower = token.casefold()
        if lower in _UNITS and index:
            tens = _NUMBER_WORDS.get(found[index - 1].casefold(), "")
            if tens in _TENS:
                value = str(int(tens) + _UNITS.index(lower) + 1)
                result[index - 1] = result[index] = (index - 1, value)
                continue
        if lower in _NUMBER_WORDS or lower[:1].isdigit():  # else number_value() is None
            written = number_value(token)
            if written is not None:
                result[index] = (index, written)
    return result


def contrasted(found: list[str], index: int) -> bool:
    """The number at ``index`` follows "than" within five words ("far more than the official count of
    14"): the figure the text contrasts its own with, not one it states."""
    return "than" in (t.casefold() for t in found[max(0, index - 5) : index])


def is_year(value: str) -> bool:
    return bool(_YEAR.match(value))


@cache
def _synonyms() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for row in load_lexicon("synonyms", LEXICONS):
        words = row["words"].split()
        head = raw_stem(words[0])
        for word in words:
            mapping.setdefault(raw_stem(word), head)
    return mapping


def raw_stem(word: str) -> str:
    """A word's crude stem, before synonyms ("supplied" -> "supply", "drones" -> "dron")."""
    word = word.casefold().replace("'", "")
    if word.endswith("ies") and len(word) > 5:
        return (word[:-3] + "y")[:STEM]
    if word.endswith("ied") and len(word) > 5:
        return (word[:-3] + "y")[:STEM]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith("ed") and len(word) == 4 and word[1] != "e":
            word = word[:-1]  # "sued", "died", "used": their "-e" forms
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word[:STEM]


def synonym(raw: str) -> str:
    return _synonyms().get(raw, raw)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A lexicon phrase as lower-case words; a word ending in ``*`` matches any word it begins."""

    words: tuple[str, ...]
    label: str = ""

    def found_in(self, lowered: list[str]) -> int | None:
        """The index of the first token where the phrase starts in ``lowered``, else None."""
        size = len(self.words)
        for index in range(len(lowered) - size + 1):
            if all(_word_matches(p, lowered[index + k]) for k, p in enumerate(self.words)):
                return index
        return None


def _word_matches(pattern: str, word: str) -> bool:
    if pattern == "n't":
        return word.endswith("n't")
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


@cache
def phrases(name: str, column: str = "phrase", label: str | None = None) -> tuple[Phrase, ...]:
    """The phrases of a relation lexicon, with the value of ``label`` (a column) for each."""
    return tuple(
        Phrase(tuple(row[column].casefold().split()), row[label] if label else "")
        for row in load_lexicon(name, LEXICONS)
        if row[column].strip()
    )


_SEEN_LIMIT = 200_000  # tokens a PhraseIndex remembers; past it, texts are scanned word by word


@dataclass(frozen=True, slots=True)
class PhraseIndex:
    """A lexicon's phrases by their first word, so a text is scanned once, not once per phrase."""

    exact: dict[str, tuple[tuple[int, Phrase], ...]]
    loose: tuple[tuple[int, Phrase], ...]  # first word a prefix ("fabricat*") or "n't"
    # The prefixed entries by their first word's prefix ("fabricat") and the prefixes' lengths,
    # so a token looks up its own prefixes instead of trying every loose entry.
    prefixed: dict[str, tuple[tuple[int, Phrase], ...]] = field(default_factory=dict)
    prefix_sizes: tuple[int, ...] = ()
    # token -> the entries it may start (exact, then loose), filled as texts are read (a vocabulary's
    # worth at most)
    seen: dict[str, tuple[tuple[int, Phrase], ...]] = field(default_factory=dict, compare=False, repr=False)
    starters: set[str] = field(default_factory=set, compare=False, repr=False)  # seen, starting some

    def matches(self, lowered: list[str]) -> list[tuple[int, int, Phrase]]:
        """Every (lexicon order, token index, phrase) found in ``lowered``."""
        found: list[tuple[int, int, Phrase]] = []
        starting, starters = self.seen, self.starters
        for token in set(lowered).difference(starting):
            self._starting_with(token)
        if len(starting) < _SEEN_LIMIT:  # every token's entries are known: visit only the starters
            if starters.isdisjoint(lowered):
                return found  # most texts hold no word that starts a phrase
            places = [index for index, token in enumerate(lowered) if token in starters]
        else:
            places = list(range(len(lowered)))
        for index in places:
            token = lowered[index]
            entries = starting.get(token)
            if entries is None:
                entries = self._starting_with(token)
            for order, phrase in entries:
                size = len(phrase.words)
                if index + size <= len(lowered) and all(
                    _word_matches(p, lowered[index + k]) for k, p in enumerate(phrase.words[1:], start=1)
                ):
                    found.append((order, index, phrase))
        return found

    def _starting_with(self, token: str) -> tuple[tuple[int, Phrase], ...]:
        """The entries whose first word matches ``token``: its exact ones, then its loose ones in
        lexicon order (one dictionary read per token once seen)."""
        loose = [e for n in self.prefix_sizes if n <= len(token) for e in self.prefixed.get(token[:n], ())]
        if token.endswith("n't"):
            loose += [e for e in self.loose if e[1].words[0] == "n't"]
        entries = self.exact.get(token, ()) + tuple(sorted(loose, key=lambda entry: entry[0]))
        if len(self.seen) < _SEEN_LIMIT:
            self.seen[token] = entries
            if entries:
                self.starters.add(token)
        return entries


@cache
def phrase_index(name: str, column: str = "phrase", label: str | None = None) -> PhraseIndex:
    exact: dict[str, list[tuple[int, Phrase]]] = {}
    loose: list[tuple[int, Phrase]] = []
    for order, phrase in enumerate(phrases(name, column, label)):
        first = phrase.words[0]
        if first.endswith("*") or first == "n't":
            loose.append((order, phrase))
        else:
            exact.setdefault(first, []).append((order, phrase))
    prefixed: dict[str, list[tuple[int, Phrase]]] = {}
    for entry in loose:
        if entry[1].words[0] != "n't":
            prefixed.setdefault(entry[1].words[0][:-1], []).append(entry)
    return PhraseIndex(
        {k: tuple(v) for k, v in exact.items()},
        tuple(loose),
        {k: tuple(v) for k, v in prefixed.items()},
        tuple(sorted({len(k) for k in prefixed})),
    )


def shorten(text: str, size: int = 60) -> str:
    """``text`` on one line, cut to ``size`` characters with an ellipsis: a quotation inside a reason."""
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


_NUMBER_SIGN = re.compile(r"\b[Nn]os?\.\s*(?=\d)")


def without_number_signs(lowered: list[str], text: str) -> list[str]:
    """``lowered`` (the tokens of ``text``) with "No." before a number ("the No. 1 seller") blanked:
    an abbreviation of "number", not a negator."""
    starts = {m.start() for m in _NUMBER_SIGN.finditer(text)}
    if not starts:
        return lowered
    spans = token_spans(text)
    return ["" if start in starts else token for token, (_t, start, _e) in zip(lowered, spans, strict=True)]


def lowered_tokens(text: str) -> list[str]:
    """Lower-case tokens for phrase matching, with "a lie" style articles kept."""
    return [t.casefold() for t in tokens(text)]


_CYRILLIC = re.compile(r"[\u0400-\u052f]")


def is_latin(text: str) -> bool:
    """Whether most of the text's letters are not Cyrillic (the rules read English words only)."""
    if text.isascii():  # the common case, without a look at each letter
        return True
    cyrillic = sum(c.isalpha() for c in _CYRILLIC.findall(text))
    return not cyrillic or cyrillic * 2 <= sum(map(str.isalpha, text))


def needs_meaning(proposition: str, content: str) -> bool:
    """Whether the English rules cannot read this pair: a content or proposition not in Latin script."""
    return not (is_latin(proposition) and is_latin(content))
