"""Factuality rules: how certain, and how positive, a statement's content or any event is presented.

Values follow FactBank/MEANTIME: certainty in certain > probable > possible > underspecified,
polarity in pos/neg/underspecified. Two entry points, no spaCy component code:

``assess(cue, content)`` reads an attributed statement. The cue ("said", "according to",
"did not rule out") sets the stance and a starting certainty and polarity from
``lexicons/factuality_cues.tsv``; a negated cue takes the entry's ``negated`` values or the rule
for its stance. Hedges (``lexicons/hedges.tsv``) on the cue ("reportedly said") or, for asserted
and reported content, inside the content ("allegedly", "may") can only lower the certainty: the
strongest wins. Negation inside the content ("won't harm") is part of the proposition, so it
stays in the content's text and leaves the polarity alone; epistemic words that mean "probably
not" ("unlikely") are lifted out like the other hedges.

``assess_predicate(token)`` reads one predicate in its sentence, with or without an attribution:
its own negation (``lexicons/negators.tsv``: "not", and "no" on an event noun), modals and hedges,
and what the predicates above it do to it (``lexicons/event_predicates.tsv``: "failed to pay", a
factive's complement kept under negation; reporting cues: "believes ..."; a negated hedge or plan;
``lexicons/event_contexts.tsv``: themes no more certain than their verb, the of-phrases of hedge
and prospect nouns, "until"/"once" clauses).

Both return the spans of the words that set the values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from .lexicon import load_lexicon

CERTAIN, PROBABLE, POSSIBLE, UNDERSPECIFIED = "certain", "probable", "possible", "underspecified"
POS, NEG = "pos", "neg"
_RANK = {CERTAIN: 3, PROBABLE: 2, POSSIBLE: 1, UNDERSPECIFIED: 0}
_NEGATED_BY_STANCE = {
    "assert": ("refuse_to_comment", UNDERSPECIFIED, UNDERSPECIFIED),  # "did not confirm"
    "report": ("refuse_to_comment", UNDERSPECIFIED, UNDERSPECIFIED),
    "deny": ("assert", POSSIBLE, POS),  # "did not rule out", "did not deny"
    "question": ("question", UNDERSPECIFIED, UNDERSPECIFIED),
    "refuse_to_comment": ("assert", UNDERSPECIFIED, UNDERSPECIFIED),
}
_WINDOW_BEFORE, _WINDOW_AFTER = 3, 2  # tokens around the cue a cue pattern may reach
_CONTENT_HEDGED = ("assert", "report")  # stances whose content hedges count
_COMPLEMENTS = ("xcomp", "ccomp")
# a hedging modal that a negation outscopes: "could not X" is "it was not possible that X", read as
# probably not X (UW's training split rates it about -1.5), where "may not X" stays "possibly not X";
# "cannot X" has no hedge ("can" is read on events only) and stays certainly not X, as UW and MEANTIME read it
_NEGATED_POSSIBILITY = ("could",)
_PURPOSE_MARKS = ("so", "as")  # "so as to"
_TENSED_TAGS = ("VBD", "VBZ", "VBP", "MD")


@dataclass(frozen=True, slots=True)
class Assessment:
    certainty: str
    polarity: str
    stance: str
    cues: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CueEntry:
    pattern: tuple[str, ...]
    stance: str
    certainty: str
    polarity: str
    negated: tuple[str, str, str] | None

    @property
    def weight(self) -> int:
        return sum(word != "*" for word in self.pattern)


@dataclass(frozen=True, slots=True)
class Hedge:
    pattern: tuple[str, ...]
    tags: frozenset[str]
    certainty: str
    polarity: str  # "" leaves polarity alone


def _negated(text: str) -> tuple[str, str, str]:
    """A lexicon row's "STANCE CERTAINTY POLARITY" for the cue under negation."""
    stance, certainty, polarity = text.split()
    return stance, certainty, polarity


