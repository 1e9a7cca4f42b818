"""The cue gate: ``find_cues`` skips a token only where every finder would have found nothing."""

from __future__ import annotations

import pytest

from hearsay.extract.attribution.cues import FINDERS, _may_be_cue
from hearsay.ingest import read_path
from hearsay.model import Document
from hearsay.sample import sample_paths

# The finders whose first tests ``_may_be_cue`` repeats. A new finder needs its first test there too.
GATED = {
    "phrase",
    "verb",
    "evidence",
    "adverb",
    "noun",
    "noun_topic",
    "clause_verb",
    "adjective",
    "stance_noun",
    "light_verb",
}

# One sentence or more for each finder, beside the sample corpus.
SENTENCES = [
    "The minister said that taxes would rise, according to officials.",  # verb, phrase
    "In a poll last week, most voters backed the plan.",  # evidence
    "The group is reportedly spending $1 million.",  # adverb
    "The claim that the vote was rigged spread fast, as did Ann's decision to leave the race.",  # noun
    "Her criticism of the plan drew applause.",  # noun with a topic
    "Ann bemoaned that the rules had changed.",  # any verb with a that-clause
    "The councillor was critical of the mayor.",  # adjective
    "The senator has long been a vocal critic of the housing plan.",  # stance noun
    "He took a swipe at the governor and made the case that taxes must fall.",  # light verb
    "The senator refrained from criticising the plan; they lashed out at X and doubled down on it.",
    "She hoped to win; rivals were said to be worried, and he would neither confirm nor deny it.",
]


def test_cue_gate_knows_every_finder():
    assert {name for name, _ in FINDERS} == GATED


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [item.text for path in sample_paths() for item in read_path(path) if isinstance(item, Document)]
    return list(nlp.pipe([*SENTENCES, *texts]))


def test_cue_gate_passes_every_token_a_finder_finds_a_cue_on(docs):
    found = 0
    for doc in docs:
        for token in doc:
            if any(finder(token) is not None for _, finder in FINDERS):
                found += 1
                assert _may_be_cue(token), (token.text, token.pos_, token.dep_, token.sent.text)
    assert found > 500


def test_cue_gate_skips_most_tokens(docs):
    tokens = [token for doc in docs for token in doc]
    assert sum(map(_may_be_cue, tokens)) < len(tokens) / 2
