"""Regression tests for inputs that once lost good documents beside them (issue 17, item 7).

Each case is a minimal input in tests/data/bad (or, for file names and links git cannot hold
well, made in a temporary folder): the part that is wrong fails alone, every other part is read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import hearsay
from hearsay.errors import CODE, InputError, UnexpectedError, coded, printable
from hearsay.ingest import iter_documents, read_path
from hearsay.ingest.identity import make_document, normalise_text
from hearsay.ingest.markup import xml_safe
from hearsay.model import Document

from .conftest import BAD, split

GOOD_TEXT = "The mayor said on Tuesday that the bridge will reopen in June.\n"


def test_bad_inputs_lone_surrogate_and_long_number_fail_no_other_line() -> None:
    path = BAD / "surrogate-and-long-number.jsonl"
    documents, errors = split(read_path(path))
    assert [d.source_path for d in documents] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert "bridge \ufffd will reopen" in documents[0].text  # the lone surrogate is replaced
    assert documents[0].title == "Bridge \ufffd"
    assert "budget vote" in documents[1].text  # a 5,000-digit number in another field is no matter
    [error] = errors
    assert error.where == f"{path}:3" and '"text" is a JSON number' in str(error)


def test_bad_inputs_surrogates_are_never_in_a_document() -> None:
    document = make_document("He said \ud800 yes", outlet="A \udfff", source_path="x\udc80.txt")
    assert document.text == "He said \ufffd yes"
    assert (document.outlet, document.source_path) == ("A \ufffd", "x\ufffd.txt")
    document.text.encode("utf-8")  # what hashing and SQLite do
    assert normalise_text("\ud83d\ude00") == "\ufffd\ufffd"  # a pair that was never joined


def test_bad_inputs_telegram_channel_and_author_with_surrogates_keep_their_posts() -> None:
    path = BAD / "telegram-surrogate.json"
    documents, errors = split(read_path(path))
    assert errors == []
    assert [d.source_path for d in documents] == [f"{path}:message 1", f"{path}:message 2"]
    assert {d.outlet for d in documents} == {"Harbour News \ufffd"}
    assert documents[0].author == "Harbour \ufffd News"
    assert "repairs \ufffd were finished" in documents[1].text


def test_bad_inputs_telegram_post_that_raises_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    digits = "9" * 5000
    path.write_text(
        '{"name": "C", "messages": [{"id": 1, "text": "The minister said the port reopens."},'
        f' {{"id": {digits}, "text": {digits}}}, {{"id": 3, "text": "Officials said it was safe."}}]}}'
    )
    documents, errors = split(read_path(path))
    assert [d.source_path for d in documents] == [f"{path}:message 1", f"{path}:message 3"]
    assert [e.where for e in errors] == [f"{path}:message #2"]


@pytest.mark.parametrize(
    "control", ["\f", "\v", "\x01", "\x1b", "\ufffe", "\uffff", "&#12;", "&#x0B;", "&#xD800;"]
)
def test_bad_inputs_html_with_a_control_character_is_read(control: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><article><p>The ferry operator said on Monday that"
        f"{control} the service would resume next week, officials confirmed.</p></article></body></html>"
    )
    [document], errors = split(read_path(path))
    assert errors == []
    assert "the service would resume next week" in document.text


def test_bad_inputs_html_form_feed_and_vertical_tab_file() -> None:
    [document], errors = split(read_path(BAD / "control-characters.html"))
    assert errors == []
    assert "the service would resume next week" in document.text
    assert document.title == "Ferry service resumes"


def test_bad_inputs_xml_safe_keeps_text_lxml_accepts() -> None:
    assert xml_safe("a\fb\vc\x00d\tE\n\ud800") == "a b cd\tE\n\ufffd"
    assert xml_safe("a&#12;b&#x0c;c&#65;d&#xD800;e&#x1F600;f&#9;") == "a b c&#65;d e&#x1F600;f&#9;"


def test_bad_inputs_jsonl_line_of_junk_bytes_is_never_read_as_utf16() -> None:
    # From the fuzz benchmark: charset-normalizer read this NUL-free file as UTF-16 (one line of
    # CJK junk), so the three good lines after the bad first line were lost.
    documents, errors = split(read_path(BAD / "guessed-utf16.jsonl"))
    assert [d.source_path.rsplit(":", 1)[1] for d in documents if d.source_path] == ["2", "3", "4"]
    assert all("mark said" in d.text for d in documents)
    assert [Path(e.where or "").name for e in errors] == ["guessed-utf16.jsonl:1"]


def test_bad_inputs_jsonl_line_of_junk_bytes_is_never_read_as_ebcdic() -> None:
    # From the fuzz benchmark: read as EBCDIC (cp037), every good line after the first was lost.
    documents, errors = split(read_path(BAD / "guessed-ebcdic.jsonl"))
    assert len(documents) == 3 and all("mark said" in d.text for d in documents)
    assert [Path(e.where or "").name for e in errors] == ["guessed-ebcdic.jsonl:1"]


def test_bad_inputs_jsonl_whose_first_line_is_xml_is_still_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    good = [f'{{"text": "Officials said talks on the harbour {n} would resume."}}' for n in range(3)]
    path.write_text("\n".join(['<?xml-stylesheet?>{"outlet": NaN}', *good]) + "\n", encoding="utf-8")
    documents, errors = split(read_path(path))
    assert len(documents) == 3
    assert [Path(e.where or "").name for e in errors] == ["wire.jsonl:1"]


@pytest.mark.parametrize("broken", ["&#xD800;", "&#12;", "&#x1;"])
def test_bad_inputs_feed_with_a_forbidden_character_reference_keeps_every_item(
    broken: str, tmp_path: Path
) -> None:
    path = tmp_path / "wire.xml"
    items = "".join(
        f"<entry><title>T{n}</title><content>Officials said{broken if n == 1 else ''} talks {n} resume."
        "</content></entry>"
        for n in range(3)
    )
    path.write_text(f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>{items}</feed>')
    documents, errors = split(read_path(path))
    assert [d.title for d in documents] == ["T0", "T1", "T2"] and errors == []
    assert all(d.outlet == "Gazette" for d in documents)


def test_bad_inputs_symlink_loop_is_reported_and_the_folder_read(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_TEXT)
    os.symlink("loop-b", folder / "loop-a")
    os.symlink("loop-a", folder / "loop-b")
    (folder / "z.txt").write_text("Officials said the harbour would stay closed.\n")
    items = list(iter_documents([str(folder)]))
    documents, errors = split(items)
    assert [Path(d.source_path or "").name for d in documents] == ["a.txt", "z.txt"]
    assert [Path(e.where or "").name for e in errors] == ["loop-a", "loop-b"]
    assert all(str(e).startswith("[H100] ") and "loops back on itself" in str(e) for e in errors)


def test_bad_inputs_symlinked_folder_inside_a_folder_is_read(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(GOOD_TEXT)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said the harbour would stay closed.\n")
    os.symlink(elsewhere, folder / "linked")
    documents, errors = split(list(iter_documents([str(folder)])))
    assert [Path(d.source_path or "").name for d in documents] == ["a.txt", "b.txt"]
    assert errors == []


def test_bad_inputs_symlink_to_an_enclosing_folder_is_one_loop_error(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "inner").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD_TEXT)
    (folder / "inner" / "b.txt").write_text("Officials said the harbour would stay closed.\n")
    os.symlink(folder, folder / "inner" / "up")
    documents, errors = split(list(iter_documents([str(folder)])))
    assert [Path(d.source_path or "").name for d in documents] == ["a.txt", "b.txt"]
    assert [Path(e.where or "").name for e in errors] == ["up"]
    assert str(errors[0]).startswith("[H100] ") and "loops back on itself" in str(errors[0])


def test_bad_inputs_symlink_loop_named_directly(tmp_path: Path) -> None:
    os.symlink("self", tmp_path / "self")
    [error] = list(iter_documents([str(tmp_path / "self")]))
    assert isinstance(error, InputError) and "loops back on itself" in str(error)


def test_bad_inputs_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    name = "bell\x07\x1b[31mred\u202e.txt"
    error = InputError("does not exist; check the path", where=str(tmp_path / name))
    assert "bell\\x07\\x1b[31mred\\u202e.txt" in str(error)
    assert not any(ord(c) < 32 or c == "\u202e" for c in str(error))
    assert printable("caf\u00e9 \u201cok\u201d\ttab") == "caf\u00e9 \u201cok\u201d\\x09tab"


def test_bad_inputs_every_error_line_has_a_code() -> None:
    assert coded("linking failed") == "[H900] linking failed"
    assert coded("x.txt: [H100] empty") == "x.txt: [H100] empty"
    wrapped = UnexpectedError.wrap(RuntimeError("boom\n"), "x.txt")
    assert CODE.match(str(wrapped)) and str(wrapped).startswith("[H900] x.txt: unexpected RuntimeError")


def test_bad_inputs_read_never_raises_on_surrogates() -> None:
    reading = hearsay.read('The minister said on Monday that "talks \ud800 may resume".')
    assert reading.document is not None and "\ud800" not in reading.document.text
    assert [s.cue.text for s in reading.statements] == ["said"]


def test_bad_inputs_jsonl_line_with_undecodable_bytes_or_nul_fails_alone() -> None:
    path = BAD / "undecodable-line.jsonl"
    documents, errors = split(read_path(path))
    assert [d.source_path for d in documents] == [f"{path}:1", f"{path}:4"]
    assert [e.where for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "is not valid UTF-8 (byte 0xff at column 26)" in str(errors[0])
    assert "Invalid control character at column" in str(errors[1])


def test_bad_inputs_telegram_message_nested_too_deeply_fails_alone() -> None:
    path = BAD / "telegram-nested.json"
    documents, errors = split(read_path(path))
    assert [d.source_path for d in documents] == [f"{path}:message 1", f"{path}:message 3"]
    [error] = errors
    assert error.where == f"{path}:message #2" and "nested too deeply" in str(error)


def test_bad_inputs_telegram_broken_outside_the_messages_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text('{"name": "C", "messages": [{"id": 1, "text": "The minister said it would."}], "x": }')
    documents, errors = split(read_path(path))
    assert [d.source_path for d in documents] == [f"{path}:message 1"]
    assert [e.where for e in errors] == [str(path)] and "not valid JSON" in str(errors[0])


def test_bad_inputs_feed_with_control_character_references_keeps_its_items() -> None:
    documents, errors = split(read_path(BAD / "feed-control-reference.rss"))
    assert errors == []
    assert [d.title for d in documents] == ["Ferry&#12; to resume", "Bridge"]  # plain text, kept as written
    assert documents[0].text == "The ferry operator said on Monday that the service would resume."


def test_bad_inputs_jsonl_whose_first_line_is_broken_is_still_json_lines() -> None:
    path = BAD / "broken-first-line.jsonl"
    documents, errors = split(read_path(path))
    assert [d.source_path for d in documents] == [f"{path}:2", f"{path}:3"]
    assert [e.where for e in errors] == [f"{path}:1"]


def test_bad_inputs_jsonl_with_markup_in_its_texts_is_not_html() -> None:
    path = BAD / "markup-in-lines.jsonl"
    documents, errors = split(read_path(path))
    assert errors == [] and [d.format for d in documents] == ["jsonl", "jsonl"]


def test_bad_inputs_jsonl_starting_with_a_utf16_mark_is_read_as_utf8_lines(tmp_path: Path) -> None:
    path = BAD / "utf16-mark-first-line.jsonl"
    documents, errors = split(read_path(path))
    assert [d.source_path for d in documents] == [f"{path}:2", f"{path}:3"]
    assert [e.where for e in errors] == [f"{path}:1"]
    real = tmp_path / "utf16.jsonl"  # a file that is UTF-16 throughout is still read as UTF-16
    real.write_bytes('{"text": "The mayor said the bridge would reopen."}\n'.encode("utf-16"))
    [document] = list(read_path(real))
    assert isinstance(document, Document) and document.text == "The mayor said the bridge would reopen."