@cache
def cue_entries() -> tuple[CueEntry, ...]:
    """The cue lexicon, most specific patterns first."""
    entries = []
    for row in load_lexicon("factuality_cues"):
        negated = _negated(row["negated"]) if row["negated"] else None
        entries.append(
            CueEntry(tuple(row["pattern"].split()), row["stance"], row["certainty"], row["polarity"], negated)
        )
    return tuple(sorted(entries, key=lambda e: -e.weight))


@cache
def _hedges_by_first_word() -> dict[str, tuple[Hedge, ...]]:
    table: dict[str, list[Hedge]] = {}
    for row in load_lexicon("hedges"):
        tags = frozenset(filter(None, row["tags"].split("|")))
        hedge = Hedge(tuple(row["pattern"].split()), tags, row["certainty"], row["polarity"])
        table.setdefault(hedge.pattern[0], []).append(hedge)
    return {word: tuple(sorted(h, key=lambda x: -len(x.pattern))) for word, h in table.items()}


@cache
def _negators() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in load_lexicon("negators")}


@cache
def _event_predicates() -> dict[str, tuple[str, str]]:
    return {r["lemma"]: (r["certainty"], r["polarity"]) for r in load_lexicon("event_predicates")}


@cache
def _factives() -> frozenset[str]:
    return frozenset(r["lemma"] for r in load_lexicon("event_predicates") if r["class"] == "factive")


def _fits(token: Token, word: str) -> bool:
    if word == "*":
        return True
    if word == "PASS":
        return token.dep_ == "auxpass"
    return token.lower_ == word or token.lemma_.lower() == word


def _match_at(doc: Doc, start: int, pattern: tuple[str, ...], end: int) -> list[Token] | None:
    """The non-wildcard tokens of ``pattern`` matched at ``start``, staying before ``end``."""
    if start + len(pattern) > end:
        return None
    window = [doc[start + k] for k in range(len(pattern))]
    if all(_fits(t, w) for t, w in zip(window, pattern, strict=True)):
        return [t for t, w in zip(window, pattern, strict=True) if w != "*"]
    return None


def _keys(token: Token) -> set[str]:
    """The pattern words a token can stand for: its form, its lemma, "PASS" for a passive auxiliary."""
    keys = {token.lower_, token.lemma_.lower()}
    return keys | {"PASS"} if token.dep_ == "auxpass" else keys


@cache
def _cues_by_first_word() -> dict[str, tuple[CueEntry, ...]]:
    table: dict[str, list[CueEntry]] = {}
    for entry in cue_entries():
        table.setdefault(entry.pattern[0], []).append(entry)
    return {word: tuple(entries) for word, entries in table.items()}


def _window(cue: Span) -> tuple[int, int]:
    """Token bounds around a cue that a cue pattern may reach, within the cue's sentence."""
    doc = cue.doc
    start = cue.start
    while start > max(0, cue.start - _WINDOW_BEFORE) and not doc[start].is_sent_start:
        start -= 1
    end = cue.end
    while end < min(len(doc), cue.end + _WINDOW_AFTER) and not doc[end].is_sent_start:
        end += 1
    return start, end


def match_cue(cue: Span) -> tuple[CueEntry, list[Token]] | None:
    """The cue lexicon entry for a cue span, with the tokens it matched.

    The entry with the most words wins, then the one starting nearest the cue; it must cover
    at least one token of the cue.
    """
    doc, (start, end) = cue.doc, _window(cue)
    table = _cues_by_first_word()
    best: tuple[int, int, CueEntry, list[Token]] | None = None
    for i in range(start, end):
        for key in _keys(doc[i]):
            for entry in table.get(key, ()):
                matched = _match_at(doc, i, entry.pattern, end)
                if not matched or not any(cue.start <= t.i < cue.end for t in matched):
                    continue
                rank = (entry.weight, -abs(i - cue.start))
                if best is None or rank > (best[0], -best[1]):
                    best = (entry.weight, abs(i - cue.start), entry, matched)
    return (best[2], best[3]) if best else None


def _anchor(tokens: list[Token]) -> Token:
    """The content word of a matched cue: the verb, noun or adjective that negation attaches to."""
    return next((t for t in tokens if t.pos_ in ("VERB", "NOUN", "ADJ")), tokens[0])


