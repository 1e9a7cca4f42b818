"""Stage 3: who holds a statement: the source's head token, found on the parse, and what it resolves to."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..drafts import EntityDraft
from ..quotes import quote_containing
from .anaphora import (
    ORGANISATION_PRONOUNS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    description_types,
    group_antecedent,
    person_antecedent,
    relative_antecedent,
)
from .context import DocContext
from .cues import Cue, holds_views
from .lexicon import RELEASE_VERBS, display_nouns, frame_of, instrument_verbs, medium_nouns, source_nouns
from .spans import holds, span_of, trim

# A speaker named in a short run of words: at most this many tokens.
LABEL_TOKENS = 8
# A name standing before a subject-less verb: how far back, and what may stand between.
NAME_REACH = 14
APPOSITION_POS = {"NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "CCONJ", "PART", "PUNCT"}
# A dateline ends with a dash within its first few tokens: 'LEEDS, May 2 (AP) -- ...'.
DASHES = {"-", "--", "—", "–", "―"}
DATELINE_TOKENS = 10
NOUN_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}


def own_source_heads(cue: Cue) -> list[Token]:
    """The head tokens of the cue's own source(s); empty when the source is inherited or anonymous."""
    head = cue.head
    if frame_of(cue.entry).source == "object":
        last = cue.tokens[-1]
        obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
        if obj is None and head.lower_ == "citing":
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        return [obj] if obj is not None else []
    agent = next((c for c in head.children if c.dep_ == "agent"), None)
    if agent is not None:
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        return [obj] if obj is not None else []
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
        return []
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is not None and (subject.lower_ != "it" or subject.dep_ == "nsubj"):
        return [subject]  # "It says ..." (an ad, a report); expletive "it" is not nsubj
    if head.pos_ == "NOUN":
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            owner = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        return [owner] if owner is not None else []
    return []


