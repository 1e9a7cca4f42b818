"""How the cross-language join decides on hand-written claim pairs (tests/data/linking/crosslingual.tsv).

For each Russian claim, the English claim of best multilingual cosine whose figures agree
(``hearsay.link.across``) is joined when the cosine reaches the threshold. A join is right when
both are one claim id, and its side right when the negation parity matches the signs. Printed per
threshold: right joins, wrong joins, misses (a Russian claim whose English claim exists but was
not joined), wrong sides among the right joins.

    .venv/bin/python benchmarks/crosslingual_links.py
"""

from __future__ import annotations

import csv
from pathlib import Path

from hearsay.link.across import _figures_agree
from hearsay.link.embeddings import load_multilingual
from hearsay.relation.crosslingual import STATES, negated

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "linking" / "crosslingual.tsv"


def main() -> None:
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    english = [r for r in rows if r["language"] == "en"]
    russian = [r for r in rows if r["language"] == "ru"]
    encoder = load_multilingual()
    en_vectors = encoder.encode([r["text"] for r in english])
    ru_vectors = encoder.encode([r["text"] for r in russian])
    scores = ru_vectors @ en_vectors.T
    print(f"{len(russian)} Russian claims against {len(english)} English ones")
    negatives = sorted(
        (float(scores[i, j]), claim["text"], english[j]["text"])
        for i, claim in enumerate(russian)
        for j in range(len(english))
        if english[j]["claim"] != claim["claim"]
    )[-5:]
    print("highest cosines between different claims:")
    for score, one, other in reversed(negatives):
        print(f"  {score:.3f}: {one!r} / {other!r}")
    for threshold in sorted({0.65, 0.70, 0.75, STATES, 0.80, 0.85}):
        right = wrong = missed = wrong_side = 0
        for i, claim in enumerate(russian):
            order = sorted(range(len(english)), key=lambda j: -scores[i, j])
            best = next((j for j in order if _figures_agree(claim["text"], english[j]["text"])), None)
            exists = any(e["claim"] == claim["claim"] for e in english)
            if best is None or scores[i, best] < threshold:
                missed += exists
                continue
            other = english[best]
            if other["claim"] != claim["claim"]:
                wrong += 1
                if threshold == STATES:
                    print(f"  wrong at {scores[i, best]:.3f}: {claim['text']!r} -> {other['text']!r}")
                continue
            right += 1
            opposite = negated(claim["text"]) != negated(other["text"])
            if opposite != (claim["sign"] != other["sign"]):
                wrong_side += 1
        print(
            f"threshold {threshold:.2f}: right {right}, wrong {wrong}, missed {missed}, "
            f"wrong side among right {wrong_side}"
        )
    for i, claim in enumerate(russian):
        j = max(range(len(english)), key=lambda k: scores[i, k])
        same = [k for k, e in enumerate(english) if e["claim"] == claim["claim"]]
        own = max((scores[i, k] for k in same), default=float("nan"))
        print(f"  {own:.3f} own, best {scores[i, j]:.3f} ({english[j]['claim']}): {claim['text']}")


if __name__ == "__main__":
    main()
