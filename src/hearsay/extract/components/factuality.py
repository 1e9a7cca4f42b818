"""hearsay_factuality: certainty, polarity and stance of each attributed statement.

Runs after hearsay_attribution and completes the ``StatementDraft`` objects it left in
``doc._.hs_statements``: ``certainty``, ``polarity``, ``stance`` and ``factuality_cues``. The
rules live in ``hearsay.extract.factuality_rules`` (``assess``), so they can be used without
the pipeline; this module only applies them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..drafts import StatementDraft
from ..factuality_rules import assess


@Language.component(
    "hearsay_factuality",
    requires=["doc._.hs_statements", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.hs_statements"],
)
def hearsay_factuality(doc: Doc) -> Doc:
    """Fill the factuality fields of every statement on the document."""
    for statement in doc._.hs_statements or ():
        complete(statement)
    return doc


def complete(statement: StatementDraft) -> StatementDraft:
    """Set a statement's certainty, polarity, stance and the spans of the words that decided them."""
    reading = assess(statement.cue, statement.content)
    statement.certainty = reading.certainty
    statement.polarity = reading.polarity
    statement.stance = reading.stance
    statement.factuality_cues = list(reading.cues)
    return statement
