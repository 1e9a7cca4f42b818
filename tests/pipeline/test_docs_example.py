"""docs/pipeline.md's Python example runs and prints what it shows, then a re-run stores nothing new."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from .conftest import DATA

DOC = Path(__file__).resolve().parents[2] / "docs" / "pipeline.md"


def example() -> str:
    text = DOC.read_text(encoding="utf-8").split("\n## Python API\n", 1)[1]
    return text.split("```python\n", 1)[1].split("```", 1)[0]


def test_docs_pipeline_example_prints_what_it_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for name in ("good/harbour.txt", "good/article.html", "bad/binary.bin"):
        shutil.copy(DATA / name, news)
    monkeypatch.chdir(tmp_path)
    source = example()
    shown = [line.lstrip("# ") for line in source.splitlines() if line.startswith("# ")]
    for expected in (shown, ["0 2 ['H100']"]):  # the second run finds both documents stored
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(source, str(DOC), "exec"), {})
        assert out.getvalue().splitlines() == expected
