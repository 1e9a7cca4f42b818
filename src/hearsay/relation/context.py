"""The statements of one document against a proposition, with the rules that need their neighbours.

A statement often answers a claim without restating it: "Smirnova dismissed weightless
allegations", "he refrained from confirming or denying these inquiries", "Russia is deflecting",
"..., adding it's easier to procure in Chelyabinsk". Once some statement of the document states
the proposition (the document *raises* it), such statements take a side on it:

* ``pointer``: a content that points back at a claim ("the allegations", "these inquiries")
  and calls it false, denies, dismisses or declines it, speaks of the claim raised here;
* ``dismissal``: a content that calls the claim a manoeuvre ("deflecting", "a pretext") and
  shares a word with the proposition refutes it, at most probably;
* ``same-speaker``: a speaker who states the proposition in one sentence and says more on its
  subject in the same passage takes the same side, at most possibly;
* ``continuation``: "adding ..." continues the side the same speaker just took, possibly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Reading, Relation, RelationKind, Strength
from . import words as w
from .claim import Claim
from .frame import Frame, frame, proposition_frame
from .match import match
from .statement import relate_claim, strength_of

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_CONTINUATIONS = ("add", "continue", "go on", "further")
_SIDES = ("supports", "refutes")
_ORDER: tuple[Strength, ...] = ("certain", "probable", "possible")
_STATING = ("states", "deny", "deny-negation", "negation", "verdict")
# The rules of a content that states the proposition, taking a side or not (relation/statement.py).
_STATED = (*_STATING, "discusses", "unspecified", "not-denied", "no-figure", "negation-loose")
_PRONOUNS = ("this", "that", "these", "those", "it", "such")
_ASKED = ("report", "question")


def relate_reading(proposition: str | Frame, reading: Reading) -> list[Relation]:
    """The relation of every statement of ``reading`` to ``proposition``, in the reading's order."""
    text = reading.document.text if reading.document is not None else None
    claims = [Claim.of(s) for s in reading.statements]
    return relate_claims(proposition, claims, text)


def relate_claims(
    proposition: str | Frame, claims: Sequence[Claim], text: str | None = None
) -> list[Relation]:
    """Relations of the claims of one document (in document order), context rules included."""
    wanted = proposition if isinstance(proposition, Frame) else proposition_frame(proposition)
    own = [
        _own(wanted, c.content, c.cue, c.source_text, c.certainty, c.stance, c.target_text) for c in claims
    ]
    if not any(r.relation != "unrelated" for r in own):
        return own
    result = list(own)
    for index in range(len(claims)):
        if result[index].relation != "unrelated" or result[index].rule in ("conflict", "other-language"):
            continue
        found = _from_context(wanted, claims, own, result, index, text)
        if found is not None:
            result[index] = found
    return result


@lru_cache(maxsize=50_000)
def _own(
    proposition: Frame,
    content: str,
    cue: str,
    source_text: str | None,
    certainty: str,
    stance: str,
    target_text: str | None,
) -> Relation:
    """``relate_claim`` remembered by what it reads of a claim: a syndicated statement, or one repeated
    across the documents an evidence view relates, is judged once per proposition."""
    claim = Claim(content, stance, certainty, cue=cue, target_text=target_text, source_text=source_text)
    return relate_claim(proposition, claim)


