"""The attribution cue tables and word lists, read from ``hearsay/extract/lexicons/``.

The words come from ``cue_verbs.tsv``, ``cue_phrases.tsv``, ``cue_nouns.tsv``, ``intention_nouns.tsv``,
``cue_adjectives.tsv``, ``cue_stance_nouns.tsv``, ``source_nouns.tsv``, ``evidence_nouns.tsv`` and
``medium_nouns.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ...errors import ConfigError
from ..lexicon import load_lexicon, load_numbered_lexicon

# "tell X", "inform X": the object is the hearer, not the content.
HEARER_OBJECT_VERBS = {"tell", "inform", "assure", "warn", "brief", "remind", "urge", "ask"}

# "released a statement", "posted a message": verbs that put words out.
RELEASE_VERBS = frozenset(["release", "issue", "post", "put", "send", "tweet"])

CLASSES = frozenset(["speech", "cognition", "refusal", "denial", "question"])
SOURCE_PLACES = frozenset(["subject", "object", "none"])
# The ``topic`` column of cue_nouns.tsv: which prepositions make "OWNER's NOUN + preposition + object" a cue.
TOPIC_PREPOSITIONS = ("for", "to", "on", "about", "over", "against")
NOUN_TOPICS = {"yes": TOPIC_PREPOSITIONS, "of": (*TOPIC_PREPOSITIONS, "of"), "no": ()}
LEXICONS = "hearsay.extract.lexicons"


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    frame: str  # a row of cue_frames.tsv: clause, np, both, vp, act, raising, quote, prep, ...
    cls: str  # speech, cognition, refusal, denial, question


@dataclass(frozen=True, slots=True)
class Frame:
    """How a cue of one frame finds its content and its source (a row of ``cue_frames.tsv``)."""

    name: str
    source: str  # subject, object, none
    trim_relative: bool
    content_rules: tuple[str, ...]


def _bad_line(name: str, number: int, message: str) -> ConfigError:
    return ConfigError(message, where=f"lexicons/{name}.tsv line {number}")


@cache
def frames() -> dict[str, Frame]:
    """The cue frames of ``cue_frames.tsv``, checked."""
    return read_frames()


def read_frames(package: str = LEXICONS) -> dict[str, Frame]:
    """The cue frames, checked: a known source place, yes/no, and known content rules."""
    from .content import CONTENT_RULES  # the rules live with the content stage

    table: dict[str, Frame] = {}
    for number, row in load_numbered_lexicon("cue_frames", package):
        rules = tuple(row["content"].split())
        unknown = [rule for rule in rules if rule not in CONTENT_RULES]
        if row["frame"] in table:
            raise _bad_line("cue_frames", number, f"frame {row['frame']!r} is listed twice")
        if row["source"] not in SOURCE_PLACES:
            places = ", ".join(sorted(SOURCE_PLACES))
            raise _bad_line("cue_frames", number, f"source {row['source']!r} is not one of {places}")
        if row["trim_relative"] not in ("yes", "no"):
            raise _bad_line(
                "cue_frames", number, f"trim_relative must be yes or no, not {row['trim_relative']!r}"
            )
        if not rules or unknown:
            known = ", ".join(sorted(CONTENT_RULES))
            raise _bad_line("cue_frames", number, f"unknown content rule(s) {unknown}; known: {known}")
        table[row["frame"]] = Frame(row["frame"], row["source"], row["trim_relative"] == "yes", rules)
    return table


def frame_of(entry: CueEntry) -> Frame:
    return frames()[entry.frame]


def read_cue_table(
    name: str, key: str, frame_column: str | None, frame: str = "", package: str = LEXICONS
) -> list[CueEntry]:
    """The cues of one lexicon, each checked: a key, a known frame and a known class, no repeats.

    ``frame_column`` names the column holding each cue's frame; without one, every cue has ``frame``.
    """
    entries: list[CueEntry] = []
    seen: set[str] = set()
    for number, row in load_numbered_lexicon(name, package):
        entry = CueEntry(row[key], row[frame_column] if frame_column else frame, row["class"])
        if not entry.lemma:
            raise _bad_line(name, number, f"the {key} is empty")
        if entry.lemma in seen:
            raise _bad_line(name, number, f"{entry.lemma!r} is listed twice")
        if entry.frame not in frames():
            known = ", ".join(frames())
            raise _bad_line(
                name, number, f"unknown frame {entry.frame!r}; known frames (cue_frames.tsv): {known}"
            )
        if entry.cls not in CLASSES:
            raise _bad_line(name, number, f"unknown class {entry.cls!r}; known: {', '.join(sorted(CLASSES))}")
        seen.add(entry.lemma)
        entries.append(entry)
    return entries


@cache
def verb_cues() -> dict[str, CueEntry]:
    return {entry.lemma: entry for entry in read_cue_table("cue_verbs", "lemma", "frame")}


@cache
def phrase_cues() -> dict[str, list[tuple[tuple[str, ...], CueEntry]]]:
    """Phrase patterns indexed by their first word."""
    index: dict[str, list[tuple[tuple[str, ...], CueEntry]]] = {}
    for entry in read_cue_table("cue_phrases", "pattern", "role"):
        pattern = tuple(entry.lemma.split())
        index.setdefault(pattern[0], []).append((pattern, entry))
    return index


@cache
def noun_cues() -> dict[str, CueEntry]:
    return {entry.lemma: entry for entry in read_cue_table("cue_nouns", "lemma", None, "noun")}


@cache
def noun_topics() -> dict[str, tuple[str, ...]]:
    """The prepositions that open each cue noun's topic ("her support for X"), from ``cue_nouns.tsv``."""
    return read_noun_topics()


