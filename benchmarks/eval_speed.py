"""Seconds to evaluate a PolNeAR split: loading, reading with hearsay, scoring, separately.

    .venv/bin/python benchmarks/eval_speed.py [--data ../shared/data/polnear] [--split dev]

The issue's target: the whole dev split (84 articles) in under two minutes on the project's machine.
The model is loaded (and warmed up) before the clock starts, as it is once per `hearsay eval` process;
its loading time is printed on its own.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from hearsay.evaluate.metrics import Totals, score_document
from hearsay.evaluate.polnear import load_articles, predictions, read_articles
from hearsay.extract.pipeline import load_pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args(argv)
    if not (args.data / args.split).is_dir():
        print(f"eval_speed: no {args.split} split under {args.data}; name one with --data", file=sys.stderr)
        return 3

    started = time.perf_counter()
    load_pipeline()
    model_s = time.perf_counter() - started

    started = time.perf_counter()
    articles = load_articles(args.data, args.split)
    load_s = time.perf_counter() - started

    started = time.perf_counter()
    readings = list(read_articles(articles))
    read_s = time.perf_counter() - started

    started = time.perf_counter()
    totals = Totals()
    for article, reading in zip(articles, readings, strict=True):
        totals.add(score_document(article.text, list(article.attributions), predictions(reading)).totals)
    score_s = time.perf_counter() - started

    words = sum(len(a.text.split()) for a in articles)
    print(
        f"machine: {os.cpu_count()} cores; split {args.split}: {len(articles)} articles, {words:,} words, "
        f"{totals.gold:,} annotated attributions"
    )
    print(f"model load (once per process): {model_s:6.1f} s")
    print(f"load annotations:              {load_s:6.2f} s")
    print(f"read with hearsay:             {read_s:6.1f} s  ({words / read_s:,.0f} words/s)")
    print(f"score:                         {score_s:6.2f} s")
    print(f"evaluation total (no model):   {load_s + read_s + score_s:6.1f} s  (target: under 120 s for dev)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
