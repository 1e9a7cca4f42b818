"""Quality of cross-document linking on the hand-written corpus tests/data/linking.

Ingests articles.jsonl with the real pipeline into a temporary SQLite store, links it, and
prints pairwise precision/recall and B-cubed precision/recall for entities and claim clusters
against expected.json, plus the near-duplicate pairs found and the stories.

    .venv/bin/python benchmarks/link_quality.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hearsay.link import link_corpus  # noqa: E402
from hearsay.store import Store  # noqa: E402
from link import corpus  # noqa: E402  (tests/link/corpus.py: the corpus and its scoring, shared with the tests)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "quality.db") as store:
        ids = corpus.ingest(store)
        counts = link_corpus(store)
        print(f"corpus: {len(ids)} documents, {counts['entities']} entities, {counts['clusters']} clusters")
        for kind, found in (
            ("entities", corpus.entity_assignments(store, ids)),
            ("clusters", corpus.cluster_assignments(store, ids)),
        ):
            gold = corpus.gold_labels(kind)
            pair, cubed = corpus.pairwise(gold, found), corpus.bcubed(gold, found)
            print(
                f"{kind:9} items {len(gold):3}  pairwise P {pair['precision']:.3f} R {pair['recall']:.3f} "
                f"({pair['true_pairs']} true pairs, {pair['found_pairs']} found)  "
                f"B-cubed P {cubed['precision']:.3f} R {cubed['recall']:.3f}"
            )
            by_label: dict = {}
            for item, label in found.items():
                by_label.setdefault(label, []).append(item)
            for item, label in sorted(found.items()):
                together = [o for o in by_label[label] if gold[o] != gold[item]]
                apart = [o for o in gold if gold[o] == gold[item] and found.get(o) != label]
                if together or apart:
                    print(f"  {item}: wrongly with {together}, wrongly apart from {apart}")
        names = {v: k for k, v in ids.items()}
        rows = store._conn.execute(
            "SELECT document_id, duplicate_of FROM link_documents WHERE duplicate_of != document_id"
        ).fetchall()
        found_dups = sorted(sorted((names[r[0]], names[r[1]])) for r in rows)
        wanted = sorted(map(sorted, corpus.expected()["duplicates"]))
        print(f"near-duplicates found {found_dups}, expected {wanted}")
        stories = store._conn.execute(
            """SELECT s.title, count(c.id) FROM link_stories AS s JOIN link_clusters AS c ON c.story_id = s.id
            GROUP BY s.id ORDER BY s.size DESC"""
        ).fetchall()
        print(f"{len(stories)} stories: " + "; ".join(f"{title!r} ({n} clusters)" for title, n in stories))


if __name__ == "__main__":
    main()
