"""The claim a statement points at: "the report" in "the ministry said the report was false".

``target_of`` resolves, in this order:

1. a that-clause beside the pointing words states the claim itself ("the claim that X is false",
   "it is false that X", "denied the allegation that X");
2. otherwise the pointing words ("the report", "these allegations", "it") name an earlier statement
   by another source: the nearest one within ``LOOKBACK_CHARS`` that reports, asks or asserts,
   preferring one by the owner the words name ("Kyiv's claims", "the AP report") and one whose
   cue the noun names ("the accusations" -> "accused"); one that is neither reaches back only
   ``PRONOUN_LOOKBACK_CHARS``, as a bare pronoun does;
3. else the nearest earlier quotation that no statement of the same source holds;
4. a verdict with no pointing words ("the army is not responsible") takes the nearest earlier
   statement by another source that shares a content word with it.

When nothing fits, there is no target: a guess far away would be worse than none.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from .doc_text import text_of
from .drafts import StatementDraft, TargetDraft, entity_for
from .quotes import quote_ranges
from .verdict_rules import claim_nouns, complement_clause

# How far back (in characters) a claim noun, and a bare pronoun, looks for the claim it names.
LOOKBACK_CHARS = 800
PRONOUN_LOOKBACK_CHARS = 400
# Stances of statements that put a claim forward (a verdict answers one of these).
CLAIMING = ("report", "question", "assert")
MIN_QUOTE_WORDS = 3
CONTENT_POS = ("NOUN", "PROPN", "VERB")


def target_of(
    draft: StatementDraft,
    drafts: Sequence[StatementDraft],
    pointer: Token | None,
    clause: Span | None = None,
    verdict_words: Span | None = None,
) -> TargetDraft | None:
    """The claim ``draft`` points at through ``pointer`` (or the clause beside it), if one is found."""
    own_clause = complement_clause(pointer) if pointer is not None else None
    clause = clause or own_clause
    words = _pointer_words(pointer, own_clause) if pointer is not None else None
    if clause is not None and len(clause):
        return TargetDraft(clause, _stating(clause, draft, drafts), words)
    if pointer is None:
        earlier = _related_statement(draft, drafts, verdict_words)
        return TargetDraft(earlier.content, earlier, None) if earlier else None
    earlier = _antecedent(draft, drafts, pointer)
    if earlier is not None:
        return TargetDraft(earlier.content, earlier, words)
    if _bare_noun(pointer):
        # "denied allegations" right after a quotation of someone else: nothing says the quotation is
        # what was alleged (Wikinews: "Following some speculation that ..., Zetsche denied allegations").
        return None
    quotation = _earlier_quotation(draft, drafts, pointer)
    return TargetDraft(quotation, None, words) if quotation is not None else None


def _pointer_words(pointer: Token, clause: Span | None) -> Span:
    """ "the report", "these allegations", "it": the pointer with its modifiers, not its clause."""
    end = clause.start - 1 if clause is not None else pointer.i + 1  # before the clause's "that"
    return pointer.doc[pointer.left_edge.i : max(end, pointer.i + 1)]


def _stating(clause: Span, draft: StatementDraft, drafts: Sequence[StatementDraft]) -> StatementDraft | None:
    """Another statement whose content is the clause, or nearly."""
    for other in drafts:
        if other is draft:
            continue
        content = other.content
        overlap = min(clause.end_char, content.end_char) - max(clause.start_char, content.start_char)
        # most of each other: a statement whose content merely holds the clause is not stating it
        if overlap * 2 > max(clause.end_char - clause.start_char, content.end_char - content.start_char):
            return other
    return None


def _same_source(a: StatementDraft, b: StatementDraft) -> bool:
    if a.source_entity and b.source_entity:
        return a.source_entity == b.source_entity
    if a.source is not None and b.source is not None:
        return a.source.text.lower() == b.source.text.lower()
    return False


def _candidates(draft: StatementDraft, drafts: Sequence[StatementDraft], before: int, reach: int):
    """Earlier claims by other sources, ending before ``before`` and within ``reach`` characters."""
    for other in drafts:
        content = other.content
        if other is draft or other.stance not in CLAIMING or _same_source(other, draft):
            continue
        if content.end_char <= before and before - content.end_char <= reach:
            yield other


def _antecedent(
    draft: StatementDraft, drafts: Sequence[StatementDraft], pointer: Token
) -> StatementDraft | None:
    kind, verbs = claim_nouns().get(pointer.lemma_.lower(), claim_nouns().get(pointer.lower_, ("", ())))
    reach = PRONOUN_LOOKBACK_CHARS if kind == "pronoun" else LOOKBACK_CHARS
    owners = [_owner(c) for c in pointer.children if c.dep_ in ("poss", "compound") and c.pos_ != "NOUN"]
    # A bare plural ("dismissed allegations") must name its statement's cue to point at it.
    bare = kind == "noun" and _bare_noun(pointer)
    best: tuple[tuple[bool, bool, int], StatementDraft] | None = None
    for other in _candidates(draft, drafts, pointer.idx, reach):
        named = other.cue_lemma in verbs or other.cue.root.lemma_.lower() in verbs
        owned = any(_owns(owner, other) for owner in owners)
        near = pointer.idx - other.content.end_char <= PRONOUN_LOOKBACK_CHARS
        if (bare and not named) or not (named or owned or near):
            continue  # a claim noun that names nothing about it reaches only the nearby claims
        rank = (owned, named, other.content.end_char)
        if best is None or rank > best[0]:
            best = (rank, other)
    return best[1] if best else None


def _bare_noun(pointer: Token) -> bool:
    """A claim noun without a determiner or possessor: "dismissed allegations", not "the allegations"."""
    kind, _ = claim_nouns().get(pointer.lemma_.lower(), claim_nouns().get(pointer.lower_, ("", ())))
    return kind == "noun" and not any(c.dep_ in ("det", "poss", "predet") for c in pointer.children)


def _owner(modifier: Token) -> tuple[str | None, str]:
    """The entity id and the words of a possessor or name modifier ("Kyiv's", "AP")."""
    words = modifier.doc[modifier.left_edge.i : modifier.i + 1]
    entity = entity_for(modifier.doc, words.start_char, words.end_char)
    name = words.text.removesuffix("'s").removesuffix("’s").lower() if modifier.pos_ == "PROPN" else ""
    return (entity.id if entity else None), name  # "his": only the entity it stands for


def _owns(owner: tuple[str | None, str], draft: StatementDraft) -> bool:
    entity, words = owner
    if entity is not None and draft.source_entity == entity:
        return True
    return draft.source is not None and bool(words) and words in draft.source.text.lower()


def _earlier_quotation(
    draft: StatementDraft, drafts: Sequence[StatementDraft], pointer: Token
) -> Span | None:
    doc = pointer.doc
    own = [d.content for d in drafts if d is draft or _same_source(d, draft)]
    for start, end in reversed(quote_ranges(text_of(doc))):
        if end > pointer.idx or pointer.idx - end > LOOKBACK_CHARS:
            continue
        if any(c.start_char <= start and end <= c.end_char for c in own):
            continue
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and sum(not t.is_punct for t in span) >= MIN_QUOTE_WORDS:
            return span
    return None


def _content_words(span: Span, leave_out: Span | None) -> set[str]:
    skip = range(leave_out.start, leave_out.end) if leave_out is not None else range(0)
    return {t.lemma_.lower() for t in span if t.pos_ in CONTENT_POS and not t.is_stop and t.i not in skip}


def _related_statement(
    draft: StatementDraft, drafts: Sequence[StatementDraft], verdict_words: Span | None
) -> StatementDraft | None:
    """ "The army is not responsible": the nearest earlier claim by another source about the same things."""
    words = _content_words(draft.content, verdict_words)
    best: StatementDraft | None = None
    for other in _candidates(draft, drafts, draft.content.start_char, LOOKBACK_CHARS):
        shares = words & _content_words(other.content, None)
        if shares and (best is None or other.content.end_char > best.content.end_char):
            best = other
    return best
