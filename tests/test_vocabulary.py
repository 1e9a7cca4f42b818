"""One vocabulary: every stored value has a plain word, documented in docs/vocabulary.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearsay.cli.output import factuality
from hearsay.model import CERTAINTIES, POLARITIES, RELATIONS, STANCES
from hearsay.vocabulary import LABELS, label

DOC = Path(__file__).resolve().parents[1] / "docs" / "vocabulary.md"


@pytest.mark.parametrize(
    ("field", "values"),
    [("stance", STANCES), ("certainty", CERTAINTIES), ("polarity", POLARITIES), ("relation", RELATIONS)],
)
def test_vocabulary_covers_every_model_value(field: str, values: tuple[str, ...]) -> None:
    assert set(LABELS[field]) == set(values)


def test_vocabulary_uses_journalist_words() -> None:
    assert label("certainty", "underspecified") == "not stated"
    assert label("entity_type", "NORP") == "group"
    assert label("entity_type", "GPE") == "country or city"
    assert label("stance", "refuse_to_comment") == "refuses to comment"
    assert label("entity_type", "NEW_TYPE") == "NEW TYPE"


def test_vocabulary_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for field, values in LABELS.items():
        for value, word in values.items():
            assert f"| `{value}` | {word} |" in text, (field, value)


def test_cli_factuality_speaks_the_same_words_as_the_pages() -> None:
    row = {"stance": "deny", "certainty": "underspecified", "polarity": "neg"}
    assert factuality(row) == "denies, certainty not stated, polarity negative"
