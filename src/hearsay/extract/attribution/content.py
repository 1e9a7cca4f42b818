"""Stage 2: the content of a cue (what was said, thought or denied), read off the dependency parse."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from enum import Enum

from spacy.tokens import Span, Token

from ..quotes import CLOSING_MARKS
from .anaphora import noun_before_comma
from .cues import Cue, has_that
from .lexicon import HEARER_OBJECT_VERBS, frame_of, is_platform, medium_nouns, verb_cues
from .spans import span_of, subtree_span, trim

# Words that stand for a whole answer: "said so", "said yes".
SHORT_ANSWERS = frozenset(["so", "yes", "no"])
TOPIC_PREPOSITIONS = {"regarding", "about", "over", "on", "of", "concerning", "whether", "that"}


def _cut_nested_cues(span: Span | None, nested_heads: set[int], cue_verb: Token | None = None) -> Span | None:
    """End the content before a participial cue that hangs inside it (", suggesting ...")."""
    if span is None:
        return None
    doc = span.doc
    for token in span:
        if token.i <= span.start:
            continue
        participle = token.tag_ == "VBG" and token.dep_ in ("advcl", "conj", "xcomp")
        if token.i in nested_heads and participle:
            return trim(doc[span.start : token.i])
        if token.i in nested_heads and cue_verb is not None and _another_report(token, cue_verb):
            return trim(doc[span.start : token.left_edge.i]) or span
    return span


def _another_report(verb: Token, cue_verb: Token) -> bool:
    """ "says the attacks have helped him and tells the crowd X", "said she regretted her remarks and
    promised to stay out of it": a verb of speech in the reporting verb's own tense, with no subject of its
    own, coordinated inside the content is the speaker's next report (even when the verb it is coordinated
    with has that tense too: PolNeAR reads "promised" as the speaker's, not the reported clause's)."""
    entry = verb_cues().get(verb.lemma_.lower())
    return (
        verb.dep_ == "conj"
        and entry is not None
        and entry.cls in ("speech", "question", "denial")
        and verb.tag_ == cue_verb.tag_
        and verb.tag_ in ("VBD", "VBZ")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _clause_child(head: Token) -> Token | None:
    for dep in ("ccomp", "xcomp", "csubj"):
        child = next((c for c in head.children if c.dep_ == dep), None)
        if child is not None:
            return child
    return None


# Words that open a reported clause the parser took for an adverbial one ("said when they would ...").
COMPLEMENT_OPENERS = frozenset(["that", "when", "whether", "if", "how", "why", "what", "where", "who"])


def _misparsed_complement(head: Token) -> Token | None:
    """ "Ann posted at dawn that the count was ...": the parser made the reported
    clause an adverbial clause; one opened by "that" or a wh-word is the content. After an object
    ("promised a bridge when she visited") a "when" or "where" clause tells when or where."""
    has_object = _object(head) is not None
    for child in head.children:
        if child.dep_ != "advcl" or child.i < head.i:
            continue
        if has_object and child.left_edge.lower_ in ("when", "where"):
            continue
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        if child.left_edge.lower_ in COMPLEMENT_OPENERS and has_subject:
            return child
    return None


def _clause_on_channel(head: Token) -> Token | None:
    """ "Ann said in a statement that the port would reopen": the parser hung the reported clause on
    the channel noun ("a statement that ..."); a that-clause of the cue's channel is its content."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i > head.i):
        channel = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if channel is None or channel.lemma_.lower() not in medium_nouns():
            continue
        clause = next((c for c in channel.children if c.dep_ in ("acl", "ccomp") and c.i > channel.i), None)
        if clause is not None and has_that(clause):
            return clause
    return _clause_in_adjunct(head)


def _clause_in_adjunct(head: Token) -> Token | None:
    """ "told the mayor at a debate that voters were tired", "said for the first time that ...": the parser
    hung the reported clause on the noun of a phrase between the cue and the clause. A clause opened by a
    "that" that fills no role in it (a complementiser, not a relative pronoun) with a subject of its own
    is the cue's content."""
    nouns = _phrase_objects(head, after=head.i)
    for _ in range(3):  # "in one of a series of messages that ...": the phrase's own phrases
        for noun in nouns:
            clause = next(
                (c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > noun.i), None
            )
            if clause is not None and has_that(clause) and _has_subject(clause):
                return clause
        nouns = [inner for noun in nouns for inner in _phrase_objects(noun)]
    return None


def _phrase_objects(token: Token, *, after: int = -1) -> list[Token]:
    """The objects of the prepositional phrases hung on ``token`` ("at a debate" -> "debate"), of those
    whose preposition comes after the index ``after``."""
    return [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.i > after
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ != "that" for c in clause.children)


