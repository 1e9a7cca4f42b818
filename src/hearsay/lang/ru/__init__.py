"""Russian: natasha (navec + slovnet morphology, syntax and NER) with hearsay's Russian rules.

Reads a document into the same records as English: entities in their base form, attributed
statements with stance, certainty and polarity, and time expressions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.lang.ru.stop_words import STOP_WORDS

from ...model import Document, Reading
from ..relation_words import RelationWords
from .attribution import find_statements
from .models import load_models, natasha_version
from .names import find_entities
from .parse import parse
from .quotes import find_quotations
from .reading import to_reading
from .sources import SourceFinder
from .times import find_times

CODE = "ru"
NAME = "Russian"
# The length a stem is cut to for the relation rules (hearsay.relation.words.STEM for English).
RELATION_STEM = 6

__all__ = [
    "CODE",
    "NAME",
    "STOP_WORDS",
    "extract_many",
    "extractor_name",
    "read_document",
    "relation_words",
]


def extractor_name() -> str:
    from ... import __version__

    return f"hearsay-{__version__}/ru_natasha-{natasha_version()}"


@cache
def relation_words() -> RelationWords:
    """Russian negators, verdicts, hedges and ignorance (``lexicons/relation_words.tsv``), with the
    stemmer of Russian search cut short as the English stems are ("поставлял", "поставки": "постав")."""
    from .stems import stem

    def short_stem(word: str) -> str:
        return stem(word)[:RELATION_STEM]

    return RelationWords.from_lexicon(
        CODE, "relation_words", "hearsay.lang.ru.lexicons", short_stem, frozenset(STOP_WORDS)
    )


def read_document(document: Document, extractor: str | None = None) -> Reading:
    """The reading of one Russian document."""
    parsed = parse(document.text, load_models())
    entities = find_entities(parsed)
    statements = find_statements(parsed, find_quotations(document.text), SourceFinder(parsed, entities))
    times = find_times(document.text, document.published)
    return to_reading(document, entities, statements, times, extractor or extractor_name())


def extract_many(documents: Iterable[Document], batch_size: int = 16) -> Iterator[Reading]:
    """Readings of Russian documents, in order (natasha reads one text at a time)."""
    name = extractor_name()
    for document in documents:
        yield read_document(document, name)
