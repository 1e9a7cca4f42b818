"""``readings.jsonl``: JSON Lines, one reading (schema reading-v2, with its document) per line."""

from __future__ import annotations

import json
from pathlib import Path

from ..corrections.marks import every_mark, mark_reading
from .files import replaced

FILE_NAME = "readings.jsonl"


def export_jsonl(store, out_dir: Path) -> list[Path]:
    path = out_dir / FILE_NAME
    marks = every_mark(store)  # corrected statements carry ``corrected``: the fields decided
    with replaced([path]) as (out,):
        for reading in store.iter_readings():
            # ensure_ascii=False keeps text readable; json.dumps escapes any newline inside a value.
            out.write(json.dumps(mark_reading(reading.to_dict(), marks), ensure_ascii=False) + "\n")
    return [path]
