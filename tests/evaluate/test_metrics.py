"""Attribution scores on hand-made cases with known answers."""

from __future__ import annotations

import pytest

from hearsay.evaluate.brat import Attribution, make_part
from hearsay.evaluate.cue_types import attribution_type, source_kind
from hearsay.evaluate.metrics import Predicted, prf, score_document

TEXT = "Ann said the cat sat on the mat. Bob said dogs bark."


def part(piece: str | None, nth: int = 0, text: str = TEXT):
    if piece is None:
        return None
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return make_part(text, [(start, start + len(piece))])


def attribution(source, cue, content, *, cue_nth=0, text=TEXT, ident="x") -> Attribution:
    return Attribution(ident, part(source, text=text), part(cue, cue_nth, text), part(content, text=text))


def predicted(source, cue, content, *, cue_nth=0, text=TEXT, **entity) -> Predicted:
    return Predicted(attribution(source, cue, content, cue_nth=cue_nth, text=text), **entity)


GOLD = [
    attribution("Ann", "said", "the cat sat on the mat"),
    attribution("Bob", "said", "dogs bark", cue_nth=1),
]
PREDICTED = [
    predicted("Ann", "said", "the cat sat"),  # content overlap 3/6
    predicted("Bob", "said", "dogs bark", cue_nth=1),  # exact
    predicted(None, "sat", "on the mat"),  # a false positive
]


@pytest.fixture(scope="module")
def figures():
    return score_document(TEXT, GOLD, PREDICTED).totals.to_dict()


def test_metrics_prf_of_counts():
    assert prf(2, 3, 2, 2) == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert prf(0, 0, 0, 5) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


@pytest.mark.parametrize(
    ("level", "precision", "recall", "f1", "found"),
    [
        ("overlap_0.3", 0.6667, 1.0, 0.8, 2),
        ("overlap_0.8", 0.3333, 0.5, 0.4, 1),
        ("exact", 0.3333, 0.5, 0.4, 1),
    ],
)
def test_metrics_whole_attributions(figures, level, precision, recall, f1, found):
    assert figures["whole"][level] == {"precision": precision, "recall": recall, "f1": f1, "found": found}


