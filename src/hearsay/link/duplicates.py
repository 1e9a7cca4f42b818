"""Near-duplicate documents (syndicated copies, one wire story under several outlets) by MinHash.

Each document's text becomes word 4-gram shingles; 64 seeded hash functions keep the smallest
value each (the signature), and 16 bands of 4 values are indexed in ``link_document_bands``.
Documents sharing a band are candidates; a candidate whose signatures agree on at least
``DUPLICATE_JACCARD`` of the positions (an estimate of the shingles' Jaccard similarity) is a
copy, and the new document joins its group (``duplicate_of``, the group's first document).
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from ..store.links import LinkTables

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 4
# Copies differ by a dateline, a byline or an outlet's boilerplate; distinct reports of one event
# share far fewer 4-grams than this.
DUPLICATE_JACCARD = 0.6
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20250602)  # fixed: signatures must compare across runs
_A = _rng.integers(1, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> np.ndarray:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        hashes = {zlib.crc32(" ".join(words).encode("utf-8"))}
    else:
        # Each 4-gram joined by spaces is a slice of all the words joined by spaces: one encoding.
        joined = " ".join(words).encode("utf-8")
        starts, position = [], 0
        for word in words:
            starts.append(position)
            position += len(word.encode("utf-8")) + 1
        ends = [start - 1 for start in starts[SHINGLE:]] + [len(joined)]
        view = memoryview(joined)
        hashes = {zlib.crc32(view[start:end]) for start, end in zip(starts, ends, strict=False)}
    return np.array(sorted(hashes), dtype=np.uint64)


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text: 64 uint32 values."""
    values = shingles(text)
    # (a*x + b) mod p over 32-bit shingles; uint64 arithmetic wraps, which keeps it a fine hash.
    hashed = (values[:, None] * _A[None, :] + _B[None, :]) % np.uint64(_PRIME)
    low_bits: np.ndarray = (hashed.min(axis=0) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return low_bits


def bands(sig: np.ndarray) -> list[tuple[int, int]]:
    return [(band, zlib.crc32(sig[band * ROWS : (band + 1) * ROWS].tobytes())) for band in range(BANDS)]


def agreement(one: np.ndarray, other: np.ndarray) -> float:
    # The share of equal positions (np.mean's value, exactly: a count over 64; without its overhead).
    return int(np.count_nonzero(one == other)) / len(one)


def find_duplicate(
    tables: LinkTables, sig: np.ndarray, band_hashes: list[tuple[int, int]]
) -> tuple[str | None, float | None]:
    """The duplicate group of the best near-duplicate already linked, and its similarity."""
    best, best_score = None, 0.0
    for row in tables.band_candidates(band_hashes):
        score = agreement(sig, np.frombuffer(row["signature"], dtype=np.uint32))
        if score >= DUPLICATE_JACCARD and score > best_score:
            best, best_score = row["duplicate_of"], score
    return best, (best_score if best else None)
