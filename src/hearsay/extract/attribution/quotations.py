"""Stage 4: quotations: the quotation a cue introduces, and quotations with no cue of their own."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..drafts import StatementDraft
from ..quotes import char_span
from .context import DocContext
from .cues import Cue
from .labels import is_name_label
from .lexicon import HEARER_OBJECT_VERBS, verb_cues
from .sources import resolve
from .spans import within

# How far back (in characters) a floating quote looks for its speaker.
LOOKBACK_CHARS = 600
# Words other than its own cue and source that may stand between a statement and a quotation
# that continues it.
MAX_STRAY_WORDS = 4
# How many tokens before 'X, "..."' the introducing verb may stand.
COMMA_REACH = 15
WORD = re.compile(r"\w+")
# A dash and a name on the same line right after a quotation: '"..." ― Ann Lee'.
SIGNATURE = re.compile(r"[ \t\u00a0]*([―—])[ \t\u00a0]*([A-Z][\w.\-’']*(?:[ \t\u00a0]+[A-Z][\w.\-’']*){0,4})")
PARAGRAPH_BREAK = re.compile(r"\n\s*")
# A quotation this far before its cue is never adjacent (at most 12 words may stand between);
# without the bound each cue scanned the text after every earlier quotation, cubic in length.
ADJACENT_GAP_CHARS = 400
# What ends the cue's sentence: a quotation after it ('she said, speaking from Nice. "..."') is not
# the one the cue introduces.
SENTENCE_ENDS = frozenset([".", "!", "?"])


def adjacent_quotation(ctx: DocContext, cue: Cue) -> Span | None:
    """A quotation the parser left out of the cue's clause: '"Who pays?" Ann asked.', 'said, "No."'."""
    text = ctx.text
    own = {t.i for t in cue.head.subtree}
    for start, end in ctx.quotes:
        quotation = ctx.quotation(start, end)
        if quotation is None:
            continue
        if quotation.start_char >= cue.span.end_char:
            between = ctx.doc.char_span(cue.span.end_char, quotation.start_char, alignment_mode="expand")
            gap = [t for t in between or () if not t.is_punct and not t.is_space]
            delivery = _delivery_words(cue) if gap else set()
            ended = any(t.text in SENTENCE_ENDS for t in between or ())
            if between is not None and all(t.i in delivery for t in gap) and not ended:
                return quotation
            return None
        if quotation.end_char <= cue.span.start_char:
            if cue.span.start_char - quotation.end_char > ADJACENT_GAP_CHARS:
                continue
            between_text = text[quotation.end_char : cue.span.start_char]
            words = WORD.findall(between_text)
            gap_span = ctx.doc.char_span(quotation.end_char, cue.span.start_char, alignment_mode="expand")
            if (
                gap_span is not None
                and len(words) <= 12
                and "\n" not in between_text
                and all(t.i in own or t.is_punct or t.is_space for t in gap_span)
            ):
                return quotation
    return None


def snapped_to_quotes(ctx: DocContext, content: Span, cue: Cue) -> Span:
    """A content that ends (or starts) inside a quotation takes the whole quotation: the parser
    often stops at a sentence break inside the quoted words."""
    start, end = content.start_char, content.end_char
    cue_start, cue_end = cue.span.start_char, cue.span.end_char
    for q_start, q_end in ctx.quotes:
        quotation = ctx.quotation(q_start, q_end)
        if quotation is None:
            continue
        inside_cue = q_start <= cue_start and cue_end <= q_end
        if inside_cue:
            continue
        if start <= q_start < end < q_end and not (end <= cue_start < q_end):
            end = quotation.end_char
        elif q_start < start < q_end <= end and cue_end <= q_start:
            start = quotation.start_char
    if (start, end) == (content.start_char, content.end_char):
        return content
    return char_span(ctx.doc, start, end) or content


# Marks that end the writer's lead-in to a quotation: "Neither man was impressed - ''Born rich,'' one said".
LEAD_IN_MARKS = (":", "—", "–", "-")


def without_lead_in(ctx: DocContext, content: Span, cue: Cue) -> Span:
    """ "Neither man was impressed by her - 'Born with a silver spoon,' one said": a content that opens with
    the writer's words ended by a colon or a dash before a quotation, with its cue after the quotation's
    start, is the quotation: the lead-in sets the scene."""
    start, end = content.start_char, content.end_char
    inside = [(s, e) for s, e in ctx.quotes if start < s < end]
    if not inside or cue.span.start_char < inside[0][0]:
        return content
    mark_start = ctx.opening_mark_start(inside[0][0])
    lead_in = ctx.text[start:mark_start].rstrip()
    if not lead_in or not lead_in.endswith(LEAD_IN_MARKS) or any(m in lead_in for m in '"“”'):
        return content
    return char_span(ctx.doc, mark_start, end) or content


