"""The stem of a Russian word for full-text search: the part every form of its word shares.

"Смадиярову" and "Смадиярова" share "смадияров"; "опровергла" and "опроверг" share "опроверг". The
store's index keeps words as written (SQLite's porter stemmer is English-only), so a Russian word
is searched as a prefix query on this stem, and finds the word in any inflection; no index change.
"""

from __future__ import annotations

from functools import cache
from os.path import commonprefix
from typing import Any

# Shorter stems match too much ("по" would match every "по-" word): keep the word as typed then.
MIN_STEM = 3


@cache
def _analyzer() -> Any:
    import natasha  # noqa: F401  (must come first: it patches pymorphy2 for Python 3.11, see models.py)
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


@cache
def stem(word: str) -> str:
    """The longest prefix shared by every form of ``word``'s likeliest lexeme, lower-cased."""
    lowered = word.lower().replace("ё", "е")
    parses = _analyzer().parse(lowered)
    if not parses:
        return lowered
    forms = [f.word.replace("ё", "е") for f in parses[0].lexeme] + [lowered]
    shared = commonprefix(forms)
    return shared if len(shared) >= MIN_STEM else lowered
