"""Held-out parts are never scored: MEANTIME's other topics, and every split but train and dev.

The data is written here by hand in the layout of ../shared/data (meantime/ beside factuality/); the
kept-apart topic is imitated by a ``corpus_stock`` folder of invented sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearsay.errors import ConfigError, InputError
from hearsay.evaluate.dev_parts import dev_topic_files, dev_topic_sentences, sentence_key
from hearsay.evaluate.factuality import evaluate_factuality
from hearsay.evaluate.meantime import article_files, evaluate_meantime

DEV_SENTENCE = ["The", "mayor", "said", "the", "plant", "did", "n't", "close", "."]
HELD_OUT_SENTENCE = ["Shares", "may", "fall", ",", "traders", "said", "."]


def _cat(words: list[str]) -> str:
    tokens = "".join(
        f'<token t_id="{n + 1}" sentence="0" number="{n}">{w}</token>' for n, w in enumerate(words)
    )
    event = (
        '<EVENT_MENTION m_id="1" certainty="CERTAIN" polarity="POS"><token_anchor t_id="3"/></EVENT_MENTION>'
    )
    return f'<Document doc_name="d">{tokens}<Markables>{event}</Markables></Document>'


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    intra = tmp_path / "meantime" / "intra-doc_annotation"
    for topic, words in (("gm", DEV_SENTENCE), ("stock", HELD_OUT_SENTENCE)):
        (intra / f"corpus_{topic}").mkdir(parents=True)
        (intra / f"corpus_{topic}" / f"1_{topic}.xml").write_text(_cat(words), encoding="utf-8")
    records = [
        {"text": " ".join(DEV_SENTENCE), "targets": [{"span1": [7, 8], "label": -3.0}]},
        {"text": " ".join(HELD_OUT_SENTENCE), "targets": [{"span1": [2, 3], "label": 0.75}]},
    ]
    for dataset in ("MEANTIME", "UW"):
        (tmp_path / "factuality" / dataset).mkdir(parents=True)
        for split in ("dev", "test"):
            path = tmp_path / "factuality" / dataset / f"{split}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return tmp_path


def test_meantime_reads_only_the_dev_topics(data_root):
    files = article_files(data_root / "meantime")
    assert [p.name for p in files] == ["1_gm.xml"]
    figures = evaluate_meantime(data_root / "meantime")
    assert figures["topics"] == ["gm"] and figures["articles"] == 1


def test_meantime_folder_of_held_out_topics_only_is_an_error(data_root):
    with pytest.raises(InputError, match="dev-topic folders"):
        article_files(data_root / "meantime" / "intra-doc_annotation" / "corpus_stock")


def test_dev_topic_files_leave_out_other_folders():
    paths = [Path("x/corpus_apple/a.xml"), Path("x/corpus_stock/b.xml"), Path("x/loose/c.xml")]
    assert dev_topic_files(paths) == [Path("x/corpus_apple/a.xml")]


def test_sentence_key_ignores_spacing_punctuation_and_case():
    assert sentence_key(["The", "plant", "did", "n't", "close", "."]) == sentence_key(
        ["the plant didn't close"]
    )


def test_factuality_meantime_scores_only_dev_topic_sentences(data_root):
    keys = dev_topic_sentences(data_root / "meantime")
    assert sentence_key(DEV_SENTENCE) in keys and sentence_key(HELD_OUT_SENTENCE) not in keys
    figures = evaluate_factuality(data_root / "factuality", "MEANTIME", "dev")
    assert figures["sentences"] == 1 and figures["left_out_sentences"] == 1
    assert figures["targets"] == 1 and figures["mae"] == 0.0  # "did n't close" read as certain, negative


def test_factuality_uw_keeps_every_sentence_of_its_dev_split(data_root):
    figures = evaluate_factuality(data_root / "factuality", "UW", "dev")
    assert figures["sentences"] == 2 and figures["left_out_sentences"] == 0


@pytest.mark.parametrize("dataset", ["UW", "MEANTIME"])
def test_factuality_test_split_is_never_read(data_root, dataset):
    with pytest.raises(ConfigError, match="held out"):
        evaluate_factuality(data_root / "factuality", dataset, "test")


def test_factuality_meantime_without_its_cat_files_is_an_error(data_root, tmp_path):
    with pytest.raises(InputError, match="dev topics"):
        evaluate_factuality(data_root / "factuality", "MEANTIME", "dev", meantime_dir=tmp_path / "none")
