"""Stage 2b: the borders of a content span, moved after its frame's rule found it.

Each border rule looks at the cue and the content its frame's rule gave and returns a new span
when the parse shows the content begins or ends elsewhere, or None when it does not apply. The
rules run in order, each on what the one before left; the names of those that moved a border go
into the statement's trace as ``content.<name>``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .cues import Cue
from .lexicon import medium_nouns
from .spans import subtree_span, trim

BorderRule = Callable[[Cue, Span], Span | None]


def _refused_act(cue: Cue, content: Span) -> Span | None:
    """ "refused to punish the schools": an act outside the cue is what was refused, not its object."""
    if cue.entry.cls != "refusal":
        return None
    in_cue = {t.i for t in cue.tokens}
    act = next((c for c in cue.head.children if c.dep_ == "xcomp" and c.i > cue.head.i), None)
    if act is None or act.i in in_cue:
        return None
    return subtree_span(act)


# Words that open a condition: "if he wins", "unless the company cancels".
CONDITION_MARKS = frozenset(["if", "unless"])
# Auxiliaries that open an inverted condition: "should the chance arise", "had they known".
INVERTED_CONDITIONS = frozenset(["should", "had", "were"])


def _condition_after(cue: Cue, content: Span) -> Span | None:
    """ "pledged to name him treasurer if he wins": a condition the parser hung on the cue verb, right
    after the content, limits what was said, not the saying; it joins the content."""
    doc = content.doc
    for clause in cue.head.children:
        if clause.dep_ != "advcl" or clause.left_edge.i < content.end:
            continue
        opener = clause.left_edge
        conditional = any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children) or (
            opener.lower_ in INVERTED_CONDITIONS
            and opener.head.i == clause.i
            and opener.dep_ in ("aux", "ROOT")
        )
        gap = doc[content.end : opener.i]
        if conditional and len(gap) <= 1 and all(t.is_punct or t.is_space for t in gap):
            return doc[content.start : clause.right_edge.i + 1]
    return None


def _scene_setter(child: Token) -> bool:
    """A fronted participle ("Asked about the vote, ...", "Bound by treaty, ...") or a channel ("In a
    statement, ..."): the writer's framing, not the speaker's words."""
    if child.dep_ == "advcl" and child.tag_ in ("VBN", "VBG"):
        return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children)
    if child.dep_ == "prep" and child.lower_ not in ("like", "unlike"):
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        return obj is not None and obj.lemma_.lower() in medium_nouns()
    return False


def _fronted_framing(cue: Cue, content: Span) -> Span | None:
    """ "Asked about the vote, Ann said, 'We will win'": around a parenthetical cue, a participle or a
    channel before the clause frames it in the writer's words; the content starts after it. (Other
    fronted adverbials, "In his state, ...", "At one point, ...", PolNeAR keeps in the content.)"""
    head = cue.head
    if head.dep_ != "parataxis" or not content.start < cue.span.start < content.end:
        return None
    host, doc = head.head, head.doc
    tag = {t.i for t in head.subtree}
    framing = [c for c in host.children if c.i < host.i and c.i not in tag and _scene_setter(c)]
    framing = [c for c in framing if c.left_edge.i <= content.start]
    if not framing:
        return None
    end = max(c.right_edge.i for c in framing) + 1
    start = end
    while start < content.end and (doc[start].is_punct and not doc[start].is_quote or start in tag):
        start += 1
    return trim(doc[start : content.end])


def _split_clause(cue: Cue, content: Span) -> Span | None:
    """ "Kerry said the men released by Iran were close to ...": the parser split one reported clause in
    two clauses of the cue ("released", "were"); a second one right after the content continues it."""
    doc = content.doc
    for clause in cue.head.children:
        if clause.dep_ == "ccomp" and clause.left_edge.i == content.end and not clause.left_edge.is_punct:
            return trim(doc[content.start : clause.right_edge.i + 1])
    return None


