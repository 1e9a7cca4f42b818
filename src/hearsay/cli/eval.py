"""`hearsay eval`: measure extraction against annotated data (PolNeAR) or a reference reading."""

from __future__ import annotations

from typing import Any

import click
from rich.text import Text

from . import output

LEVEL_NAMES = {"exact": "exact", "overlap_0.3": "@0.3", "overlap_0.8": "@0.8"}


@click.group(name="eval")
def eval_group() -> None:
    """Score hearsay's extraction against annotated data."""


def _f(value: float) -> str:
    return f"{value:.3f}"


def _prf(data: dict[str, float]) -> Text:
    """``.543/.393/.456``: precision, recall and (bold) F1 in one narrow cell."""
    short = [f"{data[k]:.3f}".removeprefix("0") for k in ("precision", "recall", "f1")]
    cell = Text(f"{short[0]}/{short[1]}/")
    cell.append(short[2], style="bold")
    return cell


def print_polnear(figures: dict[str, Any]) -> None:
    out = output.console()
    out.width = max(out.width, 100)  # the figures table needs ~90 columns; piped output gets 80
    columns = ["layer", "gold", "predicted", *(f"{name} P/R/F1" for name in LEVEL_NAMES.values())]
    whole = {
        "gold": figures["gold_attributions"],
        "predicted": figures["predicted_attributions"],
        **figures["whole"],
    }
    layers = [
        *((role, figures["roles"][role]) for role in ("source", "cue", "content")),
        ("attribution", whole),
    ]
    rows = [
        [name, data["gold"], data["predicted"], *(_prf(data[level]) for level in LEVEL_NAMES)]
        for name, data in layers
    ]
    title = f"PolNeAR {figures['split']}: {figures['articles']} articles"
    out.print(output.table(columns, rows, title=title))
    type_rows = [
        [name, d["gold"], d["found"], _f(d["recall"]), d["predicted"], d["correct"], _f(d["precision"])]
        for name, d in figures["by_type"].items()
    ]
    type_columns = ["type", "gold", "found", "recall", "predicted", "correct", "precision"]
    out.print(output.table(type_columns, type_rows, title="By type (whole attribution at overlap 0.3)"))
    resolution = figures["source_resolution"]
    source = figures["fields"]["source_entity"]
    out.print(
        f"source resolution: {_f(resolution['accuracy'])} ({resolution['resolved']} of {resolution['of']})\n"
        f"right source entity on matched: {_f(source['accuracy'])} ({source['right']} of {source['of']})\n"
        f"found at 0.3: {figures['whole']['overlap_0.3']['found']} of {figures['gold_attributions']}\n"
        f"annotator: {figures['annotator_rule']}\n"
        f"data sha256: {figures['data_sha256']}\n"
        f"elapsed: {figures['elapsed_s']} s"
    )
    if "by_rule" in figures:
        out.print(output.table(RULE_COLUMNS, rule_rows(figures["by_rule"]), title=RULE_TITLE))
    else:
        rules = {name: c for name, c in figures["fields"]["by_rule"].items() if c["errors"]}
        if rules:
            out.print("errors by rule: " + ", ".join(f"{name} {c['errors']}" for name, c in rules.items()))


RULE_COLUMNS = ("rule", "right", "near miss", "false positive", "errors", "precision")
RULE_TITLE = "By rule (errors and wins; most errors first)"


def rule_rows(by_rule: dict[str, Any]) -> list[list[Any]]:
    """One row per rule of the ``by_rule`` summary (``hearsay.evaluate.rule_summary``)."""
    return [
        [name, c["right"], c["near_miss"], c["false_positive"], c["errors"], _f(c["precision"])]
        for name, c in by_rule.items()
    ]


def polnear_markdown(figures: dict[str, Any]) -> str:
    """The figures as Markdown tables: layers, then a summary line, then types."""

    def prf(d: dict[str, float]) -> str:
        return f"{d['precision']:.3f} / {d['recall']:.3f} / **{d['f1']:.3f}**"

    lines = [
        "| layer | annotated | predicted | exact P / R / F1 | overlap 0.3 P / R / F1 "
        "| overlap 0.8 P / R / F1 |",
        "| --- | ---: | ---: | --- | --- | --- |",
    ]
    whole = {
        "gold": figures["gold_attributions"],
        "predicted": figures["predicted_attributions"],
        **figures["whole"],
    }
    layers = [
        *((role, figures["roles"][role]) for role in ("source", "cue", "content")),
        ("whole attribution", whole),
    ]
    for name, d in layers:
        cells = " | ".join(prf(d[level]) for level in LEVEL_NAMES)
        lines.append(f"| {name} | {d['gold']} | {d['predicted']} | {cells} |")
    res, found, source = figures["source_resolution"], figures["whole"], figures["fields"]["source_entity"]
    lines += [
        "",
        f"Source resolution: **{res['accuracy']:.3f}** ({res['resolved']} of {res['of']}). "
        f"Right source entity on attributions matched on content and cue: "
        f"{source['accuracy']:.3f} ({source['right']} of {source['of']}). "
        f"Found at overlap 0.3: {found['overlap_0.3']['found']} of {figures['gold_attributions']}; "
        f"at 0.8: {found['overlap_0.8']['found']}. "
        f"{figures['articles']} articles in {figures['elapsed_s']} s.",
        "",
        "| type | annotated | found | recall | predicted | correct | precision |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, d in figures["by_type"].items():
        lines.append(
            f"| {name} | {d['gold']} | {d['found']} | {d['recall']:.3f} | {d['predicted']} | {d['correct']} "
            f"| {d['precision']:.3f} |"
        )
    if "by_rule" in figures:
        lines += ["", f"**{RULE_TITLE}**", "", "| " + " | ".join(RULE_COLUMNS) + " |"]
        lines.append("| --- |" + " ---: |" * (len(RULE_COLUMNS) - 1))
        lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in rule_rows(figures["by_rule"])]
    return "\n".join(lines)


