"""The attribute ruler on token arrays sets what spaCy's own attribute ruler sets, token by token."""

from __future__ import annotations

import numpy
import pytest
from spacy.pipeline import AttributeRuler

from hearsay.extract.components.attribute_ruler import ArrayAttributeRuler, apply, compile_rules
from hearsay.ingest import read_path
from hearsay.model import Document
from hearsay.sample import sample_paths

# Words the model's exception patterns name (two-token ones too), and runs of spaces.
ODD_TEXTS = [
    "I ain't gonna do it, y'all. Let's go, we gotta go, c'mon, 'em, 'nuff nothin' somethin' ol' doin' goin'.",
    "There's  \n\n a  space  and it is.  It's what 'd you've got; there are two, there were.",
    "But here, once then, I'd ca n't, she sha n't, they wo n't. Anyone, nobody, myself and its own.",
]
COLUMNS = ["TAG", "POS", "MORPH", "LEMMA", "DEP"]


@pytest.fixture(scope="module")
def parsed(bare_nlp):
    texts = [item.text for path in sample_paths() for item in read_path(path) if isinstance(item, Document)]
    with bare_nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(bare_nlp.pipe([*ODD_TEXTS, *texts]))


def test_attribute_ruler_sets_what_spacys_sets(bare_nlp, parsed):
    ruler = bare_nlp.get_pipe("attribute_ruler")
    rules = compile_rules(ruler)
    assert rules is not None
    for doc in parsed:
        theirs, ours = doc.copy(), doc.copy()
        ruler(theirs)
        apply(rules, ours)
        assert numpy.array_equal(theirs.to_array(COLUMNS), ours.to_array(COLUMNS)), doc.text[:60]
        assert [str(t.morph) for t in theirs] == [str(t.morph) for t in ours]


def test_attribute_ruler_lemmas_of_the_exceptions(nlp):
    doc = nlp("I ain't gonna do it. Let's go.")
    assert [t.lemma_ for t in doc[:5]] == ["I", "be", "not", "go", "to"]
    assert [t.lemma_ for t in doc[8:10]] == ["let", "us"]


def test_attribute_ruler_in_the_pipeline_is_the_array_one(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayAttributeRuler)
    assert ruler.compiled is not None
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


def test_attribute_ruler_leaves_a_pattern_it_cannot_read_to_spacy(bare_nlp):
    ruler = AttributeRuler(bare_nlp.vocab)
    ruler.add([[{"LOWER": "dr", "OP": "?"}, {"TAG": "NNP"}]], {"LEMMA": "Doctor"})
    assert compile_rules(ruler) is None
    fallback = ArrayAttributeRuler(bare_nlp.vocab, "attribute_ruler")
    fallback.add_patterns(ruler.patterns)
    doc = bare_nlp("Dr Smith arrived.")
    assert fallback(doc)[1].lemma_ == "Doctor"
