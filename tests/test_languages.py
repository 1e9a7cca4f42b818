"""Language detection at ingest: a text in a language without a pipeline is refused, not misread."""

from __future__ import annotations

import json

import pytest

import hearsay
from hearsay.errors import InputError
from hearsay.ingest import read_path
from hearsay.languages import detect_language

RUSSIAN = (
    "Официальный представитель МИД Казахстана заявил журналистам, что у него нет сведений о пребывании "
    "этого человека в стране. Он добавил, что пограничная служба может дать пояснения после праздников. "
) * 2
SPANISH = (
    "El portavoz del ministerio dijo el lunes que las conversaciones podrían reanudarse la próxima semana, "
    "aunque añadió que todavía no hay una fecha fijada para la reunión entre ambas delegaciones."
) * 2
ENGLISH = "The spokesman said on Monday that talks could resume next week, though no date had been set. " * 3


@pytest.mark.parametrize(("text", "expected"), [(RUSSIAN, "ru"), (SPANISH, "es"), (ENGLISH, "en")])
def test_languages_detects_the_language_of_a_news_paragraph(text, expected):
    assert detect_language(text) == expected


def test_languages_short_latin_text_counts_as_english():
    assert detect_language("Minister quits") == "en"


def test_languages_other_language_file_is_a_one_line_input_error(tmp_path):
    path = tmp_path / "es.txt"
    path.write_text(SPANISH, encoding="utf-8")
    (item,) = list(read_path(path))
    assert isinstance(item, InputError)
    message = str(item)
    assert str(path) in message and "'es'" in message and "HEARSAY_LANGUAGE" in message
    assert "en, ru" in message
    assert "\n" not in message


def test_languages_russian_file_is_read_as_russian(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    (item,) = list(read_path(path))
    assert isinstance(item, hearsay.Document) and item.language == "ru"


def test_languages_setting_forces_a_language(tmp_path, monkeypatch):
    path = tmp_path / "ru.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    monkeypatch.setenv("HEARSAY_LANGUAGE", "en")
    (item,) = list(read_path(path))
    assert isinstance(item, hearsay.Document) and item.language == "en"


def test_languages_json_lines_field_is_honoured(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [{"text": ENGLISH}, {"text": RUSSIAN}, {"text": SPANISH, "language": "en"}]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    items = list(read_path(path))
    assert [type(item).__name__ for item in items] == ["Document", "Document", "Document"]
    assert [item.language for item in items] == ["en", "ru", "en"]


def test_languages_read_refuses_text_it_cannot_read():
    with pytest.raises(InputError, match="'es'"):
        hearsay.read(SPANISH)


IDENTIFIER_TEXTS = [
    "Kazakhstan denied supplying drone components, the ministry said on Monday.",
    "Министерство обороны России заявило, что беспилотники были сбиты над Белгородом.",
    "Le ministère a démenti avoir fourni des composants de drones au Kazakhstan.",
    "",
]


def test_identifier_unpacked_then_mapped_answers_as_py3langid_own(tmp_path, monkeypatch) -> None:
    from py3langid.langid import LanguageIdentifier

    from hearsay.languages import _identifier_read_in_memory

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    unpacked = _identifier_read_in_memory()  # the first start unpacks and keeps the arrays
    (folder,) = (tmp_path / "hearsay" / "langid").iterdir()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{name}.npy" for name in ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
    )
    mapped = _identifier_read_in_memory()  # a later start maps them
    own = LanguageIdentifier.from_model_file("data/model.npz.xz")
    for text in IDENTIFIER_TEXTS:
        assert unpacked.classify(text) == mapped.classify(text) == own.classify(text)


def test_identifier_without_a_writable_cache_still_answers(tmp_path, monkeypatch) -> None:
    from hearsay.languages import _identifier_read_in_memory

    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert _identifier_read_in_memory().classify(IDENTIFIER_TEXTS[1])[0] == "ru"
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_identifier_with_a_damaged_cache_unpacks_again(tmp_path, monkeypatch) -> None:
    from hearsay.languages import _identifier_read_in_memory

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _identifier_read_in_memory()
    (folder,) = (tmp_path / "hearsay" / "langid").iterdir()
    (folder / "ptc.npy").write_bytes(b"truncated")
    assert _identifier_read_in_memory().classify(IDENTIFIER_TEXTS[2])[0] == "fr"
