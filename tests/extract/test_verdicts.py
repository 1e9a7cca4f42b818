"""Verdict statements: "the report was false" denies (and "was accurate" confirms) the claim it points at.

Every sentence is invented. Each test reads the whole pipeline's output, so attribution finds
the statements and hearsay_verdicts sets their stance and target.
"""

from __future__ import annotations

import pytest

from hearsay.extract.pipeline import extract
from hearsay.model import Document, Statement


def statements(nlp, text: str) -> list[Statement]:
    return list(extract(Document(id="t", text=text), nlp=nlp).statements)


def statement_with(nlp, text: str, cue: str) -> tuple[Statement, list[Statement]]:
    found = statements(nlp, text)
    matching = [s for s in found if s.cue.text == cue]
    assert matching, [(s.cue.text, s.content.text) for s in found]
    return matching[-1], found


# sentence, the verdict statement's cue, (stance, certainty, polarity), the verdict words among its cues
DENIALS = [
    ("The harbour authority said the report was false.", "said", ("deny", "certain", "neg"), "false"),
    ("That claim is entirely false, the port director said.", "said", ("deny", "certain", "neg"), "false"),
    ('"That claim is entirely false," the minister said.', "said", ("deny", "certain", "neg"), "false"),
    ("The mayor said the story was pure fiction.", "said", ("deny", "certain", "neg"), "fiction"),
    ('"That is not true," the colonel said.', "said", ("deny", "certain", "neg"), "not true"),
    ("The governor called the accusations lies.", "called", ("deny", "certain", "neg"), "lies"),
    ("The senator called the allegations a hoax.", "called", ("deny", "certain", "neg"), "hoax"),
    ("The ministry said the allegations were baseless.", "said", ("deny", "certain", "neg"), "baseless"),
    ("The council said the rumours were groundless.", "said", ("deny", "certain", "neg"), "groundless"),
    ("A spokeswoman said the claims were unfounded.", "said", ("deny", "certain", "neg"), "unfounded"),
    ("The club said the photos story was fake.", "said", ("deny", "certain", "neg"), "fake"),
    ("The board said the reports were nonsense.", "said", ("deny", "certain", "neg"), "nonsense"),
    ("The firm said the report was fabricated.", "said", ("deny", "certain", "neg"), "fabricated"),
    ("The envoy described the reports as baseless.", "described", ("deny", "certain", "neg"), "baseless"),
    (
        "The embassy said our country has nothing to do with the fire.",
        "said",
        ("deny", "certain", "neg"),
        "nothing to do with",
    ),
    ("A general said the army is not responsible.", "said", ("deny", "certain", "neg"), "not responsible"),
    ("The spokesman said the accusations had no basis.", "said", ("deny", "certain", "neg"), "no basis"),
    ("The council said there was no truth in the reports.", "said", ("deny", "certain", "neg"), "no truth"),
    ("He called the story fake news.", "called", ("deny", "certain", "neg"), "fake"),
    ("She said it was a lie.", "said", ("deny", "certain", "neg"), "lie"),
    # hedges keep lowering the certainty of a denial
    ("The club said the reports were probably false.", "said", ("deny", "probable", "neg"), "false"),
]


@pytest.mark.parametrize(("text", "cue", "expected", "words"), DENIALS)
def test_verdicts_that_call_a_claim_false_are_denials(nlp, text, cue, expected, words):
    statement, _ = statement_with(nlp, text, cue)
    assert (statement.stance, statement.certainty, statement.polarity) == expected
    assert words in [c.text for c in statement.factuality_cues]


def test_verdicts_dismissing_reports_as_fabricated_stay_denials(nlp):
    statement, _ = statement_with(nlp, "The governor dismissed the reports as fabricated.", "dismissed")
    assert (statement.stance, statement.certainty, statement.polarity) == ("deny", "certain", "neg")


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the report was accurate.",
        "The agency said the account was true.",
        "The minister said the claims were correct.",
        "The report is not false, the mayor said.",
    ],
)
def test_verdicts_that_call_a_claim_true_are_certain_assertions(nlp, text):
    statement, _ = statement_with(nlp, text, "said")
    assert (statement.stance, statement.certainty, statement.polarity) == ("assert", "certain", "pos")


def test_verdicts_need_a_claim_to_judge(nlp):
    """ "The bridge was fake" is no verdict: its subject names no claim; nor is "that" with "absurd"."""
    for text in (
        "The mayor said the bridge was fake.",
        "The coach said the team was wrong.",
        "The report was about false claims, the mayor said.",
        "It is ridiculous that we have to wait, the mayor said.",
        "The mayor said that would be absurd.",
    ):
        statement, _ = statement_with(nlp, text, "said")
        assert (statement.stance, statement.polarity, statement.target) == ("assert", "pos", None)


def test_verdicts_target_the_earlier_statement_they_point_at(nlp):
    text = "The agency reported that the dam had failed. The ministry said the report was false."
    verdict, found = statement_with(nlp, text, "said")
    report = next(s for s in found if s.cue.text == "reported")
    assert verdict.stance == "deny"
    assert verdict.target is not None
    assert verdict.target.statement == report.id
    assert verdict.target.pointer == "the report"
    assert (verdict.target.start, verdict.target.end) == (report.content.start, report.content.end)
    assert text[verdict.target.start : verdict.target.end] == verdict.target.text