def negation_of(token: Token) -> Token | None:
    """The word that negates a predicate: "not", "never", "n't"; or a negative implicative above it."""
    negators = _negators()
    for candidate in (token, token.head) if token.dep_ in ("acomp", "attr") else (token,):
        for child in candidate.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and negators.get(child.lower_) == "particle"):
                return child
    if token.dep_ == "xcomp" and _event_predicates().get(token.head.lemma_.lower()) == (CERTAIN, NEG):
        return token.head  # "failed to confirm"
    return None


def _argument_negation(token: Token) -> Token | None:
    """ "No drones crossed", "nobody saw": a negative subject or object of the predicate."""
    negators = _negators()
    for child in token.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        if negators.get(child.lower_) == "pronoun":
            return child
        det = next((d for d in child.children if d.dep_ in ("det", "neg", "preconj")), None)
        # "no drones crossed" negates the crossing; "has no information", "sees no end" do not; a support verb
        # with a negated object is negated ("reached no agreement": did not reach one)
        negative = det is not None and negators.get(det.lower_) == "determiner"
        support = child.dep_ == "dobj" and _supports(token)
        if negative and (child.dep_.startswith("nsubj") or support):
            return det
    return None


def _supports(verb: Token) -> bool:
    """A support verb ("reach", "hold", "make"), whose object noun names the event it realises; not "have"."""
    lemma = verb.lemma_.lower()
    return lemma not in ("have", "make", "take") and ("support", lemma) in _event_contexts()


def _determiner_negation(token: Token) -> Token | None:
    """ "No agreement was reached", "there was no vote": an event noun determined by a negative word."""
    if token.pos_ != "NOUN":
        return None
    negators = _negators()
    return next(
        (c for c in token.children if c.dep_ in ("det", "neg") and negators.get(c.lower_) == "determiner"),
        None,
    )


def hedge_at(token: Token) -> tuple[Hedge, Span] | None:
    """The hedge starting at this token, if any ("allegedly", "may", "is said to")."""
    doc = token.doc
    for word in _keys(token):
        for hedge in _hedges_by_first_word().get(word, ()):
            if hedge.tags and not hedge.tags & {token.tag_, token.pos_, token.dep_}:
                continue
            if _match_at(doc, token.i, hedge.pattern, len(doc)):
                return hedge, doc[token.i : token.i + len(hedge.pattern)]
    return None


def hedges_in(tokens: Iterable[Token]) -> list[tuple[Hedge, Span]]:
    """Every hedge starting at one of the tokens, in order."""
    found = []
    for token in tokens:
        hit = hedge_at(token)
        if hit is not None:
            found.append(hit)
    return found


def _lowest(certainty: str, other: str) -> str:
    return certainty if _RANK[certainty] <= _RANK[other] else other


def _around(anchor: Token) -> list[Token]:
    """Tokens that can hedge a cue: its modal, its adverbs, a raising verb above it ("appeared to deny")."""
    tokens = [c for c in anchor.children if c.dep_ in ("aux", "advmod")]
    if anchor.dep_ == "xcomp":
        tokens.append(anchor.head)
    return tokens


def _span_of(tokens: list[Token]) -> Span:
    doc = tokens[0].doc
    return doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]


def assess(cue: Span, content: Span) -> Assessment:
    """Stance, certainty and polarity of an attributed statement, and the words that set them."""
    match = match_cue(cue)
    if match is None:
        stance, certainty, polarity, cues = "assert", CERTAIN, POS, []
        anchor = cue.root
    else:
        entry, tokens = match
        anchor = _anchor(tokens)
        stance, certainty, polarity = entry.stance, entry.certainty, entry.polarity
        negator = negation_of(anchor)
        if negator is not None and not any(_fits(t, "not") for t in tokens):
            stance, certainty, polarity = entry.negated or _NEGATED_BY_STANCE[stance]
            tokens = [*tokens, negator]
        elif stance == "assert" and _agentless_passive(anchor):
            stance = "report"  # "it was announced that ..."
        cues = [_span_of(tokens)]
    if certainty == UNDERSPECIFIED:
        return Assessment(certainty, polarity, stance, cues)
    hedges = hedges_in(_around(anchor))
    if stance in _CONTENT_HEDGED:
        hedges += hedges_in(t for t in content if not cue.start <= t.i < cue.end)
    for hedge, span in hedges:
        certainty = _lowest(certainty, hedge.certainty)
        if hedge.polarity == NEG and polarity == POS:
            polarity = NEG
        cues.append(span)
    return Assessment(certainty, polarity, stance, sorted(cues, key=lambda s: s.start))


