"""The language seam: a registry of packages, and extract() dispatching on Document.language."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hearsay.errors import InputError
from hearsay.extract.pipeline import extract_many
from hearsay.ingest.identity import make_document
from hearsay.lang import REGISTRY, language_package, supported

ENGLISH = "The ministry said on Monday that the talks would resume."
RUSSIAN = "Министерство заявило в понедельник, что переговоры возобновятся."


def test_registry_names_a_package_per_language_with_the_same_interface():
    assert set(REGISTRY) >= {"en", "ru"}
    for code in REGISTRY:
        package = language_package(code)
        assert code == package.CODE
        assert callable(package.extract_many) and callable(package.extractor_name)
        assert package.STOP_WORDS


@pytest.mark.parametrize(("code", "expected"), [("en", True), ("ru", True), ("es", False), ("", False)])
def test_registry_supported(code, expected):
    assert supported(code) is expected


def test_registry_unknown_language_is_a_one_line_error_naming_the_known_ones():
    with pytest.raises(InputError) as caught:
        language_package("es", where="a.txt")
    message = str(caught.value)
    assert "a.txt" in message and "'es'" in message and "en, ru" in message and "\n" not in message


def test_registry_extract_reads_each_document_with_its_language_in_order():
    documents = [
        make_document(ENGLISH, language="en"),
        make_document(RUSSIAN, language="ru"),
        make_document(ENGLISH + " Really.", language="en"),
    ]
    readings = list(extract_many(documents))
    assert [r.document_id for r in readings] == [d.id for d in documents]
    assert [r.language for r in readings] == ["en", "ru", "en"]
    assert "ru_natasha" in readings[1].extractor and "en_core_web" in readings[0].extractor
    (statement,) = readings[1].statements
    assert statement.cue.text == "заявило" and statement.content.text.startswith("что переговоры")


def test_registry_extract_refuses_a_language_without_a_package():
    document = make_document("El portavoz dijo que las conversaciones seguirán.", language="es")
    with pytest.raises(InputError, match="'es'"):
        list(extract_many([document]))


def test_registry_pymorphy2_works_on_this_python_once_the_russian_package_is_imported():
    # pymorphy2 0.9.1 calls inspect.getargspec, gone in Python 3.11; importing natasha (through
    # hearsay.lang.ru.models) patches it. A fresh interpreter proves the order, not this process.
    code = (
        "import pymorphy2\n"
        "import hearsay.lang.ru.models\n"
        "print(pymorphy2.MorphAnalyzer().parse('опроверг')[0].normal_form)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "опровергнуть"
