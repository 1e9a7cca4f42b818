"""Expanding inputs, the reader registry, and the never-a-traceback guarantee."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from hearsay.errors import ConfigError, InputError
from hearsay.ingest import READERS, expand_inputs, get_reader, iter_documents, read_path
from hearsay.model import Document

from .conftest import DATA, split


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small corpus folder with the things a walk must skip."""
    for name in (
        "b.txt",
        "a.html",
        "sub/c.jsonl",
        "sub/deeper/d.txt",
        ".hidden.txt",
        ".git/config.txt",
        "store.db",
        "store.db-wal",
        "sub/.cache/e.txt",
    ):
        path = tmp_path / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("The mayor said.\n")
    return tmp_path / "corpus"


def names(items: Iterator[Path | InputError], root: Path) -> list[str]:
    """Paths relative to ``root``; errors as ``!where``."""
    return [f"!{i.where}" if isinstance(i, InputError) else i.relative_to(root).as_posix() for i in items]


def test_expand_folder_is_recursive_sorted_and_skips_hidden_and_db(tree: Path) -> None:
    assert names(expand_inputs([str(tree)]), tree) == ["a.html", "b.txt", "sub/c.jsonl", "sub/deeper/d.txt"]


def test_expand_explicit_files_are_never_skipped(tree: Path) -> None:
    args = [str(tree / ".hidden.txt"), str(tree / "store.db")]
    assert names(expand_inputs(args), tree) == [".hidden.txt", "store.db"]


def test_expand_missing_path_is_an_item_not_an_exception(tree: Path) -> None:
    missing = str(tree / "missing.txt")
    items = list(expand_inputs([missing, str(tree / "b.txt")]))
    assert isinstance(items[0], InputError)
    assert str(items[0]) == f"[H100] {missing}: does not exist; check the path"
    assert items[1] == tree / "b.txt"


def test_expand_glob_recursive(tree: Path) -> None:
    assert names(expand_inputs([f"{tree}/**/*.txt"]), tree) == ["b.txt", "sub/deeper/d.txt"]


def test_expand_glob_skips_db_files(tree: Path) -> None:
    assert names(expand_inputs([f"{tree}/store*"]), tree) == []
    assert names(expand_inputs([f"{tree}/*.db"]), tree) == []


def test_expand_glob_without_match(tree: Path) -> None:
    [error] = list(expand_inputs([f"{tree}/*.pdf"]))
    assert isinstance(error, InputError)
    assert error.message == "matches no files; check the pattern"


def test_expand_each_file_once(tree: Path) -> None:
    args = [str(tree / "b.txt"), str(tree), f"{tree}/*.txt"]
    assert names(expand_inputs(args), tree) == ["b.txt", "a.html", "sub/c.jsonl", "sub/deeper/d.txt"]


def test_expand_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    [error] = list(expand_inputs([str(tmp_path / "empty")]))
    assert isinstance(error, InputError)
    assert "no files to read" in error.message


def test_expand_get_reader_unknown_name_lists_known() -> None:
    known = "feed, html, jsonl, telegram, text"
    with pytest.raises(ConfigError, match=f"unknown input format 'rss'; known formats: {known}"):
        get_reader("rss")


def test_expand_iter_documents_over_fixture_tree() -> None:
    # Only good/ and bad/: other tests keep corpora of their own under tests/data.
    documents, errors = split(iter_documents([str(DATA / "good"), str(DATA / "bad")]))
    failed = sorted(Path(e.where).name for e in errors)
    assert failed == [
        "binary.bin",
        "broken-first-line.jsonl:1",
        "empty.txt",
        "feed-broken.xml:item 1",
        "feed-partial.rss:item 2",
        "guessed-ebcdic.jsonl:1",
        "guessed-utf16.jsonl:1",
        "malformed.jsonl:2",
        "malformed.jsonl:3",
        "surrogate-and-long-number.jsonl:3",
        "telegram-nested.json:message #2",
        "telegram-partial.json:message 2",
        "undecodable-line.jsonl:2",
        "undecodable-line.jsonl:3",
        "utf16-mark-first-line.jsonl:1",
        "whitespace.txt",
    ]
    assert len(documents) == 44
    assert all(d.text and len(d.id) == 64 for d in documents)


def test_expand_unexpected_exception_becomes_input_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def failing_reader(text: str, where: str) -> Iterator[Document | InputError]:
        raise RuntimeError("reader bug\nwith two lines")
        yield  # pragma: no cover

    monkeypatch.setitem(READERS, "text", failing_reader)
    path = tmp_path / "a.txt"
    path.write_text("The mayor said.")
    [error] = list(read_path(path))
    assert isinstance(error, InputError)
    assert error.where == str(path)
    assert "RuntimeError: reader bug with two lines" in error.message


def odd_inputs() -> list[bytes]:
    """Byte strings that have broken readers elsewhere."""
    rng = random.Random(7)
    return [
        b"\xff\xfe",
        b"\xff\xfe\x00",
        b"\xef\xbb\xbf",
        b"<",
        b"{",
        b"[",
        b"<html>",
        b"\x00" * 10,
        b"<p>" * 1000,
        b"<div>" * 20_000,
        b"<!-- c -->",
        b"<?xml version='1.0'?><rss/>",
        "\u2028\u2029 \x85".encode(),
        b'{"text": "a"}\n' * 3 + b"\xff\xfe",
        b"\r\r\r",
        b"\t",
        *(rng.randbytes(n) for n in (1, 2, 3, 10, 100, 1000)),
    ]


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
def test_expand_odd_inputs_never_raise(suffix: str, tmp_path: Path) -> None:
    for number, data in enumerate(odd_inputs()):
        (tmp_path / f"{number:02d}{suffix}").write_bytes(data)
    items = list(iter_documents([str(tmp_path)]))
    assert len(items) >= len(odd_inputs())
    assert all(isinstance(i, (Document, InputError)) for i in items)
    assert all("\n" not in str(i) for i in items if isinstance(i, InputError))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_expand_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The mayor said.")
    path.chmod(0)
    [error] = list(read_path(path))
    assert isinstance(error, InputError)
    assert "permission denied" in error.message
