"""Speed of the evidence view and of relation scoring.

Builds (or reuses) a linked store of N synthetic documents (``link_speed.synthesise``: invented
stories, statements, syndicated copies), then prints:

* relation scoring: candidate statements related to a proposition per second, on one core
  (``relate_claims`` over whole documents, as ``hearsay evidence`` does), after warm-up;
* ``hearsay evidence``: seconds per query (median and worst of several propositions), in-process,
  with the embedding model and the parser already loaded.

    .venv/bin/python benchmarks/evidence_speed.py                 # 10,000 documents
    .venv/bin/python benchmarks/evidence_speed.py 2000
    .venv/bin/python benchmarks/evidence_speed.py 10000 --db /tmp/ten-thousand.db   # kept for reuse
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from link_speed import synthesise  # noqa: E402

from hearsay.link import evidence, link_corpus  # noqa: E402
from hearsay.link.embeddings import load_embedder  # noqa: E402
from hearsay.relation import Claim, proposition_frame, relate_claims  # noqa: E402
from hearsay.relation.frame import _frame as frame_cache  # noqa: E402
from hearsay.store import Store, link_reads  # noqa: E402

PROPOSITIONS = (
    "the ministry closed the bridge in the capital",
    "the company denied the reports of a fuel leak",
    "police arrested the mayor",
    "the army shelled the village on Tuesday",
    "the court banned the opposition party",
)


def build(path: Path, count: int) -> None:
    if path.exists():
        print(f"reusing {path}")
        return
    started = time.perf_counter()
    synthesise(path, count)
    print(f"stored {count} synthetic documents in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    with Store(path) as store:
        counts = link_corpus(store)
    print(f"linked in {time.perf_counter() - started:.0f} s ({counts['clusters']} clusters)")


def scoring_rate(path: Path, limit: int = 5000) -> float:
    with Store(path) as store:
        rows = link_reads.statements_of_documents(
            store._conn, [r[0] for r in store._conn.execute("SELECT id FROM documents LIMIT 2000")]
        )[:limit]
    documents: dict[str, list[Claim]] = {}
    for row in rows:
        documents.setdefault(row["document_id"], []).append(Claim.of_row(row))
    rates = []
    for proposition in PROPOSITIONS:
        wanted = proposition_frame(proposition)
        frame_cache.cache_clear()  # each content read afresh, as a new query's candidates are
        started = time.process_time()
        for claims in documents.values():
            relate_claims(wanted, claims)
        rates.append(len(rows) / max(time.process_time() - started, 1e-9))
    return statistics.median(rates)


def evidence_seconds(path: Path) -> list[float]:
    load_embedder()
    proposition_frame("warm the parser up")
    times = []
    with Store(path) as store:
        for proposition in PROPOSITIONS:
            started = time.perf_counter()
            evidence(store, proposition=proposition)
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="?", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="keep the store here (reused when it exists)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = options.db or Path(folder) / "evidence.db"
        build(path, options.documents)
        rate = scoring_rate(path)
        print(f"relation scoring: {rate:,.0f} candidate statements/s on one core (target >= 200)")
        times = evidence_seconds(path)
        print(
            f"hearsay evidence on {options.documents:,} documents: median {statistics.median(times):.2f} s, "
            f"worst {max(times):.2f} s over {len(times)} propositions (target < 2 s)"
        )


if __name__ == "__main__":
    main()
