"""One statement against a proposition: supports, refutes, discusses or unrelated, with the reason.

The relation composes what the statement does (its stance: asserted, reported, asked, denied,
declined) with what its content says of the proposition: whether it states it (``match``),
whether it negates it or calls it false (``Frame.negated``, ``Frame.verdict``), or says the
speaker does not know (``Frame.ignorance``). The strength is the statement's certainty.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import STRENGTHS, Relation, Strength
from . import words as w
from .claim import Claim
from .frame import Frame, frame
from .match import Match, match
from .negation import negates, own_negation

_STRENGTH_OF: dict[str, Strength] = {name: name for name in STRENGTHS}
_VERBS = {"assert": "asserts", "report": "reports", "deny": "denies"}


def strength_of(claim: Claim) -> Strength | None:
    """The claim's certainty as a relation's strength; None when it is underspecified."""
    return _STRENGTH_OF.get(claim.certainty)


def unrelated(reason: str, found: Match | None = None, rule: str = "no-match") -> Relation:
    return Relation("unrelated", None, reason, found.coverage if found else 0.0, rule)


def relate_claim(proposition: Frame, claim: Claim) -> Relation:
    """The statement's own relation to the proposition, without looking at its document."""
    if w.needs_meaning(proposition.text, claim.content):
        # Not readable by English words: hearsay.relation.crosslingual compares it by meaning.
        return unrelated("in another language: compared by meaning, not by words", rule="other-language")
    if len(proposition.stems) < 2:
        # "The Sox": a name, not a claim; every content that names it would state it.
        return unrelated("the proposition has too few words to be a claim", rule="too-short")
    content = frame(claim.content)
    found = match(proposition, _with_cue(content, claim.cue))
    if not found.subject and _speaker_is_subject(proposition, claim):
        # "the ministry denied striking the town", "Castellan said it never paid": the speaker is the
        # subject the content leaves out or names by a pronoun, and counts among the words it states.
        shared = found.shared | (proposition.subject & proposition.stems)
        coverage = len(shared) / len(proposition.stems) if proposition.stems else found.coverage
        found = replace(found, subject=True, shared=frozenset(shared), coverage=coverage)
    if found.conflict:
        return unrelated(found.conflict, found, "conflict")
    judged = content.verdict == "false"
    if found.states or (judged and found.states_loosely):
        return _stated(proposition, claim, content, found)
    if claim.target_text:
        target = match(proposition, frame(claim.target_text))
        if target.states:
            return _about_target(claim, content, target)
    if found.about and (claim.stance in ("question", "refuse_to_comment") or content.ignorance):
        return Relation(
            "discusses", None, _discussing(claim, content, "is about the same thing"), found.coverage, "about"
        )
    return unrelated("the content does not state the proposition", found)


_HEDGED_NEGATORS = frozenset({"unlikely", "improbable", "doubtful"})
_DENIALS = ("deny", "denied", "denies", "denying", "refute", "refuted", "rejected", "disputed")


def _open_question(content: Frame) -> bool:
    """A content that is an embedded question: "whether to impose a death sentence"."""
    lowered = w.lowered_tokens(content.text)
    first = lowered[1] if lowered[:1] == ["that"] and len(lowered) > 1 else (lowered[0] if lowered else "")
    return first == "whether"


def _not_denied(lowered: list[str]) -> str | None:
    """The words of a negated denial ("never denied", "did not deny"), if the content has one."""
    for index, word in enumerate(lowered):
        if word in _DENIALS:
            before = lowered[max(0, index - 2) : index]
            if any(b in ("not", "never") or b.endswith("n't") for b in before):
                return " ".join([*before, word])
    return None


def _with_cue(content: Frame, cue: str) -> Frame:
    """The content's words with the cue's ("sues" + "Apple Computer"), for matching only: the cue's
    negation ("did not rule out") is the statement's certainty, not the content's."""
    words = {w.stem(t) for t in w.tokens(cue) if w.is_content_word(t)}
    return replace(content, stems=content.stems | words) if words - content.stems else content


def _with_cue_words(content: Frame, cue: str, proposition: Frame) -> Frame:
    """The content, or the cue and the content when the proposition words the cue too (a title made of
    the statement: "the experts did not broadcast such results"), whose negation then counts."""
    worded = " ".join(w.lowered_tokens(cue))
    in_proposition = bool(worded) and worded in " ".join(w.lowered_tokens(proposition.text))
    # A content that words the cue already ("it is not expected that ...") has its negation.
    if in_proposition and worded not in " ".join(w.lowered_tokens(content.text)):
        return frame(f"{cue} {content.text}")
    return content


def _speaker_is_subject(proposition: Frame, claim: Claim) -> bool:
    """A speaker who denies, or asserts, doing something is the subject of what they deny or assert."""
    if not claim.source_text or not proposition.subject:
        return False
    source = frame(claim.source_text).stems
    # A subject with a name is that name ("Castellan Rail"); one without needs all its words, so that
    # "regional records" is not "record rainfall".
    names = proposition.subject & proposition.names
    return bool(names & source) if names else proposition.subject <= source


# Share of the proposition's words a content that negates it must exceed to refute it (support needs
# ``match.STATES``): a refutation is the stronger claim, and loose matches with a "not" in them were mostly
# about something else (on the sample corpus, all four negations sharing exactly half were).
NEGATION_STATES = 0.5


