"""Scale benchmark: extraction, linking and query latency on stores of real news texts.

The corpus is built from the bundled sample (90 Wikinews articles and the Kazakhstan report):
copy ``i`` of article ``i % 91`` keeps its title and dateline (moved by ``i // 91`` days), and
its body sentences are shuffled, about a fifth dropped and one borrowed from another article
of the same story, with a seed per copy, so every document is unique real text (same words,
new arrangement). Readings are extracted once into a cache (``readings.jsonl``) and stored
into a fresh SQLite file per size, so link times compare like with like.

    PYTHONPATH=src .venv/bin/python benchmarks/scale.py all --sizes 300,1000 --work /tmp/scale

Steps (each can run alone, ``--work`` keeps their files): ``corpus`` (texts), ``read`` (the
readings cache, with extraction vs bare spaCy timed on the same texts), ``link`` (a store per
size, linked, timed), ``queries`` (p50/p95 of the main queries and API lists on the largest
store), ``one-more`` (one new document through ``hearsay ingest``). ``all`` runs them in order.

``queries --db-url postgresql://...`` times the same queries on PostgreSQL: an empty database is
filled from the SQLite store of the largest size (its readings and embeddings) and linked there.
The queries' arguments are drawn in a fixed order, so both backends answer the same calls.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hearsay.model import Document, Reading

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`\"'(])")
DATELINE = re.compile(r"^([A-Z][a-z]+) (\d{1,2}), (\d{4})$")


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- corpus ---------------------------------------------------------------------------------


TOPICS = (
    ("apple", ("apple", "iphone", "ipod", "itunes", "jobs")),
    ("gm", ("general motors", "gm ", "chevrolet")),
)


def _topic(title: str) -> str:
    lowered = title.casefold() + " "
    return next((topic for topic, words in TOPICS if any(w in lowered for w in words)), "airbus")


def base_articles() -> list[tuple[str, str, str, list[str]]]:
    """(story, title, dateline, body sentences) of every bundled article (hearsay.sample)."""
    from hearsay.sample import MAIN_ARTICLE, WIKINEWS, sample_dir

    folder = sample_dir()
    articles = []
    for line in (folder / WIKINEWS).read_text(encoding="utf-8").splitlines():
        lines = json.loads(line)["text"].split("\n")
        body = " ".join(part for part in lines[2:] if part.strip())
        articles.append((_topic(lines[0]), lines[0], lines[1], SENTENCE.split(body)))
    main = (folder / MAIN_ARTICLE).read_text(encoding="utf-8").split("\n")
    body = " ".join(part for part in main[1:] if part.strip())
    articles.append(("drones", main[0], "June 5, 2025", SENTENCE.split(body)))
    return articles


def _moved(dateline: str, days: int) -> str:
    found = DATELINE.match(dateline.strip())
    if not found:
        return dateline
    date = dt.datetime.strptime(dateline.strip(), "%B %d, %Y").date() + dt.timedelta(days=days)
    return f"{date:%B} {date.day}, {date.year}"


def copy_text(articles: list[tuple[str, str, str, list[str]]], number: int) -> str:
    """The ``number``-th document of the corpus (deterministic)."""
    rng = random.Random(number)
    topic, title, dateline, sentences = articles[number % len(articles)]
    kept = [s for s in sentences if rng.random() > 0.2] or sentences[:1]
    rng.shuffle(kept)
    same_story = [a for a in articles if a[0] == topic and a[1] != title]
    if same_story:
        borrowed = rng.choice(rng.choice(same_story)[3])
        kept.insert(rng.randrange(len(kept) + 1), borrowed)
    edition = number // len(articles)
    heading = title if edition == 0 else f"{title} ({edition + 1})"
    return f"{heading}\n{_moved(dateline, edition)}\n\n" + " ".join(kept) + "\n"


def write_corpus(folder: Path, size: int) -> list[Path]:
    articles = base_articles()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(size):
        path = folder / f"doc-{number:06d}.txt"
        if not path.exists():
            path.write_text(copy_text(articles, number), encoding="utf-8")
        paths.append(path)
    return paths


def documents_of(paths: list[Path]) -> list[Document]:
    from hearsay.ingest import read_path

    return [item for path in paths for item in read_path(path) if isinstance(item, Document)]


# --- reading --------------------------------------------------------------------------------


def read_step(work: Path, size: int, compare: int) -> dict[str, Any]:
    """Extract ``size`` documents into the readings cache; time extraction vs bare spaCy on ``compare``."""
    import spacy

    from hearsay.extract.pipeline import extract_many, load_pipeline

    paths = write_corpus(work / "corpus", size)
    cache = work / "readings.jsonl"
    done = 0
    if cache.exists():
        with cache.open(encoding="utf-8") as lines:
            done = sum(1 for _ in lines)
    nlp = load_pipeline()
    result: dict[str, Any] = {}
    if compare:
        documents = documents_of(paths[:compare])
        texts = [d.text for d in documents]
        base = spacy.load(_base_model())
        list(base.pipe(texts[:4]))
        list(extract_many(documents[:4], nlp=nlp))
        bare_s, ours_s = [], []
        for _ in range(2):  # alternate, keep each one's best
            start = time.perf_counter()
            list(base.pipe(texts, batch_size=16))
            bare_s.append(time.perf_counter() - start)
            start = time.perf_counter()
            list(extract_many(documents, nlp=nlp, batch_size=16))
            ours_s.append(time.perf_counter() - start)
        words = sum(len(t.split()) for t in texts)
        result["extraction"] = {
            "documents": len(documents),
            "words": words,
            "bare_spacy_s": round(min(bare_s), 2),
            "hearsay_s": round(min(ours_s), 2),
            "ratio": round(min(bare_s) / min(ours_s), 2),
        }
    if done < size:
        started = time.perf_counter()
        documents = documents_of(paths[done:size])
        with cache.open("a", encoding="utf-8") as out:
            for reading in extract_many(documents, nlp=nlp, batch_size=16):
                out.write(json.dumps(reading.to_dict(with_document=True)) + "\n")
        result["read"] = {"documents": size - done, "seconds": round(time.perf_counter() - started, 1)}
    return result


def _base_model() -> str:
    import spacy

    from hearsay.settings import MODEL_CANDIDATES, load_settings

    configured = load_settings().model
    if configured:
        return configured
    return next(name for name in MODEL_CANDIDATES if spacy.util.is_package(name))


def cached_readings(work: Path, size: int) -> list[Reading]:
    readings = []
    with (work / "readings.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if len(readings) == size:
                break
            readings.append(Reading.from_dict(json.loads(line)))
    if len(readings) < size:
        raise SystemExit(
            f"the readings cache holds {len(readings)} documents; run `read --size {size}` first"
        )
    return readings


def store_path(work: Path, size: int) -> Path:
    return work / f"store-{size}.db"


def fill_store(work: Path, size: int) -> Path:
    """A fresh store of the first ``size`` cached readings, unlinked; its vectors carried over."""
    from hearsay.store import open_store

    path = store_path(work, size)
    for suffix in ("", "-wal", "-shm", ".vectors.usearch", ".vectors.json"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with open_store(path) as store:
        for reading in cached_readings(work, size):
            assert reading.document is not None
            store.put(reading.document, reading)
    return path


# --- linking --------------------------------------------------------------------------------


def link_step(work: Path, sizes: list[int]) -> dict[str, Any]:
    """Link each size in a fresh process (embeddings cached in ``vectors.db`` across sizes)."""
    results = {}
    for size in sizes:
        fill_store(work, size)
        command = [sys.executable, __file__, "_link", "--work", str(work), "--sizes", str(size)]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[size] = json.loads(out.strip().splitlines()[-1])
        print(f"linked {size}: {results[size]}", file=sys.stderr)
    ordered = sorted(results)
    exponents = {}
    for small, large in zip(ordered, ordered[1:], strict=False):
        a, b = results[small]["link_s"], results[large]["link_s"]
        exponents[f"{small}->{large}"] = round(math.log(b / a) / math.log(large / small), 3)
    return {"sizes": results, "exponents": exponents}


def _link_in_process(work: Path, size: int) -> dict[str, Any]:
    from hearsay.link.queries import link_corpus
    from hearsay.store import open_store

    vectors = work / "vectors.db"
    path = store_path(work, size)
    with open_store(path) as store:
        _copy_vectors(store, vectors, into_store=True)
        cpu, helper_cpu = time.process_time(), _children_cpu()
        result = link_corpus(store)
        cpu, helper_cpu = time.process_time() - cpu, _children_cpu() - helper_cpu
        _copy_vectors(store, vectors, into_store=False)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the size below is the database's own
    link_s = result["seconds"] - result["embed_seconds"]
    documents = result["documents"]
    return {
        "documents": documents,
        "link_s": round(link_s, 2),
        # This process's CPU time for the whole run, embedding included (at most 2 threads embed).
        "cpu_s": round(cpu, 2),
        # The second process that prepares the next page (link/prepared_pages.py), once it has ended.
        "helper_cpu_s": round(helper_cpu, 2),
        "prepared_aside": result.get("prepared_aside", 0),
        "embed_s": result["embed_seconds"],
        "embedded": result["embedded"],
        "vector_index_s": result.get("index_seconds", 0.0),
        "ms_per_document": round(1000 * link_s / max(documents, 1), 2),
        "clusters": result["clusters"],
        "entities": result["entities"],
        "failures": len(result["failures"]),
        "peak_rss_mib": round(max_rss_mib()),
        "db_kib_per_document": round(_db_bytes(path) / 1024 / max(documents, 1), 1),
    }


def _copy_vectors(store: Any, vectors: Path, *, into_store: bool) -> None:
    """Reuse embeddings across sizes: they depend on the text alone (link_embeddings survives a rebuild)."""
    conn = store._conn
    conn.execute("ATTACH DATABASE ? AS cache", (str(vectors),))
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS cache.vectors (text_hash TEXT PRIMARY KEY, vector BLOB) WITHOUT ROWID"
        )
        if into_store:
            conn.execute("INSERT OR IGNORE INTO link_embeddings SELECT text_hash, vector FROM cache.vectors")
            if conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'link_vector_keys'").fetchone():
                conn.execute(
                    "INSERT OR IGNORE INTO link_vector_keys (text_hash) SELECT text_hash FROM cache.vectors"
                    " ORDER BY text_hash"
                )  # (a store before migration 0009 has no keys: the benchmark runs on older commits too)
        else:
            conn.execute("INSERT OR IGNORE INTO cache.vectors SELECT text_hash, vector FROM link_embeddings")
    finally:
        conn.execute("DETACH DATABASE cache")


def _db_bytes(path: Path) -> int:
    return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())


# --- queries --------------------------------------------------------------------------------


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2)}


def _timed(run: Callable[[Any], Any], arguments: list[Any]) -> dict[str, float]:
    """Wall-clock p50/p95, and the process's CPU time per call (which the machine's load inflates less)."""
    run(arguments[0])  # warm-up, untimed: model loading and first-use caches are not the query's
    samples, cpu = [], []
    for argument in arguments:
        start, start_cpu = time.perf_counter(), time.process_time()
        run(argument)
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    in_cpu = {f"cpu_{k}": v for k, v in _percentiles(cpu).items()}
    return {**_percentiles(samples), **in_cpu, "runs": len(samples)}


def fill_postgres(work: Path, size: int, url: str) -> dict[str, Any]:
    """The PostgreSQL database at ``url`` holding what the SQLite store of ``size`` holds: its readings
    in ingest order and its embeddings copied, then linked there (timed). Skipped when it holds them."""
    from hearsay.link.queries import link_corpus
    from hearsay.store import open_store

    with open_store(url) as target:
        if target.counts()["documents"] == size:
            return {"filled": False}
        if target.counts()["documents"]:
            raise SystemExit(f"{url}: holds another corpus; give an empty database")
        with open_store(store_path(work, size)) as source:
            for reading in source.iter_readings():
                assert reading.document is not None
                target.put(reading.document, reading)
            vectors = source._conn.execute("SELECT text_hash, vector FROM link_embeddings").fetchall()
        with target.transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO link_embeddings VALUES (?, ?)", [tuple(v) for v in vectors]
            )
            conn.executemany(
                "INSERT OR IGNORE INTO link_vector_keys (text_hash) VALUES (?)",
                sorted((v[0],) for v in vectors if not v[0].startswith("u:")),
            )
        result = link_corpus(target)
    return {
        "filled": True,
        "link_s": round(result["seconds"] - result["embed_seconds"], 2),
        "failures": len(result["failures"]),
    }


def _database_bytes(location: str) -> int:
    if "://" not in location:
        return _db_bytes(Path(location))
    from hearsay.store import open_store

    with open_store(location, read_only=True) as store:
        size: int = store._conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return size


def query_step(work: Path, size: int, runs: int, db_url: str | None = None) -> dict[str, Any]:
    """p50/p95 of the main store queries, link queries and HTTP API lists on a linked store (the
    SQLite store of ``size``, or the PostgreSQL database at ``db_url`` filled from it)."""
    from starlette.testclient import TestClient

    from hearsay.link import queries as link_queries
    from hearsay.store import open_store
    from hearsay.web.app import create_app

    path: Path | str = store_path(work, size)
    if db_url is not None:
        filled = fill_postgres(work, size, db_url)
        print(f"postgresql: {filled}", file=sys.stderr)
        path = db_url
    rng = random.Random(17)
    with open_store(path, read_only=True) as store:
        conn = store._conn
        sources = [
            r[0] for r in conn.execute("SELECT name FROM link_entities ORDER BY mentions DESC, id LIMIT 200")
        ]
        entity_ids = [
            r[0] for r in conn.execute("SELECT id FROM link_entities ORDER BY mentions DESC, id LIMIT 200")
        ]
        contents = [
            r[0]
            for r in conn.execute("SELECT content_text FROM statements ORDER BY document_id, id LIMIT 2000")
        ]
        words = sorted({w for c in contents for w in re.findall(r"[A-Za-z]{5,}", c)})
        cluster_ids = [r[0] for r in conn.execute("SELECT id FROM link_clusters ORDER BY id LIMIT 500")]
        pick = lambda items: [rng.choice(items) for _ in range(runs)]  # noqa: E731
        stances = ["assert", "report", "deny", "question", "refuse_to_comment"]
        results: dict[str, Any] = {
            "statements by source": _timed(lambda s: store.statements(source=s, limit=50), pick(sources)),
            "statements by about": _timed(lambda s: store.statements(about=s, limit=50), pick(sources)),
            "statements by stance": _timed(lambda s: store.statements(stance=s, limit=50), pick(stances)),
            "count statements by source": _timed(lambda s: store.count_statements(source=s), pick(sources)),
            "full-text search": _timed(lambda w: store.search(w, limit=20), pick(words)),
            "entity page": _timed(lambda e: link_queries.entity_detail(store, e), pick(entity_ids)),
            "entity page (computed, not remembered)": _timed(
                lambda e: _computed_entity_detail(store, e), pick(entity_ids)[: max(5, runs // 4)]
            ),
            "entity search": _timed(lambda s: link_queries.entity_list(store, query=s[:5]), pick(sources)),
            "cluster list": _timed(
                lambda o: link_queries.cluster_list(store, limit=50, offset=o), pick([0, 50])
            ),
            # The list is remembered until the store changes (link/remembered.py): its computation alone.
            "cluster list (computed, not remembered)": _timed(
                lambda o: _computed_cluster_list(store, o), pick([0, 50])[: max(5, runs // 4)]
            ),
            "cluster page": _timed(lambda c: link_queries.cluster_detail(store, c), pick(cluster_ids)),
            "story list": _timed(lambda o: link_queries.story_list(store, limit=50, offset=o), pick([0, 50])),
            "evidence": _timed(
                lambda c: link_queries.evidence(store, proposition=c), pick(contents)[: max(5, runs // 4)]
            ),
        }
        # What the web entity page computes for its first visitor (a page of each list, counts, roles,
        # why), its arguments drawn apart so the rows above keep theirs.
        views = random.Random(18)
        results["entity page, web view (computed, not remembered)"] = _timed(
            lambda e: _computed_entity_view(store, e),
            [views.choice(entity_ids) for _ in range(runs)],
        )
    client = TestClient(create_app(str(path)), base_url="http://127.0.0.1")
    api = {
        "GET /api/v1/statements?source=": lambda s: client.get("/api/v1/statements", params={"source": s}),
        "GET /api/v1/statements?stance=deny": lambda s: client.get(
            "/api/v1/statements", params={"stance": "deny"}
        ),
        "GET /api/v1/documents": lambda s: client.get("/api/v1/documents"),
        "GET /api/v1/documents?q=": lambda s: client.get("/api/v1/documents", params={"q": s.split()[0]}),
        "GET /api/v1/entities": lambda s: client.get("/api/v1/entities"),
        "GET /api/v1/entities?q=": lambda s: client.get("/api/v1/entities", params={"q": s[:5]}),
        "GET /api/v1/clusters": lambda s: client.get("/api/v1/clusters"),
        "GET /api/v1/stories": lambda s: client.get("/api/v1/stories"),
    }
    for name, call in api.items():
        results[name] = _timed(lambda s, call=call: _ok(call(s)), pick(sources))
    results["GET /api/v1/evidence?proposition="] = _timed(
        lambda c: _ok(client.get("/api/v1/evidence", params={"proposition": c[:400]})),
        pick(contents)[: max(5, runs // 4)],
    )
    return results


def _computed_cluster_list(store: Any, offset: int) -> Any:
    from hearsay.link import queries as link_queries

    computed = getattr(link_queries, "_cluster_list", None)  # (older commits remember nothing)
    if computed is None:
        return link_queries.cluster_list(store, limit=50, offset=offset)
    return computed(store, None, None, 50, offset)


def _computed_entity_detail(store: Any, entity_id: str) -> Any:
    from hearsay.link import queries as link_queries

    computed = getattr(link_queries, "_entity_detail", None)  # (older commits remember nothing)
    return (computed or link_queries.entity_detail)(store, entity_id)


def _computed_entity_view(store: Any, entity_id: str) -> Any:
    from hearsay.link import remembered
    from hearsay.web.entities import entity_view

    remembered._DATABASES.clear()  # nothing remembered: the first request after a change
    return entity_view(store, entity_id, {})


def _ok(response: Any) -> None:
    if response.status_code != 200:
        raise SystemExit(f"{response.request.url}: HTTP {response.status_code}")


# --- one more document ----------------------------------------------------------------------


def _one_more_in_process(work: Path, size: int, extra: Path) -> dict[str, Any]:
    """The same document read, then stored and linked, in this process (model loaded beforehand)."""
    from hearsay.extract.pipeline import extract, load_pipeline
    from hearsay.link.embeddings import load_embedder
    from hearsay.link.queries import link_corpus
    from hearsay.store import open_store

    copy = work / f"one-more-{size}.db"
    for suffix in ("", ".vectors.usearch", ".vectors.json"):  # (no index before migration 0009)
        if Path(f"{store_path(work, size)}{suffix}").exists():
            _copy_flushed(Path(f"{store_path(work, size)}{suffix}"), Path(f"{copy}{suffix}"))
    load_pipeline(), load_embedder()
    (document,) = documents_of([extra])
    start = time.perf_counter()
    reading = extract(document)
    read_s = time.perf_counter() - start
    with open_store(copy) as store:
        start = time.perf_counter()
        store.put(document, reading)
        linked = link_corpus(store)
        store_link_s = time.perf_counter() - start
    for suffix in ("", "-wal", "-shm", ".vectors.usearch", ".vectors.json"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return {
        "in_process_read_s": round(read_s, 3),
        "in_process_store_and_link_s": round(store_link_s, 3),
        "of_which_embedding_s": linked["embed_seconds"],
    }


def _copy_flushed(source: Path, target: Path) -> None:
    """Copy ``source`` and write the copy to disk before anything is timed: the ingest's checkpoint
    syncs the database file, and a copy still in the page cache would be written out then (the
    whole store, 600 MB at 10,000 documents: 0.24 s on a quiet disk), which no real ingest pays."""
    shutil.copy(source, target)
    with target.open("rb") as copied:
        os.fsync(copied.fileno())


def one_more_step(work: Path, size: int, rounds: int = 1) -> dict[str, Any]:
    """Ingest one new document into a copy of the linked store through the CLI, then read it alone.

    With several rounds (each into a fresh copy, flushed to disk; every other one reads first), the
    median round is reported beside every round: one process start moves by half a second on this
    machine even when it is quiet.
    """
    copy = work / f"one-more-{size}.db"
    extra = work / "one-more.txt"
    extra.write_text(copy_text(base_articles(), 10**6 + size), encoding="utf-8")
    cli = [sys.executable, "-c", "from hearsay.cli import main; main()"]
    each: list[dict[str, float]] = []
    for _ in range(rounds):
        for suffix in ("", "-wal", "-shm", ".vectors.usearch", ".vectors.json"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        for suffix in ("", ".vectors.usearch", ".vectors.json"):  # the store with its vector index
            if Path(f"{store_path(work, size)}{suffix}").exists():
                _copy_flushed(Path(f"{store_path(work, size)}{suffix}"), Path(f"{copy}{suffix}"))
        commands = {
            "ingest": [*cli, "ingest", str(extra), "--db", str(copy)],
            "read": [*cli, "read", str(extra)],
        }
        # Every other round reads first: the command run second finds the files the first one paged in.
        order = ("ingest", "read") if len(each) % 2 == 0 else ("read", "ingest")
        timings = {}
        for name in order:
            start, cpu = time.perf_counter(), _children_cpu()
            subprocess.run(commands[name], check=True, capture_output=True)
            timings[name] = time.perf_counter() - start, _children_cpu() - cpu
        (total, total_cpu), (reading, reading_cpu) = timings["ingest"], timings["read"]
        each.append(
            {
                "ingest_s": round(total, 2),
                "read_s": round(reading, 2),
                "beyond_reading_s": round(total - reading, 2),
                "ingest_cpu_s": round(total_cpu, 2),
                "read_cpu_s": round(reading_cpu, 2),
                "beyond_reading_cpu_s": round(total_cpu - reading_cpu, 2),
                "ingest_first": float(order[0] == "ingest"),
            }
        )
    in_process = _one_more_in_process(work, size, extra)
    median = {
        key: round(statistics.median(r[key] for r in each), 2) for key in each[0] if key != "ingest_first"
    }
    return {**in_process, **median, "rounds": each} if rounds > 1 else {**in_process, **each[0]}


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# --- command line ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["corpus", "read", "link", "queries", "one-more", "all", "_link"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/hearsay-scale"))
    parser.add_argument("--sizes", default="300,1000", help="comma-separated document counts")
    parser.add_argument("--compare", type=int, default=100, help="documents timed against bare spaCy")
    parser.add_argument("--runs", type=int, default=40, help="timed calls per query")
    parser.add_argument(
        "--rounds", type=int, default=1, help="one-more: alternating rounds; the median counts"
    )
    parser.add_argument(
        "--db-url",
        help="queries: time them on this PostgreSQL database (postgresql://...), filled from the SQLite "
        "store of the largest size and linked there when empty",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("HEARSAY_LOG", "warning")
    report: dict[str, Any] = {"sizes": sizes}
    if args.step == "_link":
        print(json.dumps(_link_in_process(work, sizes[0])))
        return 0
    if args.step == "corpus":
        write_corpus(work / "corpus", max(sizes))
    if args.step in ("read", "all"):
        report["reading"] = read_step(work, max(sizes), args.compare)
    if args.step in ("link", "all"):
        report["linking"] = link_step(work, sizes)
    if args.step in ("queries", "all"):
        report["queries"] = query_step(work, max(sizes), args.runs, args.db_url)
        location = args.db_url or str(store_path(work, max(sizes)))
        report["backend"] = "postgresql" if args.db_url else "sqlite"
        report["database_kib_per_document"] = round(_database_bytes(location) / 1024 / max(sizes), 1)
    if args.step in ("one-more", "all"):
        report["one_more"] = one_more_step(work, max(sizes), args.rounds)
    report["peak_rss_mib_this_process"] = round(max_rss_mib())
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