def is_passive_or_impersonal(cue: Cue) -> bool:
    children = list(cue.head.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    impersonal = any(c.dep_ == "expl" for c in children)
    return (passive or impersonal) and not any(c.dep_ == "agent" for c in children)


def noun_phrase(token: Token) -> Span | None:
    """The noun phrase of a source token, without relative clauses or trailing appositions."""
    cut = (
        {"relcl", "acl", "appos", "punct", "cc", "conj", "prep"}
        if token.pos_ == "PROPN"
        else {"relcl", "acl"}
    )
    tokens = [token]
    for child in token.children:
        # "the operator on Wednesday denied": the date belongs to the verb, whatever the parse says.
        dated = child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        if child.dep_ not in cut and not dated:
            tokens.extend(child.subtree)
    return trim(span_of(token.doc, tokens))


def speaker_heads(
    ctx: DocContext, cue: Cue, content: Span | None = None, trace: list[str] | None = None
) -> list[Token]:
    """Who holds the statement; ``content`` (when known) tells a subject misplaced inside it.

    The names of the rules that found (or moved) the speaker are appended to ``trace``.
    """
    trace = [] if trace is None else trace
    if frame_of(cue.entry).source == "none":
        trace.append("source.none_by_frame")
        return []  # "the race seems to tighten", "is reportedly spending": nobody holds the view
    heads = own_source_heads(cue)
    if heads:
        trace.append(_own_source_rule(heads[0]))
    if not heads and is_passive_participle(cue.head):
        trace.append("source.asked_participle")
        return []  # "Asked about the plan, Ann said ...": whoever asked is not in the text
    if not heads and cue.head.pos_ != "NOUN" and not is_passive_or_impersonal(cue):
        inherited: list[str] = []
        heads = _inherited_heads(ctx, cue.head, set(), inherited)
        if heads:
            trace.extend(["source.inherited", *inherited])
        if not heads and cue.head.pos_ in ("VERB", "AUX"):
            first = cue.head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            name = _name_before(ctx, first)
            rule = "source.name_before"
            if name is None and content is not None and content.end_char <= cue.span.start_char:
                name, rule = _name_after(ctx, cue), "source.name_after"  # '"...," said the woman'
            if name is not None:
                heads = [name]
                trace.append(rule)
    antecedents = [_antecedent_of_reflexive(head) for head in heads]
    if antecedents != heads:
        trace.append("source.reflexive")
        heads = antecedents
    if content is not None and len(heads) == 1 and _is_misplaced(ctx, heads[0], cue, content):
        speaker = _speaker_outside(ctx, cue, content, heads[0])
        if speaker is not None:
            trace.append("source.misplaced_subject")
            heads = [speaker]
    split = [one for head in heads for one in _conjuncts(ctx, head)]
    if len(split) > len(heads):
        trace.append("source.conjuncts")
    return split


def _own_source_rule(head: Token) -> str:
    """The name of the rule by which ``own_source_heads`` found ``head``."""
    if head.dep_ in ("nsubj", "csubj"):
        return "source.subject"
    if head.dep_ == "poss" or head.head.lower_ in ("by", "from") and head.head.dep_ == "prep":
        return "source.owner"
    if head.head.dep_ == "agent":
        return "source.agent"
    return "source.object"


def _is_misplaced(ctx: DocContext, head: Token, cue: Cue, content: Span) -> bool:
    """A subject the parser took from the quotation, the reported words or the dateline:
    '"Total chaos," said Ann', 'Nothing will change, the mayor said', 'LEEDS - ...'."""
    if quote_containing(ctx.quotes, head.idx, head.idx + len(head.text)) is not None:
        return True
    if content.start <= head.i < content.end and not holds(content, cue.span):
        return True
    return _dateline_end(ctx, head) is not None


def _dateline_end(ctx: DocContext, head: Token) -> int | None:
    """The index of the dash that ends a dateline holding ``head``: 'LEEDS, May 2 (AP) - ...'."""
    sentence = head.sent
    opening = ctx.doc[sentence.start]
    for token in sentence[:DATELINE_TOKENS]:
        if token.pos_ in ("VERB", "AUX"):
            break
        spaced = token.i > sentence.start and bool(ctx.doc[token.i - 1].whitespace_)
        if token.text in DASHES and spaced and token.i > head.i:
            place = opening.is_upper and len(opening.text) > 2
            return token.i if place or "(" in sentence[: token.i - sentence.start].text else None
    if head.is_upper and len(head.text) > 2 and head.i == sentence.start:
        return head.i
    return None


def _speaker_outside(ctx: DocContext, cue: Cue, content: Span, misplaced: Token) -> Token | None:
    """The real speaker when the parse took the subject from the content or the dateline.

    Another subject of the cue ('"We won," Ann said'), the words between the content and the
    cue ('Nothing will change, the mayor said'), the name after the cue ('"...," said Ann Lee')
    or the name after the dateline ('LEEDS (AP) - Ann Lee on Monday called for ...').
    """
    for child in cue.head.children:
        subject = child.dep_ in ("nsubj", "csubj") and child != misplaced
        if subject and not _is_misplaced(ctx, child, cue, content):
            return child
    if content.end <= cue.span.start:
        between = _speaker_in(ctx, ctx.doc[content.end : cue.span.start])
        if between is not None:
            return between
        after = _name_after(ctx, cue)
        if after is not None:
            return after
    dash = _dateline_end(ctx, misplaced)
    if dash is not None and dash != misplaced.i:
        return _speaker_in(ctx, ctx.doc[dash + 1 : cue.span.start], first=True)
    if dash is not None:
        return _name_after(ctx, cue) if content.end <= cue.span.start else None
    return None


def _speaker_in(ctx: DocContext, words: Span, first: bool = False) -> Token | None:
    """The person or group a short run of words names: 'the Florida senator' -> senator.

    With ``first``, the first name in a longer run ('Ann Lee on Monday hit the trail')."""
    if first:
        return next((s for s in (_speaker_at(ctx, word) for word in words) if s is not None), None)
    if len(words) > LABEL_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON") and _names_someone(t)]
    if not nouns:
        return None
    return _speaker_at(ctx, nouns[-1]) or nouns[-1]


def _name_after(ctx: DocContext, cue: Cue) -> Token | None:
    """The speaker named right after an inverted cue: 'said Ann Lee, a consultant', 'said the woman'."""
    index = cue.span.end
    while index < len(ctx.doc) and ctx.doc[index].pos_ in ("ADV", "PART"):
        index += 1
    if index >= len(ctx.doc):
        return None
    speaker = _speaker_at(ctx, ctx.doc[index])
    if speaker is not None:
        return speaker
    end = index
    while end < len(ctx.doc) and ctx.doc[end].pos_ in NOUN_PHRASE_POS and not ctx.doc[end].is_punct:
        end += 1
    nouns = [t for t in ctx.doc[index:end] if t.pos_ in ("NOUN", "PROPN") and _names_someone(t)]
    return nouns[-1] if nouns else None


def _speaker_at(ctx: DocContext, token: Token) -> Token | None:
    """The head of the person, organisation or outlet mention covering ``token``, if any."""
    entity, mention = ctx.entity_at(token)
    if entity is None or entity.type not in ("PERSON", "ORG", "OUTLET") or mention is None:
        return None
    return mention.root


def _name_before(ctx: DocContext, verb: Token) -> Token | None:
    """A subject the parser hung elsewhere: the name just before a verb that has none.

    'In Leeds, 58-year-old Ann Lee also spoke against ...' (the parse makes Ann Lee the object
    of "in"); '"...," Ann Lee, a nurse, said' (the parse makes her part of the quotation).
    """
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    sentence_start = verb.sent.start
    index = verb.i - 1
    while index >= sentence_start and ctx.doc[index].pos_ in ("ADV", "PART", "AUX"):
        index -= 1
    if index < sentence_start:
        return None
    token = ctx.doc[index]
    if token.text == ",":
        # a trailing apposition: ', a top adviser,' between the name and the verb
        index -= 1
        while index >= sentence_start and verb.i - index <= NAME_REACH:
            candidate = ctx.doc[index]
            if candidate.text == "," and index > sentence_start:
                token = ctx.doc[index - 1]
                break
            if candidate.pos_ not in APPOSITION_POS:
                return None
            index -= 1
        else:
            return None
    return _speaker_at(ctx, token) or _described_holder(token)


def _described_holder(token: Token) -> Token | None:
    """ "In an interview with two hosts, the candidate stated that ...": a noun of a view holder (a
    role, "spokesman", "candidate") just before the subject-less verb, which the parser hung on the
    phrase before it."""
    return token if token.pos_ == "NOUN" and holds_views(token) else None


def _conjuncts(ctx: DocContext, head: Token) -> list[Token]:
    """ "by both X and Y": two sources when every conjunct is a name."""
    conjuncts = [head, *(c for c in head.children if c.dep_ == "conj")]
    if len(conjuncts) > 1 and all(t.pos_ == "PROPN" or ctx.entity_at(t)[0] is not None for t in conjuncts):
        return conjuncts
    return [head]


def _inherited_heads(
    ctx: DocContext, token: Token, seen: set[int], trace: list[str] | None = None
) -> list[Token]:
    """A participle ("..., noting X") or a conjunct takes the speaker of the clause it hangs on.

    The names of the rules that refined it ("source.channel_writer") are appended to ``trace``."""
    trace = [] if trace is None else trace
    while token.head.i != token.i and token.i not in seen:
        seen.add(token.i)
        parent = token.head
        controller = _object_controller(token)
        if controller is not None and not _is_instrument(controller):
            return [controller]
        if controller is not None:
            trace.append("source.past_an_instrument")  # "used the speech to refute X": the subject refutes
        if parent.i in ctx.by_head:
            parent_cue = ctx.by_head[parent.i]
            heads = own_source_heads(parent_cue)
            if heads or is_passive_or_impersonal(parent_cue):
                return heads
            if _describes(token):
                return [parent]
            return _inherited_heads(ctx, parent, seen, trace)
        if _describes(token):
            writer = writer_of_channel(parent)
            if writer is not None:
                trace.append("source.channel_writer")
                return [writer]
            doer = _doer_of_object(parent)
            if doer is not None:
                trace.append("source.doer_of_object")
                return [doer]
            return [parent]
        inside_content = parent.dep_ in ("ccomp", "xcomp") and parent.head.i in ctx.by_head
        subject = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and not inside_content:
            if subject.lower_ == "it" and parent.lemma_ == "be":
                return []  # "it is hard to know where ...": nobody in the text knows it
            return [subject]
        token = parent
    return []


def resolve(
    ctx: DocContext, head: Token | None, trace: list[str] | None = None
) -> tuple[Span | None, EntityDraft | None]:
    """The source's span and entity: a name in the source phrase, or what an anaphor refers to.

    An anaphor ("he", "it", "the group", "which") keeps its own words as the source's span; its
    entity is the antecedent, or none (the trace says "unresolved") when no compatible one is near.
    """
    trace = [] if trace is None else trace
    if head is None:
        return None, None
    if head.lower_ in PERSONAL_PRONOUNS:
        return _anaphor(ctx, head, person_antecedent(ctx, head), "source.pronoun", trace)
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        antecedent, _ = ctx.entity_at(relative_antecedent(head))
        return _anaphor(ctx, head, antecedent, "source.relative", trace)
    for candidate in _name_tokens(head):
        entity, mention = ctx.entity_at(candidate)
        if entity is not None:
            trace.append("source.entity")
            return mention, entity
    if head.lower_ in ORGANISATION_PRONOUNS:
        return _anaphor(
            ctx, head, group_antecedent(ctx, head, ("ORG", "OUTLET"), subject_only=True), "source.it", trace
        )
    types = description_types(head)
    if types:
        entity = group_antecedent(ctx, head, types)
        if entity is not None and types[0] == "OUTLET" and entity.type != "OUTLET":
            entity.type = "OUTLET"  # "The Daily Star reported ... The newspaper said": an outlet
            trace.append("entity.named_an_outlet")
        return _anaphor(ctx, head, entity, "source.description", trace, noun_phrase(head))
    trace.append("source.phrase")
    return noun_phrase(head), None


def _anaphor(
    ctx: DocContext,
    head: Token,
    entity: EntityDraft | None,
    rule: str,
    trace: list[str],
    words: Span | None = None,
) -> tuple[Span | None, EntityDraft | None]:
    """The anaphor's own words as the source, resolved to ``entity`` (which gains them as a mention)."""
    span = words if words is not None else ctx.doc[head.i : head.i + 1]
    if entity is not None and span is not None:
        entity.mentions.append(span)
    trace.append(rule if entity is not None else f"{rule}_unresolved")
    return span, entity


def names_a_source(ctx: DocContext, head: Token) -> bool:
    """ "citing officials" names a source; "citing higher energy prices" gives a reason."""
    entity, _ = ctx.entity_at(head)
    if entity is not None:
        return entity.type in ("PERSON", "ORG", "OUTLET")
    return head.lemma_.lower() in source_nouns()


def _names_someone(token: Token) -> bool:
    """A word that may name a speaker: not a date, a time or a number."""
    return token.is_alpha and token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "PERCENT")


