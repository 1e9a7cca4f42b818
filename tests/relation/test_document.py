"""A whole document against a proposition (``relate_document``), on invented reports."""

from __future__ import annotations

import pytest

from hearsay.extract.pipeline import extract
from hearsay.ingest.identity import make_document
from hearsay.relation import relate_document

FACT = (
    "The town of Lindholm opened its new bridge over the Varna river on Monday. Hundreds of residents "
    "walked across it in the morning. The old ferry made its last crossing the same day."
)
HEDGED = (
    "A new bridge over the Varna river in Lindholm will reportedly open next week, according to a local "
    "newspaper. The town has not confirmed the date. Residents said they could hardly wait."
)
OWN_VOICE = (
    "The town of Lindholm opened its new bridge over the Varna river on Monday. The mayor said the bridge "
    "could bring more visitors to the old harbour. Hundreds of residents walked across it in the morning."
)
DEBUNKED = (
    "A photo of a shark swimming on a flooded highway in Brackwater is a hoax. The image was photoshopped "
    "from an older picture, experts said. Officials denied that any shark had been seen on the highway. "
    "The fake picture was still shared thousands of times."
)


@pytest.fixture(scope="module")
def readings():
    return {
        name: extract(make_document(text, language="en"))
        for name, text in (("fact", FACT), ("hedged", HEDGED), ("own", OWN_VOICE), ("debunked", DEBUNKED))
    }


@pytest.mark.parametrize(
    ("proposition", "body", "relation", "rule"),
    [
        ("Lindholm opens new bridge over the Varna river", "fact", "supports", "document-states"),
        ("Lindholm opens new bridge over the Varna river", "hedged", "discusses", "document-distance"),
        ("Lindholm opens new bridge over the Varna river", "own", "supports", "document-own-voice"),
        (
            "Lindholm reportedly opens new bridge over the Varna",
            "fact",
            "discusses",
            "document-hedged-proposition",
        ),
        ("Shark swims on flooded Brackwater highway", "debunked", "refutes", "document-debunks"),
        ("Flooded highway shark photo is a hoax", "debunked", "supports", "document-debunks-too"),
        ("Flooded highway shark photo is a hoax", "fact", "unrelated", "document-unrelated"),
        ("Lindholm bridge photo is fake", "fact", "discusses", "document-no-debunk"),
        ("Farmer grows record pumpkin in Osterby", "fact", "unrelated", "document-unrelated"),
    ],
)
def test_the_document_voice_decides_the_side(readings, proposition, body, relation, rule):
    found = relate_document(proposition, readings[body])
    assert (found.relation, found.rule) == (relation, rule), found.reason
    assert found.reason and 0.0 <= found.match <= 1.0
    assert (found.strength is None) == (relation in ("discusses", "unrelated"))


def test_the_reason_names_the_words_that_decided(readings):
    refuted = relate_document("Shark swims on flooded Brackwater highway", readings["debunked"])
    assert "'hoax'" in refuted.reason and "'photoshopped'" in refuted.reason
    distant = relate_document("Lindholm opens new bridge over the Varna river", readings["hedged"])
    assert "'reportedly'" in distant.reason
