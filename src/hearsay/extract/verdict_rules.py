"""Verdict rules: a statement whose content calls a claim false (or true), and what it points at.

"The ministry said the report was false", "called the accusations lies", '"That is not true," he
said', "our country has nothing to do with the explosion": the content is not a new proposition
but a verdict on one already made. ``read_verdict(cue, content)`` finds it:

* a claim verdict judges a claim named by the subject of a copula or a passive ("the report was
  fabricated", "it is not true") or by the object of the cue ("called the accusations lies",
  "described the claims as baseless"); the subject or object must point at a claim
  (``lexicons/claim_nouns.tsv``), and a negation flips the verdict ("not true" is false);
* "there is no truth in the reports" judges the claim named after its preposition;
* an involvement verdict denies the subject's part in an event ("is not responsible", "had
  nothing to do with"), whatever the subject; it points at no claim words of its own.

The verdict words are in ``lexicons/verdicts.tsv``. No spaCy component code here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from .factuality_rules import negation_of
from .lexicon import load_lexicon

FALSE, TRUE = "false", "true"
CLAIM, OBJECT, INVOLVEMENT = "claim", "object", "involvement"
# Verbs that link a subject to the verdict word: "the report was false", "seems baseless".
COPULAS = {"be", "seem", "appear", "remain", "sound", "prove", "look"}
# How far past a predicate a verdict phrase may start ("has nothing to do with").
PHRASE_REACH = 6
# Determiners and modifiers that make a claim noun point back ("the report", "such claims").
POINTING_DETERMINERS = {"the", "this", "that", "these", "those", "such"}
SUBJECTS = ("nsubj", "nsubjpass")
COMPLEMENTS = ("acomp", "attr", "oprd")


@dataclass(frozen=True, slots=True)
class VerdictWord:
    pattern: tuple[str, ...]
    verdict: str  # false / true
    reads: str  # claim / object / involvement
    pronoun: bool  # judges a claim named only by "that", "it"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A verdict found in a statement: false or true, the words that say so, and what points back.

    ``pointer`` is the head of the words naming the judged claim ("report" in "the report"), or
    None for an involvement verdict; ``clause`` is an extraposed that-clause stating the claim
    ("It is false [that ...]").
    """

    verdict: str
    words: Span
    pointer: Token | None
    reads: str
    clause: Span | None = None


@cache
def verdict_words() -> dict[str, tuple[VerdictWord, ...]]:
    """The verdict lexicon by first word, longest patterns first."""
    table: dict[str, list[VerdictWord]] = {}
    for row in load_lexicon("verdicts"):
        pattern, pronoun = tuple(row["pattern"].split()), row["pronoun"] == "yes"
        word = VerdictWord(pattern, row["verdict"], row["reads"], pronoun)
        table.setdefault(word.pattern[0], []).append(word)
    return {first: tuple(sorted(words, key=lambda w: -len(w.pattern))) for first, words in table.items()}


