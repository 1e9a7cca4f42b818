"""How long each page of `hearsay serve` takes over the bundled sample corpus, through a real server.

    .venv/bin/python benchmarks/web_pages.py [--db sample.db] [--rounds 20] [--copies 10]

Without ``--db`` the sample corpus is ingested and linked into a temporary SQLite file first;
``--copies N`` stores it N times (each copy's text and title carry "(copy k)", so each is a new
document with the same reading) to measure a bigger store without running the extractor N times.
The store's size is printed. uvicorn then serves the app on a free 127.0.0.1 port in a thread,
and each page is fetched with httpx over HTTP: one warm-up request, then ``--rounds`` timed
ones. The time is from sending the request to having read the whole body. Printed per page:
the first request (the warm-up: what is remembered until the store changes is computed there) and
the CPU time this process (server and client) spent on it,
median, 95th percentile and maximum of the timed ones in milliseconds, and the body size. The target is a p95
under 300 ms for every page.
"""

from __future__ import annotations

import argparse
import platform
import socket
import statistics
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import httpx
import uvicorn

from hearsay.ingest import read_path
from hearsay.link import cluster_list, cluster_members, entity_list, link_corpus
from hearsay.model import Document
from hearsay.sample import sample_paths
from hearsay.store import SQLiteStore
from hearsay.web import create_app, urls

TARGET_MS = 300


def build_db(path: Path, copies: int = 1) -> None:
    from hearsay.extract.pipeline import extract_many
    from hearsay.ingest.identity import document_id

    documents = [d for p in sample_paths() for d in read_path(p) if isinstance(d, Document)]
    with SQLiteStore(path) as store:
        for document, reading in zip(documents, extract_many(documents), strict=True):
            store.put(document, reading)
            for copy in range(2, copies + 1):
                text = f"{document.text}\n(copy {copy})"
                twin = replace(
                    document, id=document_id(text), text=text, title=f"{document.title or ''} (copy {copy})"
                )
                store.put(twin, replace(reading, document_id=twin.id, document=twin))
        link_corpus(store)


def pages(db: Path) -> list[tuple[str, str]]:
    """(name, path) of every page kind, filled with ids from the store: the sample's own documents and
    names where they are stored, else the store's largest claim, its first member's document and its
    most mentioned names (so a big store of other texts is measured on pages that exist)."""
    with SQLiteStore(db, read_only=True) as store:
        clusters = cluster_list(store, limit=1)
        members = cluster_members(store, clusters[0].id) if clusters else []
        main = next(d for d in read_path(sample_paths()[0]) if isinstance(d, Document))
        if not store._conn.execute("SELECT 1 FROM documents WHERE id = ?", (main.id,)).fetchone():
            main = store.document(members[0].document_id) if members else store.documents(limit=1)[0]
        longest_id, longest_size = store._conn.execute(
            "SELECT id, length(text) FROM documents ORDER BY length(text) DESC, id LIMIT 1"
        ).fetchone()
        names = store_names(store)
        found = [
            ("home", "/"),
            ("documents", "/documents"),
            ("document (sample article)", urls.document(main.id)),
            (f"document (longest, {longest_size:,} chars)", urls.document(longest_id)),
            ("entities", "/entities"),
            ("entities (page 3)", "/entities?offset=50"),
        ]
        found += [
            (f"entity ({name}, by TYPE:name)", urls.entity(urls.entity_key(name, t))) for name, t in names
        ]
        found += [
            ("search (words)", "/search?q=drone"),
            ("search (common word, more)", "/search?q=the&documents_offset=10"),
            ("search (filters)", "/search?stance=deny&certainty=certain"),
            ("upload", "/upload"),
            ("api statements", "/api/v1/statements?limit=100"),
            ("api reading", f"/api/v1/documents/{main.id}"),
        ]
        if clusters:
            cluster = clusters[0].id
            found.append((f"cluster (largest, {clusters[0].size} members)", urls.cluster(cluster)))
            found.append(("document read against it", urls.document(members[0].document_id, cluster=cluster)))
            found.append(("api cluster evidence", f"/api/v1/clusters/{cluster}/evidence"))
        found.append(("clusters", "/clusters"))
        found.append(("stories", "/stories"))
        stories = store_stories(store)
        if stories:
            found.append(("story (largest)", urls.story(stories[0])))
        found.append(("evidence (free text)", urls.evidence("Kazakhstan supplied drone components")))
        found.append(("api evidence (free text)", "/api/v1/evidence?proposition=drone+components"))
        entity = entity_list(store, query="Smadiyarov", limit=1)
        if entity:
            found.append(("entity (linked Smadiyarov)", urls.entity(entity[0]["id"])))
        busiest = entity_list(store, limit=1)
        if busiest:
            found.append((f"entity (most mentioned, {busiest[0]['name']})", urls.entity(busiest[0]["id"])))
            found.append(
                ("entity (its 3rd page of statements)", urls.entity(busiest[0]["id"]) + "?said_page=3")
            )
            found.append(("api entity (with why)", f"/api/v1/entities/{busiest[0]['id']}"))
        if clusters:
            found.append(("api provenance GraphML", f"/api/v1/clusters/{clusters[0].id}/provenance.graphml"))
        found.append(("not found", "/documents/ffffffffffff"))
    return found