def _agentless_passive(verb: Token) -> bool:
    children = {c.dep_ for c in verb.children}
    return "auxpass" in children and "agent" not in children


def assess_predicate(token: Token) -> tuple[str, str, list[Span]]:
    """Certainty, polarity and cue spans of one predicate (verb, event noun or adjective) in context."""
    certainty, polarity, cues = CERTAIN, POS, []
    negator = negation_of(token) or _argument_negation(token) or _determiner_negation(token)
    if negator is not None and negator.i != token.head.i:
        polarity, cues = NEG, [negator.doc[negator.i : negator.i + 1]]
    # "expects to be profitable", "would be a setback": a predicate adjective or noun is read in its clause
    clause = token.head if token.dep_ in ("acomp", "attr") and token.head.lemma_.lower() == "be" else token
    local = [c for c in token.children if c.dep_ in ("aux", "advmod", "amod")]
    if clause.i != token.i:
        local += [c for c in clause.children if c.dep_ in ("aux", "advmod")]
    modal = None if negator is not None else _event_modal(clause)
    if modal is not None:
        certainty, polarity = modal[0], modal[1]
        cues.append(modal[2])
        local = [c for c in local if c.i != modal[2].start]
    for hedge, span in hedges_in(local):
        if negator is not None and span[0].lower_ in _NEGATED_POSSIBILITY:
            certainty = _lowest(certainty, PROBABLE)  # "could not reach": not possible, so probably not
            cues.append(span)
            continue
        certainty = _lowest(certainty, hedge.certainty)
        polarity = _flip(polarity) if hedge.polarity == NEG else polarity
        cues.append(span)
    governed = (
        _governor_effect(clause)
        or _context_effect(token)
        or _coordinated_effect(clause)
        or _embedding_effect(clause)
    )
    if governed is not None:
        g_certainty, g_polarity, g_cues = governed
        certainty = _lowest(certainty, g_certainty)
        polarity = _combine(polarity, g_polarity)
        cues += g_cues
    return certainty, polarity, sorted(cues, key=lambda s: s.start)


@cache
def _event_contexts() -> dict[tuple[str, str], tuple[str, str]]:
    return {(r["kind"], r["word"]): (r["certainty"], r["polarity"]) for r in load_lexicon("event_contexts")}


def _event_modal(token: Token) -> tuple[str, str, Span] | None:
    """A modal read on events only ("would close", "can fly"): its certainty, polarity and span."""
    for child in token.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            value = _event_contexts().get(("modal", child.lower_))
            if value is not None:
                return value[0], value[1], child.doc[child.i : child.i + 1]
    return None


