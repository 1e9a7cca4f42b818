"""Time and peak memory of reading one very long single-line text (issue 17: bounded time, < 1 GB).

    PYTHONPATH=src .venv/bin/python benchmarks/long_text.py [--chars 300000]

The text is the bundled sample articles' words joined by single spaces (no line breaks at all) and
repeated up to ``--chars`` characters, so spaCy runs on it in pieces (hearsay.extract.pieces).
Printed: CPU and wall seconds of the reading, statements found, offset mismatches (a statement's
cue whose offsets do not give back its words), and the process's peak resident memory before and
after, the models included.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import time

from hearsay.extract.pipeline import extract, load_pipeline
from hearsay.ingest import make_document, read_path
from hearsay.model import Document
from hearsay.sample import sample_paths


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_line_text(chars: int) -> str:
    sample = [item for path in sample_paths() for item in read_path(path) if isinstance(item, Document)]
    words = " ".join(" ".join(d.text.split()) for d in sample)
    return ((words + " ") * (chars // len(words) + 1))[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=300_000)
    args = parser.parse_args()
    text = one_line_text(args.chars)
    nlp = load_pipeline()
    extract(make_document("The minister said on Monday that talks may resume."), nlp=nlp)
    loaded = peak_mib()
    cpu, wall = time.process_time(), time.perf_counter()
    reading = extract(make_document(text), nlp=nlp)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    mismatches = sum(text[s.cue.start : s.cue.end] != s.cue.text for s in reading.statements)
    result = {
        "characters": len(text),
        "cpu_s": round(cpu, 1),
        "wall_s": round(wall, 1),
        "statements": len(reading.statements),
        "offset_mismatches": mismatches,
        "peak_mib_models_loaded": round(loaded),
        "peak_mib": round(peak_mib()),
        "machine": platform.machine(),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
