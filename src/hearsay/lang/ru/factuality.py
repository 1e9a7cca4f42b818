"""Hedges in a statement's content lower its certainty ("якобы", "возможно", "вряд ли")."""

from __future__ import annotations

from functools import cache

from .drafts import StatementDraft
from .lexicon import Factuality, Hedge, hedges
from .parse import Parsed

ORDER = ("certain", "probable", "possible")


@cache
def _by_first_lemma() -> dict[str, tuple[Hedge, ...]]:
    index: dict[str, list[Hedge]] = {}
    for hedge in hedges():
        index.setdefault(hedge.lemmas[0], []).append(hedge)
    return {lemma: tuple(found) for lemma, found in index.items()}


def hedge_at(parsed: Parsed, i: int) -> tuple[Hedge, int] | None:
    """The hedge that starts at token ``i`` and the index of its last token."""
    for hedge in _by_first_lemma().get(parsed.tokens[i].lemma, ()):
        last = i + len(hedge.lemmas) - 1
        if last >= len(parsed.tokens):
            continue
        found = tuple(parsed.tokens[k].lemma for k in range(i, last + 1))
        if found == hedge.lemmas and parsed.tokens[last].sent == parsed.tokens[i].sent:
            return hedge, last
    return None


def apply_hedges(parsed: Parsed, draft: StatementDraft) -> None:
    """Lower the draft's certainty by the hedges inside its content; record them as its cues."""
    draft.factuality_cues = [draft.cue]
    start, end = draft.content
    certainty, polarity = draft.factuality.certainty, draft.factuality.polarity
    for token in parsed.tokens:
        if token.start < start or token.end > end:
            continue
        match = hedge_at(parsed, token.i)
        if match is None:
            continue
        hedge, last = match
        draft.factuality_cues.append((token.start, parsed.tokens[last].end))
        if certainty in ORDER and ORDER.index(hedge.certainty) > ORDER.index(certainty):
            certainty = hedge.certainty
        if hedge.polarity and polarity == "pos":
            polarity = hedge.polarity
    draft.factuality = Factuality(draft.factuality.stance, certainty, polarity)