def _leading_preposition(cue: Cue, content: Span) -> Span | None:
    """ "agreed with the plan", "pressed for a vote": a preposition right after the verb marks what it is
    about and goes with the cue, as in "according to"; the content is its object."""
    first = content[0]
    if first.dep_ != "prep" or first.head.i != cue.head.i or first.i != cue.span.end:
        return None
    if any(c.dep_ == "auxpass" for c in cue.head.children) or first.lower_ == "like":
        return None  # "was criticized for lying": the reason is part of what was said
    obj = next((c for c in first.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None or obj.left_edge.i != first.i + 1 or obj.pos_ == "PRON" and obj.right_edge.i == obj.i:
        return None  # "agreed with him": the pronoun alone would say nothing
    return trim(content.doc[first.i + 1 : content.end])


# Dashes that set off a writer's aside, and the words that open one: "- a move that could ...".
ASIDE_DASHES = frozenset(["—", "–", "-", "--"])
ASIDE_OPENERS = frozenset(["a", "an", "the", "one", "another", "which", "who"])


def _dash_aside(cue: Cue, content: Span) -> Span | None:
    """ "said the vote would be close — a prediction few shared", "the claim that X - an argument that did not
    ring true": one dash near the end of a content after its cue, opening a noun phrase or a relative clause
    that runs to the end, sets off the writer's comment on what was said; the content ends before it. (A
    pair of dashes around an aside inside the content, or a quotation after the dash, stays.)"""
    if cue.span.start > content.start:
        return None
    doc = content.doc
    dashes = [t for t in content if t.text in ASIDE_DASHES and t.i > content.start and _spaced(t)]
    if len(dashes) != 1:
        return None
    dash = dashes[0]
    after = doc[dash.i + 1 : content.end]
    if not len(after) or after[0].lower_ not in ASIDE_OPENERS or any(t.is_quote for t in after):
        return None
    return trim(doc[content.start : dash.i])


def _spaced(token: Token) -> bool:
    """A mark with a space on both sides: a dash between words, not a hyphen inside one."""
    doc = token.doc
    return bool(token.whitespace_) and token.i > 0 and bool(doc[token.i - 1].whitespace_)


# What ends the sentence an elaboration after a colon runs to.
SENTENCE_END_MARKS = frozenset([".", "!", "?"])


def _colon_elaboration(cue: Cue, content: Span) -> Span | None:
    """ "promotes a variety of fringe ideas: a plot behind the bombing, fluoride scares", "called for further
    action: ...": what follows a colon right after a content that comes after its cue spells that content
    out, to the end of the sentence, and is part of it (a quotation after the colon is left to the
    quotation rules)."""
    doc = content.doc
    if cue.span.start > content.start or content.end >= len(doc) or doc[content.end].text != ":":
        return None
    first = content.end + 1
    if (
        first >= len(doc)
        or doc[first].is_quote
        or doc[first].is_space
        or "\n" in doc[content.end].whitespace_
    ):
        return None
    end = first
    while end < len(doc) and doc[end].text not in SENTENCE_END_MARKS and "\n" not in doc[end].text:
        if "\n" in doc[end].whitespace_:
            end += 1
            break
        end += 1
    return trim(doc[content.start : end])


# The border rules by name, in the order they run.
BORDER_RULES: dict[str, BorderRule] = {
    "refused_act": _refused_act,
    "condition_after": _condition_after,
    "fronted_framing": _fronted_framing,
    "split_clause": _split_clause,
    "leading_preposition": _leading_preposition,
    "dash_aside": _dash_aside,
    "colon_elaboration": _colon_elaboration,
}


def moved_borders(cue: Cue, content: Span) -> tuple[Span, list[str]]:
    """The content with its borders moved by every rule that applies, and those rules' names."""
    moved = []
    for name, rule in BORDER_RULES.items():
        found = rule(cue, content)
        if found is not None and (found.start, found.end) != (content.start, content.end):
            content = found
            moved.append(name)
    return content, moved
