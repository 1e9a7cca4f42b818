"""One cue's statements: its content, kind, addressee and source(s), put together."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..drafts import StatementDraft
from ..quotes import kind_of, quote_containing
from .addressees import delivery_of
from .borders import moved_borders
from .content import content_for, with_relative_antecedent
from .context import DocContext
from .cues import Cue
from .lexicon import verb_cues
from .quotations import adjacent_quotation, quotation_before, snapped_to_quotes, without_lead_in
from .sources import names_a_source, resolve, speaker_heads
from .spans import overlaps


def statements_of(ctx: DocContext, cue: Cue) -> list[StatementDraft]:
    """The statements a cue makes, one per source, each with the rules that produced it."""
    rules = [cue.rule]
    if cue.lemma == "citing" and not all(names_a_source(ctx, h) for h in speaker_heads(ctx, cue)):
        # "..., citing higher energy prices": a reason the speaker cites, not a source
        cue = Cue(cue.head, cue.tokens, verb_cues()["cite"], cue.rule)
        rules.append("cue.citing_a_reason")
    content, content_rule = content_for(cue, ctx.cue_heads)
    if content is not None:
        rules.append(f"content.{content_rule}")
        content, borders = moved_borders(cue, content)
        rules.extend(f"content.{name}" for name in borders)
    if cue.entry.cls in ("speech", "question"):
        before = quotation_before(ctx, cue)
        if before is not None and (content is None or not overlaps(before, content)):
            # '"...," Ann said before adding: "..."': the quotation just before is Ann's words.
            content = before
            rules.append("content.quotation_before")
    if content is None and cue.entry.cls in ("speech", "question"):
        content = adjacent_quotation(ctx, cue)
        if content is not None and content.start > cue.span.start and _is_a_term(content):
            return []  # 'called them "rebels"': a word in scare quotes, not what was said
        rules.append("content.adjacent_quotation")  # (no statement at all when it finds none)
    if content is None or _is_trivial(content):
        return []
    around = with_relative_antecedent(cue, content)
    if around is not None:
        content = around
        rules.append("content.relative_antecedent")
    if _is_as_clause(cue.head) and quote_containing(ctx.quotes, cue.span.start_char, cue.span.end_char):
        return []  # '"... not as rich as he says he is"': a figure of speech inside a quotation
    snapped = snapped_to_quotes(ctx, content, cue)
    if snapped != content:
        rules.append("content.snapped_to_quotation")
        content = snapped
    quoted = without_lead_in(ctx, content, cue)
    if quoted != content:
        rules.append("content.without_lead_in")
        content = quoted
    kind = kind_of(ctx.quotes, content, ctx.text)
    if kind == "direct":
        quote = quote_containing(ctx.quotes, content.start_char, content.end_char, ctx.text)
        if quote is None or quote_containing(ctx.quotes, cue.span.start_char, cue.span.end_char) == quote:
            # A cue inside someone's quotation: a nested report, not the quotation itself.
            kind = "indirect"
            rules.append("kind.report_inside_quotation")
        else:
            content = ctx.quotation(*quote) or content
    delivery = delivery_of(ctx, cue)
    rules.extend(delivery.rules)
    heads = speaker_heads(ctx, cue, content, rules)
    drafts = []
    holders: list[Token | None] = [*heads] or [None]
    for head in holders:
        trace = list(rules)
        source, entity = resolve(ctx, head, trace)
        drafts.append(
            StatementDraft(
                cue=cue.span,
                content=content,
                kind=kind,
                source=source,
                source_entity=entity.id if entity else None,
                addressee=delivery.addressee,
                medium=delivery.medium,
                cue_lemma=cue.lemma,
                rules=trace,
            )
        )
    return drafts


def _is_as_clause(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _is_a_term(quotation: Span) -> bool:
    """A quotation of one or two words after the cue: a term in scare quotes ('called them "rebels"');
    before the cue ('"Total chaos," said Ann') it is still what was said."""
    return sum(1 for t in quotation if t.is_alpha or t.like_num) <= 2


def _is_trivial(content: Span) -> bool:
    words = [t for t in content if not t.is_punct and not t.is_space]
    if words and all(t.ent_type_ in ("DATE", "TIME") for t in words):
        return True  # "will be talked about today", "reported this cycle": a time, not what was said
    return not words or (len(words) == 1 and words[0].pos_ == "PRON")
