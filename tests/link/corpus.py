"""The hand-written linking corpus (tests/data/linking): ingest it for real, and score links against it.

Used by the tests here and by benchmarks/link_quality.py, so both measure the same thing.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "linking"
ARTICLES = DATA / "articles.jsonl"
EXPECTED = DATA / "expected.json"


def hints() -> dict[str, str]:
    """Article title -> its short name ("id_hint") in expected.json."""
    result = {}
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        result[record["title"]] = record["id_hint"]
    return result


def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def ingest(store, path: Path = ARTICLES) -> dict[str, str]:
    """Read, extract and store the corpus with the real pipeline; returns hint -> document id."""
    from hearsay.extract.pipeline import extract
    from hearsay.ingest import read_path

    names = hints()
    ids = {}
    for document in read_path(path):
        assert not isinstance(document, BaseException), document
        store.put(document, extract(document))
        ids[names[document.title]] = document.id
    return ids


def entity_assignments(store, ids: dict[str, str]) -> dict[tuple[str, str], str | None]:
    """(hint, surface name) of every gold mention -> the global entity the linker gave it."""
    conn = store._conn
    result = {}
    for group in expected()["entities"]:
        for hint, name in group:
            row = conn.execute(
                """SELECT lm.entity_id FROM entities AS e JOIN link_members AS lm
                   ON lm.document_id = e.document_id AND lm.local_id = e.id
                   WHERE e.document_id = ? AND (e.name = ? OR EXISTS
                     (SELECT 1 FROM json_each(e.aliases) AS a WHERE a.value = ?)
                     OR instr(e.name, ?) > 0)""",
                (ids[hint], name, name, name),
            ).fetchone()
            result[(hint, name)] = row[0] if row else None
    return result


def cluster_assignments(store, ids: dict[str, str]) -> dict[tuple[str, str], str | None]:
    """(hint, content substring) of every gold statement -> its cluster (None: none or not found)."""
    conn = store._conn
    result = {}
    for group in expected()["clusters"]:
        for hint, words in group:
            row = conn.execute(
                """SELECT s.id, ls.cluster_id FROM statements AS s LEFT JOIN link_statements AS ls
                   ON ls.document_id = s.document_id AND ls.statement_id = s.id
                   WHERE s.document_id = ? AND instr(s.content_text, ?) > 0""",
                (ids[hint], words),
            ).fetchone()
            result[(hint, words)] = (row[1] or f"alone:{hint}:{row[0]}") if row else None
    return result


def gold_labels(kind: str) -> dict[tuple[str, str], int]:
    return {tuple(item): number for number, group in enumerate(expected()[kind]) for item in group}


def pairwise(gold: dict, found: dict) -> dict[str, float]:
    """Pairwise precision and recall over the gold items (an item not found is a singleton)."""
    items = sorted(gold)
    labels = {i: found.get(i) or f"missing:{i}" for i in items}
    true_pairs = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    found_pairs = {(a, b) for a, b in combinations(items, 2) if labels[a] == labels[b]}
    both = len(true_pairs & found_pairs)
    return {
        "precision": both / len(found_pairs) if found_pairs else 1.0,
        "recall": both / len(true_pairs) if true_pairs else 1.0,
        "true_pairs": len(true_pairs),
        "found_pairs": len(found_pairs),
    }


def bcubed(gold: dict, found: dict) -> dict[str, float]:
    """B-cubed precision and recall (Bagga and Baldwin, 1998) over the gold items."""
    items = sorted(gold)
    labels = {i: found.get(i) or f"missing:{i}" for i in items}
    precision = recall = 0.0
    for item in items:
        same_found = {o for o in items if labels[o] == labels[item]}
        same_gold = {o for o in items if gold[o] == gold[item]}
        correct = len(same_found & same_gold)
        precision += correct / len(same_found)
        recall += correct / len(same_gold)
    return {"precision": precision / len(items), "recall": recall / len(items)}