def _with_stray_conjunct(verb: Token, content: Span | None) -> Span | None:
    """ "said she planned to visit the farms and tell the growers ...": a subject-less verb the parser
    coordinated with the cue, right after the content, continues the content unless it reports too."""
    if content is None:
        return None
    doc = verb.doc
    for child in verb.children:
        if child.i < content.end or not (_continues_the_content(child) or _is_reason(child)):
            continue
        gap = doc[content.end : child.left_edge.i]
        if all(t.is_punct or t.dep_ == "cc" or t.is_space for t in gap) and len(gap) <= 2:
            return trim(doc[content.start : child.right_edge.i + 1]) or content
    return content


def _object(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ in ("dobj", "attr") and c.i > head.i), None)


def _host_content(anchor: Token, adjunct: Token, nested_heads: AbstractSet[int] = frozenset()) -> Span | None:
    """The clause an adjunct ("according to X", "in a report by X", "as X said") is attached to.

    A fronted adjunct ends at its first comma, a trailing one starts the content's end: the small
    model often hangs the clause's subject on the adjunct's noun, so the comma is the safer border.
    """
    host = anchor
    while host.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and host.head.i != host.i:
        host = host.head
    # "A rose and B fell, according to X": both clauses are X's (unless the first reports on its own)
    if (
        host.dep_ == "conj"
        and adjunct.i > host.i
        and host.head.dep_ in ("ROOT", "ccomp")
        and host.head.i not in nested_heads
    ):
        host = host.head
    doc = host.doc
    start = min(host.left_edge.i, adjunct.left_edge.i)
    end = max(host.right_edge.i, adjunct.right_edge.i)
    if adjunct.i < host.i:
        comma = next((t for t in doc[adjunct.i : host.i] if t.text in (",", ":")), None)
        if comma is not None:
            return trim(doc[_fronted_start(host, adjunct, comma.i + 1) : end + 1])
        return subtree_span(host, exclude=list(adjunct.subtree))
    return trim(doc[start : adjunct.left_edge.i])


def _fronted_start(host: Token, adjunct: Token, after_comma: int) -> int:
    """ "Last week, according to the report, the firm lost ...", "Just weeks ago, as the paper reported, ...":
    words of the clause before the adjunct, set off by a comma, open the content (the adjunct's words inside
    it are cut out when it is scored); a fronted clause of its own ("While most were ..., according to X, two
    were ...") does not."""
    doc = host.doc
    opener = adjunct.left_edge.i
    before = [c for c in host.children if c.i < opener and c.dep_ not in ("punct", "cc", "advcl")]
    if not before or opener == 0 or doc[opener - 1].text != ",":
        return after_comma
    return min(c.left_edge.i for c in before)


def _topic_content(head: Token) -> Span | None:
    """What a light-verb cue is about: "expressing skepticism regarding X" -> X."""
    for token in (head, *head.children):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS):
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return _extend_misparsed_tail(subtree_span(obj))
    clause = _clause_child(head)
    return subtree_span(clause) if clause is not None else None


def _phrase_object(cue: Cue) -> Span | None:
    """What an idiom is about: "took issue with X" -> X; "made the case that X" -> "that X"."""
    last = cue.tokens[-1]
    if last.dep_ == "prep":
        obj = next((c for c in last.children if c.dep_ in ("pobj", "pcomp")), None)
        return subtree_span(obj) if obj is not None else None
    if last.pos_ == "NOUN":
        clause = next((c for c in last.children if c.dep_ in ("acl", "ccomp") and c.i > last.i), None)
        if clause is not None and _has_mark(clause):
            return subtree_span(clause)
    return None


def _after_cue(content: Span | None, cue: Cue) -> Span | None:
    """ "made it clear that X": the clause the parser hung on "clear" starts after the cue's words."""
    if content is None:
        return None
    in_cue = {t.i for t in cue.tokens}
    start = content.start
    while start < content.end and start in in_cue:
        start += 1
    return trim(content.doc[start : content.end])


def _has_mark(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in clause.children)


def _adjective_content(cue: Cue) -> Span | None:
    """ "critical of the mayor" -> "the mayor"; "sure that they would win" -> "that they would win"."""
    adjective = cue.tokens[1]
    topic = next((t for t in cue.tokens[2:] if t.dep_ == "prep"), None)
    if topic is not None:
        obj = next((c for c in topic.children if c.dep_ in ("pobj", "pcomp")), None)
        return subtree_span(obj) if obj is not None else None
    clause = next((c for c in adjective.children if c.dep_ in ("ccomp", "xcomp")), None)
    return subtree_span(clause) if clause is not None else None


