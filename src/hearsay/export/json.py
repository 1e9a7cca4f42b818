"""``readings.json``: one JSON array of every stored reading (schema reading-v2), with its document."""

from __future__ import annotations

import json
from pathlib import Path

from ..corrections.marks import every_mark, mark_reading
from .files import replaced

FILE_NAME = "readings.json"


def export_json(store, out_dir: Path) -> list[Path]:
    """Write the readings one by one into a single array; memory holds one reading at a time."""
    path = out_dir / FILE_NAME
    marks = every_mark(store)  # corrected statements carry ``corrected``: the fields decided
    with replaced([path]) as (out,):
        out.write("[")
        for number, reading in enumerate(store.iter_readings()):
            out.write(",\n" if number else "\n")
            out.write(json.dumps(mark_reading(reading.to_dict(), marks), ensure_ascii=False))
        out.write("\n]\n")
    return [path]
