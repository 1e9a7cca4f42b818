"""Linking on SQLite against linking on PostgreSQL: the same readings, timed, and their links compared.

    # once: the first N readings of a store (its embeddings copied) into a SQLite file and a database
    PYTHONPATH=src .venv/bin/python benchmarks/link_backends.py fill --size 1000 --source store-1000.db \\
        --work /tmp/mine --server postgresql://postgres@127.0.0.1:5432/postgres
    # then, each run on a fresh copy: wall and CPU time, the server's CPU, round trips, the link tables
    PYTHONPATH=src .venv/bin/python benchmarks/link_backends.py link --size 1000 --work /tmp/mine \\
        --server postgresql://postgres@127.0.0.1:5432/postgres

``link`` links the SQLite copy, then the PostgreSQL copy (a database made from the filled one as a
template), prints one JSON line per backend and whether every row of every link table is the same.
Round trips count the reads that waited for the server (psycopg's pipeline fetches and syncs) and the
statements run outside a transaction; they read psycopg internals and are for this benchmark only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any


def _admin(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql)


def _database(server: str, name: str) -> str:
    return f"{server.rsplit('/', 1)[0]}/{name}"


def fill(source: Path, size: int, work: Path, server: str) -> None:
    from hearsay.store import open_store

    work.mkdir(parents=True, exist_ok=True)
    base = work / f"base-{size}.db"
    base.unlink(missing_ok=True)
    _admin(server, f"DROP DATABASE IF EXISTS link_base_{size}")
    _admin(server, f"CREATE DATABASE link_base_{size}")
    with open_store(source) as store:  # (migrated if it needs to be: give a copy)
        readings = []
        for reading in store.iter_readings():
            readings.append(reading)
            if len(readings) == size:
                break
        vectors = [tuple(v) for v in store._conn.execute("SELECT text_hash, vector FROM link_embeddings")]
    for place in (str(base), _database(server, f"link_base_{size}")):
        with open_store(place) as target:
            for reading in readings:
                assert reading.document is not None
                target.put(reading.document, reading)
            with target.transaction() as conn:
                conn.executemany("INSERT OR IGNORE INTO link_embeddings VALUES (?, ?)", vectors)
                conn.executemany(
                    "INSERT OR IGNORE INTO link_vector_keys (text_hash) VALUES (?)",
                    sorted((v[0],) for v in vectors if not v[0].startswith("u:")),
                )


def _count_round_trips(counts: dict[str, int]) -> None:
    import psycopg

    fetch, sync, execute = psycopg.Cursor._fetch_pipeline, psycopg.Pipeline.sync, psycopg.Cursor.execute

    def counted_fetch(self: Any) -> None:
        if self._execmany_returning is not False and not self.pgresult and self._conn._pipeline:
            counts["round_trips"] += 1
        fetch(self)

    def counted_sync(self: Any) -> None:
        counts["round_trips"] += 1
        sync(self)

    def counted_execute(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not self._conn._pipeline:
            counts["round_trips"] += 1
        return execute(self, *args, **kwargs)

    psycopg.Cursor._fetch_pipeline = counted_fetch  # type: ignore[method-assign]
    psycopg.Pipeline.sync = counted_sync  # type: ignore[method-assign]
    psycopg.Cursor.execute = counted_execute  # type: ignore[method-assign]


def _cpu_of(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def link_one(place: str) -> tuple[dict[str, Any], str]:
    from hearsay.link.queries import link_corpus
    from hearsay.store import open_store

    counts = {"round_trips": 0}
    postgres = "://" in place
    with open_store(place) as store:
        backend_pid = store._conn.execute("SELECT pg_backend_pid()").fetchone()[0] if postgres else 0
        server_cpu = _cpu_of(backend_pid) if postgres else 0.0
        if postgres:
            _count_round_trips(counts)
        started, cpu = time.perf_counter(), time.process_time()
        result = link_corpus(store)
        report = {
            "backend": "postgresql" if postgres else "sqlite",
            "documents": result["documents"],
            "wall_s": round(time.perf_counter() - started, 1),
            "cpu_s": round(time.process_time() - cpu, 1),
            "embed_s": result["embed_seconds"],
            "server_cpu_s": round(_cpu_of(backend_pid) - server_cpu, 1) if postgres else None,
            "round_trips": counts["round_trips"] if postgres else None,
            "clusters": result["clusters"],
            "entities": result["entities"],
            "failures": len(result["failures"]),
            "load": Path("/proc/loadavg").read_text().split()[:3],
        }
        return report, _link_tables_digest(store)


def _link_tables_digest(store: Any) -> str:
    """A hash of every row of every derived link table (the ledger's times left out)."""
    from hearsay.store.links import LINK_DERIVED

    digest = hashlib.sha256()
    for table in LINK_DERIVED:
        if table == "link_documents":
            continue
        rows = store._conn.execute(f"SELECT * FROM {table}").fetchall()
        cooked = sorted(
            json.dumps([bytes(v).hex() if isinstance(v, bytes | memoryview) else v for v in row])
            for row in rows
        )
        digest.update(f"{table}:{len(cooked)}:{''.join(cooked)}".encode())
    return digest.hexdigest()


def link(size: int, work: Path, server: str) -> None:
    copy = work / "run.db"
    for suffix in ("", "-wal", "-shm", ".vectors.usearch", ".vectors.json"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copy(work / f"base-{size}.db", copy)
    _admin(server, "DROP DATABASE IF EXISTS link_run WITH (FORCE)")
    _admin(server, f"CREATE DATABASE link_run TEMPLATE link_base_{size} STRATEGY FILE_COPY")
    os.environ["HEARSAY_VECTOR_CACHE"] = str(work / "vectors")
    shutil.rmtree(work / "vectors", ignore_errors=True)
    digests = []
    for place in (str(copy), _database(server, "link_run")):
        report, digest = link_one(place)
        digests.append(digest)
        print(json.dumps(report), flush=True)
    print(json.dumps({"same_links": digests[0] == digests[1]}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["fill", "link"])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--source", type=Path, help="fill: the store whose first SIZE readings are linked")
    parser.add_argument("--work", type=Path, required=True, help="a folder of your own")
    parser.add_argument("--server", required=True, help="postgresql://... of a database to administer from")
    args = parser.parse_args(argv)
    os.environ.setdefault("HEARSAY_LOG", "warning")
    if args.step == "fill":
        if args.source is None:
            parser.error("fill needs --source")
        fill(args.source, args.size, args.work, args.server)
    else:
        link(args.size, args.work, args.server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
