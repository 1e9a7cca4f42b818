"""``hearsay_roles``: the roles the text gives a person, as spans of the document.

Three places, read off the parse with a word-order fallback:

    premodifier          "Kazakhstan's Foreign Ministry spokesperson Aybek Smadiyarov", "President X"
    apposition after     "Nate Duatbaev, former head of Kazakhstan's National Security Committee,"
    apposition before    "The company's spokesman, John Smith," (not "One such expert, X,")

A role holds a noun from ``role_nouns.tsv`` (not an honorific such as "Mr") and never the name.
Roles are added to ``EntityDraft.roles`` of PERSON entities, one span per distinct text.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..drafts import register_extensions
from ..entity_rules import DETERMINERS, POSSESSIVES, role_kind

register_extensions()

PREMODIFIER_POS = frozenset({"PROPN", "NOUN", "ADJ"})
COMPLEMENT_PREPOSITIONS = frozenset({"of", "for", "at"})
# "One such expert, X": a quantified noun phrase picks X out of a group; it gives no role.
QUANTIFIERS = frozenset({"a", "an", "one", "another", "such", "some", "many", "several", "other"})
CLAUSE_BREAKS = frozenset({"who", "which", "that", "whose"})
# Punctuation inside a role: "co-founder", "AT&T", "Procter & Gamble", "chief's".
INNER_PUNCT = frozenset({"-", "&", "/", "'", "’"})


@Language.component(
    "hearsay_roles", requires=["doc._.hs_entities", "token.dep", "token.pos"], assigns=["doc._.hs_entities"]
)
def hearsay_roles(doc: Doc) -> Doc:
    """doc (Doc): with ``doc._.hs_entities``. RETURNS (Doc): PERSON entities with their roles."""
    for entity in doc._.hs_entities or ():
        if entity.type != "PERSON":
            continue
        seen = {role.text.casefold() for role in entity.roles}
        for mention in entity.mentions:
            for role in roles_of(mention):
                if role.text.casefold() not in seen:
                    seen.add(role.text.casefold())
                    entity.roles.append(role)
    return doc


def roles_of(mention: Span) -> Iterator[Span]:
    """The role spans around one mention of a person."""
    for role in (_premodifier(mention), _apposition_after(mention), _apposition_before(mention)):
        if role is not None and _is_role(role):
            yield role


def _is_role(span: Span) -> bool:
    return any((role_kind(t) or "honorific") != "honorific" and t.pos_ in ("NOUN", "PROPN") for t in span)


def _premodifier(mention: Span) -> Span | None:
    """ "Almaty-based political scientist" in "Almaty-based political scientist Vitaly Koltochnik"."""
    doc = mention.doc
    start = mention.start
    while start > mention.sent.start and _premodifier_token(doc[start - 1]):
        start -= 1
    while start < mention.start and (doc[start].text in POSSESSIVES or doc[start].text == "-"):
        start += 1
    span = doc[start : mention.start]
    noun = _last_role_noun(span)
    return span if noun is not None and _attached(noun, mention) else None


def _premodifier_token(token: Token) -> bool:
    if token.text in POSSESSIVES or token.text == "-":
        return True
    if token.tag_ == "VBN" and token.i > 0 and token.nbor(-1).text == "-":
        return True  # "Almaty-based", "state-owned"
    if token.lower_ in COMPLEMENT_PREPOSITIONS:
        return token.i > 0 and role_kind(token.nbor(-1)) is not None  # "head of finance X"
    return token.pos_ in PREMODIFIER_POS and token.lower_ not in DETERMINERS


def _last_role_noun(span: Span) -> Token | None:
    """The role noun that heads the span: its last word, or followed by an "of"-complement."""
    nouns = [t for t in span if role_kind(t) not in (None, "honorific") and t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    last = nouns[-1]
    if last.i == span.end - 1:
        return last
    following = span.doc[last.i + 1]
    return last if following.lower_ in COMPLEMENT_PREPOSITIONS and following.i < span.end - 1 else None


def _attached(noun: Token, mention: Span) -> bool:
    """The role noun belongs with the name: it modifies it, the name is in apposition to it, or
    both hang from the same word (the parser's reading of "announced head of finance X")."""
    if mention.start <= noun.head.i < mention.end or mention.root.head == noun:
        return True
    if noun.head == mention.root.head and noun.dep_ == mention.root.dep_:
        return True
    return noun.is_title and role_kind(noun) == "title"


def _apposition_after(mention: Span) -> Span | None:
    """ "X, former head of Y," and "X, a spokesman for Y,"."""
    doc = mention.doc
    if mention.end >= len(doc) - 1 or doc[mention.end].text != ",":
        return None
    heads = [c for c in mention.root.children if c.dep_ == "appos" and c.i > mention.end]
    start = mention.end + 1
    while start < len(doc) and (doc[start].lower_ in DETERMINERS or doc[start].tag_ == "PRP$"):
        start += 1  # "X, its chief executive," -> "chief executive"
    end = start
    while end < mention.sent.end and doc[end].lower_ not in CLAUSE_BREAKS and not _breaks(doc[end]):
        if doc[end].pos_ in ("VERB", "AUX") and doc[end].tag_ != "VBN":
            return None  # "X, said ...": a clause, not an apposition
        end += 1
    if not heads and not _noun_phrase_with_role(doc[start:end]):
        return None
    return doc[start:end] if end > start else None


def _breaks(token: Token) -> bool:
    return (token.is_punct and token.text not in INNER_PUNCT) or token.is_space


def _noun_phrase_with_role(span: Span) -> bool:
    """Word-order fallback: a role noun among the first words, after modifiers only."""
    for token in span[:5]:
        if role_kind(token) not in (None, "honorific") and token.pos_ == "NOUN":
            return True
        if token.pos_ not in PREMODIFIER_POS and token.text not in POSSESSIVES and token.text != "-":
            return False
    return False


def _apposition_before(mention: Span) -> Span | None:
    """ "The company's spokesman, John Smith," -> "company's spokesman"."""
    root, doc = mention.root, mention.doc
    head = root.head
    if root.dep_ != "appos" or head.i >= mention.start or role_kind(head) in (None, "honorific"):
        return None
    between = doc[head.i + 1 : mention.start]
    if not len(between) or any(t.text != "," for t in between):
        return None  # without a comma it is a premodifier, handled above
    start = head.left_edge.i
    if doc[start].lower_ in QUANTIFIERS or doc[start].like_num:
        return None
    while start < head.i and (doc[start].lower_ in DETERMINERS or doc[start].tag_ == "PRP$"):
        start += 1
    return doc[start : head.i + 1]
