"""``hearsay_attribution``: attributed statements (source, cue, content, addressee, kind).

The work is done in stages by ``hearsay.extract.attribution``; this module registers the component.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..attribution import find_statements
from ..attribution.cues import repair_contracted_has, repair_lemmas
from ..attribution.lexicon import check_cue_lexicons

# A bad line in a cue table stops the pipeline as it loads, naming the file and the line.
check_cue_lexicons()


@Language.component(
    "hearsay_attribution",
    requires=["token.dep", "token.lemma", "token.pos", "token.tag", "doc._.hs_entities"],
    assigns=["doc._.hs_statements"],
)
def hearsay_attribution(doc: Doc) -> Doc:
    repair_lemmas(doc)
    repair_contracted_has(doc)
    doc._.hs_statements = find_statements(doc)
    return doc