def _extend_misparsed_tail(span: Span | None) -> Span | None:
    """The small model sometimes hangs the end of a noun phrase elsewhere: run on to the next comma."""
    if span is None:
        return None
    doc, end = span.doc, span.end
    sentence_end = span.sent.end
    while (
        end < sentence_end
        and doc[end].text not in (",", ";", ".", ":", "!", "?")
        and doc[end].pos_
        not in (
            "ADP",
            "SCONJ",
            "CCONJ",
            "VERB",
        )
    ):
        end += 1
    return trim(doc[span.start : end])


def _refusal_content(cue: Cue) -> Span | None:
    """ "declined to comment on X" -> X; "refraining from confirming or denying, left X" -> X."""
    for token in cue.head.subtree:
        if _inside_a_modifier(token, cue.head):
            continue  # "Ann, who keeps data, declined to comment": not the data
        if token.dep_ == "ccomp" and token.head.i != cue.head.i:
            # "declined to say whether the talks had collapsed"
            return subtree_span(token)
        if token.dep_ == "dobj":
            return subtree_span(token)
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in ("on", "about", "regarding")
            and token.head.head is not None
        ):
            return subtree_span(token)
    governor = cue.head.head if cue.head.dep_ in ("advcl", "conj") else None
    if governor is not None:
        obj = _object(governor)
        if obj is not None:
            return subtree_span(obj)
    # "declined to comment": the refused act itself.
    act = next((c for c in cue.head.children if c.dep_ == "xcomp"), None)
    return subtree_span(act) if act is not None else None


def _inside_a_modifier(token: Token, top: Token) -> bool:
    """Whether the subject, a relative clause, a clause describing a noun or an apposition lies between
    ``token`` and ``top`` (one of its heads)."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass", "relcl", "acl", "appos"):
            return True
        token = token.head
    return False


def content_for(cue: Cue, nested_heads: set[int]) -> tuple[Span | None, str | None]:
    """The attributed content of a cue (None when it has none) and the content rule that decided.

    The cue's frame (``cue_frames.tsv``) lists its content rules in order; the first that applies
    decides, giving a span or None.
    """
    frame = frame_of(cue.entry)
    for name in frame.content_rules:
        content = CONTENT_RULES[name](cue, nested_heads)
        if content is NOT_MINE:
            continue
        if content is None or not frame.trim_relative:
            return content, name
        return _without_trailing_aside(_without_trailing_relative(content)), name
    return None, None


def with_relative_antecedent(cue: Cue, content: Span) -> Span | None:
    """ "the blast, which the ministry says killed 500 people": the reported clause's subject (or
    object) is the relative pronoun, so the content runs from the noun it stands for; None when the
    cue is no relative clause of that kind ("the ministry, which says ..." has the pronoun as source).
    """
    head = cue.head
    if head.dep_ != "relcl":
        return None
    relative = next(
        (
            t
            for t in head.doc[head.left_edge.i : head.i]
            if t.tag_ in RELATIVE_TAGS and t.head.i != head.i and content.start <= t.head.i < content.end
        ),
        None,
    )
    if relative is None:
        return _with_bare_relative_head(cue, content)
    antecedent = noun_before_comma(relative) or head.head
    if antecedent.i > relative.i:
        return None
    return trim(head.doc[antecedent.left_edge.i : content.end])


# Nouns a bare relative clause tells the when, where, why or how of: "the reasons he gave".
ADVERBIAL_HEADS = frozenset(["reason", "way", "time", "day", "place", "moment", "year", "week"])


def _with_bare_relative_head(cue: Cue, content: Span) -> Span | None:
    """ "a fight he expects to last into spring", "the speech voters want to hear": in a relative clause
    with no pronoun, a reported clause with no subject of its own is about the noun the clause describes,
    which opens the content."""
    head, doc = cue.head, cue.head.doc
    noun = head.head
    if any(t.tag_ in RELATIVE_TAGS or t.lower_ == "that" for t in doc[head.left_edge.i : head.i]):
        return None
    if noun.i >= head.left_edge.i or noun.pos_ not in ("NOUN", "PROPN") or content.start <= head.i:
        return None
    if noun.lemma_.lower() in ADVERBIAL_HEADS or not any(c.dep_ == "nsubj" for c in head.children):
        return None  # "the reasons he refuses to stand": why, not what; no subject: a misparse
    if any(t.is_punct for t in doc[noun.i : head.left_edge.i]):
        return None  # "a divide: voters support ...", "(Obama has proposed ...)": no relative clause
    clause = next(
        (c for c in head.children if c.dep_ in ("xcomp", "ccomp") and content.start <= c.i < content.end),
        None,
    )
    if clause is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    return trim(doc[noun.left_edge.i : content.end])


# Tags of the words that open a relative clause: "which", "who", "whose", "where".
RELATIVE_TAGS = frozenset(["WDT", "WP", "WP$", "WRB"])


def _without_trailing_relative(span: Span) -> Span:
    """ "praised the mayor, who has ...": a relative clause set off by a comma after a noun-phrase
    content comments on it; PolNeAR leaves it out of what was praised."""
    if span.root.pos_ not in ("NOUN", "PROPN", "PRON"):
        return span
    doc = span.doc
    for token in span:
        if token.dep_ != "relcl" or token.right_edge.i < span.end - 1 or token.left_edge.i <= span.start:
            continue
        opener = token.left_edge
        if _after_comma(opener) and (opener.tag_ in RELATIVE_TAGS or opener.dep_ == "prep"):
            return trim(doc[span.start : opener.i]) or span
    return span


def _without_trailing_aside(span: Span) -> Span:
    """ "said she would vote for Bo Chen, who has led the party since 2010": a relative clause after
    a comma that ends the content and describes a named person or body comments on the name;
    PolNeAR leaves it out of what was said. (On common nouns, and for appositions, the cut lowered
    dev content F1: the small model hangs reported words there too.)"""
    doc = span.doc
    for token in span:
        if token.right_edge.i < span.end - 1 or token.left_edge.i <= span.start + 1:
            continue
        opener = token.left_edge
        on_a_name = token.dep_ == "relcl" and opener.tag_ in ("WDT", "WP") and token.head.pos_ == "PROPN"
        if on_a_name and _after_comma(opener):
            return trim(doc[span.start : opener.i]) or span
    return span


def _after_comma(token: Token) -> bool:
    """A comma just before the token, or inside the quotation mark just before it ('"lazy," which')."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text in CLOSING_MARKS and before.i > 0:
        before = doc[before.i - 1]
    return before is not None and before.text == ","


