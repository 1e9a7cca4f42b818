"""A statement in another language than the proposition: compared by meaning, never by English words.

The rules of this package read English words. A Russian statement read by them would share no
word with an English proposition, and against a Russian proposition its negation ("не") would
go unseen, so a denial could come out as support. ``relate_claim`` therefore leaves a claim whose
script differs from the proposition's, or that is not in Latin script, ``unrelated`` with the rule
``other-language``; the evidence view passes such claims here with the cosine of a multilingual
sentence encoder (``hearsay.link.embeddings.MultilingualEmbedder``):

* below ``ABOUT``: unrelated;
* from ``ABOUT`` to ``STATES``: discusses (close in meaning, not shown to state it);
* from ``STATES``: the statement's stance and the negation decide, as for English: a denial
  refutes (supports when it denies the negation), a question or refusal to comment discusses,
  a content negated once more than the proposition refutes, else it supports. The strength is
  the statement's certainty, at most ``probable``: the match is a model's judgement, not words.

A side is only taken where the figures of both agree (each naming a number the other lacks
is two claims). A content that says its speaker does not know ("he lacked details", "у него нет
сведений") takes no side on what is not known: it discusses, unless the proposition is itself about
not knowing. Negation and ignorance are read by the English rules for
English, and for other languages by the words their package gives (``hearsay.lang.relation_words``:
a negator, or a verdict that calls a claim false, negates; "нет" inside "нет сведений" does not).
"""

from __future__ import annotations

import re

from ..lang import relation_words, text_language
from ..model import Relation, Strength
from .claim import Claim
from .frame import proposition_frame
from .statement import strength_of

# Measured by benchmarks/crosslingual_links.py on tests/data/linking/crosslingual.tsv (28 Russian claims
# written for hearsay against 23 English ones): the highest cosine between different claims whose
# figures agree is 0.690 ("Russia uses components from Kazakhstan" / "Kazakhstan supplied drone
# components to Russia"); at 0.72, 13 right joins, none wrong, 14 missed (loose retellings at 0.56-0.71).
STATES = 0.72
ABOUT = 0.55
RULE = "other-language"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def negated(text: str) -> bool:
    """An odd number of negations: English by the rules' frame, other languages by their words."""
    language = text_language(text)
    if language == "en":
        return proposition_frame(text).negated
    return relation_words(language).negations(text) % 2 == 1


def ignorance(text: str) -> bool:
    """The text says its speaker does not know ("he lacked details", "у него нет сведений")."""
    language = text_language(text)
    if language == "en":
        return proposition_frame(text).ignorance is not None
    return relation_words(language).has("ignorance", text)


def _numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", ".") for n in _NUMBER.findall(text))


def _capped(strength: Strength | None) -> Strength:
    return "possible" if strength == "possible" else "probable"


def _where(proposition: str, content: str) -> str:
    """How the reason names the comparison: across languages, or by meaning within one the rules
    do not read word by word (a Russian statement against a Russian proposition)."""
    if text_language(proposition) != text_language(content):
        return "in another language"
    return "by meaning"


def relate_by_meaning(proposition: str, claim: Claim, cosine: float) -> Relation:
    """The relation of a claim in another language, given the encoder's cosine (module docstring)."""
    score = round(float(cosine), 3)
    where = _where(proposition, claim.content)
    if cosine < ABOUT:
        return Relation("unrelated", None, f"not close in meaning (cosine {score})", score, RULE)
    ours, theirs = _numbers(proposition), _numbers(claim.content)
    figures_differ = bool(ours - theirs) and bool(theirs - ours)
    if cosine < STATES or figures_differ:
        why = "its figures differ" if figures_differ else "not shown to state it"
        return Relation(
            "discusses",
            None,
            f"close in meaning {where} (cosine {score}), {why}",
            score,
            "meaning-about",
        )
    if ignorance(claim.content) and not ignorance(proposition):  # as the English rules
        return Relation(
            "discusses",
            None,
            f"says {where} (cosine {score}) that its speaker does not know",
            score,
            "meaning-ignorance",
        )
    if claim.stance in ("question", "refuse_to_comment"):
        return Relation(
            "discusses",
            None,
            f"states it {where} (cosine {score}), without taking a side",
            score,
            RULE,
        )
    opposite = negated(claim.content) != negated(proposition)
    strength = strength_of(claim)
    if claim.stance == "deny":
        if opposite:
            return Relation(
                "supports",
                _capped(strength),
                f"denies its negation {where} (cosine {score})",
                score,
                RULE,
            )
        return Relation("refutes", _capped(strength), f"denies it {where} (cosine {score})", score, RULE)
    if strength is None:
        return Relation(
            "discusses",
            None,
            f"states it {where} (cosine {score}), without taking a side",
            score,
            RULE,
        )
    if opposite:
        return Relation(
            "refutes",
            _capped(strength),
            f"states its negation {where} (cosine {score})",
            score,
            RULE,
        )
    return Relation("supports", _capped(strength), f"states it {where} (cosine {score})", score, RULE)
