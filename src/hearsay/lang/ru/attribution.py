"""Russian attribution: who said what, through which cue, to whom.

Three kinds of cue, each from a lexicon file here:
- a reporting verb (``cue_verbs.tsv``: заявил, сообщил, опроверг, не исключил, отказался
  комментировать ...): its subject is the source; its content is its что-clause, its object ("опроверг
  сообщения"), the quotation before it («...», — сказал он) or after its colon;
- a prepositional phrase (``cue_phrases.tsv``: по словам X, по данным X, со ссылкой на X), and a
  reporting verb under "как" (как сообщает ТАСС): the clause it sits in is the content;
- an anonymous hedge (``hedges.tsv``: якобы, предположительно) outside any other content.
"""

from __future__ import annotations

from .delivery import author_of, delivery_of
from .drafts import StatementDraft
from .factuality import apply_hedges
from .lexicon import Factuality, VerbCue, phrase_cues, verb_cues, words
from .parse import Parsed
from .quotes import Quotation
from .sources import SourceFinder
from .spans import char_span, side_of, trimmed

CONTENT_RELS = ("ccomp", "csubj", "csubj:pass")
SUBJECT_RELS = ("nsubj", "nsubj:pass")
REFUSED = {
    "комментировать",
    "прокомментировать",
    "подтвердить",
    "подтверждать",
    "опровергнуть",
    "раскрыть",
    "раскрывать",
    "уточнить",
    "уточнять",
    "отвечать",
    "ответить",
    "назвать",
    "обсуждать",
}
POSSESSIVES = ("его", "её", "ее", "их")


def find_statements(
    parsed: Parsed, quotations: list[Quotation], sources: SourceFinder
) -> list[StatementDraft]:
    """The document's attributed statements, in text order of their cues."""
    drafts: list[StatementDraft] = []
    verbs, phrases = verb_cues(), phrase_cues()
    for token in parsed.tokens:
        draft = None
        if token.lemma in verbs and token.pos in ("VERB", "AUX", "ADJ"):
            draft = _verb_statement(parsed, token.i, verbs[token.lemma], quotations, sources)
        elif token.pos == "NOUN":
            draft = _phrase_statement(parsed, token.i, phrases, sources)
        if draft is not None:
            drafts.append(draft)
    _clip(parsed, drafts)
    drafts += _hedge_statements(parsed, drafts)
    for draft in drafts:
        apply_hedges(parsed, draft)
    return sorted(_distinct(drafts), key=lambda d: d.cue)


def _clip(parsed: Parsed, drafts: list[StatementDraft]) -> None:
    """An indirect content ends before another statement's cue or source that starts inside it."""
    for draft in drafts:
        start, end = draft.content
        stops = [
            edge[0]
            for other in drafts
            if other is not draft
            for edge in (other.cue, other.source)
            if edge is not None
            and start < edge[0] < end
            and not start <= other.content[0] <= other.content[1] <= end
        ]
        if stops and draft.kind != "direct":
            cut = min(stops)
            kept = [t.i for t in parsed.tokens if start <= t.start and t.end <= cut]
            draft.content = _span(parsed, kept) or draft.content


def _distinct(drafts: list[StatementDraft]) -> list[StatementDraft]:
    seen: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    out = []
    for draft in drafts:
        if (draft.cue, draft.content) not in seen:
            seen.add((draft.cue, draft.content))
            out.append(draft)
    return out


def _negator(parsed: Parsed, i: int) -> int | None:
    negators = words("negators")
    for child in parsed.children(i):
        if parsed.tokens[child].lemma in negators and child < i:
            return child
    return None


