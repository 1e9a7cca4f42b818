"""hearsay_factuality and its rules on hand-written sentences.

Statements are built by hand (cue and content chosen by character offsets), so these tests do
not depend on the attribution component.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from hearsay.extract.components.factuality import hearsay_factuality
from hearsay.extract.drafts import StatementDraft
from hearsay.extract.factuality_rules import assess, assess_predicate


def _span(doc: Doc, part: str) -> Span:
    start = doc.text.index(part)
    span = doc.char_span(start, start + len(part))
    assert span is not None, f"{part!r} does not fall on token boundaries"
    return span


# sentence, cue, content, (stance, certainty, polarity), words kept as factuality cues
STATEMENTS = [
    # plain speech and relaying
    (
        "The ministry said the convoy reached the border.",
        "said",
        "the convoy reached the border",
        ("assert", "certain", "pos"),
        ["said"],
    ),
    (
        "According to the newspaper, the factory closed in March.",
        "According to",
        "the factory closed in March",
        ("report", "certain", "pos"),
        ["According to"],
    ),
    (
        "Local radio reported that the mayor had allegedly accepted bribes.",
        "reported",
        "the mayor had allegedly accepted bribes",
        ("report", "possible", "pos"),
        ["reported", "allegedly"],
    ),
    (
        "The suspect is said to have fled abroad.",
        "is said to",
        "The suspect",
        ("report", "probable", "pos"),
        ["is said to"],
    ),
    (
        "It was announced that the school will close.",
        "announced",
        "the school will close",
        ("report", "certain", "pos"),
        ["announced"],
    ),
    # belief and speculation
    (
        "The senator believes the tax will pass.",
        "believes",
        "the tax will pass",
        ("assert", "probable", "pos"),
        ["believes"],
    ),
    (
        "The analyst suggested that prices could rise.",
        "suggested",
        "prices could rise",
        ("assert", "possible", "pos"),
        ["suggested", "could"],
    ),
    # hedges: the strongest wins; a hedge on the cue counts too
    (
        "The witness said the driver was probably drunk and possibly armed.",
        "said",
        "the driver was probably drunk and possibly armed",
        ("assert", "possible", "pos"),
        ["said", "probably", "possibly"],
    ),
    (
        "The official reportedly told colleagues that he would resign.",
        "told",
        "he would resign",
        ("assert", "probable", "pos"),
        ["reportedly", "told"],
    ),
    (
        "The envoy said a deal was unlikely.",
        "said",
        "a deal was unlikely",
        ("assert", "probable", "neg"),
        ["said", "unlikely"],
    ),
    # negation inside the content stays in the proposition
    (
        "The firm said the merger will not go ahead.",
        "said",
        "the merger will not go ahead",
        ("assert", "certain", "pos"),
        ["said"],
    ),
    # denial and doubt
    (
        "The company denied that its products were unsafe.",
        "denied",
        "its products were unsafe",
        ("deny", "certain", "neg"),
        ["denied"],
    ),
    (
        "The minister dismissed the reports.",
        "dismissed",
        "the reports",
        ("deny", "certain", "neg"),
        ["dismissed"],
    ),
    (
        "Experts expressed skepticism about the vaccine claims.",
        "expressed skepticism",
        "the vaccine claims",
        ("deny", "probable", "neg"),
        ["expressed skepticism"],
    ),
    (
        "The economist questioned whether the figures were accurate.",
        "questioned",
        "the figures were accurate",
        ("deny", "probable", "neg"),
        ["questioned whether"],
    ),
    # questions and refusals
    (
        "Journalists asked whether the pipeline was safe.",
        "asked",
        "the pipeline was safe",
        ("question", "underspecified", "underspecified"),
        ["asked"],
    ),
    (
        "The spokesman declined to comment on the allegations.",
        "declined to comment",
        "the allegations",
        ("refuse_to_comment", "underspecified", "underspecified"),
        ["declined to"],
    ),
    (
        "A police spokeswoman would neither confirm nor deny the arrest.",
        "neither confirm nor deny",
        "the arrest",
        ("refuse_to_comment", "underspecified", "underspecified"),
        ["neither confirm nor deny"],
    ),
    # negated cues
    (
        "The mayor did not say whether the budget would be cut.",
        "did not say",
        "the budget would be cut",
        ("refuse_to_comment", "underspecified", "underspecified"),
        ["not say"],
    ),
    (
        "The general did not rule out further strikes.",
        "did not rule out",
        "further strikes",
        ("assert", "possible", "pos"),
        ["not rule out"],
    ),
    (
        "The coach did not deny that he had spoken to rival clubs.",
        "did not deny",
        "he had spoken to rival clubs",
        ("assert", "possible", "pos"),
        ["not deny"],
    ),
    (
        "The governor does not believe the dam will fail.",
        "does not believe",
        "the dam will fail",
        ("assert", "probable", "neg"),
        ["not believe"],
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "expected", "cue_words"), STATEMENTS)
def test_factuality_assesses_statement(bare_nlp, text, cue, content, expected, cue_words):
    doc = bare_nlp(text)
    reading = assess(_span(doc, cue), _span(doc, content))
    assert (reading.stance, reading.certainty, reading.polarity) == expected
    assert [c.text for c in reading.cues] == cue_words


def test_factuality_component_completes_drafts(bare_nlp):
    doc = bare_nlp("The agency said the road may reopen. The ministry denied the claim.")
    doc._.hs_statements = [
        StatementDraft(cue=_span(doc, "said"), content=_span(doc, "the road may reopen"), kind="indirect"),
        StatementDraft(cue=_span(doc, "denied"), content=_span(doc, "the claim"), kind="indirect"),
    ]
    hearsay_factuality(doc)
    first, second = doc._.hs_statements
    assert (first.stance, first.certainty, first.polarity) == ("assert", "possible", "pos")
    assert [c.text for c in first.factuality_cues] == ["said", "may"]
    assert (second.stance, second.certainty, second.polarity) == ("deny", "certain", "neg")


def test_factuality_component_without_statements(bare_nlp):
    doc = bare_nlp("Nothing is attributed here.")
    assert hearsay_factuality(doc)._.hs_statements is None


# sentence, predicate, (certainty, polarity)
PREDICATES = [
    ("The plant did not close.", "close", ("certain", "neg")),
    ("The troops may withdraw soon.", "withdraw", ("possible", "pos")),
    ("Nobody saw the attackers.", "saw", ("certain", "neg")),
    ("The company failed to pay its workers.", "pay", ("certain", "neg")),
    ("She managed to escape.", "escape", ("certain", "pos")),
    ("The rebels are likely to attack.", "attack", ("probable", "pos")),
    ("They plan to build a dam.", "build", ("underspecified", "underspecified")),
    ("He denied that the army attacked the village.", "attacked", ("certain", "neg")),
    ("If the talks fail, prices will rise.", "fail", ("underspecified", "underspecified")),
    ("The driver never reached the city.", "reached", ("certain", "neg")),
]


@pytest.mark.parametrize(("text", "predicate", "expected"), PREDICATES)
def test_factuality_assesses_predicate(bare_nlp, text, predicate, expected):
    doc = bare_nlp(text)
    certainty, polarity, _ = assess_predicate(_span(doc, predicate).root)
    assert (certainty, polarity) == expected