def print_gold(figures: dict[str, Any]) -> None:
    out = output.console()
    statements = figures["statements"]
    rows = [
        [
            "statements",
            statements["gold"],
            statements["predicted"],
            statements["matched"],
            _f(statements["precision"]),
            _f(statements["recall"]),
        ],
    ]
    out.print(
        output.table(
            ["layer", "gold", "predicted", "matched", "precision", "recall"], rows, title=f"{figures['gold']}"
        )
    )
    factuality = figures["factuality_accuracy_on_matched"]
    entities, times = figures["entities"], figures["times"]
    out.print(
        "factuality on matched: " + ", ".join(f"{k} {_f(v)}" for k, v in factuality.items()) + "\n"
        f"entities found with type: {entities['found_with_type']} of {entities['gold']}\n"
        f"times found with value: {times['found_with_value']} of {times['gold']}\n"
        f"spelling variants merged: {figures['spelling_variants_merged']}"
    )
    print_fields(figures["fields"])
    for line in figures["unmatched_gold"]:
        out.print(Text(f"missed: {line}"))
    for line in figures["unmatched_predicted"]:
        out.print(Text(f"extra: {line}"))
    if "evidence" in figures:
        print_evidence_gold(figures["evidence"])


def print_fields(fields: dict[str, Any]) -> None:
    """Field accuracy on matched statements, the wrong fields and, when statements name them, the rules."""
    out = output.console()
    shares = {k: v for k, v in fields.items() if isinstance(v, dict) and "accuracy" in v}
    out.print(
        "fields right on matched: "
        + ", ".join(f"{name} {v['right']} of {v['of']}" for name, v in shares.items())
    )
    wrong = {name: n for name, n in fields["errors_by_field"].items() if n}
    if wrong:
        out.print("wrong fields: " + ", ".join(f"{name} {n}" for name, n in wrong.items()))
    rules = {name: c for name, c in fields["by_rule"].items() if c["errors"]}
    if rules:
        out.print("errors by rule: " + ", ".join(f"{name} {c['errors']}" for name, c in rules.items()))


def print_evidence_gold(evidence: dict[str, Any]) -> None:
    out = output.console()
    rows = [
        [
            p["text"],
            f"{p['relations_right']} of {p['statements']}",
            f"{p['contested']} (gold {p['gold_contested']})",
        ]
        for p in evidence["propositions"]
    ]
    out.print(output.table(["proposition", "relations right", "contested"], rows, title="evidence gold"))
    out.print(
        f"relations right: {evidence['relations_right']} of {evidence['relations']}; "
        f"strengths within a step: {evidence['strengths_within_a_step']} of {evidence['strengths']}; "
        f"contested right: {evidence['contested_right']} of {len(evidence['propositions'])}"
    )
    for proposition in evidence["propositions"]:
        for row in proposition["rows"]:
            if not row["right"]:
                out.print(
                    Text(
                        f"wrong: {row['source']} {row['cue']!r} on {proposition['text']!r}: "
                        f"{row['predicted']}, gold {row['gold']} ({row['reason']})"
                    )
                )


from .eval_all import eval_all  # noqa: E402  (the printers below come first)
from .eval_commands import Presenter, add_commands  # noqa: E402
from .eval_ecbplus import ecbplus_markdown, print_ecbplus  # noqa: E402
from .eval_factuality import meantime_markdown, print_factuality, print_meantime  # noqa: E402
from .eval_fnc1 import fnc1_notes, print_fnc1  # noqa: E402
from .eval_russian import print_adaq, print_factrueval  # noqa: E402
from .eval_tempeval3 import print_tempeval3, tempeval3_markdown  # noqa: E402

PRESENTERS = {
    "polnear": Presenter(print_polnear, polnear_markdown),
    "gold": Presenter(print_gold),
    "evidence": Presenter(print_evidence_gold),
    "tempeval3": Presenter(print_tempeval3, tempeval3_markdown),
    "meantime": Presenter(print_meantime, meantime_markdown),
    "factuality": Presenter(print_factuality),
    "ecbplus": Presenter(print_ecbplus, ecbplus_markdown),
    "fnc1": Presenter(print_fnc1, notes=fnc1_notes),
    "factrueval": Presenter(print_factrueval),
    "adaq": Presenter(print_adaq),
}
add_commands(eval_group, PRESENTERS)
eval_group.add_command(eval_all)

# Scored against a team's own exported corrections: a file, not a dataset of the registry.
from .eval_corrections import eval_corrections  # noqa: E402

eval_group.add_command(eval_corrections)