def _verb_statement(
    parsed: Parsed, i: int, cue: VerbCue, quotations: list[Quotation], sources: SourceFinder
) -> StatementDraft | None:
    token = parsed.tokens[i]
    as_marker = next((c for c in parsed.children(i) if parsed.tokens[c].lemma == "как" and c < i), None)
    if as_marker is not None and token.head is not None:
        return _as_statement(parsed, i, as_marker, cue, sources)
    if token.feats.get("VerbForm") == "Part":
        return None  # "пункту 4, констатировавшему, что ...": a participle describes, it does not attribute
    negator = _negator(parsed, i)
    cue_tokens = [i] if negator is None else [negator, i]
    lemma = token.lemma if negator is None else f"не {token.lemma}"
    factuality = cue.negated if negator is not None else cue.plain
    if cue.frame == "refusal":
        refused = next((c for c in parsed.children(i) if parsed.tokens[c].lemma in REFUSED), None)
        if refused is None:
            return None
        cue_tokens.append(refused)
        lemma = f"{lemma} {parsed.tokens[refused].lemma}"
        content, kind = _object_content(parsed, refused), "indirect"
    else:
        content, kind = _content(parsed, i, cue, quotations)
    if content is None:
        return None
    subject = _subject(parsed, i)
    if subject is None and token.feats.get("Person") == "1":
        return None  # "Напомню, что ...": the writer's own voice
    if subject is not None and parsed.tokens[subject].lemma == "который":
        return None  # "санкции, которые лишь подтверждают сбой": a relative clause, not a statement
    first, last = min(cue_tokens), max(cue_tokens)
    draft = StatementDraft(
        cue=char_span(parsed, first, last),
        cue_lemma=lemma,
        content=content,
        kind=kind,
        factuality=factuality,
        cue_tokens=tuple(cue_tokens),
    )
    if cue.frame != "impersonal":
        sources.attach(draft, subject)
    elif subject is None:
        sources.attach(draft, author_of(parsed, i))  # "в заявлении министерства говорится, что ..."
    delivery = delivery_of(parsed, i)
    draft.addressee, draft.medium = delivery.addressee, delivery.medium
    return draft


def _content(
    parsed: Parsed, i: int, cue: VerbCue, quotations: list[Quotation]
) -> tuple[tuple[int, int] | None, str]:
    """What the verb at ``i`` introduces, and whether it is quoted (direct), partly (mixed) or not."""
    quoted = _adjacent_quotation(parsed, i, quotations)
    if quoted is not None:
        return quoted, "direct"
    sentence = parsed.sentence_of(i)
    colon = next((k for k in range(i + 1, min(i + 7, sentence.stop)) if parsed.tokens[k].text == ":"), None)
    if colon is not None:  # "признал: у правительства нет ..." runs to the end of the sentence
        span = _span(parsed, list(range(colon + 1, sentence.stop)))
        if span is not None:
            return span, _kind(span, quotations)
    for child in parsed.children(i):
        if parsed.tokens[child].rel in CONTENT_RELS:
            indices = parsed.subtree(child)
            if min(indices) > i:  # a что-clause after the cue runs to the end of the sentence
                indices = list(range(min(indices), sentence.stop))
            span = _span(parsed, indices)
            if span is not None:
                return span, _kind(span, quotations)
    that = next(
        (
            k
            for k in range(i + 1, min(i + 9, sentence.stop))
            if parsed.tokens[k].lemma in ("что", "чтобы") and parsed.tokens[k - 1].text == ","
        ),
        None,
    )
    if that is not None and not _verb_between(parsed, i, that):
        span = _span(parsed, list(range(that, sentence.stop)))
        if span is not None:
            return span, _kind(span, quotations)
    clause = _that_clause(parsed, i)
    if clause is not None:
        return clause, _kind(clause, quotations)
    if cue.frame in ("np", "refusal"):
        span = _object_content(parsed, i)
        if span is not None:
            return span, "indirect"
    before = _content_before(parsed, i)
    if before is not None:
        return before, _kind(before, quotations)
    if parsed.tokens[i].feats.get("VerbForm") == "Conv":
        return None, "indirect"  # "говоря о ситуации": a topic, not a statement
    about = _about(parsed, i)
    return (about, "indirect") if about is not None else (None, "indirect")


def _content_before(parsed: Parsed, i: int) -> tuple[int, int] | None:
    """ "Предложения оформятся в указы, говорит источник": the verb after a comma, its subject after it."""
    sentence = parsed.sentence_of(i)
    if i - 2 < sentence.start or parsed.tokens[i - 1].text != ",":
        return None
    if not any(parsed.tokens[c].rel in SUBJECT_RELS and c > i for c in parsed.children(i)):
        return None
    return _span(parsed, list(range(sentence.start, i - 1)))


def _verb_between(parsed: Parsed, i: int, j: int) -> bool:
    return any(parsed.tokens[k].pos in ("VERB", "AUX") for k in range(i + 1, j))


def _kind(span: tuple[int, int], quotations: list[Quotation]) -> str:
    for quotation in quotations:
        if quotation.inside(*span) or (span[0] >= quotation.start - 1 and span[1] <= quotation.end + 1):
            return "direct"
        if span[0] <= quotation.start and quotation.end <= span[1]:
            return "mixed"
    return "indirect"