def _context_effect(token: Token) -> tuple[str, str, list[Span]] | None:
    """An event named as the theme of "delay", "cancel", "seek"; a purpose; a "whether" clause."""
    contexts, head = _event_contexts(), token.head
    mark = next((c for c in token.children if c.dep_ == "mark"), None)
    if mark is not None and ("mark", mark.lower_) in contexts:
        return (*contexts[("mark", mark.lower_)], [mark.doc[mark.i : mark.i + 1]])
    if token.pos_ in ("NOUN", "PROPN"):
        for modifier in token.children:  # "the now-cancelled deal", "the flight delayed by fog"
            if modifier.dep_ in ("amod", "acl") and modifier.tag_ == "VBN":
                value = contexts.get(("theme", _phrasal_lemma(modifier)))
                if value is not None:
                    return (*value, [modifier.doc[modifier.i : modifier.i + 1]])
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children)
        # "the flight, delayed by fog": a participle's subject is its theme; "the blasts have killed": agent
        theme_of = token.dep_ in ("dobj", "nsubjpass") or (
            token.dep_ == "nsubj" and head.tag_ == "VBN" and not perfect
        )
        if head.dep_ == "prep" and token.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "NOUN":
            head, theme_of = head.head, True  # "a delay in delivery"
        value = contexts.get(("theme", _phrasal_lemma(head)))
        spoken = (
            ("speech act", token.lemma_.lower()) in contexts
            and ("pending", _phrasal_lemma(head)) not in contexts
            and value is not None
            and value[1] == NEG
        )
        if theme_of and value is not None and head.i != token.i and not spoken:
            h_certainty, h_polarity, h_cues = (
                assess_predicate(head) if head.pos_ == "VERB" else (CERTAIN, POS, [])
            )
            if h_polarity == NEG:
                return None  # "did not delay the flight": no claim either way
            # a theme is no more certain than the verb acting on it: "could delay the flight"
            certainty = _lowest(value[0], h_certainty)
            polarity = UNDERSPECIFIED if certainty == UNDERSPECIFIED else value[1]
            return certainty, polarity, [head.doc[head.i : head.i + 1], *h_cues]
    if token.dep_ == "compound" and head.pos_ == "NOUN":
        # "a takeover bid", "the rescue plan", "the threat of a strike" said as "the strike threat": a noun
        # modifying a purpose or prospect noun names the event aimed at, as that noun's infinitive would
        for kind in ("purpose", "prospect"):
            value = contexts.get((kind, head.lemma_.lower()))
            if value is not None:
                return (*value, [head.doc[head.i : head.i + 1]])
    if token.dep_ in ("pobj", "pcomp") and head.lower_ == "of" and head.head.pos_ == "NOUN":
        hedge = hedge_at(head.head)  # "the possibility of a strike", "rumours of a merger"
        if hedge is not None:
            return hedge[0].certainty, NEG if hedge[0].polarity == NEG else POS, [hedge[1]]
        prospect = contexts.get(("prospect", head.head.lemma_.lower()))  # "the threat of a strike"
        if prospect is not None:
            return (*prospect, [head.head.doc[head.head.i : head.head.i + 1]])
    infinitive = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    hindered = head.lower_ != "from" or ("hinder", head.head.lemma_.lower()) in contexts
    if token.dep_ == "pcomp" and ("preposition", head.lower_) in contexts and hindered:
        # "left without paying", "barred from leaving"; not "red from crying"
        return (*contexts[("preposition", head.lower_)], [head.doc[head.i : head.i + 1]])
    adjective = head if head.pos_ == "ADJ" else next((c for c in head.children if c.dep_ == "acomp"), None)
    # the parser labels some infinitives of nouns "relcl" ("a deal to lease"); for the nouns of the lexicon,
    # which take an infinitive complement, it is that complement ("the first model to be built" is not)
    of_noun = token.dep_ == "acl" or (token.dep_ == "relcl" and ("noun", head.lemma_.lower()) in contexts)
    if infinitive is not None and (of_noun or (token.dep_ == "xcomp" and adjective is not None)):
        # "a proposal to combine", "the right to work", "(it is) difficult to trade", "free to leave"
        word = adjective if token.dep_ == "xcomp" and adjective is not None else head
        value = contexts.get(("noun", head.lemma_.lower())) if of_noun else None
        cues = [word.doc[word.i : word.i + 1]]
        if not of_noun and adjective is not None:
            implicative = _adjective_implicative(adjective)  # "was unable to", "was not able to"
            if implicative is not None:
                return implicative[0], implicative[1], [*cues, *implicative[2]]
        if value is None:
            return UNDERSPECIFIED, UNDERSPECIFIED, cues  # "a plan to", "the right to work"
        # "the failure to pay", "the deal to lease"; "the now-cancelled deal to lease": a commitment noun
        # that is itself negated flips its event, as a negated implicative verb does
        n_certainty, n_polarity, n_cues = assess_predicate(head)
        if n_polarity == NEG:
            return _negated_commitment(value, n_cues, cues)
        return _lowest(value[0], n_certainty), value[1], [*cues, *n_cues]
    support = token.dep_ in ("dobj", "nsubjpass") and ("support", head.lemma_.lower()) in contexts
    # "no action was taken": the noun's own "no" already says so, and it is what negates the verb
    if token.pos_ == "NOUN" and head.pos_ == "VERB" and support and _determiner_negation(token) is None:
        # "has not begun talks", "the hearing was not held": a support verb realises its noun's event, so a
        # negated one says the event did not take place
        certainty, polarity, cues = assess_predicate(head)
        if polarity == NEG:
            return certainty, polarity, cues
    seeker = head.head
    if token.dep_ == "pobj" and head.lower_ == "for" and seeker.i == head.i - 1:
        # "called for a re-run", "filed for bankruptcy", "a request for asylum": what is sought is not said to
        # happen, as the theme of "seek" or "demand" is not
        value = contexts.get(("sought", seeker.lemma_.lower()))
        if value is not None:
            return (*value, [seeker.doc[seeker.i : seeker.i + 1]])
    # "signed during the show", "resumed after the ruling": an event that anchors the time is presupposed, so
    # it is not in the scope of the verb's modal
    anchor = token.dep_ == "pobj" and ("anchor", head.lower_) in contexts
    if (
        token.pos_ == "NOUN"
        and token.dep_ in ("dobj", "pobj")
        and head.pos_ in ("VERB", "ADP")
        and not anchor
    ):
        verb = head if head.pos_ == "VERB" else head.head  # "could cause damage", "called for the return"
        if verb.pos_ == "VERB" and verb.i != token.i:
            certainty, polarity, cues = assess_predicate(verb)
            if certainty != CERTAIN:
                return certainty, polarity, cues
    if token.pos_ == "NOUN":
        # "any attempt to take over", "any gain from the sale": a non-specific event is not said to happen
        det = next(
            (c for c in token.children if c.dep_ == "det" and ("determiner", c.lower_) in contexts), None
        )
        if det is not None:
            return (*contexts[("determiner", det.lower_)], [det.doc[det.i : det.i + 1]])
    return None


