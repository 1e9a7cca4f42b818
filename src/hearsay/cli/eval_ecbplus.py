"""How `hearsay eval ecbplus` prints cross-document entities scored against ECB+'s entity chains."""

from __future__ import annotations

from typing import Any

from . import output


def print_ecbplus(figures: dict[str, Any]) -> None:
    output.console().print(output.table(("figure", "value"), summary_rows(figures), title=_title(figures)))


def _title(figures: dict[str, Any]) -> str:
    topics = figures["topics"]
    return f"ECB+ topics {topics[0]}-{topics[-1]} ({len(topics)} present): {figures['documents']} documents"


def summary_rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    coref, mentions, merges = figures["coreference"], figures["mentions"], figures["merges"]
    rows = [
        (name, "P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}".format(**coref[key]))
        for name, key in (("MUC", "muc"), ("B3", "b_cubed"), ("CEAF-e", "ceaf_e"))
    ]
    return [
        *rows,
        ("CoNLL F1", f"{coref['conll_f1']:.3f}"),
        (
            "merge precision",
            f"{merges['precision']:.3f} ({merges['correct']:,} of {merges['cross_document_pairs']:,} pairs)",
        ),
        (
            "mention recall",
            f"{mentions['recall']:.3f} ({mentions['scored']:,} of {mentions['named_gold_mentions']:,})",
        ),
        ("predicted, unmatched", f"{mentions['predicted']:,}, {mentions['unmatched_predicted']:,}"),
        ("gold / predicted chains", f"{figures['chains']['gold']:,} / {figures['chains']['predicted']:,}"),
        ("elapsed", f"{figures['elapsed_s']} s"),
    ]


def ecbplus_markdown(figures: dict[str, Any]) -> str:
    coref, mentions, merges = figures["coreference"], figures["mentions"], figures["merges"]
    lines = ["| metric | precision | recall | F1 |", "| --- | ---: | ---: | ---: |"]
    for name, key in (("MUC", "muc"), ("B³", "b_cubed"), ("CEAF-e", "ceaf_e")):
        d = coref[key]
        lines.append(f"| {name} | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} |")
    lines += [
        f"| **CoNLL F1** | | | **{coref['conll_f1']:.3f}** |",
        "",
        f"Merge precision: **{merges['precision']:.3f}** "
        f"({merges['correct']:,} of {merges['cross_document_pairs']:,} "
        "cross-document pairs in one gold chain). "
        f"Mention recall: **{mentions['recall']:.3f}** "
        f"({mentions['scored']:,} of {mentions['named_gold_mentions']:,} named gold mentions; "
        f"{mentions['unmatched_predicted']:,} of {mentions['predicted']:,} predicted mentions match none). "
        f"Chains: {figures['chains']['gold']:,} gold, {figures['chains']['predicted']:,} predicted. "
        f"{figures['documents']} documents in {figures['elapsed_s']} s.",
    ]
    return "\n".join(lines)
