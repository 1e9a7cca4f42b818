"""Speaker labels: "Mayor Lee: 'We will rebuild'", a transcript's "MORGAN:", a headline's "Lee:"."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..drafts import EntityDraft, StatementDraft
from ..quotes import kind_of
from .context import DocContext
from .lexicon import evidence_nouns, source_nouns
from .sources import resolve
from .spans import trim

# A speaker label before a colon: at most this many tokens of these kinds.
LABEL_TOKENS = 8
LABEL_POS = {"PROPN", "NOUN", "DET", "ADJ", "PART", "CCONJ", "NUM", "ADP"}
# A headline's speaker label ("Lee: ..."): at most this many words.
HEADLINE_NAME_WORDS = 3
ARTICLES = {"a", "an", "the"}
WORD = re.compile(r"\w+")


def colon_statements(ctx: DocContext, drafts: list[StatementDraft]) -> list[StatementDraft]:
    """ "Mayor Lee: 'We will rebuild'": a name opening a line, a colon, and what the name says."""
    found = []
    for sentence in ctx.doc.sents:
        colon = next((t for t in sentence[: LABEL_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i == sentence.start:
            continue
        label = ctx.doc[sentence.start : colon.i]
        named = is_name_label(label)
        headline = not named and _is_headline_label(label)
        if not (named or headline) or any(d.cue.start <= colon.i < d.cue.end for d in drafts):
            continue
        end = sentence.end
        while end < len(ctx.doc) and "\n" not in ctx.doc[end - 1].text_with_ws:
            end += 1  # the line goes on over sentence breaks the parser made
        content = trim(ctx.doc[colon.i + 1 : end])
        if content is None or sum(t.is_alpha for t in content) < 3:
            continue
        bare_name = _is_headline_speaker(ctx, label)
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in content)
        titled = _title_cased(content) or bare_name
        if not has_verb and (content[0].lower_ in ARTICLES or not titled):
            continue  # "Ann Lee: a life in politics" is a title, not a statement
        rules = ["label.colon"]
        source, entity = resolve(ctx, label.root, rules)
        if entity is None:
            entity = _entity_named(ctx, label)
            rules.append("source.label_words" if entity is not None else "source.label_unresolved")
        if entity is not None and entity.type not in ("PERSON", "ORG", "OUTLET"):
            continue
        if entity is None and not (
            bare_name or (_is_source_word(label) if headline else _is_speaker_tag(label))
        ):
            continue
        found.append(
            StatementDraft(
                cue=ctx.doc[colon.i : colon.i + 1],
                content=content,
                kind=kind_of(ctx.quotes, content, ctx.text),
                source=source,
                source_entity=entity.id if entity else None,
                cue_lemma=":",
                rules=rules,
            )
        )
    return found


def _is_headline_speaker(ctx: DocContext, label: Span) -> bool:
    """ "Lee: No new taxes this year" as a headline: a bare name before the colon is the speaker.

    Only on the document's first line, and only for a name of one to three proper nouns (not
    "The Latest:" or an all-capitals "EXCLUSIVE:"), where headlines put whoever is quoted.
    """
    if "\n" in ctx.text[: label.start_char]:
        return False
    words = _label_words(label)
    return words is not None and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in words
    )


def _entity_named(ctx: DocContext, label: Span) -> EntityDraft | None:
    """The person or organisation a headline label names by its words ("Okafor" for Ada Okafor)."""
    words = {t.lower_ for t in label if t.is_alpha and len(t.text) > 1}
    for entity in ctx.entities:
        if entity.type not in ("PERSON", "ORG", "OUTLET"):
            continue
        names = {w.lower() for alias in (entity.name, *entity.aliases) for w in WORD.findall(alias)}
        if words and words <= names:
            return entity
    return None


def is_name_label(label: Span) -> bool:
    """A short run of names and nouns with no verb: "Sen. Ann Lee (D-Ore.)", "The White House"."""
    if len(label) > LABEL_TOKENS or not any(t.pos_ == "PROPN" for t in label):
        return False
    return all(t.pos_ in LABEL_POS or t.is_punct for t in label)


def _label_words(label: Span) -> list[Token] | None:
    """The words of a headline label short enough to be a name ("Pat Lee:"), or None."""
    words = [t for t in label if not t.is_punct]
    return words if 0 < len(words) <= HEADLINE_NAME_WORDS else None


def _is_headline_label(label: Span) -> bool:
    """A headline's "Okafor:" or "Pat Lee:": one to three capitalised words (often tagged NOUN)."""
    words = _label_words(label)
    return words is not None and all(t.is_alpha and len(t.text) > 1 and t.text[0].isupper() for t in words)


def _is_speaker_tag(label: Span) -> bool:
    """A label no entity stands for that still names who speaks: a transcript's "MORGAN", a "Poll"."""
    words = [t for t in label if t.is_alpha]
    if not words or len(words) > 3:
        return False
    if all(t.is_upper and len(t.text) > 1 for t in words):
        return True
    return _is_source_word(label)


def _title_cased(span: Span) -> bool:
    """A headline in title case, whose verbs the model tags as names ("Voters Abandon Party")."""
    words = [t for t in span if t.is_alpha and len(t.text) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _is_source_word(label: Span) -> bool:
    """A label headed by a word for a source: "Poll", "Report", "Officials"."""
    return label.root.lemma_.lower() in evidence_nouns() | source_nouns()
