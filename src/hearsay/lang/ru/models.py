"""natasha's models (navec embeddings, slovnet morphology, syntax and NER), loaded once per process.

``import natasha`` must come before any pymorphy2 analyser is built: pymorphy2 0.9.1 calls
``inspect.getargspec``, which Python 3.11 removed, and natasha's import of yargy patches that
call (yargy.morph.pymorphy2_311_hotfix). Importing natasha here, at the top, keeps that order.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from typing import Any

import natasha

from ...errors import ModelError
from ...threads import limit_blas_threads

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Models:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any


def load_models() -> Models:
    """natasha's segmenter, morphology vocabulary, taggers and parser (built once per process)."""
    with _lock:
        return _load()


@cache
def _load() -> Models:
    limit_blas_threads()
    try:
        embedding = natasha.NewsEmbedding()
        return Models(
            segmenter=natasha.Segmenter(),
            morph_vocab=natasha.MorphVocab(),
            morph_tagger=natasha.NewsMorphTagger(embedding),
            syntax_parser=natasha.NewsSyntaxParser(embedding),
            ner_tagger=natasha.NewsNERTagger(embedding),
        )
    except Exception as error:  # a missing or broken model file: one line, with the fix
        raise ModelError(
            f"natasha's Russian models could not be loaded ({type(error).__name__}: {error}); "
            "run scripts/install (hearsay needs natasha==1.6.0)"
        ) from error


def natasha_version() -> str:
    return metadata.version("natasha")
