"""``hearsay_paragraphs``: a line break ends a sentence (headlines and datelines have no full stop)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("hearsay_paragraphs", assigns=["token.is_sent_start"])
def hearsay_paragraphs(doc: Doc) -> Doc:
    # Runs before the parser, which keeps boundaries that are already set.
    for token in doc[1:]:
        if doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc
