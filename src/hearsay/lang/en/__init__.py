"""English: spaCy's en_core_web_sm with hearsay's components.

The English pipeline predates the language seam and still lives in ``hearsay.extract`` (its
components, lexicons and time rules); this package is its entry in the registry and names the
English-only parts other layers use, so that they can be found in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from ...extract.entity_candidates import ENTITY_LABELS
from ...extract.timex_rules import normalise as normalise_time
from ...languages import PIPELINES
from ...model import Document, Reading
from ..relation_words import RelationWords

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
    "relation_words",
]


def extract_many(documents: Iterable[Document], batch_size: int = 16) -> Iterator[Reading]:
    """Readings of English documents, streaming through spaCy."""
    from ...extract.pipeline import extract_english

    return extract_english(documents, batch_size=batch_size)


def extractor_name() -> str:
    from ...extract.pipeline import extractor_name as name_of
    from ...extract.pipeline import load_pipeline

    return name_of(load_pipeline())


@cache
def relation_words() -> RelationWords:
    """The English relation words, from the relation rules' own lexicons (``hearsay/relation/lexicons``):
    the English rules read them there directly; this is the same words behind the common interface."""
    from ...extract.lexicon import load_lexicon
    from ...relation.words import LEXICONS, stem

    def phrases(name: str, where: dict[str, str] | None = None) -> tuple[tuple[str, ...], ...]:
        found = [
            tuple(row["phrase"].casefold().split())
            for row in load_lexicon(name, LEXICONS)
            if all(row.get(k) == v for k, v in (where or {}).items())
        ]
        return tuple(f for f in found if f)

    table = {
        "negator": phrases("negators"),
        "ignorance": phrases("ignorance"),
        "verdict": phrases("verdicts", {"verdict": "false"}),
        **{kind: phrases("voice", {"kind": kind}) for kind in ("distance", "debunk", "attribution")},
    }
    return RelationWords(CODE, table, stem, frozenset(STOP_WORDS))
