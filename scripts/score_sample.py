"""Prints how hearsay's reading of the sample article compares with its reference reading.

.venv/bin/python scripts/score_sample.py [ARTICLE.txt GOLD.json]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from hearsay.evaluate.gold import load_gold, score_reading
from hearsay.extract.pipeline import extract
from hearsay.ingest.identity import make_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main(argv: list[str]) -> int:
    text_path = Path(argv[0]) if argv else SHARED / "kazakhstan-drones.txt"
    gold_path = Path(argv[1]) if len(argv) > 1 else text_path.with_suffix(".gold.json")
    gold = load_gold(gold_path)
    published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
    reading = extract(make_document(text_path.read_text(encoding="utf-8"), published=published))
    print(json.dumps(score_reading(gold, reading).to_dict(), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
