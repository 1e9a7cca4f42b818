"""How a statement or a document bears on a proposition: supports, refutes, discusses or unrelated.

    from hearsay.relation import Claim, relate
    relate("Kazakhstan supplied drone components", Claim("Kazakhstan denied supplying drone parts",
                                                         stance="deny"))
    # Relation(relation='refutes', strength='probable', reason='denies the content, ...')

Pure functions, no database: ``relate`` (one statement), ``relate_reading`` (every statement of
one document, with the rules that look at neighbours), ``relate_document`` (a whole document),
``same_proposition`` (for claim clusters). docs/evidence.md explains the rules.
"""

from __future__ import annotations

from ..model import Relation
from .claim import Claim
from .context import relate_claims, relate_reading
from .document import relate_document
from .frame import Frame, frame, proposition_frame
from .same import same_proposition
from .scorer import RelationScorer, RuleScorer, default_scorer
from .statement import relate_claim


def relate(proposition: str | Frame, claim: Claim) -> Relation:
    """One statement's own relation to a proposition (no document context)."""
    wanted = proposition if isinstance(proposition, Frame) else proposition_frame(proposition)
    return relate_claim(wanted, claim)


__all__ = [
    "Claim",
    "Frame",
    "RelationScorer",
    "RuleScorer",
    "default_scorer",
    "frame",
    "proposition_frame",
    "relate",
    "relate_claims",
    "relate_document",
    "relate_reading",
    "same_proposition",
]