class _NotMine(Enum):
    """What a content rule returns when the cue is not of its kind: the next rule is tried."""

    NOT_MINE = "not mine"


NOT_MINE = _NotMine.NOT_MINE
Found = Span | None | _NotMine
ContentRule = Callable[[Cue, set[int]], Found]


def _host_clause(cue: Cue, nested_heads: set[int]) -> Found:
    """ "according to X, <clause>", "..., citing officials": the clause the phrase belongs to."""
    head = cue.head
    if head.head.lemma_ in verb_cues() and head.head.i != head.i:
        # "..., the newspaper said, citing officials": what the newspaper said.
        reported = _clause_child(head.head)
        if reported is not None:
            return subtree_span(reported)
        if head.head.dep_ == "parataxis":
            return _parataxis_content(head.head)
    return _host_content(head.head, head, nested_heads)


def _light_verb_topic(cue: Cue, nested_heads: set[int]) -> Found:
    """ "took issue with X", "expressed doubt about X" -> X."""
    return _after_cue(_phrase_object(cue) or _topic_content(cue.head), cue)


def _adjective_topic(cue: Cue, nested_heads: set[int]) -> Found:
    """ "critical of the mayor", "sure that they would win": what the attitude is about."""
    return _adjective_content(cue)


def _clause_around(cue: Cue, nested_heads: set[int]) -> Found:
    """ "The group is reportedly spending ...": the clause around the adverb."""
    around = cue.head.head
    return trim(cue.head.doc[around.left_edge.i : around.right_edge.i + 1])


def _refusal(cue: Cue, nested_heads: set[int]) -> Found:
    """ "declined to comment on X", "refraining from confirm or deny": what was not said."""
    verb_read_as_noun = cue.head.pos_ == "NOUN" and cue.head.dep_ == "pobj" and cue.rule == "cue.verb"
    if cue.entry.cls == "refusal" or verb_read_as_noun:
        return _refusal_content(cue)
    return NOT_MINE


def _described_event(cue: Cue, nested_heads: set[int]) -> Found:
    """ "In a development reported by X, <content>": the clause the described event opens.

    Only with its agent ("reported by X"): without one ("at a rally offering ...", "in a speech
    praising ...") the participle describes the noun and reports nothing; the PolNeAR train split
    annotates none of those (0 of 66), so no statement is made. Only when the phrase opens the
    clause: after it ("is explained in an affidavit written by X", "in a film backed by Y") the
    participle names who made the thing, and the clause is the text's (0 of 28 on train).
    """
    head = cue.head
    if head.dep_ == "acl" and head.head.dep_ == "pobj" and head.head.head.dep_ == "prep":
        if not any(c.dep_ == "agent" for c in head.children):
            return NOT_MINE
        prep = head.head.head
        if prep.i > prep.head.i:
            return None
        return _host_content(prep.head, prep)
    return NOT_MINE


def _as_clause(cue: Cue, nested_heads: set[int]) -> Found:
    """ "as Ann said, <clause>": the clause the as-clause hangs on.

    Only a speech cue: "as we watched, ...", "as they learned of it, ..." tell when, not what was
    said. A cue with something of its own to report ("as firms reported their sales, ...") reports
    that, by the rules after this one.
    """
    head = cue.head
    if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children):
        if cue.entry.cls != "speech":
            return None
        if any(_own_content(c) for c in head.children):
            return NOT_MINE
        return _host_content(head.head, head)
    return NOT_MINE