def _delivery_words(cue: Cue) -> set[int]:
    """The words of the cue's hearer and medium phrases, without a verb: 'telling Breitbart London: "..."',
    'said in a statement: "..."', 'told him, "..."'."""
    head = cue.head
    words: set[int] = set()
    for child in head.children:
        hearer = child.dep_ == "dative" or (child.dep_ == "dobj" and head.lemma_ in HEARER_OBJECT_VERBS)
        if hearer or child.dep_ == "prep":
            subtree = list(child.subtree)
            if not any(t.pos_ in ("VERB", "AUX") for t in subtree):
                words.update(t.i for t in subtree)
    return words


def quotation_before(ctx: DocContext, cue: Cue) -> Span | None:
    """A quotation closing right before the cue, with only the cue's own words between."""
    if cue.head.pos_ not in ("VERB", "AUX"):
        return None
    earlier = [(s, e) for s, e in ctx.quotes if e <= cue.span.start_char]
    if not earlier:
        return None
    start, end = earlier[-1]
    quotation = ctx.quotation(start, end)
    if quotation is None or quotation.end_char > cue.span.start_char:
        return None
    text = ctx.text
    between = text[quotation.end_char : cue.span.start_char]
    if "\n" in between or len(WORD.findall(between)) > 12:
        return None
    # '"We won," she said': the quotation is a sentence of its own, cut off by a comma, ? or !.
    closing = (text[start:end].rstrip() or " ")[-1] + between.lstrip()[:1]
    opening = text[: quotation.start_char].rstrip()[-1:]
    if not any(mark in closing for mark in ",?!") or opening not in ("", ".", ":", "?", "!", "\n"):
        return None
    gap = ctx.doc.char_span(quotation.end_char, cue.span.start_char, alignment_mode="expand")
    own = {t.i for t in cue.head.subtree}
    if gap is None or not all(
        t.i in own and t.dep_ not in ("dobj", "ccomp", "xcomp") or t.is_punct or t.is_space for t in gap
    ):
        return None
    if not any(t.dep_ in ("nsubj", "nsubjpass") or t.i in own for t in gap if not t.is_punct):
        return None
    return quotation


def floating_quotes(ctx: DocContext, drafts: list[StatementDraft]) -> list[StatementDraft]:
    """A quotation with no cue of its own continues the statement just before it.

    '"We won," she said. "Now the work starts."' is one statement, and so is a quotation that
    opens the next paragraph. A quotation further away belongs to the last speaker on its own.
    """
    found: list[StatementDraft] = []
    for start, end in ctx.quotes:
        marked = ctx.quotation(start, end)
        outer = (marked.start_char, marked.end_char) if marked is not None else (start, end)
        if any(
            d.content.start_char < end and start < d.content.end_char and not within(d, *outer)
            for d in drafts + found
        ):
            continue
        content = char_span(ctx.doc, start, end)
        if content is None or any(
            start <= d.cue.start_char < end and not outer[0] <= d.content.start_char < outer[1]
            for d in drafts
        ):
            continue
        signed = _signed_quotation(ctx, start, end, content)
        if signed is not None:
            found.append(signed)
            continue
        previous = _previous_statement(ctx, drafts, start)
        if (
            previous is not None
            and _continues(ctx, previous, start)
            and not _a_title_in_the_tag(previous, content)
        ):
            _extend(ctx, drafts, previous, end)
            continue
        if not _is_clause(content):
            continue
        introduced = _introduced_quotation(ctx, drafts, start, content)
        if introduced is not None:
            found.append(introduced)
            continue
        speaker = _previous_speaker(ctx, drafts, start)
        if speaker is None:
            continue
        mark_start = ctx.opening_mark_start(start)
        mark = char_span(ctx.doc, mark_start, start)
        if mark is None:
            continue
        found.append(
            StatementDraft(
                cue=mark,
                content=content,
                kind="direct",
                source=speaker.source,
                source_entity=speaker.source_entity,
                addressee=speaker.addressee,
                medium=speaker.medium,
                cue_lemma="quote",
                rules=["quote.floating", "source.previous_speaker"],
            )
        )
    return found


def _signed_quotation(ctx: DocContext, start: int, end: int, content: Span) -> StatementDraft | None:
    """'"We deserve better." ― Ann Lee': a quotation signed with a dash and a name after it."""
    quotation = ctx.quotation(start, end)
    if quotation is None:
        return None
    signature = SIGNATURE.match(ctx.text, quotation.end_char)
    if signature is None:
        return None
    dash = ctx.doc.char_span(*signature.span(1))
    name = ctx.doc.char_span(signature.start(2), signature.end(2), alignment_mode="expand")
    if dash is None or name is None or not any(t.pos_ == "PROPN" for t in name):
        return None
    rules = ["quote.signed"]
    source, entity = resolve(ctx, name.root, rules)
    return StatementDraft(
        cue=dash,
        content=content,
        kind="direct",
        source=source if entity is not None else name,
        source_entity=entity.id if entity else None,
        cue_lemma="―",
        rules=rules,
    )


