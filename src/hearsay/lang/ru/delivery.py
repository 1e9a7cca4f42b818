"""To whom and through what a Russian statement was made, as the English rules decide it
(hearsay/extract/attribution/addressees.py):

* the addressee is a hearer: a dative ("заявил журналистам") or the partner of a medium noun
  ("в интервью DW", "в беседе с журналистами");
* the medium is a channel: a noun of ``medium_nouns.tsv`` under в/на/во время/в ходе ("в заявлении",
  "на брифинге 2 июня" → "брифинге", "в своем Telegram-канале", "в эфире телеканала «Хабар»") or a
  platform ("написал в X", "в соцсети X");
* a time ("во вторник", "2 июня") is neither, and a medium noun is never an addressee.

``author_of`` gives the author a medium noun names ("в заявлении министерства говорится"): the source
of an impersonal cue, as in English "the ministry said in a statement".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...extract.lexicon import load_lexicon
from .lexicon import rows
from .parse import Parsed
from .spans import char_span, trimmed
from .times import find_times

CharSpan = tuple[int, int]
# "в ходе брифинга", "во время интервью": the noun the frame word governs is the medium.
FRAME_NOUNS = ("ход", "время", "рамка")
PREPOSITIONS = ("в", "на", "во")
PARTNER_PREPOSITIONS = ("с", "со", "для")
NAME_RELS = ("appos", "flat", "flat:name", "nmod", "iobj")


@dataclass(slots=True)
class Delivery:
    addressee: CharSpan | None = None
    medium: CharSpan | None = None


@cache
def _medium_nouns() -> dict[str, bool]:
    """Medium noun lemma -> whether a name after it is the hearer (``partner``)."""
    return {row["lemma"]: row["partner"] == "yes" for row in rows("medium_nouns")}


@cache
def _platforms() -> frozenset[str]:
    english = {row["name"].lower() for row in load_lexicon("platforms") if not row["name"].islower()}
    return frozenset(english | {row["name"] for row in rows("platforms")})


def is_platform(parsed: Parsed, i: int) -> bool:
    token = parsed.tokens[i]
    return token.text.lower() in _platforms() or token.lemma in _platforms()


def is_time(parsed: Parsed, i: int) -> bool:
    """Whether the token at ``i`` is part of a time expression of its phrase ("во вторник", "2 июня")."""
    below = parsed.subtree(i)
    start = parsed.tokens[min(below)].start
    phrase = parsed.text[start : parsed.tokens[max(below)].end]
    token = parsed.tokens[i]
    return any(t.start <= token.start - start < t.end for t in find_times(phrase, None))


def delivery_of(parsed: Parsed, i: int) -> Delivery:
    """The addressee and medium of the cue verb at ``i``."""
    found = Delivery()
    for child in parsed.children(i):
        token = parsed.tokens[child]
        if is_time(parsed, child):
            continue
        cases = _cases(parsed, child)
        if _is_dative_hearer(parsed, child, cases) and found.addressee is None:
            found.addressee = _span(parsed, parsed.subtree(child))
        elif token.rel in ("obl", "nmod") and cases[:1] and cases[0] in PREPOSITIONS:
            _channel(parsed, _framed(parsed, child), found)
    return found


def author_of(parsed: Parsed, i: int) -> int | None:
    """The author a medium noun of the cue at ``i`` names: "в заявлении министерства" -> министерства."""
    for child in parsed.children(i):
        cases = _cases(parsed, child)
        if not (cases[:1] and cases[0] in PREPOSITIONS):
            continue
        noun = _framed(parsed, child)
        if _medium_nouns().get(parsed.tokens[noun].lemma) is False:
            for below in parsed.children(noun):
                token = parsed.tokens[below]
                genitive = token.rel == "nmod" and token.feats.get("Case") == "Gen" and token.pos != "NUM"
                if genitive and below > noun and not _cases(parsed, below) and not is_platform(parsed, below):
                    return below
    return None


def _cases(parsed: Parsed, i: int) -> list[str]:
    return [parsed.tokens[c].lemma for c in parsed.children(i) if parsed.tokens[c].rel == "case"]


def _is_dative_hearer(parsed: Parsed, i: int, cases: list[str]) -> bool:
    token = parsed.tokens[i]
    return (
        token.rel in ("iobj", "obl")
        and token.feats.get("Case") == "Dat"
        and not cases
        and token.pos in ("NOUN", "PROPN")
        and token.lemma not in _medium_nouns()
    )


def _framed(parsed: Parsed, i: int) -> int:
    """ "в ходе брифинга" -> брифинга; any other noun is itself."""
    if parsed.tokens[i].lemma in FRAME_NOUNS:
        inner = next((c for c in parsed.children(i) if parsed.tokens[c].rel == "nmod" and c > i), None)
        if inner is not None:
            return inner
    return i


def _channel(parsed: Parsed, noun: int, found: Delivery) -> None:
    """A medium noun with its modifiers (and a platform or broadcaster after it), or a platform."""
    lemma = parsed.tokens[noun].lemma
    if found.medium is None and is_platform(parsed, noun):
        found.medium = _span(parsed, _without_case(parsed, noun))
        return
    partner_noun = _medium_nouns().get(lemma)
    if partner_noun is None or found.medium is not None:
        return
    kept = [noun]
    partner = None
    for child in parsed.children(noun):
        below = parsed.subtree(child)
        token = parsed.tokens[child]
        if is_time(parsed, child) or token.rel in ("punct", "case"):
            continue
        if child < noun:
            kept += below
        elif is_platform(parsed, child) or token.lemma in _medium_nouns():
            kept += below  # "соцсети X", "эфире телеканала «Хабар»"
        elif partner is None and _is_partner(parsed, child, partner_noun):
            partner = child
    found.medium = _span(parsed, _contiguous(sorted(kept), noun))
    if partner is not None and found.addressee is None:
        found.addressee = _span(parsed, _without_case(parsed, partner))


def _without_case(parsed: Parsed, i: int) -> list[int]:
    """The phrase at ``i`` without its preposition: "в Telegram" -> "Telegram", "с журналистами" -> ..."""
    cases = {c for c in parsed.children(i) if parsed.tokens[c].rel == "case"}
    return [k for k in parsed.subtree(i) if k not in cases]


def _is_partner(parsed: Parsed, i: int, partner_noun: bool) -> bool:
    """The hearer after a medium noun: "интервью DW", "интервью агентству ТАСС", "беседе с журналистами"."""
    token = parsed.tokens[i]
    cases = _cases(parsed, i)
    if cases:
        return cases[0] in PARTNER_PREPOSITIONS and token.pos in ("NOUN", "PROPN")
    if token.feats.get("Case") == "Dat" and token.pos in ("NOUN", "PROPN"):
        return True
    return partner_noun and token.rel in NAME_RELS and token.pos in ("PROPN", "NOUN", "X")


def _contiguous(indices: list[int], around: int) -> list[int]:
    """The run of consecutive indices that holds ``around``."""
    start = end = indices.index(around)
    while start > 0 and indices[start - 1] == indices[start] - 1:
        start -= 1
    while end + 1 < len(indices) and indices[end + 1] == indices[end] + 1:
        end += 1
    return indices[start : end + 1]


def _span(parsed: Parsed, indices: list[int]) -> CharSpan | None:
    edges = trimmed(parsed, indices)
    return char_span(parsed, *edges) if edges else None