# What a verb reports itself, which an as-clause cue ("as Ann said, ...") does not have.
_OWN_CONTENT = frozenset({"dobj", "ccomp", "xcomp", "prep", "dative"})


def _own_content(child: Token) -> bool:
    """An object, clause or topic of the verb's own; "on Monday", "in a statement", "on its website"
    are not."""
    if child.dep_ != "prep":
        return child.dep_ in _OWN_CONTENT
    channel = next((c for c in child.children if c.dep_ == "pobj" and is_platform(c)), None)
    return not (_circumstance(child) or channel is not None)


def _parataxis(cue: Cue, nested_heads: set[int]) -> Found:
    """ "The army is preparing, the newspaper said.": the clause around a parenthetical cue."""
    if cue.head.dep_ == "parataxis" and _clause_child(cue.head) is None:
        return _parataxis_content(cue.head)
    if _closing_comma_conjunct(cue.head):
        return _parataxis_content(cue.head)
    return NOT_MINE


def _closing_comma_conjunct(verb: Token) -> bool:
    """ "This includes a new force, the minister told a panel on Monday.": the parser made the closing cue
    a conjunct of the clause before the comma; with a subject, no "and" and nothing reported after it,
    the cue is parenthetical."""
    doc, host = verb.doc, verb.head
    if (
        verb.dep_ != "conj"
        or verb.i < host.i
        or verb.left_edge.i == 0
        or doc[verb.left_edge.i - 1].text != ","
    ):
        return False
    if any(c.dep_ in ("cc", "preconj") and c.i < verb.i for c in host.children):
        return False
    children = list(verb.children)
    if not any(c.dep_ == "nsubj" for c in children) or _clause_child(verb) is not None:
        return False
    objects = [c for c in children if c.dep_ == "dobj"]
    return not objects or verb.lemma_ in HEARER_OBJECT_VERBS