@cache
def claim_nouns() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Claim nouns and pointing pronouns: word -> (kind, cue lemmas the word names best)."""
    return {
        row["word"]: (row["kind"], tuple(filter(None, row["verbs"].split("|"))))
        for row in load_lexicon("claim_nouns")
    }


def _fits(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word or (word == "not" and token.dep_ == "neg")


def _phrase_at(token: Token, end: int, reads: str) -> tuple[VerdictWord, Span] | None:
    """The verdict phrase of this kind starting at ``token``, ending before token index ``end``."""
    doc = token.doc
    for key in {token.lower_, token.lemma_.lower(), "not" if token.dep_ == "neg" else ""}:
        for word in verdict_words().get(key, ()):
            size = len(word.pattern)
            if word.reads != reads or token.i + size > end:
                continue
            if all(_fits(doc[token.i + k], w) for k, w in enumerate(word.pattern)):
                return word, doc[token.i : token.i + size]
    return None


def _single_word(token: Token) -> VerdictWord | None:
    for key in (token.lower_, token.lemma_.lower()):
        for word in verdict_words().get(key, ()):
            if len(word.pattern) == 1 and word.reads == CLAIM:
                return word
    return None


def is_claim_noun(token: Token) -> bool:
    return claim_nouns().get(token.lemma_.lower(), ("", ()))[0] == "noun"


def is_pointing_pronoun(token: Token) -> bool:
    """ "That is not true", "denied it": a bare pronoun; "those calling for ..." names people."""
    kind = claim_nouns().get(token.lower_, ("", ()))[0] if token.pos_ in ("PRON", "DET") else ""
    return kind == "pronoun" and all(c.is_punct for c in token.children)


def judges_claims(cue: Span) -> bool:
    """A cue that itself confirms what it names ("confirmed the report", "verified it")."""
    word = _single_word(cue.root)
    return word is not None and word.verdict == TRUE


def complement_clause(token: Token) -> Span | None:
    """The that-clause beside a claim noun or an "it": "the claim [that X]", "it is false [that X]"."""
    candidates = [c for c in token.children if c.dep_ in ("acl", "ccomp")]
    if token.dep_ == "dobj" and is_claim_noun(token):
        # "denied the allegation that X" is often parsed with the clause on the verb
        after = token.right_edge.i + 1
        candidates += [c for c in token.head.children if c.dep_ == "ccomp" and c.left_edge.i == after]
    for child in candidates:
        mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is not None and mark.i < child.i:
            return token.doc[mark.i + 1 : child.right_edge.i + 1]
    return None


def points_back(token: Token) -> bool:
    """Whether a subject or object names a claim: "the report", "these allegations", "it", "that"."""
    if is_pointing_pronoun(token):
        return True
    if not is_claim_noun(token) or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if complement_clause(token) is not None:
        return True
    for child in token.children:
        if child.dep_ in ("det", "predet", "amod") and child.lower_ in POINTING_DETERMINERS:
            return True
        if child.dep_ == "poss":
            return True
    # A bare plural points back ("dismissed allegations"); "a report" brings a new one.
    return token.tag_ == "NNS" and not any(c.dep_ == "det" for c in token.children)


def _judged(word: Token) -> tuple[VerdictWord, Token] | None:
    """The claim verdict a complement gives, and its word: "false", "a lie", "a false claim", "fake news"."""
    found = _single_word(word)
    if found is not None:
        return found, word
    if is_claim_noun(word) or word.lemma_.lower() in ("news", "story"):
        return next(((w, c) for c in word.children if c.dep_ == "amod" and (w := _single_word(c))), None)
    return None


def _flipped(verdict: str, negated: bool) -> str:
    if not negated:
        return verdict
    return TRUE if verdict == FALSE else FALSE


def _subject(predicate: Token) -> Token | None:
    return next((c for c in predicate.children if c.dep_ in SUBJECTS), None)


def _claim_on_subject(predicate: Token) -> Verdict | None:
    """ "The report was false", "it is not true", "the claims were fabricated"."""
    subject = _subject(predicate)
    if subject is None or not points_back(subject):
        return None
    complements: list[Token] = []
    if predicate.lemma_.lower() in COPULAS:
        complements = [c for c in predicate.children if c.dep_ in COMPLEMENTS]
    elif predicate.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in predicate.children):
        complements = [predicate]
    for word in complements:
        judged = _judged(word)
        if judged is None:
            phrase = _phrase_at(word, word.right_edge.i + 1, CLAIM)
            judged = (phrase[0], word) if phrase else None
        if judged is not None and (judged[0].pronoun or not is_pointing_pronoun(subject)):
            found, said = judged
            negator = negation_of(word)
            negated = negator is not None and "not" not in found.pattern
            first = min(said.i, negator.i) if negated and negator is not None else said.i
            words = word.doc[first : said.i + 1]  # "not true", "not entirely accurate"
            verdict = _flipped(found.verdict, negated)
            return Verdict(verdict, words, subject, CLAIM, _extraposed(subject, predicate))
    end = min(predicate.right_edge.i + 1, predicate.i + PHRASE_REACH + 1)
    for token in predicate.doc[predicate.i : end]:
        phrase = _phrase_at(token, end, CLAIM)  # "is without foundation", "have no basis"
        judges = phrase is not None and (phrase[0].pronoun or not is_pointing_pronoun(subject))
        if phrase is not None and judges and len(phrase[1]) > 1:
            negated = negation_of(predicate) is not None
            verdict = _flipped(phrase[0].verdict, negated)
            return Verdict(verdict, phrase[1], subject, CLAIM, _extraposed(subject, predicate))
    return None


def _claim_in_object(predicate: Token) -> Verdict | None:
    """ "There is no truth in the reports": the judged claim is the object of a preposition."""
    end = min(predicate.right_edge.i + 1, predicate.i + PHRASE_REACH + 1)
    for token in predicate.doc[predicate.i : end]:
        phrase = _phrase_at(token, end, OBJECT)
        if phrase is None:
            continue
        last = phrase[1][-1]
        for prep in (c for c in last.children if c.dep_ == "prep"):
            pointer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pointer is not None and points_back(pointer):
                verdict = _flipped(phrase[0].verdict, negation_of(predicate) is not None)
                return Verdict(verdict, phrase[1], pointer, CLAIM)
    return None


def _extraposed(subject: Token, predicate: Token) -> Span | None:
    return complement_clause(predicate) if subject.lower_ == "it" else None


def _involvement(predicate: Token) -> Verdict | None:
    """ "The army is not responsible", "our country has nothing to do with the explosion"."""
    subject = _subject(predicate)
    start = subject.right_edge.i + 1 if subject is not None and subject.i < predicate.i else predicate.i
    end = min(predicate.right_edge.i + 1, predicate.i + PHRASE_REACH + 1)
    for token in predicate.doc[start:end]:
        phrase = _phrase_at(token, end, INVOLVEMENT)
        if phrase is not None:
            # "it is not responsible": a pronoun here is the party, not a claim
            names_claim = subject is not None and is_claim_noun(subject) and points_back(subject)
            pointer = subject if names_claim else None
            return Verdict(phrase[0].verdict, phrase[1], pointer, INVOLVEMENT)
    return None


def _claim_on_object(verb: Token) -> Verdict | None:
    """ "Called the accusations lies", "described the claims as baseless", "dismissed them as fabricated"."""
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is None:
        return None
    # "called the claims fake news", parsed "called [the claims fake] news": the claim hangs off the verdict
    judged = _judged(target)
    claim = next((t for t in target.subtree if t.dep_ == "npadvmod" and is_claim_noun(t)), None)
    if judged is not None and claim is not None:
        return Verdict(judged[0].verdict, target.doc[judged[1].i : judged[1].i + 1], claim, CLAIM)
    if not points_back(target):
        return None
    for child in verb.children:
        words = [child] if child.dep_ == "oprd" else []
        if child.lower_ == "as" and child.dep_ in ("prep", "mark"):
            words = [c for c in child.children if c.dep_ in ("pobj", "amod", "acomp", "attr")]
        if child.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in child.children):
            words = [child]
        for word in words:
            judged = _judged(word)
            if judged is not None:
                said = judged[1]
                return Verdict(judged[0].verdict, word.doc[said.i : said.i + 1], target, CLAIM)
    return None


def predicates(content: Span) -> list[Token]:
    """The heads of a content's clauses: its words whose head lies outside it, and their conjuncts."""
    heads = [
        t
        for t in content
        if not t.is_punct and (t.head.i == t.i or not content.start <= t.head.i < content.end)
    ]
    return heads + [c for h in heads for c in h.conjuncts if content.start <= c.i < content.end]


def read_verdict(cue: Span, content: Span) -> Verdict | None:
    """The verdict a statement gives, if its content (or its cue with its object) is one."""
    for predicate in predicates(content):
        found = _claim_on_subject(predicate) or _claim_in_object(predicate) or _involvement(predicate)
        if found is not None:
            return found
    return _claim_on_object(cue.root)


def pointer_of(content: Span) -> Token | None:
    """The claim a content names and nothing more ("denied the allegations", "confirmed it")."""
    heads = [t for t in predicates(content) if t.pos_ not in ("VERB", "AUX")]
    if len(heads) == 1 and points_back(heads[0]):
        return heads[0]
    return None
