"""One Russian reading per test session: natasha's models take seconds to load."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from hearsay.ingest.identity import make_document
from hearsay.lang.ru import read_document

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def reference():
    gold = json.loads((DATA / "ru-drones.gold.json").read_text(encoding="utf-8"))
    text = (DATA / gold["document"]).read_text(encoding="utf-8")
    document = make_document(text, published=dt.date.fromisoformat(gold["published"]), language="ru")
    return gold, read_document(document)
