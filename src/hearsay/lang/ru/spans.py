"""Token-index helpers for the Russian rules: contiguous spans, trimmed of punctuation at the edges."""

from __future__ import annotations

from .parse import Parsed

# Punctuation a span never starts or ends with (quotation marks are kept when they pair up).
EDGE_PUNCT = set(",.;:—–-!?…()")
QUOTES_OPEN = '«„“"'
QUOTES_CLOSE = '»“”"'


def char_span(parsed: Parsed, first: int, last: int) -> tuple[int, int]:
    return parsed.tokens[first].start, parsed.tokens[last].end


def trimmed(parsed: Parsed, indices: list[int]) -> tuple[int, int] | None:
    """The first and last token of ``indices`` with edge punctuation (and unpaired quotes) dropped."""
    if not indices:
        return None
    first, last = min(indices), max(indices)
    while first <= last:
        text = parsed.tokens[first].text
        if text in EDGE_PUNCT or (text in QUOTES_OPEN and not _closed(parsed, first, last)):
            first += 1
        elif parsed.tokens[last].text in EDGE_PUNCT or (
            parsed.tokens[last].text in QUOTES_CLOSE and not _opened(parsed, first, last)
        ):
            last -= 1
        else:
            return first, last
    return None


def _closed(parsed: Parsed, first: int, last: int) -> bool:
    return any(parsed.tokens[j].text in QUOTES_CLOSE for j in range(first + 1, last + 1))


def _opened(parsed: Parsed, first: int, last: int) -> bool:
    return any(parsed.tokens[j].text in QUOTES_OPEN for j in range(first, last))


def side_of(parsed: Parsed, clause: list[int], cue: list[int]) -> list[int]:
    """The contiguous run of ``clause`` beside ``cue`` (after it when it opens the clause, else before)."""
    rest = sorted(set(clause) - set(cue))
    if not rest or not cue:
        return rest
    after = [i for i in rest if i > max(cue)]
    before = [i for i in rest if i < min(cue)]
    meaningful_after = [i for i in after if parsed.tokens[i].pos != "PUNCT"]
    meaningful_before = [i for i in before if parsed.tokens[i].pos != "PUNCT"]
    run = after if len(meaningful_after) >= len(meaningful_before) else before
    return _contiguous(run, from_start=run is after)


def _contiguous(run: list[int], from_start: bool) -> list[int]:
    if not run:
        return run
    if from_start:
        out = [run[0]]
        for i in run[1:]:
            if i != out[-1] + 1:
                break
            out.append(i)
        return out
    out = [run[-1]]
    for i in reversed(run[:-1]):
        if i != out[-1] - 1:
            break
        out.append(i)
    return sorted(out)
