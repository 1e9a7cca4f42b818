"""A whole document against a proposition: its statements and its own unattributed sentences together.

The document's voice counts as well as its sources': a sentence outside every statement is the
outlet's own assertion, hedged ("reportedly", "allegedly", "claims") or not. The document
supports (refutes) the proposition when a firm voice in it does and no firmer one takes the
other side; it discusses it when it states or raises it without a firm side; otherwise it is
unrelated. This is the answer ``hearsay eval fnc1`` scores.
"""

from __future__ import annotations

import re

from ..model import Reading, Relation
from .claim import Claim
from .context import relate_claims
from .frame import Frame, frame, proposition_frame
from .match import match

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|$)")
# Words by which the outlet itself keeps its distance from what it writes.
_DISTANCE = re.compile(
    r"\b(allegedly|reportedly|purportedly|supposedly|claim(?:s|ed)?|rumou?r(?:s|ed)?|unconfirmed|"
    r"according to|may|might|could|appears?|seem(?:s|ed)?|apparently|possibly|said to|believed to|"
    r"report(?:s|ed)?|suggest(?:s|ed)?)\b",
    re.IGNORECASE,
)
_WEIGHT = {"certain": 3.0, "probable": 2.0, "possible": 1.0, None: 0.0}
# The least share of the proposition's words some sentence must have for the document to be about it.
RELATED = 0.25


def relate_document(proposition: str | Frame, reading: Reading) -> Relation:
    """The document's relation to ``proposition`` (see the module docstring)."""
    wanted = proposition if isinstance(proposition, Frame) else proposition_frame(proposition)
    text = reading.document.text if reading.document is not None else ""
    claims = [Claim.of(s) for s in reading.statements] + _own_sentences(reading, text)
    claims.sort(key=lambda c: c.start)
    relations = relate_claims(wanted, claims, text)
    best_cover = max((match(wanted, frame(c.content)).coverage for c in claims), default=0.0)
    sides = {"supports": 0.0, "refutes": 0.0}
    reasons: dict[str, Relation] = {}
    for relation in relations:
        if relation.relation in sides:
            sides[relation.relation] += _WEIGHT[relation.strength]
            best = reasons.get(relation.relation)
            if best is None or _WEIGHT[relation.strength] > _WEIGHT[best.strength]:
                reasons[relation.relation] = relation
    if sides["refutes"] >= 2.0 and sides["refutes"] >= sides["supports"]:
        chosen = reasons["refutes"]
        return Relation(
            "refutes",
            chosen.strength,
            f"the document refutes it: {chosen.reason}",
            best_cover,
            "document-refutes",
        )
    if sides["supports"] >= 3.0 and sides["supports"] > 2 * sides["refutes"]:
        chosen = reasons["supports"]
        return Relation(
            "supports",
            chosen.strength,
            f"the document supports it: {chosen.reason}",
            best_cover,
            "document-supports",
        )
    if any(r.relation != "unrelated" for r in relations) or best_cover >= RELATED:
        return Relation(
            "discusses",
            None,
            "the document raises it without taking a firm side",
            best_cover,
            "document-discusses",
        )
    return Relation(
        "unrelated", None, "no sentence of the document states or raises it", best_cover, "document-unrelated"
    )


def _own_sentences(reading: Reading, text: str) -> list[Claim]:
    """The document's sentences that no statement covers, as the outlet's own assertions."""
    covered = sorted(
        (min(s.content.start, s.cue.start), max(s.content.end, s.cue.end)) for s in reading.statements
    )
    claims = []
    for found in _SENTENCE.finditer(text):
        start, end = found.span()
        sentence = found.group().strip()
        if len(sentence) < 12 or any(a < end and start < b for a, b in covered):
            continue
        hedged = _DISTANCE.search(sentence)
        claims.append(
            Claim(
                content=sentence,
                stance="report" if hedged else "assert",
                certainty="possible" if hedged else "certain",
                polarity="pos",
                source=None,
                start=start,
                end=end,
            )
        )
    return claims