def _negated_commitment(
    value: tuple[str, str], negation_cues: list[Span], cues: list[Span]
) -> tuple[str, str, list[Span]]:
    """A negated implicative or commitment: a certain entry's polarity flips, another one's is left open."""
    certainty, polarity = value
    if certainty == CERTAIN:
        return CERTAIN, _flip(polarity), [*cues, *negation_cues]
    return UNDERSPECIFIED, UNDERSPECIFIED, [*cues, *negation_cues]


def _adjective_implicative(adjective: Token) -> tuple[str, str, list[Span]] | None:
    """ "unable to pay": not paid; "not able to pay": not paid ("able" is a one-way implicative: "was able to
    pay" leaves the paying open): the value of the adjective, or of the negated one, with the negator."""
    contexts, lemma = _event_contexts(), adjective.lemma_.lower()
    negator = negation_of(adjective)
    if negator is not None:
        value = contexts.get(("negated adjective", lemma))
        return None if value is None else (*value, [negator.doc[negator.i : negator.i + 1]])
    value = contexts.get(("adjective", lemma))
    return None if value is None else (*value, [])


def _phrasal_lemma(verb: Token) -> str:
    """ "call off" for "called the deal off", else the lemma: themes may name a verb with its particle."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    if particle is not None and ("theme", f"{lemma} {particle}") in _event_contexts():
        return f"{lemma} {particle}"
    return lemma


def _infinitive_governor(token: Token) -> tuple[str, str, list[Span]] | None:
    """ "is going to close": a verb whose infinitive is a planned or expected event."""
    if token.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    head, contexts = token.head, _event_contexts()
    value = contexts.get(("governor", head.lower_)) or contexts.get(("governor", head.lemma_.lower()))
    return None if value is None else (*value, [head.doc[head.i : head.i + 1]])


def _coordinated_effect(token: Token) -> tuple[str, str, list[Span]] | None:
    """ "plans to buy and sell": a conjunct is in the scope of what governs the first conjunct."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i == token.i:
        return None
    negated = _shared_negation(token, first)
    if negated is not None:
        return CERTAIN, NEG, [negated.doc[negated.i : negated.i + 1]]
    governed = _governor_effect(first) or _context_effect(first) or _embedding_effect(first)
    modal = _shared_modal(token, first)
    if modal is None:
        return governed
    if governed is None:
        return modal[0], modal[1], [modal[2]]
    return _lowest(modal[0], governed[0]), _combine(modal[1], governed[1]), [modal[2], *governed[2]]