def test_metrics_per_role(figures):
    roles = figures["roles"]
    assert roles["source"]["exact"]["f1"] == 1.0  # the false positive has no source: nothing to count
    assert roles["cue"]["exact"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert roles["content"]["exact"] == {"precision": 0.3333, "recall": 0.5, "f1": 0.4}
    assert roles["content"]["overlap_0.3"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert (roles["content"]["gold"], roles["content"]["predicted"]) == (2, 3)


def test_metrics_source_resolution(figures):
    assert figures["source_resolution"] == {"accuracy": 1.0, "resolved": 2, "of": 2}


def test_metrics_errors_name_misses_near_misses_and_false_positives():
    gold = [*GOLD, attribution("Bob", "bark", "dogs")]
    errors = score_document(TEXT, gold, PREDICTED).errors
    kinds = sorted(e["error"] for e in errors)
    # "dogs" shares no content with a free prediction once "dogs bark" is taken: a miss
    assert kinds == ["false_positive", "miss"]
    false_positive = next(e for e in errors if e["error"] == "false_positive")
    assert false_positive["predicted"]["content"] == {"text": "on the mat", "ranges": [[21, 31]]}


def test_metrics_one_prediction_finds_one_attribution():
    twice = [predicted("Bob", "said", "dogs bark", cue_nth=1)] * 2
    whole = score_document(TEXT, [GOLD[1]], twice).totals.to_dict()["whole"]["overlap_0.3"]
    assert whole == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "found": 1}


def test_metrics_matching_prefers_the_pair_whose_cue_and_source_agree():
    text = "Clinton told aides she was fine, the source added."
    gold = [attribution("the source", "added", "Clinton told aides she was fine", text=text)]
    wrong = predicted("Clinton", "told", "she was fine", text=text)
    right = predicted("the source", "added", "aides she was fine", text=text)
    totals = score_document(text, gold, [wrong, right]).totals
    assert totals.whole_hits["overlap_0.3"] == 1
    assert totals.type_correct["indirect"] == 1


QUOTE = '"We will win," Roe said, "and soon."'


def quote_gold():
    start2 = QUOTE.index('"and')
    content = make_part(QUOTE, [(0, QUOTE.index(" Roe")), (start2, len(QUOTE))])
    return Attribution("q", part("Roe", text=QUOTE), part("said", text=QUOTE), content)


def test_metrics_discontinuous_content_exact_when_both_pieces_found():
    start2 = QUOTE.index("and soon")
    content = make_part(QUOTE, [(1, 12), (start2, start2 + 8)])  # without the quote marks
    guess = Predicted(Attribution("p", part("Roe", text=QUOTE), part("said", text=QUOTE), content))
    whole = score_document(QUOTE, [quote_gold()], [guess]).totals.to_dict()["whole"]
    assert whole["exact"]["found"] == 1


def test_metrics_discontinuous_content_overlap_of_a_contiguous_guess():
    guess = predicted("Roe", "said", QUOTE, text=QUOTE)  # the whole sentence: 5 of 7 tokens are content
    figures = score_document(QUOTE, [quote_gold()], [guess]).totals.to_dict()
    assert figures["whole"]["overlap_0.3"]["found"] == 1
    assert figures["whole"]["overlap_0.8"]["found"] == 0
    assert figures["roles"]["content"]["exact"]["f1"] == 0.0


NO_SOURCE = "It is expected that the vote will be close."


@pytest.mark.parametrize(("source", "found"), [(None, 1), ("It", 0)])
def test_metrics_attribution_without_source(source, found):
    gold = [attribution(None, "It is expected", "that the vote will be close", text=NO_SOURCE)]
    guess = predicted(source, "is expected", "the vote will be close", text=NO_SOURCE)
    figures = score_document(NO_SOURCE, gold, [guess]).totals.to_dict()
    assert figures["whole"]["overlap_0.3"]["found"] == found
    # no annotated source: not part of source resolution
    assert figures["source_resolution"]["of"] == 0
    assert figures["by_type"]["source_none"]["gold"] == 1


PRONOUN = "Jane Roe spoke first. Later he said the plan works. Roe added that it was cheap."


def test_metrics_same_entity_through_a_mention_of_the_predicted_entity():
    he = PRONOUN.index("he said")
    gold = [
        Attribution(
            "g",
            make_part(PRONOUN, [(he, he + 2)]),
            part("said", text=PRONOUN),
            part("the plan works", text=PRONOUN),
        )
    ]
    guess = predicted(
        "Jane Roe",
        "said",
        "the plan works",
        text=PRONOUN,
        entity_mentions=((0, 8), (he, he + 2)),
        entity_names=("Jane Roe",),
        entity="e1",
    )
    figures = score_document(PRONOUN, gold, [guess]).totals.to_dict()
    assert figures["source_resolution"]["resolved"] == 1
    assert figures["whole"]["overlap_0.8"]["found"] == 1


@pytest.mark.parametrize(("names", "resolved"), [(("Jane Roe", "Roe"), 1), (("Bob Smith",), 0)])
def test_metrics_same_entity_by_name(names, resolved):
    roe = PRONOUN.index("Roe added")
    gold = [
        Attribution(
            "g",
            make_part(PRONOUN, [(roe, roe + 3)]),
            part("added", text=PRONOUN),
            part("it was cheap", text=PRONOUN),
        )
    ]
    # hearsay put the source span on the first mention, which the annotators did not mark
    guess = predicted("Jane Roe", "added", "it was cheap", text=PRONOUN, entity_names=names, entity="e1")
    figures = score_document(PRONOUN, gold, [guess]).totals.to_dict()
    assert figures["source_resolution"]["resolved"] == resolved


TYPES_TEXT = (
    '"It works," Ann said. According to officials, the road is shut. Bob believes it will rain. '
    "A senior official said talks failed."
)


@pytest.mark.parametrize(
    ("source", "cue", "content", "kind", "source_type"),
    [
        ("Ann", "said", '"It works,"', "direct", "named"),
        ("Ann", "said", "It works", "direct", "named"),  # a quote mark opens right before it
        ("officials", "According to", "the road is shut", "according_to", "anonymous"),
        ("Bob", "believes", "it will rain", "internal_state", "named"),
        ("A senior official", "said", "talks failed", "indirect", "anonymous"),
        (None, "said", "talks failed", "indirect", "none"),
    ],
)
def test_metrics_attribution_types(source, cue, content, kind, source_type):
    nth = 1 if content == "talks failed" else 0
    item = attribution(source, cue, content, cue_nth=nth, text=TYPES_TEXT)
    assert attribution_type(item, TYPES_TEXT) == kind
    assert source_kind(item) == source_type