def _is_instrument(obj: Token) -> bool:
    """ "used the speech to refute X": the object of a verb of use, which holds no view, acts for the
    subject (the subject refutes)."""
    return obj.head.lemma_.lower() in instrument_verbs() and not holds_views(obj)


def _object_controller(verb: Token) -> Token | None:
    """The object that does what an infinitive says: 'led the chairman to declare ...' -> chairman,
    'fined the firm for refusing to ...' -> the firm.

    A reflexive object ('allowed himself to say') is the subject's own doing: no controller."""
    if verb.dep_ == "xcomp":
        governor = verb.head
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        governor = verb.head.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
    else:
        return None
    obj = next((c for c in governor.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return None if obj is None or _is_reflexive(obj) else obj


def _describes(verb: Token) -> bool:
    """A participle describing the noun before it: 'a sign saying ...', 'a group backing ...'."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON")


def _doer_of_object(noun: Token) -> Token | None:
    """ "The groups rolled out ads criticizing X", "Ann made a third attempt, writing that ...": a thing
    that holds no view, made or done by the clause's subject, speaks for that subject (not a sign or a
    banner, which shows its own words)."""
    if noun.dep_ != "dobj" or holds_views(noun) or noun.lemma_.lower() in display_nouns():
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj" and holds_views(c)), None)


def writer_of_channel(noun: Token) -> Token | None:
    """ "Ann resigned in a letter stating ...", "Ann issued a statement saying ...": a letter (a
    statement, a post) the clause's subject wrote or put out speaks for that subject; None when the
    noun is no channel of the clause it sits in."""
    if noun.lemma_.lower() not in medium_nouns():
        return None
    if noun.dep_ == "pobj":
        verb = noun.head.head
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return issuer_of(noun)


def issuer_of(noun: Token) -> Token | None:
    """ "Ann issued a statement", "the group posted a message": who put out the words the noun holds."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in RELEASE_VERBS:
        return None
    if noun.lemma_.lower() not in medium_nouns():
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def is_passive_participle(verb: Token) -> bool:
    """ "Asked about X, ...", "the senator, known to be ...": a past participle with no auxiliary."""
    return (
        verb.tag_ in ("VBN", "VBD")  # '..., said Ann, asked about ...': the parser may read a VBD
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "agent") for c in verb.children)
    )


def has_passive_auxiliary(verb: Token) -> bool:
    """ "was known as", "had been told": a participle with a form of "be" before it."""
    auxiliaries = (c for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return verb.tag_ == "VBN" and any(c.lemma_ == "be" for c in auxiliaries)


def is_impersonal_infinitive(verb: Token) -> bool:
    """ "It is hard to know ...": an infinitive under a clause whose subject is an empty "it"."""
    return verb.dep_ == "xcomp" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.head.children)


def _is_reflexive(token: Token) -> bool:
    return token.lower_.endswith(("self", "selves"))


def _antecedent_of_reflexive(head: Token) -> Token:
    """ "Ann allowed herself to say ...": the subject of the clause above, not "herself"."""
    if not _is_reflexive(head) or head.pos_ != "PRON":
        return head
    verb = head.head
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c != head), None)
        if subject is not None:
            return subject
        if verb.head.i == verb.i:
            return head
        verb = verb.head


def _name_tokens(head: Token) -> list[Token]:
    """The head and the names standing in apposition to it ("One such expert, Nate Duatbaev, ...")."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in ("appos", "compound", "flat"):
            tokens.append(child)
    return tokens
