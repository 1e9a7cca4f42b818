"""Stage 2b: the borders of a content span, moved after its frame's rule found it.

Each border rule looks at the cue and the content its frame's rule gave and returns a new span
when the parse shows the content begins or ends elsewhere, or None when it does not apply. The
rules run in order, each on what the one before left; the names of those that moved a border go
into the statement's trace as ``content.<name>``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from .cues import Cue
from .spans import subtree_span

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


# The border rules by name, in the order they run.
BORDER_RULES: dict[str, BorderRule] = {
    "refused_act": _refused_act,
    "condition_after": _condition_after,
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