def test_verdicts_prefer_the_statement_their_noun_names(nlp):
    text = (
        "Rivals accused the mayor of taking bribes. Local radio said the vote was delayed. "
        "The mayor called the accusations a hoax."
    )
    verdict, found = statement_with(nlp, text, "called")
    accusation = next(s for s in found if s.cue.text == "accused")
    assert verdict.target is not None and verdict.target.statement == accusation.id


def test_verdicts_never_target_their_own_source(nlp):
    text = "The ministry said the dam held. The ministry later said that claim was false."
    verdict, _ = statement_with(nlp, text, "said")
    assert verdict.stance == "deny"
    assert verdict.target is None


def test_verdicts_of_a_quoted_claim_target_the_earlier_statement(nlp):
    text = 'Rebels said the army shelled the town. "That is a lie," a colonel said.'
    verdict, found = statement_with(nlp, text, "said")
    assert verdict.stance == "deny" and verdict.target is not None
    assert verdict.target.statement == found[0].id and verdict.target.pointer == "That"


def test_verdicts_target_the_clause_beside_their_claim_noun(nlp):
    text = "The minister said the claim that the bridge collapsed is false."
    verdict, _ = statement_with(nlp, text, "said")
    assert verdict.stance == "deny"
    assert verdict.target is not None
    assert (verdict.target.text, verdict.target.pointer) == ("the bridge collapsed", "the claim")
    assert text[verdict.target.start : verdict.target.end] == "the bridge collapsed"


def test_verdicts_target_an_extraposed_clause(nlp):
    text = "It is false that the army fired on protesters, the ministry said."
    verdict, _ = statement_with(nlp, text, "said")
    assert verdict.stance == "deny"
    assert verdict.target is not None and verdict.target.text == "the army fired on protesters"


def test_verdicts_without_an_antecedent_have_no_target(nlp):
    verdict, found = statement_with(nlp, "The ministry said the report was false.", "said")
    assert len(found) == 1 and verdict.stance == "deny" and verdict.target is None


def test_verdicts_of_involvement_target_an_earlier_claim_about_the_same_thing(nlp):
    text = "Rebels said the army shelled the town. A general said the army is not responsible."
    verdict, found = statement_with(nlp, text, "said")
    assert verdict.stance == "deny"
    assert verdict.target is not None and verdict.target.statement == found[0].id
    assert verdict.target.pointer is None


def test_verdicts_confirming_a_report_target_it(nlp):
    text = "Local radio reported that the mayor had resigned. The spokesman confirmed the report."
    verdict, found = statement_with(nlp, text, "confirmed")
    assert (verdict.stance, verdict.certainty, verdict.polarity) == ("assert", "certain", "pos")
    assert verdict.target is not None and verdict.target.statement == found[0].id


def test_verdicts_denying_allegations_target_them(nlp):
    text = "Opposition lawmakers alleged that the minister lied. The minister denied the allegations."
    verdict, found = statement_with(nlp, text, "denied")
    assert verdict.stance == "deny"
    assert verdict.target is not None and verdict.target.statement == found[0].id


def test_verdicts_show_in_the_reading_json(nlp):
    text = "The agency reported that the dam had failed. The ministry said the report was false."
    data = extract(Document(id="t", text=text), nlp=nlp).to_dict()
    targets = [s["target"] for s in data["statements"]]
    assert targets[0] is None
    assert targets[1] == {
        "text": "that the dam had failed",
        "start": text.index("that the dam"),
        "end": text.index("had failed") + len("had failed"),
        "statement": "s1",
        "pointer": "the report",
    }


def test_verdicts_prefer_the_statement_of_the_claims_owner(nlp):
    text = (
        "Kyiv claimed that drones hit the plant. Local media said the plant was closed. "
        "Moscow said Kyiv's claims were absurd."
    )
    verdict, found = statement_with(nlp, text, "said")
    assert verdict.stance == "deny" and verdict.target is not None
    assert verdict.target.statement == found[0].id and verdict.target.pointer == "Kyiv's claims"


def test_verdicts_reach_only_nearby_claims_without_a_cue_or_owner_to_match(nlp):
    filler = "The weather in the capital stayed mild and the markets were calm for most of the week. " * 6
    text = f"Rebels said the army shelled the town. {filler}A colonel said the story was false."
    verdict, _ = statement_with(nlp, text, "said")
    assert verdict.stance == "deny" and verdict.target is None


def test_verdicts_ignore_people_named_by_a_pronoun(nlp):
    """ "Urged those calling for ..." names people, not a claim: no target."""
    text = "Rebels said the army shelled the town. The mayor denied those living nearby any help."
    for statement in statements(nlp, text):
        assert statement.target is None


def test_verdicts_target_an_earlier_quotation_no_statement_holds(nlp):
    text = (
        'A banner with the words "the mayor stole the funds" hung outside the hall. '
        "The mayor said the claim was false."
    )
    verdict, _ = statement_with(nlp, text, "said")
    assert verdict.stance == "deny" and verdict.target is not None
    assert (verdict.target.text, verdict.target.statement) == ("the mayor stole the funds", None)


def test_a_bare_claim_noun_does_not_target_the_quotation_before_it(nlp):
    """Read off Wikinews: "... '' said an analyst. Following some speculation that the firms would split,
    the chairman denied allegations." Nothing says the analyst's quotation is what was alleged."""
    text = (
        '"The shares are reacting nicely, which is further proof of the plan," said analyst Tim Vale. '
        "Following some speculation that the two firms would split, chairman Ida Holm denied allegations."
    )
    verdict, _ = statement_with(nlp, text, "denied")
    assert verdict.stance == "deny"
    assert verdict.target is None