def _passive_subject(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def _passive_infinitive(cue: Cue, nested_heads: set[int]) -> Found:
    """ "These drones are said to have attacked ...": subject and infinitive together."""
    head = cue.head
    subject, clause = _passive_subject(head), _clause_child(head)
    if subject is not None and clause is not None and clause.dep_ == "xcomp":
        return span_of(head.doc, [*subject.subtree, *clause.subtree])
    return NOT_MINE


def _governed(cue: Cue, nested_heads: set[int]) -> Found:
    """ "accused the mayor of lying", "wants to run": everything the verb governs to its right."""
    head = cue.head
    if head.dep_ in ("acl", "amod") and head.tag_ == "VBN":
        return None  # "a group called X", "the plan backed by Y": a description, not an attribution
    content = _cut_nested_cues(_vp_content(cue, _passive_subject(head)), nested_heads, head)
    return _without_trailing_participle(content) if content is not None else None


def _without_trailing_participle(span: Span) -> Span:
    """ "called Cruz a hypocrite, linking to a story about ...", "defended the shake-up, viewed as a sign
    of trouble": a participle after a comma that ends a verb's content tells what else happened or what
    the content is taken for; PolNeAR leaves it out of what was said."""
    doc = span.doc
    for token in span:
        if token.tag_ not in ("VBG", "VBN") or token.dep_ not in ("acl", "advcl", "conj"):
            continue
        if token.right_edge.i < span.end - 1 or token.left_edge.i <= span.start + 1:
            continue
        if _after_comma(token.left_edge):
            return trim(doc[span.start : token.left_edge.i]) or span
    return span


def _raising(cue: Cue, nested_heads: set[int]) -> Found:
    """ "The race seemed to tighten", "the island was known as a haven"."""
    return _raising_content(cue.head) or _passive_as_content(cue, _passive_subject(cue.head))


def _quoted_clause(cue: Cue, nested_heads: set[int]) -> Found:
    """ "he continued": only a clause (an adjacent quotation is found later)."""
    ccomp = next((c for c in cue.head.children if c.dep_ == "ccomp"), None)
    return subtree_span(ccomp) if ccomp is not None else None


def _request(cue: Cue, nested_heads: set[int]) -> Found:
    """ "asked the court to intervene" reports a request; "asked to remain anonymous" reports nothing."""
    clause = _clause_child(cue.head)
    if clause is not None and clause.dep_ == "xcomp" and cue.entry.cls == "question":
        return _request_content(cue.head, clause)
    return NOT_MINE


def _clause(cue: Cue, nested_heads: set[int]) -> Found:
    """ "said (that) the plan failed": the reported clause."""
    head = cue.head
    clause = _clause_child(head)
    if clause is not None and (_before_a_semicolon(clause, cue) or _clause_after_too(clause, cue)):
        clause = next((c for c in head.children if c.dep_ in ("ccomp", "xcomp") and c.i > head.i), None)
    clause = clause or _misparsed_complement(head) or _clause_on_channel(head)
    if clause is None:
        return NOT_MINE
    return _cut_nested_cues(_with_stray_conjunct(head, subtree_span(clause)), nested_heads, head)


def _before_a_semicolon(clause: Token, cue: Cue) -> bool:
    """ "Most voters were worried; half said they were very worried": the parser hung the clause
    before the semicolon (colon, dash: ``CLAUSE_BREAKS``) on the cue after it; that clause is the text's
    own, not what was said.
    (A semicolon inside a quotation before its cue, '"We lost; we will win," she said', is the
    speaker's.)"""
    if clause.i > cue.head.i:
        return False
    between = clause.doc[clause.right_edge.i + 1 : cue.span.start]
    return any(t.text in CLAUSE_BREAKS for t in between) and not any(t.is_quote for t in between)


def _clause_after_too(clause: Token, cue: Cue) -> bool:
    """ "Until Friday the firm had kept quiet, but Ann says the deal is off": the parser hung an unquoted
    clause before the cue on it while the cue has a clause of its own after it; that one was said."""
    if clause.i > cue.head.i:
        return False
    if not any(c.dep_ == "ccomp" and c.i > cue.head.i for c in cue.head.children):
        return False
    return not any(t.is_quote for t in clause.doc[clause.left_edge.i : cue.span.start])


# What ends the text's own clause before a cue: "Most voters were worried; half said ...", "... at rallies:
# he says the press lies", "... his problem — he told the AP that ...".
CLAUSE_BREAKS = frozenset([";", ":", "—", "--", "–"])


def _object_as(cue: Cue, nested_heads: set[int]) -> Found:
    """ "views the plan as a trap": the object with its as-phrase; "sees the party as too timid", "is seen
    by leaders as credible": the as-clause the parser made of an adjective or a participle, with the object
    or the passive's subject."""
    head = cue.head
    obj = _object(head)
    as_clause = _as_clause_of(head)
    if as_clause is not None:
        holder = obj if obj is not None else _passive_subject(head)
        if holder is not None and holder.i < as_clause.i:
            return trim(span_of(head.doc, [*holder.subtree, *as_clause.subtree]))
    if obj is None or not any(c.dep_ == "prep" and c.lower_ == "as" for c in (*obj.children, *head.children)):
        return None
    return _with_as_phrase(head, subtree_span(obj))


def _as_clause_of(head: Token) -> Token | None:
    """ "sees X as too timid": an adjective or participle clause after the verb opened by "as"."""
    return next(
        (c for c in head.children if c.dep_ == "advcl" and c.i > head.i and c.left_edge.lower_ == "as"),
        None,
    )


def _object_content(cue: Cue, nested_heads: set[int]) -> Found:
    """ "dismissed the allegations": the object; a passive with an agent: its subject."""
    head = cue.head
    obj = next((_object(t) for t in cue.tokens if t.pos_ == "VERB" and _object(t) is not None), None)
    if obj is not None and head.lemma_ not in HEARER_OBJECT_VERBS:
        content = _with_governed_rest(cue, _with_as_phrase(head, subtree_span(obj)))
        return _cut_nested_cues(content, nested_heads, head)
    if not any(c.dep_ == "agent" for c in head.children):
        # A passive reporting verb with no agent and no clause is an event ("a deal was announced").
        return None
    subject = _passive_subject(head)
    if subject is not None:
        return subtree_span(subject)
    return _passive_fallback(head)


def _with_governed_rest(cue: Cue, content: Span | None) -> Span | None:
    """An object's content run on to the rest the verb governs after it: "described rude conduct by the
    manager behind closed doors", "estimates his fortune at $42 billion"."""
    governed = _vp_content(cue, None)
    if content is not None and governed is not None and governed.start == content.start:
        return max(content, governed, key=len)
    return content


def _noun_topic(cue: Cue, nested_heads: set[int]) -> Found:
    """ "her criticism of the plan", "support for X": the preposition's object."""
    if cue.head.pos_ == "NOUN" and cue.tokens[-1].dep_ == "prep":
        obj = next((c for c in cue.tokens[-1].children if c.dep_ == "pobj"), None)
        return subtree_span(obj) if obj is not None else None
    return NOT_MINE


def _noun_clause(cue: Cue, nested_heads: set[int]) -> Found:
    """ "the claim that ...": the noun's clause."""
    if cue.head.pos_ == "NOUN":
        clause = next((c for c in cue.head.children if c.dep_ in ("acl", "ccomp")), None)
        return subtree_span(clause) if clause is not None else None
    return NOT_MINE


def _named_object(cue: Cue, nested_heads: set[int]) -> Found:
    """ "said the same thing", "asked a question": a clause verb with only an object reports that."""
    head = cue.head
    participle = head.tag_ == "VBG" and head.dep_ in ("advcl", "xcomp", "conj")
    if head.lemma_ in HEARER_OBJECT_VERBS or participle:
        return NOT_MINE
    obj = _object(head)
    if obj is not None and obj.pos_ != "PRON" and obj.i not in nested_heads:
        return _cut_nested_cues(_with_governed_rest(cue, subtree_span(obj)), nested_heads, head)
    return NOT_MINE


def _short_answer(cue: Cue, nested_heads: set[int]) -> Found:
    """ "half said so", "75 percent said yes", "the candidate said no": the answer word is the content;
    so is a question word that ends the clause ("did not say when.", "asked why,")."""
    head = cue.head
    answer = next(
        (c for c in head.children if c.i > head.i and (c.lower_ in SHORT_ANSWERS or _bare_question_word(c))),
        None,
    )
    if answer is None or answer.dep_ not in ("advmod", "intj", "dobj", "ccomp", "npadvmod", "attr"):
        return NOT_MINE
    return head.doc[answer.i : answer.i + 1]


# Question words that can stand for a whole question: "did not say when".
QUESTION_WORDS = frozenset(["when", "why", "how", "where"])


def _bare_question_word(token: Token) -> bool:
    """A question word with nothing of its own, right before a punctuation mark."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        token.lower_ in QUESTION_WORDS
        and not any(True for _ in token.children)
        and following is not None
        and following.is_punct
        and not following.is_quote
    )


def _spoken_topic(cue: Cue, nested_heads: set[int]) -> Found:
    """ "has not commented on the allegations": what was (not) spoken about."""
    return _topic_of_speech(cue.head) if cue.entry.cls in ("speech", "question") else None


# The content rules by the names cue_frames.tsv gives them.
CONTENT_RULES: dict[str, ContentRule] = {
    "host_clause": _host_clause,
    "light_verb_topic": _light_verb_topic,
    "adjective_topic": _adjective_topic,
    "clause_around": _clause_around,
    "refusal": _refusal,
    "described_event": _described_event,
    "as_clause": _as_clause,
    "parataxis": _parataxis,
    "passive_infinitive": _passive_infinitive,
    "governed": _governed,
    "raising": _raising,
    "quoted_clause": _quoted_clause,
    "request": _request,
    "clause": _clause,
    "object_as": _object_as,
    "object": _object_content,
    "noun_topic": _noun_topic,
    "noun_clause": _noun_clause,
    "named_object": _named_object,
    "short_answer": _short_answer,
    "topic_of_speech": _spoken_topic,
}


# Right-hand dependents of a verb that are not part of what it is about.
_NOT_CONTENT = {"punct", "cc", "conj", "advcl", "mark", "advmod", "npadvmod", "parataxis", "agent", "aux"}


def _vp_content(cue: Cue, passive_subject: Token | None) -> Span | None:
    """What an attitude verb is about: everything it governs to its right.

    "accused the mayor of lying" -> "the mayor of lying"; "wants to run" -> "to run";
    "was endorsed by the union" -> its subject.
    """
    head, doc = cue.head, cue.head.doc
    in_cue = {t.i for t in cue.tokens}
    governors = [head, *(t for t in cue.tokens if t.dep_ == "prep")]
    kept = []
    for governor in governors:
        for child in governor.children:
            if child.i <= head.i or child.i in in_cue:
                continue
            if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
                continue  # "declared victory Tuesday night": when
            if child.dep_ == "npadvmod" or _continues_the_content(child) or _is_infinitive(child):
                # "complained about the noise the night before", "and asking ...", "urged X to act"
                kept.append(child)
                continue
            if child.dep_ in _NOT_CONTENT or child.dep_ == "prep" and _circumstance(child):
                continue
            kept.append(child)
    if not kept:
        return subtree_span(passive_subject) if passive_subject is not None else None
    start = min(c.left_edge.i for c in kept)
    end = max(c.right_edge.i for c in kept)
    return trim(doc[start : end + 1])


def _is_infinitive(child: Token) -> bool:
    """ "urged states to adopt ...": an infinitive the parser hung on the verb as an adverbial clause."""
    if child.dep_ != "advcl" or child.tag_ != "VB":
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)


def _continues_the_content(child: Token) -> bool:
    """A subject-less, untensed conjunct that is no cue itself: "mentioned cutting fares and asking ..."."""
    return (
        child.dep_ == "conj"
        and child.lemma_.lower() not in verb_cues()
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        and not _is_finite(child)
    )


def _is_finite(verb: Token) -> bool:
    """ "supports the mayor but is not running for office": a tensed verb starts a new predicate."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _is_reason(child: Token) -> bool:
    """ "said the plan failed, because ...": a because-clause the parser hung on the cue gives the reason
    inside what was said."""
    return child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "because" for c in child.children)