def _introduced_quotation(
    ctx: DocContext, drafts: list[StatementDraft], start: int, content: Span
) -> StatementDraft | None:
    """A quotation introduced by the words just before it: 'Ann released a statement: "..."',
    'Ann tells voters, "..."', 'Lee: "..."'. The introducing verb (or the colon) is the cue."""
    mark_start = ctx.opening_mark_start(start)
    before = ctx.doc.char_span(0, mark_start, alignment_mode="contract")
    if before is None or len(before) == 0:
        return None
    last = before[-1]
    while last.is_space and last.i > 0:
        last = ctx.doc[last.i - 1]
    verb: Token | None = None
    colon: Token | None = None
    if last.text == ":":
        colon = last
        window = [t for t in last.sent if t.i < last.i]
        verbs = [t for t in window if t.pos_ == "VERB"]
        verb = verbs[-1] if verbs else None
    elif last.text == ",":
        # 'As Ann put it in a statement, "..."', 'who joked of the museum, "..."'
        window = [t for t in last.sent if last.i - COMMA_REACH <= t.i < last.i]
        verbs = [t for t in window if t.pos_ == "VERB" and (t.lemma_ in verb_cues() or t.lemma_ == "put")]
        verb = verbs[-1] if verbs else None
    elif last.pos_ == "VERB":
        verb = last
    if verb is not None:
        cue_tokens = [verb, *(c for c in verb.children if c.dep_ in ("neg", "prt", "auxpass"))]
        cue = ctx.doc[min(t.i for t in cue_tokens) : max(t.i for t in cue_tokens) + 1]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    elif colon is not None:
        cue = ctx.doc[colon.i : colon.i + 1]
        label = ctx.doc[colon.sent.start : colon.i]
        subject = label.root if len(label) and is_name_label(label) else None
    else:
        return None
    rules = ["quote.introduced_by_verb" if verb is not None else "quote.introduced_by_label"]
    if subject is not None:
        source, entity = resolve(ctx, subject, rules)
        source_entity = entity.id if entity else None
    else:
        speaker = _previous_speaker(ctx, drafts, start)
        if speaker is None:
            return None
        source, source_entity = speaker.source, speaker.source_entity
        rules.append("source.previous_speaker")
    return StatementDraft(
        cue=cue,
        content=content,
        kind="direct",
        source=source,
        source_entity=source_entity,
        cue_lemma=verb.lemma_.lower() if verb is not None else ":",
        rules=rules,
    )


def _previous_statement(ctx: DocContext, drafts: list[StatementDraft], start: int) -> StatementDraft | None:
    earlier = [d for d in drafts if start - LOOKBACK_CHARS <= d.content.end_char <= start]
    if not earlier:
        return None
    latest = max(earlier, key=lambda d: d.content.end_char)
    # '"...," said Ann Lee, who has been challenging X. "..."': the quotation goes on Ann's
    # words, not the statement inside her speaker tag.
    quoted = [d for d in earlier if d.kind == "direct" and d.cue.sent == latest.cue.sent]
    if latest.kind != "direct" and quoted:
        return max(quoted, key=lambda d: d.content.end_char)
    return latest


def _continues(ctx: DocContext, previous: StatementDraft, start: int) -> bool:
    """Only the statement's own cue sentence (and at most one paragraph break) lie between."""
    text = ctx.text
    start = ctx.opening_mark_start(start)
    gap_start = previous.content.end_char
    breaks = len(PARAGRAPH_BREAK.findall(text, gap_start, start))
    if breaks > 1 or (breaks == 1 and previous.kind != "direct"):
        return False
    # The whole sentence of the cue: '"...," said Ann Lee, a nurse who works nights. "..."'.
    own = [previous.cue.sent]
    stray = 0
    for word in WORD.finditer(text, gap_start, start):
        if not any(s.start_char <= word.start() < s.end_char for s in own):
            stray += 1
    return stray <= MAX_STRAY_WORDS


def _a_title_in_the_tag(previous: StatementDraft, quotation: Span) -> bool:
    """'"We won," she said on the show "This Week."': a quotation that is no clause, in the speaker tag's
    own sentence, names something (a show, a book, a slogan); it does not continue the words."""
    sentence = previous.cue.sent
    inside = sentence.start_char <= quotation.start_char < sentence.end_char
    return previous.kind == "direct" and inside and not _is_clause(quotation)


def _extend(ctx: DocContext, drafts: list[StatementDraft], previous: StatementDraft, end: int) -> None:
    quotation = ctx.quotation(end, end)
    stop = quotation.end_char if quotation is not None else end
    old = previous.content
    extended = char_span(ctx.doc, old.start_char, stop)
    if extended is None:
        return
    for draft in drafts:
        if draft.content == old:
            draft.content = extended
            draft.rules.append("quote.continued")
            if draft.kind != "direct":
                draft.kind = "mixed"


def _previous_speaker(ctx: DocContext, drafts: list[StatementDraft], start: int) -> StatementDraft | None:
    earlier = [
        d for d in drafts if d.source is not None and start - LOOKBACK_CHARS <= d.content.end_char <= start
    ]
    return max(earlier, key=lambda d: d.content.end_char) if earlier else None


def _is_clause(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    return len(words) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in span)
