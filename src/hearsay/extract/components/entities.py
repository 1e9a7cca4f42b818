"""``hearsay_entities``: the people, outlets, organisations and places a document names.

Starts from spaCy's named entities and corrects them with the document's own context: one
type per name, outlets recognised by list, web address and context ("told X"), short forms
and misspelt surnames joined to the full name. Sets ``doc._.hs_entities`` to a list of
``EntityDraft`` with ids "e1", "e2", ... in order of first mention.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..drafts import EntityDraft, register_extensions
from ..entity_candidates import Candidate, collect
from ..entity_clusters import cluster, words

register_extensions()


@Language.component(
    "hearsay_entities",
    requires=["doc.ents", "token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.hs_entities"],
)
def hearsay_entities(doc: Doc) -> Doc:
    """doc (Doc): a parsed document with entities. RETURNS (Doc): with ``doc._.hs_entities``."""
    entities = []
    for number, (kind, members) in enumerate(cluster(doc, collect(doc)), start=1):
        mentions = sorted({(c.start, c.end): doc[c.start : c.end] for c in members}.values())
        entities.append(EntityDraft(f"e{number}", _name(doc, members), kind, mentions))
    doc._.hs_entities = entities
    return doc


def _name(doc: Doc, members: list[Candidate]) -> str:
    """The longest full form among the mentions; the first one on a tie."""
    spans = sorted((doc[c.start : c.end] for c in members), key=lambda span: span.start)
    return max(spans, key=lambda span: (len(words(span)), len(span.text))).text
