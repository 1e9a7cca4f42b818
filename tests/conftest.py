"""Session-wide test setup: the versions every result depends on, printed in the header."""

from __future__ import annotations

import sqlite3

import spacy


def pytest_report_header(config):
    from hearsay.extract.pipeline import load_pipeline

    nlp = load_pipeline()
    model = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    return [f"sqlite: {sqlite3.sqlite_version}, spacy: {spacy.__version__}, model: {model}"]
