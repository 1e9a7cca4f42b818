"""Russian reading speed: hearsay's whole Russian reading beside natasha's own pipeline on the same texts.

    .venv/bin/python benchmarks/russian_speed.py [--data ../shared/data/factrueval2016/devset] [--limit 30]

natasha's pipeline is what its README runs: segment, morphology, syntax, NER, token lemmas and the
names' normal forms. hearsay's reading adds its names, attribution, factuality and time rules and
builds the records. The issue's target: hearsay at least 0.8 times natasha's words per second.
Models are loaded before the clock starts; each side reads the texts twice, interleaved, and the
faster pass counts (the machine is shared).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import natasha

from hearsay.lang.ru import read_document
from hearsay.lang.ru.models import load_models
from hearsay.model import Document

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "factrueval2016" / "devset"
TARGET = 0.8


def natasha_pipeline(text: str, models) -> int:
    doc = natasha.Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    for token in doc.tokens:
        token.lemmatize(models.morph_vocab)
    for span in doc.spans:
        span.normalize(models.morph_vocab)
    return len(doc.tokens)


def hearsay_reading(text: str) -> int:
    document = Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, language="ru")
    return len(read_document(document, extractor="bench").statements)


def timed(texts: list[str], read) -> float:
    started = time.perf_counter()
    for text in texts:
        read(text)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args(argv)
    files = sorted(args.data.glob("*.txt"))[: args.limit]
    if not files:
        print(f"russian_speed: no *.txt under {args.data}; name a folder with --data", file=sys.stderr)
        return 3
    texts = [f.read_text(encoding="utf-8") for f in files]
    models = load_models()
    natasha_pipeline(texts[0], models)  # warm up both sides
    hearsay_reading(texts[0])
    words = sum(natasha_pipeline(t, models) for t in texts)
    natasha_s, hearsay_s = [], []
    for _ in range(2):
        natasha_s.append(timed(texts, lambda t: natasha_pipeline(t, models)))
        hearsay_s.append(timed(texts, hearsay_reading))
    natasha_wps, hearsay_wps = words / min(natasha_s), words / min(hearsay_s)
    ratio = hearsay_wps / natasha_wps
    print(f"{len(texts)} texts, {words:,} tokens (natasha's tokenisation)")
    print(
        f"natasha pipeline: {natasha_wps:,.0f} tokens/s (passes {', '.join(f'{s:.1f}' for s in natasha_s)} s)"
    )
    print(
        f"hearsay reading:  {hearsay_wps:,.0f} tokens/s (passes {', '.join(f'{s:.1f}' for s in hearsay_s)} s)"
    )
    print(f"ratio {ratio:.2f} (target >= {TARGET}): {'met' if ratio >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
