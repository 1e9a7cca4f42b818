"""The Russian word lists (``lexicons/*.tsv``), read once per process into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...errors import ConfigError
from ...extract.lexicon import load_lexicon

PACKAGE = "hearsay.lang.ru.lexicons"
STANCES = ("assert", "report", "question", "deny", "refuse_to_comment")
CERTAINTIES = ("certain", "probable", "possible", "underspecified")
POLARITIES = ("pos", "neg", "underspecified")
# What a negated cue does when its row names nothing (as in the English lexicon).
NEGATED_BY_STANCE = {
    "assert": ("refuse_to_comment", "underspecified", "underspecified"),
    "report": ("refuse_to_comment", "underspecified", "underspecified"),
    "deny": ("assert", "possible", "pos"),
    "question": ("question", "underspecified", "underspecified"),
    "refuse_to_comment": ("assert", "underspecified", "underspecified"),
}


@dataclass(frozen=True, slots=True)
class Factuality:
    stance: str
    certainty: str
    polarity: str


@dataclass(frozen=True, slots=True)
class VerbCue:
    lemma: str
    frame: str
    plain: Factuality
    negated: Factuality


@dataclass(frozen=True, slots=True)
class PhraseCue:
    noun: str
    preposition: str
    source_preposition: str
    factuality: Factuality
    anonymous: frozenset[str]


@dataclass(frozen=True, slots=True)
class Hedge:
    lemmas: tuple[str, ...]
    certainty: str
    polarity: str
    statement: bool


def rows(name: str) -> list[dict[str, str]]:
    return load_lexicon(name, PACKAGE)


def _factuality(stance: str, certainty: str, polarity: str, where: str) -> Factuality:
    if stance not in STANCES or certainty not in CERTAINTIES or polarity not in POLARITIES:
        raise ConfigError(f"bad factuality {stance!r} {certainty!r} {polarity!r}", where=where)
    return Factuality(stance, certainty, polarity)


@cache
def verb_cues() -> dict[str, VerbCue]:
    cues = {}
    for row in rows("cue_verbs"):
        where = f"lang/ru/lexicons/cue_verbs.tsv {row['lemma']}"
        plain = _factuality(row["stance"], row["certainty"], row["polarity"], where)
        negated = row["negated"].split() or list(NEGATED_BY_STANCE[plain.stance])
        if len(negated) != 3:
            raise ConfigError(
                f"negated must be 'stance certainty polarity', not {row['negated']!r}", where=where
            )
        stance, certainty, polarity = negated
        cues[row["lemma"]] = VerbCue(
            row["lemma"], row["frame"], plain, _factuality(stance, certainty, polarity, where)
        )
    return cues


@cache
def phrase_cues() -> dict[tuple[str, str], PhraseCue]:
    cues = {}
    for row in rows("cue_phrases"):
        where = f"lang/ru/lexicons/cue_phrases.tsv {row['noun']}"
        cues[(row["preposition"], row["noun"])] = PhraseCue(
            noun=row["noun"],
            preposition=row["preposition"],
            source_preposition=row["source"],
            factuality=_factuality(row["stance"], row["certainty"], row["polarity"], where),
            anonymous=frozenset(w for w in row["anonymous"].split("|") if w),
        )
    return cues


@cache
def hedges() -> tuple[Hedge, ...]:
    return tuple(
        Hedge(tuple(row["lemma"].split()), row["certainty"], row["polarity"], row["statement"] == "yes")
        for row in rows("hedges")
    )


@cache
def words(name: str, column: str = "lemma") -> frozenset[str]:
    return frozenset(row[column] for row in rows(name))


@cache
def outlet_names() -> dict[str, str]:
    """Lower-cased name or variant -> the outlet's usual name."""
    names = {}
    for row in rows("outlets"):
        for form in (row["name"], *row["variants"].split("|")):
            if form:
                names[form.lower()] = row["name"]
    return names
