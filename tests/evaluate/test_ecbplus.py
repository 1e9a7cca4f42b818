"""The ECB+ reader, the mention matching rule and the scoring, on a hand-written two-document topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from hearsay.errors import InputError
from hearsay.evaluate.ecbplus import Predicted, Scored, head_tokens, match, score
from hearsay.evaluate.ecbplus_corpus import annotated_sentences, read_document, topic_files

DOC = """<Document doc_name="{name}.xml" doc_id="D1">
{tokens}
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/><token_anchor t_id="2"/></HUMAN_PART_PER>
<LOC_FAC m_id="2"><token_anchor t_id="6"/><token_anchor t_id="7"/>
<token_anchor t_id="8"/><token_anchor t_id="9"/></LOC_FAC>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="11"/></HUMAN_PART_PER>
<TIME_DATE m_id="4"><token_anchor t_id="13"/></TIME_DATE>
<HUMAN_PART_PER m_id="9" TAG_DESCRIPTOR="t1_reid" instance_id="HUM1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="10" note="HUM1">
<source m_id="1" /><source m_id="3" /><target m_id="9" />
</CROSS_DOC_COREF>
</Relations>
</Document>
"""
WORDS = [
    (0, "Tara"),
    (0, "Reid"),
    (0, "entered"),
    (0, "``"),
    (0, "rehab"),
    (1, "a"),
    (1, "clinic"),
    (1, "in"),
    (1, "Malibu"),
    (1, "."),
    (2, "Reid"),
    (2, "'s"),
    (2, "Friday"),
    (2, "."),
]


def _write_topic(root: Path) -> Path:
    folder = root / "ECB+" / "1"
    folder.mkdir(parents=True)
    tokens = "\n".join(
        f'<token t_id="{i}" sentence="{s}" number="{i}">{w}</token>'
        for i, (s, w) in enumerate(WORDS, start=1)
    )
    for name in ("1_1ecb", "1_1ecbplus"):
        (folder / f"{name}.xml").write_text(DOC.format(name=name, tokens=tokens), encoding="utf-8")
    (root / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,1ecb,0\n1,1ecb,1\n1,1ecbplus,0\n1,1ecbplus,1\n1,1ecbplus,2\n",
        encoding="utf-8",
    )
    return root


def _document(tmp_path: Path, name: str = "1_1ecb"):
    root = _write_topic(tmp_path)
    path = root / "ECB+" / "1" / f"{name}.xml"
    return read_document(path, annotated_sentences(root)[name])


def test_ecbplus_text_is_rebuilt_with_offsets(tmp_path):
    ecb = _document(tmp_path)
    assert ecb.text == "Tara Reid entered \"rehab\na clinic in Malibu.\nReid's Friday."
    assert [ecb.text[t.start : t.end] for t in ecb.tokens[:2]] == ["Tara", "Reid"]


def test_ecbplus_entity_mentions_of_annotated_sentences_with_chains(tmp_path):
    ecb = _document(tmp_path)
    # sentence 2 is not annotated in 1_1ecb, and the time is not an entity
    assert [(m.type, m.chain) for m in ecb.mentions] == [("HUMAN_PART_PER", "HUM1"), ("LOC_FAC", "1_1ecb#2")]
    full = _document(tmp_path / "plus", "1_1ecbplus")
    assert [m.chain for m in full.mentions] == ["HUM1", "1_1ecbplus#2", "HUM1"]


def test_ecbplus_head_and_matching_rule(tmp_path):
    ecb = _document(tmp_path)
    clinic = ecb.mentions[1]
    assert [ecb.text[ecb.tokens[i].start : ecb.tokens[i].end] for i in head_tokens(ecb, clinic)] == [
        "a",
        "clinic",
    ]
    reid = Predicted("1_1ecb", (0, 1), "e-1", "Tara Reid")
    malibu = Predicted("1_1ecb", (8,), "e-2", "Malibu")  # inside "a clinic in Malibu", not its head
    pairs = match(ecb, [reid, malibu])
    assert [(gold.chain, mine.text) for gold, mine in pairs] == [("HUM1", "Tara Reid")]


def test_ecbplus_score_counts_cross_document_merges(tmp_path):
    ecb = _document(tmp_path)
    plus = _document(tmp_path / "plus", "1_1ecbplus")
    reid, clinic = ecb.mentions
    scored = [
        Scored(reid, Predicted(ecb.name, reid.tokens, "e-reid", "Tara Reid"), 1),
        Scored(plus.mentions[0], Predicted(plus.name, reid.tokens, "e-reid", "Tara Reid"), 1),
        Scored(plus.mentions[2], Predicted(plus.name, (10,), "e-other", "Reid"), 1),
        Scored(clinic, Predicted(ecb.name, clinic.tokens, "e-reid", "clinic"), 1),  # a wrong merge
    ]
    figures = score(scored)
    # cross-document pairs in e-reid: (reid, plus reid) right, (plus reid, clinic) wrong
    assert figures["merges"] == {"cross_document_pairs": 2, "correct": 1, "precision": 0.5}
    assert figures["chains"] == {"gold": 2, "predicted": 2, "gold_singletons": 1}
    assert 0 < figures["coreference"]["conll_f1"] < 1


def test_ecbplus_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="no ECB\\+ folder"):
        topic_files(tmp_path, [1])


def test_ecbplus_malformed_xml_names_the_file(tmp_path):
    root = _write_topic(tmp_path)
    broken = root / "ECB+" / "1" / "1_1ecb.xml"
    broken.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(InputError, match="1_1ecb.xml"):
        read_document(broken, {0})