def _that_clause(parsed: Parsed, i: int) -> tuple[int, int] | None:
    """A что-clause the parser hung lower in the cue's phrase ("не исключил в интервью Orda, что ...")."""
    below = set(parsed.subtree(i))
    for k in parsed.subtree(i):
        token = parsed.tokens[k]
        if k > i and token.lemma in ("что", "чтобы", "ли") and token.rel == "mark" and token.head in below:
            head = token.head
            if head is not None and head != i and parsed.tokens[head].rel not in ("ccomp", "csubj"):
                return _span(parsed, parsed.subtree(head))
    return None


def _colon_between(parsed: Parsed, i: int, j: int) -> bool:
    return any(parsed.tokens[k].text == ":" for k in range(i + 1, j))


def _adjacent_quotation(parsed: Parsed, i: int, quotations: list[Quotation]) -> tuple[int, int] | None:
    """A quotation right before the cue («...», — сказал он), around it, or right after its colon."""
    token = parsed.tokens[i]
    for quotation in quotations:
        between = parsed.text[quotation.end : token.start]
        if quotation.end <= token.start and len(between) < 40 and _dash_only(between):
            return quotation.start, quotation.end
        if (
            quotation.start < token.start < quotation.end
            and "—" in parsed.text[max(0, token.start - 4) : token.start]
        ):
            return quotation.start, quotation.end
        after = parsed.text[token.end : quotation.start]
        if token.end <= quotation.start and ":" in after and len(after) < 60 and "\n" not in after:
            return quotation.start, quotation.end
    return None


def _dash_only(between: str) -> bool:
    """«...», — said: a comma or a dash (and a few words: "— с поклоном сказал") between the
    quotation and the cue, and no end of sentence."""
    if any(mark in between for mark in ".!?\n"):
        return False
    rest = between.lstrip(" ,")
    if rest == "":
        return "," in between
    return rest[0] in "—–-" and len(rest.split()) <= 4


def _object_content(parsed: Parsed, i: int) -> tuple[int, int] | None:
    for child in parsed.children(i):
        if parsed.tokens[child].rel in ("obj", "xcomp") and child > i:
            return _span(parsed, parsed.subtree(child))
    return _about(parsed, i)


def _about(parsed: Parsed, i: int) -> tuple[int, int] | None:
    """ "сообщил о задержании": the о-phrase is the content."""
    for child in parsed.children(i):
        if parsed.tokens[child].rel in ("obl", "iobj") and child > i:
            cases = [parsed.tokens[c].lemma for c in parsed.children(child) if parsed.tokens[c].rel == "case"]
            if cases and cases[0] in ("о", "об", "обо"):
                return _span(parsed, parsed.subtree(child))
    return None


def _span(parsed: Parsed, indices: list[int]) -> tuple[int, int] | None:
    edges = trimmed(parsed, indices)
    return char_span(parsed, *edges) if edges else None


def _subject(parsed: Parsed, i: int) -> int | None:
    for child in parsed.children(i):
        if parsed.tokens[child].rel in SUBJECT_RELS:
            return child
    token = parsed.tokens[i]
    if token.rel in ("conj", "xcomp") and token.head is not None:
        return _subject(parsed, token.head)
    for child in parsed.children(i):  # "— заявили в ведомстве"
        if parsed.tokens[child].rel == "obl" and parsed.tokens[child].pos in ("NOUN", "PROPN"):
            cases = [parsed.tokens[c].lemma for c in parsed.children(child) if parsed.tokens[c].rel == "case"]
            if cases == ["в"] and parsed.tokens[child].lemma in words("institution_nouns"):
                return child
    return None


def _as_statement(
    parsed: Parsed, i: int, marker: int, cue: VerbCue, sources: SourceFinder
) -> StatementDraft | None:
    """ "Как сообщает ТАСС, ..." or "..., как сообщает ТАСС": the rest of the sentence is the content.

    Read from the surface, not the parse: the parser often hangs the sentence from the source.
    """
    sentence = parsed.sentence_of(i)
    comma = next((k for k in range(i + 1, sentence.stop) if parsed.tokens[k].text == ","), None)
    if marker == sentence.start and comma is not None:
        source_part, content_part = list(range(i + 1, comma)), list(range(comma + 1, sentence.stop))
    elif marker > sentence.start and parsed.tokens[marker - 1].text in (",", "(", "—"):
        source_part, content_part = list(range(i + 1, sentence.stop)), list(range(sentence.start, marker))
    else:
        return None
    content = _span(parsed, content_part)
    if content is None:
        return None
    draft = StatementDraft(
        cue=char_span(parsed, marker, i),
        cue_lemma=f"как {parsed.tokens[i].lemma}",
        content=content,
        kind="indirect",
        factuality=cue.plain,
        cue_tokens=(marker, i),
    )
    if cue.frame != "impersonal":
        subject = _subject(parsed, i)
        if subject is None or subject not in source_part:
            subject = _head_within(parsed, source_part)
        sources.attach(draft, subject, within=source_part)
    return draft


