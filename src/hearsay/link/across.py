"""Claims across languages: a Russian report and its English retelling are one claim.

MiniLM and the word rules of ``hearsay.relation`` read English; a content in another script
shares no word with an English cluster's wording. For such pairs the clusterer asks
``MultilingualVectors.join``: among the candidate clusters (found by shared keys, in practice the
linked entities both name: "Смадияров" is "Smadiyarov"), those whose founding wording is in the
other script are compared by the multilingual encoder's cosine. The best one at
``relation.crosslingual.STATES`` or more joins, when

* the entity guard of ``claims.joins`` holds (each naming an entity the other does not is two claims),
* their figures agree (each naming a number the other lacks is two claims);

it joins as the negation (``opposite``) when exactly one of them is negated (English negators by
the rules, Russian ones through ``hearsay.lang.relation_words``).

Multilingual vectors are cached in ``link_embeddings`` under ``u:`` + the text hash. Contents not
in Latin script get one when their document is linked (so ``hearsay evidence`` in English finds
them); a Latin-script content only when it is compared with one. A corpus in one script never
loads the encoder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..relation.crosslingual import STATES, negated
from ..relation.words import is_latin
from ..store.links import LinkTables
from .embeddings import from_bytes, load_multilingual, multilingual_key, to_bytes

# Cross-script candidates compared per statement, those sharing the most entities first.
COMPARED_ACROSS = 24
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(slots=True)
class MultilingualVectors:
    """The multilingual vectors of contents, read from the cache or encoded (and cached) in batches."""

    tables: LinkTables
    known: dict[str, np.ndarray] = field(default_factory=dict)

    def ensure(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """text -> its multilingual vector, for each of ``texts``."""
        keys = {text: multilingual_key(text) for text in texts}
        wanted = sorted({k for k in keys.values() if k not in self.known})
        if wanted:
            self.known.update({k: from_bytes(v) for k, v in self.tables.cached_vectors(wanted).items()})
        missing = sorted({k: t for t, k in keys.items() if k not in self.known}.items())
        if missing:
            encoded = load_multilingual().encode([t for _k, t in missing])
            new = {k: encoded[i] for i, (k, _t) in enumerate(missing)}
            self.tables.add_vectors({k: to_bytes(v) for k, v in new.items()})
            self.known.update(new)
        return {text: self.known[key] for text, key in keys.items()}

    def cache_other_scripts(self, texts: Sequence[str]) -> None:
        """Give every content not in Latin script its vector now, in one batch."""
        other = [t for t in dict.fromkeys(texts) if not is_latin(t)]
        if other:
            self.ensure(other)

    def join(self, text: str, entities: int, candidates: Sequence[Any]) -> tuple[Any, float, bool] | None:
        """The cluster in another script whose wording this content states: (row, cosine, opposite)."""
        latin = is_latin(text)
        across = [c for c in candidates if is_latin(c.row["representative"]) != latin]
        if not across:
            return None
        across.sort(key=lambda c: (-c.common_entities, -c.score))
        across = [c for c in across[:COMPARED_ACROSS] if _entities_agree(entities, c)]
        if not across:
            return None
        vectors = self.ensure([text, *(c.row["representative"] for c in across)])
        mine = vectors[text]
        best, best_cosine = None, STATES
        for candidate in across:
            wording = candidate.row["representative"]
            cosine = float(vectors[wording] @ mine)
            if cosine >= best_cosine and _figures_agree(text, wording):
                best, best_cosine = candidate, cosine
        if best is None:
            return None
        return best.row, best_cosine, negated(text) != negated(best.row["representative"])


def _entities_agree(entities: int, candidate: Any) -> bool:
    common = candidate.common_entities
    return not (entities > common and candidate.row["entities"] > common)


def _figures_agree(one: str, other: str) -> bool:
    first, second = set(_NUMBER.findall(one)), set(_NUMBER.findall(other))
    return not (first - second and second - first)
