"""The PolNeAR loader and the whole evaluation, on the hand-written folder tests/data/polnear_mini."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from hearsay.errors import InputError
from hearsay.evaluate.polnear import digest, evaluate_polnear, load_articles

MINI = Path(__file__).resolve().parents[1] / "data" / "polnear_mini"


def test_polnear_one_annotator_per_article_the_first_by_id():
    articles = load_articles(MINI, "dev")
    assert [(a.name, a.annotator) for a in articles] == [
        ("wire_2016-10-01_council-vote", "aa11"),
        ("wire_2016-10-02_harbor-report", "cc33"),
    ]
    assert [len(a.attributions) for a in articles] == [5, 2]


def test_polnear_dates_from_metadata():
    assert [a.published for a in load_articles(MINI, "dev")] == [dt.date(2016, 10, 1), dt.date(2016, 10, 2)]


def test_polnear_limit():
    assert len(load_articles(MINI, "dev", limit=1)) == 1


def test_polnear_missing_split_is_one_error_naming_the_folder(tmp_path):
    with pytest.raises(InputError, match=f"{tmp_path}.*no test/text folder"):
        load_articles(tmp_path, "test")


def test_polnear_digest_follows_the_files(tmp_path):
    copy = tmp_path / "mini"
    shutil.copytree(MINI, copy)
    before = digest(load_articles(copy, "dev"))
    assert before == digest(load_articles(MINI, "dev"))
    ann = copy / "dev" / "attributions" / "wire_2016-10-02_harbor-report_cc33.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest(load_articles(copy, "dev")) != before


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory):
    errors = tmp_path_factory.mktemp("eval") / "errors.jsonl"
    return evaluate_polnear(MINI, "dev", errors_path=errors), errors


def test_polnear_evaluation_counts_the_annotations(evaluated):
    figures, _ = evaluated
    assert (figures["articles"], figures["gold_attributions"]) == (2, 7)
    assert figures["roles"]["source"]["gold"] == 6  # 7 attributions, one without a source
    assert figures["by_type"]["according_to"]["gold"] == 1
    assert figures["by_type"]["internal_state"]["gold"] == 2  # "believe" and "It is widely expected"
    assert figures["by_type"]["source_anonymous"]["gold"] == 1
    assert figures["data_sha256"] == digest(load_articles(MINI, "dev"))


def test_polnear_evaluation_finds_the_plain_said_clause(evaluated):
    figures, errors = evaluated
    # "Mayor Ana Ruiz said the budget would pass on Tuesday." is the easiest case there is
    assert figures["whole"]["overlap_0.3"]["found"] >= 1
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert all(r["error"] in {"miss", "false_positive", "near_miss"} for r in records)
    assert all(r["article"].startswith("wire_2016-10-0") for r in records)
    missed = {r["gold"]["id"] for r in records if r["article"].endswith("council-vote") and "gold" in r}
    assert "E1" not in missed


def test_statements_sharing_cue_and_content_score_as_one_attribution_over_both_sources():
    import hearsay
    from hearsay.evaluate.polnear import predictions

    reading = hearsay.read("Senator Ann Okafor and Senator Bo Lindqvist said the bill would pass.")
    assert len([s for s in reading.statements if s.cue.text == "said"]) == 2
    [predicted] = [p for p in predictions(reading) if p.attribution.cue.text == "said"]
    assert predicted.attribution.source.text == "Ann Okafor … Bo Lindqvist"
    assert {"Ann Okafor", "Bo Lindqvist"} <= set(predicted.entity_names)


def test_polnear_errors_name_the_rules_of_the_predicted_statement(evaluated):
    """Issue 15: an error line with a predicted statement carries its rules, to count errors by rule."""
    _, errors = evaluated
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    predicted = [r for r in records if "predicted" in r]
    assert predicted, "the mini data set gives no false positive or near miss to check"
    assert all(r["rules"] and r["rules"][0].split(".")[0] in {"cue", "quote", "label"} for r in predicted)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # PolNeAR's content never holds its source and cue: the tag inside is cut out when scored.
        ("This campaign, he says, is different.", "says", ["This campaign,", ", is different"]),
        (
            "The fund, which the mayor said was too small, will grow.",
            "said",
            ["which", "was too small"],
        ),
        # a comma-set relative clause's content is scored from its pronoun, not from the noun before it
        (
            "Rescuers reached the site of the blast, which the ministry says killed 500 people.",
            "says",
            ["which", "killed 500 people"],
        ),
        # a cue without a source inside its content is cut out too; a content after its cue stays whole
        ("The plan is widely seen as a trap.", "is widely seen as", ["The plan", "a trap"]),
        ("Ann Lee said the plan was a trap.", "said", ["the plan was a trap"]),
    ],
)
def test_a_speaker_tag_inside_the_content_is_left_out_of_the_scored_content(text, cue, content):
    import hearsay
    from hearsay.evaluate.polnear import predictions

    [predicted] = [p for p in predictions(hearsay.read(text)) if p.attribution.cue.text == cue]
    assert [text[start:end].strip() for start, end in predicted.attribution.content.ranges] == content
