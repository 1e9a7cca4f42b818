"""English: spaCy's en_core_web_sm with hearsay's components.

The English pipeline predates the language seam and still lives in ``hearsay.extract`` (its
components, lexicons and time rules); this package is its entry in the registry and names the
English-only parts other layers use, so that they can be found in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from ...extract.entity_candidates import ENTITY_LABELS
from ...extract.timex_rules import normalise as normalise_time
from ...languages import PIPELINES
from ...model import Document, Reading

CODE = "en"
NAME = "English"
# spaCy packages to try, in order (the first installed one is used).
MODELS = PIPELINES["en"]

__all__ = [
    "CODE",
    "ENTITY_LABELS",
    "MODELS",
    "NAME",
    "STOP_WORDS",
    "extract_many",
    "extractor_name",
    "normalise_time",
]


def extract_many(documents: Iterable[Document], batch_size: int = 16) -> Iterator[Reading]:
    """Readings of English documents, streaming through spaCy."""
    from ...extract.pipeline import extract_english

    return extract_english(documents, batch_size=batch_size)


def extractor_name() -> str:
    from ...extract.pipeline import extractor_name as name_of
    from ...extract.pipeline import load_pipeline

    return name_of(load_pipeline())
