"""The words by which the relation rules (``hearsay.relation``) read a language: what negates a clause,
what says the speaker does not know, what calls a claim false, and how a report keeps its distance.

Each language package gives its own ``RelationWords`` (``hearsay.lang.relation_words(code)``); the
relation rules never name a word of a language other than English themselves. A phrase is lower-case
words separated by spaces; a word ending in ``*`` matches any word it begins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..extract.lexicon import load_lexicon

KINDS = ("negator", "concord", "ignorance", "verdict", "distance", "debunk", "attribution", "complementizer")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def words_of(text: str) -> list[str]:
    """The lower-case words of ``text``, in order ("ё" read as "е")."""
    return [w.casefold().replace("ё", "е") for w in _WORD.findall(text)]


def _matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


@dataclass(frozen=True, slots=True)
class RelationWords:
    """One language's phrases by kind (``KINDS``), its stemmer and its stop words."""

    code: str
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    stem: Callable[[str], str]
    stop_words: frozenset[str]

    @classmethod
    def from_lexicon(
        cls, code: str, name: str, package: str, stem: Callable[[str], str], stop_words: frozenset[str]
    ) -> RelationWords:
        """Read a ``phrase``/``kind`` lexicon (one phrase a line)."""
        found: dict[str, list[tuple[str, ...]]] = {kind: [] for kind in KINDS}
        for row in load_lexicon(name, package):
            found[row["kind"]].append(tuple(row["phrase"].casefold().split()))
        return cls(code, {k: tuple(v) for k, v in found.items()}, stem, stop_words)

    def found(self, kind: str, text: str) -> list[tuple[int, int]]:
        """(first word, word after the last) of every ``kind`` phrase in ``text``, longest first, none
        overlapping."""
        return self.found_in(kind, words_of(text))

    def found_in(self, kind: str, lowered: list[str]) -> list[tuple[int, int]]:
        taken: set[int] = set()
        spans = []
        for phrase in sorted(self.phrases.get(kind, ()), key=len, reverse=True):
            size = len(phrase)
            for index in range(len(lowered) - size + 1):
                window = range(index, index + size)
                if taken.isdisjoint(window) and all(
                    _matches(p, lowered[index + k]) for k, p in enumerate(phrase)
                ):
                    spans.append((index, index + size))
                    taken.update(window)
        return sorted(spans)

    def has(self, kind: str, text: str) -> bool:
        return bool(self.found(kind, text))

    def negations(self, text: str) -> int:
        """How many times ``text`` negates: its negators, and its verdicts that call something false, each
        once; a negator inside a phrase of ignorance ("нет сведений") or of a verdict counts
        only as that phrase."""
        lowered = words_of(text)
        phrases = [s for kind in ("ignorance", "verdict") for s in self.found_in(kind, lowered)]
        inside = {k for start, end in phrases for k in range(start, end)}
        negators = [s for s in self.found_in("negator", lowered) if s[0] not in inside]
        concord = [s for s in self.found_in("concord", lowered) if s[0] not in inside]
        return len(negators) + (1 if concord and not negators else 0) + len(self.found_in("verdict", lowered))

    def without_complementizer(self, text: str) -> str:
        """An indirect content without the word that opens it ("что Казахстан ..." -> "Казахстан ..."):
        the proposition it states does not have it. Only a lower-case opening word counts: a quotation
        opens with a capital ("«Что бы ни было ...»")."""
        stripped = text.lstrip()
        for phrase in sorted(self.phrases.get("complementizer", ()), key=len, reverse=True):
            opening = " ".join(phrase)
            rest = stripped[len(opening) :]
            if stripped.startswith(opening) and rest[:1] in (" ", ","):
                return rest.lstrip(" ,")
        return text

    def content_stems(self, text: str) -> frozenset[str]:
        """The stems of the text's words that are not stop words (nor one or two letters long)."""
        return frozenset(self.stem(w) for w in words_of(text) if len(w) > 2 and w not in self.stop_words)
