"""Words per second of hearsay's extraction against the bare spaCy pipeline it builds on, on the same texts.

    .venv/bin/python benchmarks/extraction_speed.py [--words 50000] [--batch-size 16]

The texts are the bundled sample corpus, repeated until they hold at least ``--words`` words.
Both pipelines are loaded and warmed up first; the timed passes alternate (``--rounds``) and the
fastest of each counts; they run without tracemalloc (it slows
Python code several times over). Each pass's CPU time (user and system, all threads of the process)
is kept beside its wall time: on a shared machine the wall clock of a pass depends on what else runs,
its CPU time much less. A second, untimed pass of each over the first ``--heap-documents``
documents measures its Python heap peak: both stream in batches, so the peak is a batch's worth.
``ru_maxrss`` is the whole process's peak resident memory, so it is read after each timed pass.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

import spacy

from hearsay.extract.pipeline import extract_many, load_pipeline
from hearsay.ingest import read_path
from hearsay.model import Document
from hearsay.sample import sample_paths
from hearsay.settings import MODEL_CANDIDATES, load_settings


def corpus(min_words: int) -> list[Document]:
    """The sample documents, repeated until they hold at least ``min_words`` words."""
    sample = [item for path in sample_paths() for item in read_path(path) if isinstance(item, Document)]
    documents: list[Document] = []
    words = 0
    while words < min_words:
        for document in sample:
            documents.append(document)
            words += len(document.text.split())
    return documents


def base_model() -> str:
    """The spaCy package hearsay loads its pipeline from."""
    configured = load_settings().model
    if configured:
        return configured
    for name in MODEL_CANDIDATES:
        if spacy.util.is_package(name):
            return name
    raise SystemExit("no spaCy pipeline installed; run scripts/install")


def max_rss_mib() -> float:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def timed(run: Callable[[], int]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and the count ``run`` returns."""
    start, cpu = time.perf_counter(), time.process_time()
    count = run()
    return time.perf_counter() - start, time.process_time() - cpu, count


def heap_peak_mib(run: Callable[[], int]) -> float:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000, help="at least this many words")
    parser.add_argument("--batch-size", type=int, default=16, help="documents per nlp.pipe batch")
    parser.add_argument("--heap-documents", type=int, default=64, help="documents in the heap pass")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timed passes; the fastest counts")
    args = parser.parse_args(argv)

    documents = corpus(args.words)
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    name = base_model()
    bare = spacy.load(name)
    hearsay_nlp = load_pipeline()

    def run_bare(limit: int | None = None) -> int:
        return sum(1 for _ in bare.pipe(texts[:limit], batch_size=args.batch_size))

    def run_hearsay(limit: int | None = None) -> int:
        return sum(1 for _ in extract_many(documents[:limit], nlp=hearsay_nlp, batch_size=args.batch_size))

    # Warm-up: the first documents pay for lazy initialisation in spaCy and in our lexicons.
    list(bare.pipe(texts[:4]))
    list(extract_many(documents[:4], nlp=hearsay_nlp))

    # Alternate the two so that a busy moment on the machine hits both alike; keep each one's best.
    bare_times, hearsay_times, bare_cpus, hearsay_cpus = [], [], [], []
    for _ in range(args.rounds):
        bare_s, bare_cpu, bare_n = timed(run_bare)
        bare_times.append(bare_s)
        bare_cpus.append(bare_cpu)
        bare_rss = max_rss_mib()
        hearsay_s, hearsay_cpu, hearsay_n = timed(run_hearsay)
        hearsay_times.append(hearsay_s)
        hearsay_cpus.append(hearsay_cpu)
        hearsay_rss = max_rss_mib()
        assert bare_n == hearsay_n == len(documents)
    bare_s, hearsay_s = min(bare_times), min(hearsay_times)
    bare_cpu, hearsay_cpu = min(bare_cpus), min(hearsay_cpus)
    heap_documents = min(args.heap_documents, len(documents))
    bare_heap = heap_peak_mib(lambda: run_bare(heap_documents))
    hearsay_heap = heap_peak_mib(lambda: run_hearsay(heap_documents))

    print(f"{len(documents)} documents, {words:,} words (sample corpus repeated), batch {args.batch_size}")
    print(f"best of {args.rounds} alternating passes each")
    print("bare spaCy passes (s):", ", ".join(f"{t:.2f}" for t in bare_times))
    print("hearsay passes (s):   ", ", ".join(f"{t:.2f}" for t in hearsay_times))
    print("bare spaCy CPU (s):   ", ", ".join(f"{t:.2f}" for t in bare_cpus))
    print("hearsay CPU (s):      ", ", ".join(f"{t:.2f}" for t in hearsay_cpus))
    print(f"spaCy {spacy.__version__}, {name}, Python {platform.python_version()}, {platform.machine()}")
    print()
    header = f"{'pipeline':<38} {'seconds':>8} {'CPU s':>7} {'words/s':>10} {'max RSS MiB':>12}"
    header += f" {'heap peak MiB':>14}"
    print(header)
    print("-" * len(header))
    for label, seconds, cpu, rss, heap in (
        (f"bare spaCy ({name})", bare_s, bare_cpu, bare_rss, bare_heap),
        ("hearsay extract_many", hearsay_s, hearsay_cpu, hearsay_rss, hearsay_heap),
    ):
        print(f"{label:<38} {seconds:>8.2f} {cpu:>7.2f} {words / seconds:>10,.0f} {rss:>12.0f} {heap:>14.1f}")
    print()
    ratio = bare_s / hearsay_s
    print(f"hearsay / bare spaCy speed: {ratio:.2f} (hearsay takes {1 / ratio:.2f}x as long)")
    print(
        f"by CPU time: {bare_cpu / hearsay_cpu:.2f} (hearsay's CPU is {hearsay_cpu / bare_cpu:.2f}x spaCy's)"
    )
    paired = sorted(b / h for b, h in zip(bare_cpus, hearsay_cpus, strict=True))
    print(
        f"median of the {len(paired)} rounds' CPU ratios: {statistics.median(paired):.2f} "
        f"(a round's bare pass against its hearsay pass; range {paired[0]:.2f}-{paired[-1]:.2f})"
    )
    print("max RSS: the process peak after each timed pass (both pipelines are loaded throughout).")
    print(f"heap peak: tracemalloc, over the first {heap_documents} documents.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