def _from_context(
    proposition: Frame,
    claims: Sequence[Claim],
    own: list[Relation],
    relations: list[Relation],
    index: int,
    text: str | None,
) -> Relation | None:
    claim = claims[index]
    content = frame(claim.content)
    shared = bool(proposition.stems & content.stems)
    antecedent = None if claim.target_text else _antecedent(claims, index)
    # A pointer or a dismissal speaks of the claim under discussion just before it: only when that claim
    # states this proposition (whatever side it takes) does it bear on it; one merely about the same
    # thing ("Kazakhstan's possible involvement" for "There was a possibility of new routes") does not.
    discussed = claims[antecedent] if antecedent is not None and own[antecedent].rule in _STATED else None
    elliptic = _elliptic(proposition, claims, own, index, content, text)
    if elliptic is not None:
        return elliptic
    # "denied allegations", with no "the" or "these": allegations in general, tied to the claim under
    # discussion only when that claim was itself reported or asked about, not when someone asserted it.
    pointing = (
        discussed is not None
        and _points_back(claim, content)
        and not (_bare_pointer(content) and discussed.stance not in _ASKED)
    )
    dismissing = discussed is not None and bool(content.dismissal) and shared
    # (The claim under discussion is parsed only for a statement that points back or dismisses.)
    if (pointing or dismissing) and discussed is not None and _raises(discussed.content, proposition):
        raised = w.shorten(discussed.content)
        if pointing:
            return _pointing(claim, content, raised)
        return Relation(
            "refutes",
            _cap(strength_of(claim) or "probable", "probable"),
            f"calls the claim under discussion ('{raised}') a manoeuvre ('{content.dismissal}')",
            0.0,
            "dismissal",
        )
    previous = _previous_same_source(claims, relations, index, text)
    if previous is not None:
        other, relation = previous
        # "adding ..." continues the statement just before it: one that took no side passes none on.
        if relation.relation in _SIDES and _continues(claim) and _nearest_same_source(claims, index) is other:
            return Relation(
                relation.relation,
                "possible",
                f"continues the same speaker's {_side_word(relation)} just before ('{other.cue}')",
                0.0,
                "continuation",
            )
        if (
            relation.relation in _SIDES
            and shared
            and relation.rule in ("states", "deny", "negation", "verdict")
        ):
            side = _side_of(claim, content, proposition)
            # The same speaker turning against what they just stated needs an explicit denial: a "not"
            # somewhere in what they add ("This was not a competitive process") negates something else.
            turned = side is not None and side != relation.relation and claim.stance != "deny"
            # A refutation is the stronger claim: it must be about the proposition's subject, not share
            # one word with it ("skepticism regarding the parts' Kazakh origin" after "unmonitored
            # passages along the Kazakh-Russian border").
            off_subject = side == "refutes" and not _on_subject(proposition, content)
            if side is not None and not turned and not off_subject:
                cap: Strength = "possible" if side == "supports" else "probable"
                return Relation(
                    side,
                    _cap(strength_of(claim) or "possible", cap),
                    f"the same speaker states the proposition in this passage ('{other.cue}'); "
                    f"this {_verb(claim)} more on its subject",
                    0.0,
                    "same-speaker",
                )
    return None


def _elliptic(
    proposition: Frame,
    claims: Sequence[Claim],
    own: list[Relation],
    index: int,
    content: Frame,
    text: str | None,
) -> Relation | None:
    """The proposition's predicate said of an unnamed subject ("Our vessel did not leak fuel") right
    after a statement that names it ("Northline denied that the Marisol had leaked fuel")."""
    found = match(proposition, content)
    if found.subject or not found.core or found.coverage < 0.5 or found.conflict:
        return None
    claim = claims[index]
    for back in range(index - 1, -1, -1):
        if not _same_passage(claims[back], claim, text):
            return None
        if own[back].relation in _SIDES and own[back].rule in _STATING:
            side = _side_of(claim, content, proposition)
            if side is None:
                return None
            return Relation(
                side,
                _cap(strength_of(claim) or "probable", "probable"),
                f"{_verb(claim)} the proposition's predicate of an unnamed subject, right after a "
                f"statement that names it ('{claims[back].cue}')",
                found.coverage,
                "elliptic",
            )
    return None


def _raises(raised: str, proposition: Frame) -> bool:
    """The claim under discussion is the proposition, not one that merely mentions it: its own subject and
    verb are the proposition's. "Kazakhstan's possible involvement in supplying drone components attacking
    Russian bases" is about supplying, so "the allegations" that point at it are not about the attack."""
    found = match(proposition_frame(raised), proposition)
    return found.conflict is None and found.subject and found.core


def _antecedent(claims: Sequence[Claim], index: int) -> int | None:
    """The claim under discussion before ``claims[index]``: the nearest earlier one another source
    reports or asks about (the allegations, the inquiries), else the nearest earlier one of another source."""
    claim = claims[index]
    others = [i for i in range(index - 1, -1, -1) if claims[i].source != claim.source or claim.source is None]
    reported = [i for i in others if claims[i].stance in ("report", "question")]
    candidates = reported or others
    return candidates[0] if candidates else None


def _points_back(claim: Claim, content: Frame) -> bool:
    """The content names a claim by a claim noun, or is only a pronoun and a verdict ("it is false")."""
    if not content.pointer:
        return False
    is_noun = content.pointer not in _PRONOUNS
    if is_noun:
        return (
            content.vague
            or bool(content.verdict or content.dismissal)
            or claim.stance in ("deny", "refuse_to_comment", "question")
        )
    return content.vague and (bool(content.verdict) or claim.stance in ("deny", "refuse_to_comment"))


