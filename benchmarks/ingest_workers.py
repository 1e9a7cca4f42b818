"""Documents per second of `hearsay ingest --no-link` with 1 and with N reading processes, on the same texts.

    .venv/bin/python benchmarks/ingest_workers.py [--documents 240] [--workers 2] [--rounds 2]

The texts are the bundled sample corpus, copied with a numbered line each until there are
``--documents`` distinct documents. Each timed pass ingests all of them into a fresh SQLite
store through ``hearsay.pipeline.ingest`` (one writer: this process); the engines are started
and warmed up (model loaded in every worker) before the clock starts. Passes alternate between
the engines so that a busy moment on a shared machine hits both alike; every pass is printed,
and the ratio uses the best of each.

On a machine shared with other work, wall time says how much CPU the scheduler gave each pass
more than how well the work divides. So each pass also records CPU seconds: this process's
for the in-process pass, each worker's and the writer's for the parallel one. ``CPU-bound
speed-up`` is the in-process CPU time over the busiest process's CPU time in the parallel pass:
the speed-up when every process has a core of its own, i.e. on an idle machine with N cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
from pathlib import Path

from hearsay import pipeline
from hearsay.ingest import document_id, read_path
from hearsay.model import Document
from hearsay.sample import sample_paths
from hearsay.store import Store


def corpus(count: int) -> list[Document]:
    """``count`` distinct documents: the sample's, each copy with a line of its own."""
    sample = [item for path in sample_paths() for item in read_path(path) if isinstance(item, Document)]
    documents = []
    for number in range(count):
        base = sample[number % len(sample)]
        text = f"{base.text}\n\nCopy {number}."
        documents.append(dataclasses.replace(base, id=document_id(text), text=text))
    return documents


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_pass(
    engine: pipeline.Engine, documents: list[Document], folder: Path, label: str
) -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the busiest process (this one, or a worker)."""
    db = folder / f"{label}-{time.monotonic_ns()}.db"
    workers = [w.process.pid for w in getattr(engine, "_workers", [])]
    before = {pid: cpu_seconds(pid) for pid in [os.getpid(), *workers]}
    with Store(db) as store:
        started = time.perf_counter()
        summary = pipeline.ingest_documents(store, documents, engine=engine, link=False)
        seconds = time.perf_counter() - started
    cpu = max(cpu_seconds(pid) - used for pid, used in before.items())
    assert summary.new == len(documents) and not summary.failures, summary
    db.unlink()
    return seconds, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=240, help="distinct documents per pass")
    parser.add_argument("--workers", type=int, default=2, help="reading processes of the parallel engine")
    parser.add_argument("--rounds", type=int, default=2, help="alternating timed passes of each engine")
    args = parser.parse_args(argv)

    documents = corpus(args.documents)
    words = sum(len(d.text.split()) for d in documents)
    warm = corpus(8)
    pool = pipeline.WorkerPool(args.workers)
    engines: dict[str, pipeline.Engine] = {
        "1 (in process)": pipeline.InProcess(),
        f"{args.workers} (processes)": pool,
    }
    times: dict[str, list[float]] = {label: [] for label in engines}
    cpus: dict[str, list[float]] = {label: [] for label in engines}
    with tempfile.TemporaryDirectory() as folder, pool:
        for engine in engines.values():
            list(pipeline.outcomes(warm, engine))
        for _ in range(args.rounds):
            for label, engine in engines.items():
                wall, cpu = timed_pass(engine, documents, Path(folder), label.split()[0])
                times[label].append(wall)
                cpus[label].append(cpu)
                print(f"  {label}: {wall:.1f} s wall, busiest process {cpu:.1f} CPU s", flush=True)

    load = os.getloadavg()[0]
    print(f"{len(documents)} documents, {words:,} words; {os.cpu_count()} CPUs; load average {load:.1f}")
    header = f"{'workers':<26} {'best s':>8} {'docs/s':>8} {'words/s':>9}   passes (s)"
    print(header)
    print("-" * len(header))
    for label, passes in times.items():
        best = min(passes)
        listed = ", ".join(f"{t:.1f}" for t in passes)
        print(f"{label:<26} {best:>8.1f} {len(documents) / best:>8.1f} {words / best:>9,.0f}   {listed}")
    one, many = (min(passes) for passes in times.values())
    print(f"\n{args.workers} workers / 1 worker speed, wall: {one / many:.2f}x (best passes)")
    one_cpu, many_cpu = (min(passes) for passes in cpus.values())
    print(
        f"CPU-bound speed-up: {one_cpu / many_cpu:.2f}x ({one_cpu:.1f} CPU s in process; busiest of the "
        f"{args.workers} workers and the writer {many_cpu:.1f} CPU s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
