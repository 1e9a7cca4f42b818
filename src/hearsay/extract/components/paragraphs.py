"""``hearsay_paragraphs``: a line break ends a sentence (headlines and datelines have no full stop)."""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("hearsay_paragraphs", assigns=["token.is_sent_start"])
def hearsay_paragraphs(doc: Doc) -> Doc:
    # Runs before the parser, which keeps boundaries that are already set. Only the whitespace
    # tokens are looked at (found in spaCy's token array): the token after one with a line break.
    if len(doc) < 2:
        return doc
    for i in numpy.flatnonzero(doc.to_array("IS_SPACE")[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc
