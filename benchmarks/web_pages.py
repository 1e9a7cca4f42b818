"""How long each page of `hearsay serve` takes over the bundled sample corpus, through a real server.

    .venv/bin/python benchmarks/web_pages.py [--db sample.db] [--rounds 20]

Without ``--db`` the sample corpus is ingested and linked into a
temporary SQLite file first. uvicorn then serves the app on a free 127.0.0.1 port in a thread,
and each page is fetched with httpx over HTTP: one warm-up request, then ``--rounds`` timed
ones. The time is from sending the request to having read the whole body. Printed per page:
median, 90th percentile and maximum in milliseconds, and the body size. The target is under
300 ms per page.
"""

from __future__ import annotations

import argparse
import platform
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from hearsay.ingest import read_path
from hearsay.link import cluster_list, entity_list, link_corpus
from hearsay.model import Document
from hearsay.sample import sample_paths
from hearsay.store import SQLiteStore
from hearsay.web import create_app, urls

TARGET_MS = 300


def build_db(path: Path) -> None:
    from hearsay.extract.pipeline import extract_many

    documents = [d for p in sample_paths() for d in read_path(p) if isinstance(d, Document)]
    with SQLiteStore(path) as store:
        for document, reading in zip(documents, extract_many(documents), strict=True):
            store.put(document, reading)
        link_corpus(store)


def pages(db: Path) -> list[tuple[str, str]]:
    """(name, path) of every page kind, filled with ids from the sample corpus."""
    with SQLiteStore(db, read_only=True) as store:
        main = next(d for d in read_path(sample_paths()[0]) if isinstance(d, Document))
        longest = max(store.documents(), key=lambda d: len(d.text))
        person = next(e for e in store.entities(type="PERSON"))
        found = [
            ("home", "/"),
            ("documents", "/documents"),
            ("document (sample article)", urls.document(main.id)),
            (f"document (longest, {len(longest.text):,} chars)", urls.document(longest.id)),
            ("entities", "/entities"),
            (f"entity ({person['name']})", urls.entity(urls.entity_key(person["name"], person["type"]))),
            ("entity (Aybek Smadiyarov)", urls.entity(urls.entity_key("Aybek Smadiyarov", "PERSON"))),
            ("search (words)", "/search?q=drone"),
            ("search (filters)", "/search?stance=deny&certainty=certain"),
            ("upload", "/upload"),
            ("api statements", "/api/v1/statements?limit=100"),
            ("api reading", f"/api/v1/documents/{main.id}"),
        ]
        clusters = cluster_list(store, limit=1)
        if clusters:
            cluster = clusters[0]["id"]
            found.append(("cluster (largest)", urls.cluster(cluster)))
            found.append(("document read against it", urls.document(main.id, cluster=cluster)))
        found.append(("clusters", "/clusters"))
        found.append(("evidence (free text)", urls.evidence("Kazakhstan supplied drone components")))
        found.append(("api evidence (free text)", "/api/v1/evidence?proposition=drone+components"))
        entity = entity_list(store, query="Smadiyarov", limit=1)
        if entity:
            found.append(("entity (linked Smadiyarov)", urls.entity(entity[0]["id"])))
    return found


def serve(db: Path) -> tuple[uvicorn.Server, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing hearsay database (default: ingest the sample)")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "sample.db"
            started = time.perf_counter()
            build_db(db)
            print(f"ingested the sample corpus in {time.perf_counter() - started:.1f} s")
        server, base = serve(db)
        print(f"python {platform.python_version()}, {args.rounds} timed requests per page after one warm-up")
        print(f"{'page':44} {'median':>8} {'p90':>8} {'max':>8} {'kB':>7}")
        slow = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for name, path in pages(db):
                response = client.get(path)
                response.raise_for_status()
                times = []
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    body = client.get(path).content
                    times.append((time.perf_counter() - started) * 1000)
                times.sort()
                p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
                median = statistics.median(times)
                print(f"{name:44} {median:8.1f} {p90:8.1f} {times[-1]:8.1f} {len(body) / 1000:7.1f}")
                if times[-1] > TARGET_MS:
                    slow.append(name)
        server.should_exit = True
        print(f"target: every page under {TARGET_MS} ms; over it at least once: {', '.join(slow) or 'none'}")


if __name__ == "__main__":
    main()