def read_noun_topics(package: str = LEXICONS) -> dict[str, tuple[str, ...]]:
    """The ``topic`` column of ``cue_nouns.tsv``, checked: yes, of or no on every line."""
    topics: dict[str, tuple[str, ...]] = {}
    for number, row in load_numbered_lexicon("cue_nouns", package):
        if row.get("topic") not in NOUN_TOPICS:
            known = ", ".join(NOUN_TOPICS)
            raise _bad_line("cue_nouns", number, f"topic must be one of {known}, not {row.get('topic')!r}")
        topics[row["lemma"]] = NOUN_TOPICS[row["topic"]]
    return topics


@cache
def intention_nouns() -> dict[str, CueEntry]:
    """Nouns that report only as "OWNER's NOUN to VERB" (``intention_nouns.tsv``)."""
    return {entry.lemma: entry for entry in read_cue_table("intention_nouns", "lemma", None, "noun")}


@cache
def adjective_cues() -> dict[str, CueEntry]:
    return {entry.lemma: entry for entry in read_cue_table("cue_adjectives", "lemma", None, "adjective")}


@cache
def stance_noun_cues() -> dict[str, CueEntry]:
    """Nouns of a stance after "be" ("is a vocal critic of X"), from ``cue_stance_nouns.tsv``."""
    table = read_cue_table("cue_stance_nouns", "lemma", None, "adjective")
    return {entry.lemma: entry for entry in table}


@cache
def adverb_cues() -> dict[str, CueEntry]:
    return {entry.lemma: entry for entry in read_cue_table("cue_adverbs", "lemma", "frame")}


def check_cue_lexicons() -> None:
    """Load every cue table once, so that a bad line stops hearsay at start, naming file and line."""
    tables = (
        frames,
        verb_cues,
        phrase_cues,
        noun_cues,
        noun_topics,
        adjective_cues,
        stance_noun_cues,
        adverb_cues,
    )
    for table in tables:
        table()


def _lemmas(name: str) -> frozenset[str]:
    """The ``lemma`` column of a word-list lexicon."""
    return frozenset(row["lemma"] for row in load_lexicon(name))


@cache
def source_nouns() -> frozenset[str]:
    return _lemmas("source_nouns")


@cache
def evidence_nouns() -> frozenset[str]:
    return _lemmas("evidence_nouns")


@cache
def medium_nouns() -> frozenset[str]:
    return _lemmas("medium_nouns")


@cache
def instrument_verbs() -> frozenset[str]:
    return _lemmas("instrument_verbs")


@cache
def display_nouns() -> frozenset[str]:
    return _lemmas("display_nouns")


@cache
def _platforms() -> tuple[frozenset[str], frozenset[str]]:
    """Platform names (matched as written) and platform words (matched on the lemma)."""
    names = [row["name"] for row in load_lexicon("platforms")]
    return frozenset(n for n in names if not n.islower()), frozenset(n for n in names if n.islower())


def is_platform(token: Token) -> bool:
    """ "X", "Telegram", "state television", "his Telegram channel": a channel a statement goes out on."""
    names, words = _platforms()
    if token.text in names and token.ent_type_ not in ("DATE", "TIME"):
        return True
    return token.lemma_.lower() in words and token.pos_ == "NOUN"
