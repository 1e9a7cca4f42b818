"""Where given words stand in a Doc, found in spaCy's token arrays instead of a Python loop.

A loop over every token that looks one word up in a dict costs a Token object and a string per
token; ``doc.to_array`` gives the words' hashes at once, and numpy finds the few that matter.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.strings import get_string_id
from spacy.symbols import PROPN  # type: ignore[import-not-found]  # (a Cython module without stubs)
from spacy.tokens import Doc


def word_keys(words: Iterable[str]) -> numpy.ndarray:
    """The hashes spaCy gives these words (the same in every vocabulary)."""
    return numpy.array(sorted({get_string_id(word) for word in words}), dtype=numpy.uint64)


def positions(doc: Doc, attr: str, keys: numpy.ndarray) -> list[int]:
    """The indices, in order, of the tokens whose ``attr`` ("ORTH", "LOWER", "LEMMA") is one of ``keys``."""
    return among(doc.to_array(attr), keys) if len(doc) else []


def among(values: numpy.ndarray, keys: numpy.ndarray) -> list[int]:
    """The indices of the ``values`` that are in the sorted ``keys`` (a binary search each: numpy's
    ``isin`` sorts the keys again on every call)."""
    if not len(keys):
        return []
    at = numpy.minimum(numpy.searchsorted(keys, values), len(keys) - 1)
    found: list[int] = numpy.flatnonzero(keys[at] == values).tolist()
    return found


def capitalised_proper_nouns(doc: Doc) -> list[int]:
    """The indices of the proper nouns written in title case or in capitals ("Reuters", "DW")."""
    if not len(doc):
        return []
    table = doc.to_array(["POS", "IS_TITLE", "IS_UPPER"])
    capitalised = (table[:, 1] + table[:, 2]) > 0
    found: list[int] = numpy.flatnonzero((table[:, 0] == PROPN) & capitalised).tolist()
    return found