def _with_as_phrase(verb: Token, content: Span | None) -> Span | None:
    """ "described the meeting as tense": the as-phrase hung on the verb belongs to the content."""
    if content is None:
        return None
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i == content.end:
            return trim(doc[content.start : child.right_edge.i + 1]) or content
    return content


# What "in" sets a statement in rather than saying it: "in a debate", "in the wake of", "in a manner".
SETTING_NOUNS = frozenset(["debate", "wake", "manner", "race", "campaign", "speech", "rally"])


def _circumstance(prep: Token) -> bool:
    """ "on Tuesday", "in a statement", "at the rally": when or where, not what; "by praising the
    mayor": how. "in" with another object is mostly part of what was said ("backed her candidacy in
    high numbers", "a concert in support of X"), unless it names a place or a setting."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        gerund = any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)
        # "by praising the mayor": how; "after arriving", "before leaving": when
        return gerund and prep.lower_ in ("by", "after", "before", "since", "upon")
    if obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in medium_nouns() or is_platform(obj):
        return True
    if prep.lower_ == "in":
        return obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.lemma_.lower() in SETTING_NOUNS
    return prep.lower_ in ("at", "during", "after", "before", "since", "until")


def _raising_content(head: Token) -> Span | None:
    """ "The race seemed to tighten": the subject with its complement, the verb between them."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    kinds = ("xcomp", "acomp", "attr", "ccomp", "oprd")
    complement = next((c for c in head.children if c.dep_ in kinds), None)
    if complement is None:
        return None
    if subject is None or subject.lower_ == "it":
        return subtree_span(complement)
    return trim(span_of(head.doc, [*subject.subtree, *complement.subtree]))