def _shared_negation(token: Token, first: Token) -> Token | None:
    """ "did not admit or deny", "no gains or losses": a negation outscopes a disjunction, so a conjunct
    joined by "or" or "nor", with no subject of its own, is negated with the first."""
    own = {c.dep_ for c in token.children}
    joins = {c.lower_ for c in (*first.children, *token.children) if c.dep_ in ("cc", "preconj")}
    if token.pos_ != first.pos_ or own & {"nsubj", "nsubjpass", "neg"} or not joins & {"or", "nor"}:
        return None
    return negation_of(first) or _determiner_negation(first)


def _shared_modal(token: Token, first: Token) -> tuple[str, str, Span] | None:
    """ "could buy and resell": a bare verb conjoined to a modal's verb, with no subject, auxiliary or
    negation of its own, is in the modal's scope: the modal's certainty, polarity and span."""
    own = {c.dep_ for c in token.children}
    if token.tag_ != "VB" or first.tag_ != "VB" or own & {"nsubj", "nsubjpass", "aux", "auxpass", "neg"}:
        return None
    modal = _event_modal(first)
    if modal is not None:
        return modal
    hedges = hedges_in(c for c in first.children if c.dep_ == "aux")
    if not hedges:
        return None
    hedge, span = hedges[0]
    return hedge.certainty, NEG if hedge.polarity == NEG else POS, span


def _flip(polarity: str) -> str:
    return {POS: NEG, NEG: POS}.get(polarity, polarity)


def _combine(inner: str, outer: str) -> str:
    if UNDERSPECIFIED in (inner, outer):
        return UNDERSPECIFIED
    return POS if inner == outer else NEG


def _negated_governor(head: Token, effect: tuple[str, str, list[Span]]) -> tuple[str, str, list[Span]]:
    """ "is not likely to change", "is not going to sell": a negated hedge or plan flips the polarity."""
    negator = negation_of(head)
    if negator is None:
        return effect
    certainty, polarity, cues = effect
    return certainty, _flip(polarity), [*cues, negator.doc[negator.i : negator.i + 1]]


def _within_governor(head: Token, effect: tuple[str, str, list[Span]]) -> tuple[str, str, list[Span]]:
    """ "did not say where the cuts were going to take place": a planned event is no more certain than the
    clause of the verb that plans it, when that clause is itself open (its negation is already in
    ``effect``)."""
    certainty, polarity, cues = assess_predicate(head)
    if polarity == NEG or (certainty == CERTAIN and polarity == POS):
        return effect
    return _lowest(effect[0], certainty), _combine(effect[1], polarity), [*effect[2], *cues]


