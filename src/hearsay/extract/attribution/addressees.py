"""Whom a statement was made to: "told DW", "in a statement to Orda", "during a briefing"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import DocContext
from .cues import Cue
from .lexicon import HEARER_OBJECT_VERBS, frame_of, medium_nouns
from .sources import noun_phrase
from .spans import span_of, trim


def addressee_of(ctx: DocContext, cue: Cue) -> Span | None:
    token = cue.head
    while True:
        found = addressee_for(ctx.by_head[token.i]) if token.i in ctx.by_head else None
        if (
            found is not None
            or token.head.i == token.i
            or token.dep_ not in ("advcl", "conj", "xcomp", "ccomp")
        ):
            return found
        token = token.head


def addressee_for(cue: Cue) -> Span | None:
    """Whom the statement was made to, or where: "told DW", "in a statement to Orda", "during a briefing"."""
    head = cue.head
    if frame_of(cue.entry).source == "object":
        return None
    for child in head.children:
        if child.dep_ == "dative" or (child.dep_ == "dobj" and head.lemma_ in HEARER_OBJECT_VERBS):
            return noun_phrase(child)
    for prep in (c for c in head.children if c.dep_ == "prep"):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if (
            prep.lower_ in ("to", "with")
            and cue.entry.cls in ("speech", "refusal")
            and obj.lemma_ not in medium_nouns()
        ):
            return noun_phrase(obj)
        if prep.lower_ in ("in", "during", "at", "on") and obj.lemma_.lower() in medium_nouns():
            hearer = _hearer_of(obj)
            return hearer if hearer is not None else _medium_phrase(obj)
    return None


def _hearer_of(noun: Token) -> Span | None:
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return noun_phrase(obj)
    return None


def _medium_phrase(noun: Token) -> Span | None:
    """ "a June 2 briefing in Astana" -> "a June 2 briefing": the noun with its left modifiers."""
    tokens = [noun]
    for child in noun.lefts:
        tokens.extend(child.subtree)
    return trim(span_of(noun.doc, tokens))