def _request_content(head: Token, clause: Token) -> Span | None:
    """ "asked the court to intervene" -> "the court to intervene": whom was asked, and to do what."""
    obj = _object(head)
    if obj is None or obj.i > clause.i:
        return None
    return trim(span_of(head.doc, [*obj.subtree, *clause.subtree]))


def _passive_as_content(cue: Cue, subject: Token | None) -> Span | None:
    """ "the island was known as a haven" -> "the island ... a haven": the subject and what it is known as."""
    prep = next((t for t in cue.tokens if t.dep_ == "prep"), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if subject is None or obj is None:
        return None
    return trim(span_of(cue.head.doc, [*subject.subtree, *obj.subtree]))


def _topic_of_speech(head: Token) -> Span | None:
    """ "has not commented on the allegations": what was (not) spoken about; "posted on Facebook"
    names where, not what."""
    preps = [
        c
        for holder in (head, *_hearers(head))
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in ("on", "about", "regarding")
    ]
    # "talked on social media about her views": "about" names the topic before "on" does
    for prep in sorted(preps, key=lambda p: p.lower_ == "on"):
        # "complained about not getting credit", "thinking about what comes next": a clause as the topic
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None or prep.i < head.i or obj.ent_type_ in ("DATE", "TIME"):
            continue  # "On Monday the mayor said it": a time, not a topic
        if not (is_platform(obj) or obj.lemma_.lower() in medium_nouns()):
            return subtree_span(obj)
    return None


def _hearers(head: Token) -> list[Token]:
    """ "asked the mayor about the budget", "talked to aides about a new group": the parser often hangs the
    topic on the hearer; the hearer is the verb's object or the object of its "to" or "with"."""
    hearers = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i > head.i]
    for prep in (
        c for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "with") and c.i > head.i
    ):
        hearers += [c for c in prep.children if c.dep_ == "pobj"]
    return hearers


def _parataxis_content(cue_verb: Token) -> Span | None:
    """The clause around a parenthetical cue.

    "The army is preparing an offensive, the newspaper said." -> the clause before the cue;
    "The government, the spokeswoman added, had done everything." -> the whole clause, cue inside.
    """
    host, doc = cue_verb.head, cue_verb.doc
    after = [t for t in host.subtree if t.i > cue_verb.right_edge.i and not t.is_punct and not t.is_space]
    if not after:
        return trim(doc[host.left_edge.i : cue_verb.left_edge.i])
    return trim(doc[host.left_edge.i : host.right_edge.i + 1])


def _passive_fallback(head: Token) -> Span | None:
    """A passive cue whose subject the parser lost: the phrase between the last comma and the auxiliary."""
    aux = next((c for c in head.children if c.dep_ == "auxpass"), None)
    if aux is None:
        return None
    doc, start = head.doc, aux.i
    while start > head.sent.start and doc[start - 1].text not in (",", ";", ":"):
        start -= 1
    return trim(doc[start : aux.i]) if start < aux.i else None