def store_names(store: SQLiteStore) -> list[tuple[str, str]]:
    """(name, type) of the entity pages reached by ``TYPE:name`` links: the first person the store
    lists, Aybek Smadiyarov when stored, and the most mentioned person."""
    conn = store._conn
    found = [
        tuple(row)
        for row in conn.execute(
            "SELECT name, type FROM entities WHERE type = 'PERSON' ORDER BY rowid LIMIT 1"
        )
    ]
    if conn.execute("SELECT 1 FROM entities WHERE name = 'Aybek Smadiyarov' AND type = 'PERSON'").fetchone():
        found.append(("Aybek Smadiyarov", "PERSON"))
    found += [
        tuple(row)
        for row in conn.execute(
            "SELECT name, type FROM entities WHERE type = 'PERSON' GROUP BY name, type"
            " ORDER BY count(*) DESC, name LIMIT 1"
        )
    ]
    return list(dict.fromkeys(found))


def store_stories(store: SQLiteStore) -> list[str]:
    from hearsay.link import story_list

    return [s.id for s in story_list(store, limit=1)]


def serve(db: Path) -> tuple[uvicorn.Server, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db, warm=True), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    started = time.perf_counter()
    while not server.started:
        time.sleep(0.05)
    print(f"server started in {time.perf_counter() - started:.1f} s (models loaded, as `hearsay serve` does)")
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing hearsay database (default: ingest the sample)")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--copies", type=int, default=1, help="store the sample corpus this many times")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "sample.db"
            started = time.perf_counter()
            build_db(db, args.copies)
            took = time.perf_counter() - started
            print(f"ingested and linked the sample corpus x{args.copies} in {took:.1f} s")
        with SQLiteStore(db, read_only=True) as store:
            counts = store.counts()
        print(f"store: {counts['documents']:,} documents, {counts['statements']:,} statements")
        server, base = serve(db)
        print(f"python {platform.python_version()}, {args.rounds} timed requests per page after one warm-up")
        print(f"{'page':44} {'first':>8} {'cpu':>6} {'median':>8} {'p95':>8} {'max':>8} {'kB':>7}")
        slow = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for name, path in pages(db):
                started, cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                first = (time.perf_counter() - started) * 1000  # answers remembered later come from here
                first_cpu = (time.process_time() - cpu) * 1000
                if response.status_code >= 500 or (response.status_code >= 400 and name != "not found"):
                    response.raise_for_status()
                times = []
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    body = client.get(path).content
                    times.append((time.perf_counter() - started) * 1000)
                times.sort()
                p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                median = statistics.median(times)
                print(
                    f"{name:44} {first:8.1f} {first_cpu:6.0f} {median:8.1f} {p95:8.1f} {times[-1]:8.1f}"
                    f" {len(body) / 1000:7.1f}"
                )
                if p95 > TARGET_MS:
                    slow.append(name)
        server.should_exit = True
        print(f"target: every page's p95 under {TARGET_MS} ms; over it: {', '.join(slow) or 'none'}")


if __name__ == "__main__":
    main()
