"""Languages hearsay reads: one package per language, found through ``REGISTRY``.

Each package (``hearsay.lang.en``, ``hearsay.lang.ru``) exposes the same small interface, the
``LanguagePackage`` protocol below: it reads documents of its language into the same records
(``hearsay.model.Reading``), so storage, linking, the UI and evaluation never branch on language.
Adding a language is one package plus one line here (docs/languages.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Protocol, cast

from ..errors import InputError
from ..model import Document, Reading
from .relation_words import RelationWords

# ISO 639-1 code -> the package that reads that language.
REGISTRY: dict[str, str] = {
    "en": "hearsay.lang.en",
    "ru": "hearsay.lang.ru",
}


class LanguagePackage(Protocol):
    """What the extractor needs from a language package."""

    CODE: str
    NAME: str

    def extract_many(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Reading]:
        """Readings of documents in this language, in order."""
        ...

    def extractor_name(self) -> str:
        """The name and version of the pipeline, recorded with every reading."""
        ...

    def relation_words(self) -> RelationWords:
        """The words by which the relation rules read this language (negators, verdicts, hedges)."""
        ...


def supported(code: str) -> bool:
    """Whether hearsay has a pipeline for the language ``code``."""
    return code in REGISTRY


def known() -> list[str]:
    """The codes of the languages hearsay reads."""
    return sorted(REGISTRY)


def unsupported(code: str, *, where: str = "") -> InputError:
    """The one-line error for a text in a language hearsay has no package for."""
    return InputError(
        f"is in language {code!r}, which hearsay cannot read yet (it reads: {', '.join(known())}); "
        "set HEARSAY_LANGUAGE=en to read it as English anyway",
        where=where,
    )


def language_package(code: str, *, where: str = "") -> LanguagePackage:
    """The package that reads ``code``; an InputError naming the known languages otherwise."""
    if code not in REGISTRY:
        raise unsupported(code, where=where)
    return cast(LanguagePackage, importlib.import_module(REGISTRY[code]))


def search_prefix(word: str) -> str | None:
    """The stem to search a word by as a prefix, for languages the index cannot stem (Russian)."""
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        from .ru.stems import stem

        return stem(word)
    return None


def text_language(text: str) -> str:
    """The language the relation rules read ``text`` in, told by its script: mostly Cyrillic letters
    are Russian, anything else English (German beside English is read as English)."""
    letters = [c for c in text if c.isalpha()]
    cyrillic = sum("\u0400" <= c <= "\u052f" for c in letters)
    return "ru" if letters and cyrillic * 2 > len(letters) else "en"


def relation_words(code: str) -> RelationWords:
    """The relation words of the language ``code`` (``hearsay.lang.relation_words``)."""
    return language_package(code).relation_words()


def for_meaning(text: str) -> str:
    """``text`` as the multilingual encoder compares it: an indirect content without the complementizer
    that opens it in its language ("что ..."), which the proposition it states does not have."""
    return relation_words(text_language(text)).without_complementizer(text)
