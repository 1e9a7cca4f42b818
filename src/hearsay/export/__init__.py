"""Exporters: every stored reading written as files, streamed from the store.

    from hearsay.export import export
    export(store, "csv", Path("out"))   # -> [Path("out/documents.csv"), ...]

``EXPORTERS`` maps a format name to ``function(store, out_dir) -> list[Path]``; each reads
``store.iter_readings()`` one reading at a time, so memory does not grow with the store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..corrections.gold import export_corrections
from ..errors import ConfigError
from .csv import export_csv
from .graph import export_graphml
from .json import export_json
from .jsonl import export_jsonl
from .jsonld import export_jsonld

Exporter = Callable[..., list[Path]]

EXPORTERS: dict[str, Exporter] = {
    "json": export_json,
    "jsonl": export_jsonl,
    "csv": export_csv,
    # From the cross-document links (hearsay link): schema.org Claims, and the provenance/entity graph.
    "jsonld": export_jsonld,
    "graphml": export_graphml,
    # Analysts' corrections (hearsay.corrections) as a gold set that `hearsay eval corrections` scores.
    "corrections": export_corrections,
}

__all__ = ["EXPORTERS", "export"]


def export(store, fmt: str, out_dir: str | Path) -> list[Path]:
    """Write the store's readings in format ``fmt`` into ``out_dir`` (created if missing)."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise ConfigError(f"unknown export format {fmt!r}; known formats: {known}") from None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return exporter(store, out)