def _stated(proposition: Frame, claim: Claim, content: Frame, found: Match) -> Relation:
    score = found.coverage
    # "I lack details on X" takes no side on X, but it is what "he lacked details on X" states.
    if claim.stance in ("question", "refuse_to_comment") or (content.ignorance and not proposition.ignorance):
        return Relation("discusses", None, _discussing(claim, content, "matches"), score, "discusses")
    if _open_question(content):
        # "determining whether to impose a death sentence": the content asks; it states neither side.
        return Relation(
            "discusses", None, "content matches, but it asks whether it holds", score, "open-question"
        )
    strength = strength_of(claim)
    said = _with_cue_words(content, claim.cue, proposition)
    negated = negates(proposition, said) != own_negation(proposition, said)
    # A verdict the proposition makes too ("unfounded complaints won't harm ties") is not one on it.
    verdict_false = content.verdict == "false" and proposition.verdict != "false"
    if claim.stance == "deny":
        if negated:
            return Relation(
                "supports",
                strength or "probable",
                "denies the negation of the proposition",
                score,
                "deny-negation",
            )
        return Relation(
            "refutes",
            strength or "probable",
            "denies the content, which matches the proposition",
            score,
            "deny",
        )
    if strength is None:
        return Relation(
            "discusses",
            None,
            "content matches, but it is reported without taking a side",
            score,
            "unspecified",
        )
    verb = _VERBS.get(claim.stance, "asserts")
    lowered = w.lowered_tokens(content.text)
    undenied = _not_denied(lowered)
    if undenied:
        # "X never denied taking the money" reports the absence of a denial, not the taking.
        return Relation(
            "discusses",
            None,
            f"says it was not denied ('{undenied}'), which is not support",
            score,
            "not-denied",
        )
    if (verdict_false or negated) and not proposition.clause:
        # A phrase, not a claim ("For delays and cost increases", "The polar bear a threatened species"):
        # read off ECB+ news, where such propositions drew refutations from whatever had a "not" near them.
        return Relation(
            "discusses",
            None,
            f"{verb} something close to the proposition with a negation or a verdict, but the proposition is "
            "a phrase without a verb of its own, which nothing can be said to deny",
            score,
            "negation-loose",
        )
    if verdict_false:
        return Relation(
            "refutes", strength, f"{verb} that it is false ('{content.verdict_words}')", score, "verdict"
        )
    if negated and not (proposition.core or proposition.extras):
        # A proposition whose verb and arguments could not be read (a headline in title case: "Sox May Not Be
        # Out Of Teixeira Chase") cannot be told negated at the right words: no refutation by negation.
        return Relation(
            "discusses",
            None,
            f"{verb} something close to the proposition, with a negation on one side only, but the "
            "proposition's verb could not be read to tell whether it is negated",
            score,
            "negation-loose",
        )
    if negated and score <= NEGATION_STATES:
        # A negation in a content that shares only some of the proposition's words is mostly a
        # negation of something else ("This was not a competitive bid process" against "Air Canada
        # ordered airliners"): read off wrong sides on the sample corpus's Wikinews claims.
        return Relation(
            "discusses",
            None,
            f"{verb} something close to the proposition with a negation, but shares too little of it "
            f"({score:.0%} of its words) to refute it",
            score,
            "negation-loose",
        )
    if negated:
        if any(word in _HEDGED_NEGATORS for word in lowered):
            strength = "possible" if strength == "possible" else "probable"  # "it is unlikely that ..."
        return Relation("refutes", strength, f"{verb} the negation of the proposition", score, "negation")
    if proposition.numbers and not content.numbers:
        # "Nimbus recalls heaters" does not say it recalled 60,000 of them: the figure is what is claimed.
        return Relation(
            "discusses",
            None,
            f"states the proposition without its figure ({', '.join(sorted(proposition.numbers))})",
            score,
            "no-figure",
        )
    return Relation(
        "supports", strength, f"{verb} the content, which states the proposition", score, "states"
    )


def _about_target(claim: Claim, content: Frame, target: Match) -> Relation:
    """A verdict on an earlier claim ("the report was false") that states the proposition."""
    strength = strength_of(claim) or "probable"
    quoted = w.shorten(claim.target_text or "")
    if claim.stance == "deny" or content.verdict == "false" or content.negated:
        return Relation(
            "refutes",
            strength,
            f"denies the claim it points at ('{quoted}'), which matches the proposition",
            target.coverage,
            "target-deny",
        )
    if claim.stance in ("question", "refuse_to_comment") or content.ignorance:
        return Relation(
            "discusses",
            None,
            _discussing(claim, content, f"points at '{quoted}', which matches"),
            target.coverage,
            "target-discusses",
        )
    if content.verdict == "true":
        return Relation(
            "supports",
            strength,
            f"confirms the claim it points at ('{quoted}'), which matches the proposition",
            target.coverage,
            "target-confirm",
        )
    return Relation(
        "discusses",
        None,
        f"speaks of the claim it points at ('{quoted}') without taking a side",
        target.coverage,
        "target-mention",
    )


def _discussing(claim: Claim, content: Frame, how: str) -> str:
    if claim.stance == "question":
        return f"content {how} the proposition, but the statement is a question"
    if claim.stance == "refuse_to_comment":
        return f"declines to confirm or deny; the content {how} the proposition"
    if content.ignorance:
        return f"says the speaker does not know ('{content.ignorance}'); the content {how} the proposition"
    return f"content {how} the proposition without taking a side"