_DETERMINERS = frozenset(
    {"the", "this", "that", "these", "those", "such", "his", "her", "its", "their", "our", "my", "your"}
)


def _bare_pointer(content: Frame) -> bool:
    """A claim noun with no determiner or possessor in the two words before it ("weightless allegations")."""
    pointer = content.pointer
    if pointer is None or pointer in _PRONOUNS:
        return False
    lowered = w.lowered_tokens(content.text)
    if pointer not in lowered:
        return False
    at = lowered.index(pointer)
    before = lowered[max(0, at - 2) : at]
    return not any(word in _DETERMINERS or word.endswith("'s") for word in before)


def _pointing(claim: Claim, content: Frame, raised: str) -> Relation:
    pointer = content.pointer
    where = f"'{pointer}' taken to point at the claim under discussion ('{raised}')"
    strength = strength_of(claim) or "probable"
    if claim.stance == "question":
        return Relation("discusses", None, f"asks about {where}", 0.0, "pointer-question")
    if claim.stance == "refuse_to_comment" or content.ignorance:
        return Relation("discusses", None, f"declines to confirm or deny {where}", 0.0, "pointer-declines")
    if claim.stance == "deny" or content.verdict == "false" or content.dismissal:
        why = content.verdict_words or content.dismissal or claim.cue
        return Relation("refutes", strength, f"rejects it ('{why}'): {where}", 0.0, "pointer-refutes")
    if content.verdict == "true":
        return Relation(
            "supports", strength, f"confirms it ('{content.verdict_words}'): {where}", 0.0, "pointer-confirms"
        )
    return Relation("discusses", None, f"speaks of {where} without taking a side", 0.0, "pointer-mention")


def _side_of(claim: Claim, content: Frame, proposition: Frame) -> RelationKind | None:
    if claim.stance in ("question", "refuse_to_comment"):
        return None
    if content.ignorance:
        # "we lack details on X" takes no side on X, but states "they lack details on X" (whose
        # "not" belongs to the not-knowing, as in "does not know", and is no denial).
        if not proposition.ignorance:
            return None
        if claim.stance == "deny" or content.verdict == "false":
            return "refutes"
        return "supports" if strength_of(claim) else None
    if claim.stance == "deny" or content.negated or content.verdict == "false":
        return "refutes"
    return "supports" if strength_of(claim) else None


def _previous_same_source(
    claims: Sequence[Claim], relations: list[Relation], index: int, text: str | None
) -> tuple[Claim, Relation] | None:
    claim = claims[index]
    if claim.source is None:
        return None
    for back in range(index - 1, -1, -1):
        other = claims[back]
        if other.source != claim.source:
            continue
        if not _same_passage(other, claim, text):
            return None
        if relations[back].relation in _SIDES:
            return other, relations[back]
    return None


def _on_subject(proposition: Frame, content: Frame) -> bool:
    """About the proposition: its subject and one more argument, or, when it names no subject, one of
    its core words (an extra such as "the Norland border" is not enough)."""
    found = match(proposition, content)
    return found.about and (found.anchored or found.objects)


def _nearest_same_source(claims: Sequence[Claim], index: int) -> Claim | None:
    source = claims[index].source
    return next((claims[b] for b in range(index - 1, -1, -1) if claims[b].source == source), None)


def _same_passage(first: Claim, second: Claim, text: str | None) -> bool:
    """At most one sentence boundary between the two statements."""
    low, high = sorted((first.end, second.start))
    if text is None:
        return high - low < 400
    between = text[low:high]
    return "\n" not in between.strip() and len(_SENTENCE_END.findall(between)) <= 1


def _continues(claim: Claim) -> bool:
    lemma = (claim.cue_lemma or claim.cue).casefold()
    return any(lemma.startswith(c) for c in _CONTINUATIONS)


def _cap(strength: Strength, cap: Strength) -> Strength:
    return max(strength, cap, key=_ORDER.index)


def _side_word(relation: Relation) -> str:
    return "refutation" if relation.relation == "refutes" else "support"


def _verb(claim: Claim) -> str:
    return {"deny": "denies", "report": "reports"}.get(claim.stance, "says")
