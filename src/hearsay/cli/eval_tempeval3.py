"""How `hearsay eval tempeval3` prints time expressions scored against TempEval-3's TimeML annotations."""

from __future__ import annotations

from typing import Any

from . import output


def _rows(figures: dict[str, Any]) -> list[list[str]]:
    strict, relaxed = figures["strict"], figures["relaxed"]
    return [
        ["extraction, strict (same extent)", *_prf(strict)],
        ["extraction, relaxed (any overlap)", *_prf(relaxed)],
        ["type (relaxed F1 x type accuracy)", "", "", f"{figures['type']['f1']:.3f}"],
        ["value (relaxed F1 x value accuracy)", "", "", f"{figures['value']['f1']:.3f}"],
    ]


def _prf(d: dict[str, float]) -> list[str]:
    return [f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}"]


def _summary(figures: dict[str, Any]) -> str:
    return (
        f"{figures['documents']} documents, {figures['gold']} annotated and {figures['predicted']} found "
        f"time expressions; matched (relaxed) {figures['relaxed']['matched']}, of which type correct "
        f"{figures['type']['accuracy']:.3f} and value correct {figures['value']['accuracy']:.3f}"
    )


def print_tempeval3(figures: dict[str, Any]) -> None:
    out = output.console()
    title = f"TempEval-3 {figures['split']}: time expressions"
    out.print(output.table(["measure", "precision", "recall", "F1"], _rows(figures), title=title))
    type_rows = [
        [name, d["gold"], d["found"], f"{d['recall']:.3f}", d["predicted"], f"{d['value_accuracy']:.3f}"]
        for name, d in figures["by_type"].items()
    ]
    columns = ["gold type", "annotated", "found", "recall", "predicted", "value accuracy"]
    out.print(output.table(columns, type_rows, title="By type"))
    out.print(
        f"{_summary(figures)}\ndefinitions: {figures['definition']}\n"
        f"data sha256: {figures['data_sha256']}\nelapsed: {figures['elapsed_s']} s"
    )


def tempeval3_markdown(figures: dict[str, Any]) -> str:
    lines = ["| measure | precision | recall | F1 |", "| --- | ---: | ---: | ---: |"]
    for name, *cells in _rows(figures):
        cells[-1] = f"**{cells[-1]}**"
        lines.append(f"| {name} | {' | '.join(cells)} |")
    lines += [
        "",
        _summary(figures) + f", in {figures['elapsed_s']} s.",
        "",
        "| gold type | annotated | found | recall | value accuracy |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, d in figures["by_type"].items():
        lines.append(
            f"| {name} | {d['gold']} | {d['found']} | {d['recall']:.3f} | {d['value_accuracy']:.3f} |"
        )
    return "\n".join(lines)
