"""The attribution cue tables and word lists, read from ``hearsay/extract/lexicons/``.

The words come from ``cue_verbs.tsv``, ``cue_phrases.tsv``, ``cue_nouns.tsv``,
``cue_adjectives.tsv``, ``source_nouns.tsv``, ``evidence_nouns.tsv`` and ``medium_nouns.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon import load_lexicon

# "tell X", "inform X": the object is the hearer, not the content.
HEARER_OBJECT_VERBS = {"tell", "inform", "assure", "warn", "brief", "remind", "urge", "ask"}


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    frame: str  # clause, np, both, vp, act, raising, quote, prep, verb_noun, noun, adjective, adverb
    cls: str  # speech, cognition, refusal, denial, question


@cache
def verb_cues() -> dict[str, CueEntry]:
    return {r["lemma"]: CueEntry(r["lemma"], r["frame"], r["class"]) for r in load_lexicon("cue_verbs")}


@cache
def phrase_cues() -> dict[str, list[tuple[tuple[str, ...], CueEntry]]]:
    """Phrase patterns indexed by their first word."""
    index: dict[str, list[tuple[tuple[str, ...], CueEntry]]] = {}
    for row in load_lexicon("cue_phrases"):
        pattern = tuple(row["pattern"].split())
        index.setdefault(pattern[0], []).append(
            (pattern, CueEntry(row["pattern"], row["role"], row["class"]))
        )
    return index


@cache
def noun_cues() -> dict[str, CueEntry]:
    return {r["lemma"]: CueEntry(r["lemma"], "noun", r["class"]) for r in load_lexicon("cue_nouns")}


@cache
def adjective_cues() -> dict[str, CueEntry]:
    return {r["lemma"]: CueEntry(r["lemma"], "adjective", r["class"]) for r in load_lexicon("cue_adjectives")}


@cache
def source_nouns() -> frozenset[str]:
    return frozenset(r["lemma"] for r in load_lexicon("source_nouns"))


@cache
def evidence_nouns() -> frozenset[str]:
    return frozenset(r["lemma"] for r in load_lexicon("evidence_nouns"))


@cache
def medium_nouns() -> frozenset[str]:
    return frozenset(r["lemma"] for r in load_lexicon("medium_nouns"))
