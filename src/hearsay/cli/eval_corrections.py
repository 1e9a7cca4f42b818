"""`hearsay eval corrections`: score the extractor against a team's own corrections."""

from __future__ import annotations

import json
from pathlib import Path

import click

from . import output


@click.command(name="corrections")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write one JSON line per disagreement (missed, wrong field, rejected but still read).",
)
def eval_corrections(path: Path, as_json: bool, errors_path: Path | None) -> None:
    """Score this extractor against PATH, corrections written by `hearsay export --format corrections`.

    Verified statements (changed or added by an analyst) must be found again with every field as
    decided; rejected ones must no longer be read. Statements nobody corrected are not scored.
    """
    from ..corrections.gold import SCORED, read_gold, score
    from ..extract.pipeline import extract, load_pipeline

    nlp = load_pipeline()
    figures = score(read_gold(path), lambda document: extract(document, nlp))
    errors = figures.pop("errors")
    if errors_path is not None:
        errors_path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), "utf-8")
    if as_json:
        output.json_line(figures)
        return
    found = figures["found_share"]
    rows = [
        ("documents", figures["documents"]),
        (
            "verified statements found again",
            f"{figures['found']} of {figures['verified']}" + (f" ({found:.3f})" if found is not None else ""),
        ),
        *((f"  {name} as decided", _share(figures["fields"][name])) for name in SCORED),
        ("rejected statements still read", f"{figures['rejected_still_read']} of {figures['rejected']}"),
    ]
    output.console().print(output.table(("corrections", "figure"), rows, title=f"corrections in {path.name}"))


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