def _head_within(parsed: Parsed, part: list[int]) -> int | None:
    """The token of ``part`` whose head lies outside it (the phrase's head)."""
    inside = set(part)
    for k in part:
        if parsed.tokens[k].head not in inside and parsed.tokens[k].pos != "PUNCT":
            return k
    return None


def _phrase_statement(parsed: Parsed, i: int, phrases: dict, sources: SourceFinder) -> StatementDraft | None:
    """ "По словам источника, ...", "по данным ТАСС", "со ссылкой на МИД"."""
    token = parsed.tokens[i]
    case = next((c for c in parsed.children(i) if parsed.tokens[c].rel == "case" and i - 3 <= c < i), None)
    if case is None:
        return None
    phrase = phrases.get((parsed.tokens[case].text.lower(), token.lemma))
    if phrase is None or token.head is None:
        return None
    source, cue_end = _phrase_source(parsed, i, phrase.source_preposition)
    anonymous = any(parsed.tokens[c].lemma in phrase.anonymous for c in parsed.children(i))
    if source is None and not anonymous:
        return None
    content = _span(parsed, side_of(parsed, parsed.subtree(token.head), parsed.subtree(i)))
    if content is None:
        return None
    cue_first = min([case, *[c for c in parsed.children(i) if parsed.tokens[c].lemma in phrase.anonymous]])
    draft = StatementDraft(
        cue=char_span(parsed, cue_first, cue_end),
        cue_lemma=" ".join(parsed.tokens[k].lemma for k in range(cue_first, cue_end + 1)),
        content=content,
        kind="indirect",
        factuality=Factuality(
            phrase.factuality.stance,
            "probable"
            if anonymous and phrase.factuality.certainty == "certain"
            else phrase.factuality.certainty,
            phrase.factuality.polarity,
        ),
        cue_tokens=tuple(range(cue_first, cue_end + 1)),
    )
    if not anonymous:
        sources.attach(draft, source)
    return draft


def _phrase_source(parsed: Parsed, i: int, preposition: str) -> tuple[int | None, int]:
    """The source noun of a phrase cue and the last token of the cue ("по его словам": "его")."""
    for child in parsed.children(i):
        if child < i and parsed.tokens[child].text.lower() in POSSESSIVES and not preposition:
            return child, i
    for child in parsed.children(i):
        if child < i or parsed.tokens[child].rel not in ("nmod", "obl", "appos", "flat"):
            continue
        cases = [c for c in parsed.children(child) if parsed.tokens[c].rel == "case"]
        if preposition and cases and parsed.tokens[cases[0]].lemma == preposition:
            return child, cases[0]
        if not preposition and not cases:
            return child, i
    return None, i


def _hedge_statements(parsed: Parsed, drafts: list[StatementDraft]) -> list[StatementDraft]:
    """Anonymous statements of "якобы", "предположительно", "как утверждается" outside other contents."""
    from .factuality import hedge_at

    found = []
    covered = [d.content for d in drafts] + [d.cue for d in drafts]
    for token in parsed.tokens:
        match = hedge_at(parsed, token.i)
        if match is None or not match[0].statement:
            continue
        hedge, last = match
        start, end = token.start, parsed.tokens[last].end
        if any(a <= start and end <= b for a, b in covered):
            continue
        anchor = parsed.tokens[last].head if token.head in range(token.i, last + 1) else token.head
        if anchor is None:
            continue
        clause = parsed.subtree(anchor)
        cue_tokens = list(range(token.i, last + 1))
        indices = clause if len(cue_tokens) == 1 else side_of(parsed, clause, cue_tokens)
        content = _span(parsed, indices)
        if content is None or content == (start, end):
            continue
        found.append(
            StatementDraft(
                cue=(start, end),
                cue_lemma=" ".join(hedge.lemmas),
                content=content,
                kind="indirect",
                factuality=Factuality("report", hedge.certainty, hedge.polarity or "pos"),
                cue_tokens=tuple(cue_tokens),
            )
        )
    return found
