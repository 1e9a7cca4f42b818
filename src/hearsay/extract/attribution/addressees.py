"""To whom and through what a statement was made: the addressee (a hearer: "told DW", "to reporters")
and the medium (a channel: "in a statement", "on X", "during a briefing"; or the outlet relaying it:
"a statement carried by Al Jazeera"). A time is neither ("told reporters on Tuesday")."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .context import DocContext
from .cues import Cue
from .lexicon import HEARER_OBJECT_VERBS, frame_of, is_platform, medium_nouns
from .sources import noun_phrase
from .spans import span_of, trim

# Verbs that relay a statement, with the relaying outlet as their agent ("carried by Al Jazeera").
RELAY_VERBS = frozenset(["carry", "publish", "air", "broadcast", "report", "run", "quote", "cite"])
TIME_TYPES = ("DATE", "TIME")  # a time is never an addressee or a medium


@dataclass(slots=True)
class Delivery:
    """The addressee and medium of one cue, with the names of the rules that found them."""

    addressee: Span | None = None
    medium: Span | None = None
    rules: list[str] = field(default_factory=list)


def delivery_of(ctx: DocContext, cue: Cue) -> Delivery:
    """The cue's own addressee and medium, else those of the cue it hangs on ("told DW, noting ...")."""
    token = cue.head
    while True:
        found = delivery_for(ctx.by_head[token.i]) if token.i in ctx.by_head else Delivery()
        if (
            found.addressee is not None
            or found.medium is not None
            or token.head.i == token.i
            or token.dep_ not in ("advcl", "conj", "xcomp", "ccomp")
        ):
            if token.i != cue.head.i and found.rules:
                found.rules.append("delivery.inherited")
            return found
        token = token.head


def delivery_for(cue: Cue) -> Delivery:
    """ "told DW", "in a statement to Orda", "during a briefing", "posted on X", "in an interview with DW"."""
    found = Delivery()
    head = cue.head
    if frame_of(cue.entry).source == "object":
        return found  # "according to X" has no hearer
    for child in head.children:
        hearer = child.dep_ == "dative" or (child.dep_ == "dobj" and head.lemma_ in HEARER_OBJECT_VERBS)
        if hearer and child.ent_type_ not in TIME_TYPES:
            found.addressee = noun_phrase(child)
            found.rules.append("addressee.object")
            break
    in_cue = {t.i for t in cue.tokens}
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i not in in_cue):
        # "referring to X", "pointed to X": a preposition of the cue introduces what was said
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.ent_type_ in TIME_TYPES:
            continue
        channel = obj.lemma_.lower() in medium_nouns()
        if prep.lower_ in ("to", "with") and cue.entry.cls in ("speech", "refusal") and not channel:
            if found.addressee is None and not is_platform(obj):
                found.addressee = noun_phrase(obj)
                found.rules.append("addressee.to")
        elif prep.lower_ in ("in", "during", "at", "on") and channel and found.medium is None:
            _medium_noun(obj, found)
        elif prep.lower_ in ("on", "via", "through") and is_platform(obj) and found.medium is None:
            found.medium = noun_phrase(obj)
            found.rules.append("medium.platform")
    return found


def _medium_noun(noun: Token, found: Delivery) -> None:
    """ "in a statement to Orda", "in a post on X", "in a statement carried by Al Jazeera"."""
    relay = _relaying_outlet(noun)
    platform = _platform_of(noun)
    if relay is not None:
        found.medium = noun_phrase(relay)
        found.rules.append("medium.relay")
    elif platform is not None:
        found.medium = trim(span_of(noun.doc, [*_left_of(noun), *platform.subtree])) or noun_phrase(platform)
        found.rules.append("medium.platform")
    else:
        found.medium = _medium_phrase(noun)
        found.rules.append("medium.channel")
    hearer = _hearer_of(noun)
    if hearer is not None and found.addressee is None:
        found.addressee = hearer
        found.rules.append("addressee.of_medium")


def _relaying_outlet(noun: Token) -> Token | None:
    """ "a statement carried by Al Jazeera" -> Al Jazeera."""
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in RELAY_VERBS):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if obj is not None:
            return obj
    return None


def _platform_of(noun: Token) -> Token | None:
    """ "a post on X" -> X."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "via")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and is_platform(obj):
            return obj
    return None


def _hearer_of(noun: Token) -> Span | None:
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.ent_type_ not in TIME_TYPES:
            return noun_phrase(obj)
    return None


def _left_of(noun: Token) -> list[Token]:
    """The noun with its left modifiers, leaving out a date or time ("a June 2 briefing" -> "briefing")."""
    tokens = [noun]
    for child in noun.lefts:
        tokens.extend(child.subtree)
    dated = [t.i for t in tokens if t.ent_type_ in TIME_TYPES]
    return [t for t in tokens if not dated or t.i > max(dated)]


def _medium_phrase(noun: Token) -> Span | None:
    """ "a June 2 briefing in Astana" -> "briefing", "a statement to Orda" -> "a statement"."""
    return trim(span_of(noun.doc, _left_of(noun)))
