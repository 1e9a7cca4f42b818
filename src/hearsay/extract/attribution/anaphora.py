"""Sources that point back: "he", "it", "the group", "the newspaper", "which", "who".

Each resolves to the entity it refers to, or stays unresolved: a wrong antecedent is worse than none.
The rule is conservative: the nearest earlier mention of an entity of a compatible type, within the
sentence and the two before it; a platform ("on Twitter") is never a speaker's antecedent.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from ..drafts import EntityDraft
from ..lexicon import load_lexicon
from .context import DocContext
from .lexicon import is_platform

PERSONAL_PRONOUNS = frozenset(["he", "she", "him", "her", "his"])
ORGANISATION_PRONOUNS = frozenset(["it", "its"])
RELATIVE_PRONOUNS = frozenset(["that", "which", "who", "whom"])
SUBJECTS = ("nsubj", "nsubjpass")
# How many sentences before the anaphor's own an antecedent may stand in.
SENTENCES_BACK = 2
# How far back (in characters) a pronoun looks for its antecedent.
LOOKBACK_CHARS = 600


@cache
def anaphoric_nouns() -> dict[str, tuple[str, ...]]:
    return {row["noun"]: tuple(row["types"].split("|")) for row in load_lexicon("anaphoric_nouns")}


def relative_antecedent(head: Token) -> Token:
    """ "a group that says", "the union, which claimed", "Ann Lee, who added": the noun the relative
    pronoun stands for (the noun just before its comma when the parse hangs the clause elsewhere)."""
    clause = head.head
    if head.lower_ not in RELATIVE_PRONOUNS or clause.dep_ != "relcl" or clause.head.i == clause.i:
        return head
    return noun_before_comma(head) or clause.head


def noun_before_comma(relative: Token) -> Token | None:
    """The noun right before the comma that opens a relative clause (", which ..."), if any."""
    doc = relative.doc
    if relative.i < 2 or doc[relative.i - 1].text != ",":
        return None
    noun = doc[relative.i - 2]
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def description_types(head: Token) -> tuple[str, ...]:
    """The entity types a bare definite description may refer to ("the group": ORG), or ()."""
    types = anaphoric_nouns().get(head.lemma_.lower(), ())
    children = list(head.children)
    definite = len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ in ("the", "this")
    return types if definite else ()


def person_antecedent(ctx: DocContext, pronoun: Token) -> EntityDraft | None:
    """The nearest person named before the pronoun, within a few sentences; never a platform."""
    best: tuple[int, EntityDraft] | None = None
    floor = pronoun.idx - LOOKBACK_CHARS
    for entity in ctx.entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            named = mention.text.lower() not in PERSONAL_PRONOUNS
            later = best is None or mention.end_char > best[0]
            if named and later and floor <= mention.end_char <= pronoun.idx and not _is_platform(mention):
                best = (mention.end_char, entity)
    return best[1] if best else None


def group_antecedent(
    ctx: DocContext, anaphor: Token, types: tuple[str, ...], subject_only: bool = False
) -> EntityDraft | None:
    """The nearest earlier organisation (or outlet) of one of ``types``, in this or the two sentences
    before; ``types`` are tried in order, so "the newspaper" prefers an outlet to an organisation.

    With ``subject_only`` (for "it", which as often means a plan or a recording), the organisation
    must be the subject of a main verb, and no other noun may be a subject between it and the anaphor.
    """
    floor = _window_start(anaphor)
    for wanted in types:
        best: tuple[int, EntityDraft, Span] | None = None
        for entity in ctx.entities:
            if entity.type != wanted:
                continue
            for mention in entity.mentions:
                inside = mention.start <= anaphor.i < mention.end
                later = best is None or mention.end_char > best[0]
                before = floor <= mention.start_char and mention.end_char <= anaphor.idx
                if before and later and not inside and not _is_platform(mention):
                    best = (mention.end_char, entity, mention)
        if best is not None and (not subject_only or _last_subject(best[2], anaphor)):
            return best[1]
    return None


def _last_subject(mention: Span, anaphor: Token) -> bool:
    """The mention is the subject of its sentence's main verb, and no other noun is a subject between
    it and the anaphor."""
    if mention.root.dep_ not in SUBJECTS or mention.root.head.dep_ != "ROOT":
        return False
    between = mention.doc[mention.end : anaphor.i]
    return not any(t.dep_ in SUBJECTS and t.pos_ in ("NOUN", "PROPN") for t in between)


def _window_start(token: Token) -> int:
    """Where the sentence ``SENTENCES_BACK`` before the token's own begins (a character offset)."""
    doc, start = token.doc, token.sent.start
    for _ in range(SENTENCES_BACK):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return doc[start].idx


def _is_platform(mention: Span) -> bool:
    return len(mention) == 1 and is_platform(mention[0])
