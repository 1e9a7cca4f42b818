"""`hearsay eval adaq` and `hearsay eval factrueval` on folders written for the test, through the CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner

from hearsay.cli import cli

SENTENCE = "Министр заявил, что переговоры возобновятся."
TOKENS = [
    ("Министр", "source"),
    ("заявил", "cue"),
    (",", "None"),
    ("что", "content"),
    ("переговоры", "content"),
    ("возобновятся", "content"),
    (".", "None"),
]


def test_ru_eval_cli_adaq_reads_and_scores(tmp_path):
    (tmp_path / "ru_sentences.tsv").write_text(f"sentences\tsentence_id\n{SENTENCE}\ts1\n", encoding="utf-8")
    rows = ["lemmas\ttext\tsentence_num\tindex_of_token_sent\ttags"]
    rows += [f"{t.lower()}\t{t}\ts1\t{k}\t{tag}" for k, (t, tag) in enumerate(TOKENS, start=1)]
    (tmp_path / "ru_tokens.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "adaq", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["sentences"] == 1
    assert figures["source"]["f1"] == figures["cue"]["f1"] == figures["content"]["f1"] == 1.0


def test_ru_eval_cli_factrueval_reads_and_scores(tmp_path):
    text = "Мэр Москвы Сергей Собянин приехал в Казань."
    words = text.rstrip(".").split() + ["."]
    starts, at = [], 0
    for word in words:
        at = text.index(word, at)
        starts.append(at)
        at += len(word)
    (tmp_path / "book_1.txt").write_text(text, encoding="utf-8")
    lines = [f"{k} {s} {len(w)} {w}" for k, (s, w) in enumerate(zip(starts, words, strict=True), start=1)]
    (tmp_path / "book_1.tokens").write_text("\n".join(lines) + "\n", encoding="utf-8")
    spans = ["1 name 11 6 3 1", "2 surname 18 7 4 1", "3 loc_name 36 6 7 1", "4 loc_name 4 6 2 1"]
    (tmp_path / "book_1.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    (tmp_path / "book_1.objects").write_text("1 Person 1 2\n2 Location 3\n3 Location 4\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "factrueval", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["per"]["f1"] == 1.0 and figures["loc"]["f1"] == 1.0