def _governor_effect(token: Token) -> tuple[str, str, list[Span]] | None:
    """What the predicate above does to this one: an implicative, a reporting cue, a condition."""
    head = token.head
    if head.i == token.i:
        return None
    mark = next((c for c in token.children if c.dep_ == "mark"), None)
    if token.dep_ == "advcl" and mark is not None and mark.lower_ in ("if", "unless"):
        return UNDERSPECIFIED, UNDERSPECIFIED, [mark.doc[mark.i : mark.i + 1]]
    # the parser labels some object-control infinitives "advcl" ("selected Northrop to build the planes",
    # "forecast the losses to be"): after a verb of the lexicons, the infinitive is its complement
    to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    controlled = token.dep_ == "advcl" and to_infinitive and mark is None and _selects_event(head)
    if token.dep_ not in _COMPLEMENTS and not controlled:
        return None
    hedge = hedge_at(head)  # "is likely to attack"
    if hedge is not None:
        return _negated_governor(
            head, (hedge[0].certainty, NEG if hedge[0].polarity == NEG else POS, [hedge[1]])
        )
    future = _infinitive_governor(token)
    if future is not None:
        return _within_governor(head, _negated_governor(head, future))
    lemma = head.lemma_.lower()
    if lemma in _factives():
        # "did not know where he was held": a factive's complement is presupposed, so negation, modals and
        # questions above the factive leave it as it is (presuppositions project)
        certainty, polarity = _event_predicates()[lemma]
        return certainty, polarity, [head.doc[head.i : head.i + 1]]
    if lemma in _event_predicates():
        certainty, polarity = _event_predicates()[lemma]
        head_certainty, head_polarity, head_cues = assess_predicate(head)
        if head_polarity == NEG:
            polarity = _flip(polarity) if certainty == CERTAIN else UNDERSPECIFIED
            certainty = certainty if certainty == CERTAIN else UNDERSPECIFIED
        span = head.doc[head.i : head.i + 1]
        certainty = _lowest(certainty, head_certainty)
        if certainty == UNDERSPECIFIED and head_polarity == UNDERSPECIFIED:
            polarity = UNDERSPECIFIED  # "did not say whether he decided to leave": leaving left open
        return certainty, polarity, [span, *head_cues]
    match = match_cue(head.doc[head.i : head.i + 1])
    if match is None:
        return None
    reading = assess(head.doc[head.i : head.i + 1], head.doc[token.i : token.i + 1])
    if reading.stance in ("question", "refuse_to_comment"):
        return UNDERSPECIFIED, UNDERSPECIFIED, reading.cues
    return reading.certainty, reading.polarity, reading.cues


def _embedding_effect(token: Token) -> tuple[str, str, list[Span]] | None:
    """ "in an attempt to make the unit profitable", "plans to help rebuild", "plans to cut jobs to save
    money": a complement or purpose clause of a verb no lexicon lists is in the scope of whatever leaves that
    verb open (Saurí & Pustejovsky 2012 compose factuality across every level of embedding); a certain or
    negated verb passes nothing down ("did not make it profitable" says nothing of the profit), nor does any
    verb to a tensed clause ("could hear that it was running")."""
    head = token.head
    if head.i == token.i or (token.dep_ not in _COMPLEMENTS and not _purpose_clause(token)):
        return None
    if token.dep_ == "ccomp" and _finite(token):
        return None  # "could hear that it was running": a tensed clause keeps its own assertion
    certainty, polarity, cues = assess_predicate(head)
    if polarity == NEG or (certainty == CERTAIN and polarity == POS):
        return None
    return certainty, polarity, cues


def _finite(clause: Token) -> bool:
    """A tensed clause ("that it was running"), as against an infinitive, a gerund or a small clause."""
    words = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
    tensed = any(w.tag_ in _TENSED_TAGS for w in words)
    return tensed or any(c.dep_ == "mark" for c in clause.children)


def _purpose_clause(token: Token) -> bool:
    """ "cut plants to save money", "so as to save money": an infinitive adverbial clause of purpose."""
    if token.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return all(c.lower_ in _PURPOSE_MARKS for c in token.children if c.dep_ == "mark")


def _selects_event(verb: Token) -> bool:
    """A verb of the event-predicate or cue lexicons, which takes an event as its complement."""
    lemma = verb.lemma_.lower()
    return lemma in _event_predicates() or match_cue(verb.doc[verb.i : verb.i + 1]) is not None


def predicate_of(span: Span) -> Token:
    """The word of a predicate span whose factuality is read: its verb, else its syntactic head."""
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"]
    if len(span) > 1 and verbs and span.root not in verbs:
        return verbs[0]  # "shut down", "bail out": the verb, not the particle's parse
    return span.root


def assess_span(span: Span) -> Assessment:
    """Certainty and polarity of the event a span names ("closed", "shut down", "the deal").

    The same rules as statement contents get: the predicate's own negation, modals and hedges,
    and what governs it (implicatives, reporting cues, conditions). The stance is "assert".
    """
    certainty, polarity, cues = assess_predicate(predicate_of(span))
    return Assessment(certainty, polarity, "assert", cues)
