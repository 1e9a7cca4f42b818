"""A whole document against a proposition: does the report support it, refute it, discuss it, or is it
about something else? This is the answer ``hearsay eval fnc1`` scores.

Related or not: the document is about the proposition when one of its statements or of its own sentences
has ``SENTENCE_COVER`` of the proposition's words, or its whole text has ``DOCUMENT_COVER`` of them.

Which side: a report keeps one voice towards the story it tells, and that voice decides, more than any
single statement in it (on FNC-1's training side, adding the relations of single statements did not
help once the voice was counted). ``lexicons/voice.tsv`` lists the words by which a report keeps its
distance ("reportedly", "claims", "could not be verified") and those by which it calls a story false
("hoax", "photoshopped", "denied"). In order:

1. a proposition that itself calls something false or negates it ("the video is a hoax") is supported by
   a document that debunks, and discussed by one that does not;
2. a document that debunks ``DEBUNKS`` times, or in its opening and more than once, refutes it;
3. a proposition that is itself hedged ("X reportedly ..."), attributed ("X says ...") or asked is discussed;
4. a document whose opening (its first ``OPENING_SENTENCES`` sentences) keeps no distance states the
   story as fact: it supports it; so does one that states it in its own voice (one of its sentences
   outside every statement has ``OWN_COVER`` of the proposition's words) and keeps little distance (at most
   ``OWN_DISTANCE`` in its opening), where a proposition a source is quoted on is only reported;
5. otherwise the document discusses it.

A document in another language than English is read the same way by its language's words
(``hearsay.lang.relation_words``: Russian "якобы", "по данным" keep the distance, "фейк", "опроверг",
"не соответствует действительности" debunk, stems of Russian words for the cover). A proposition and a
document in different languages share no words: the document is ``unrelated`` by words, with the rule
``document-other-language`` (``hearsay evidence`` relates its statements by meaning instead).

The thresholds were tuned on FNC-1's training side (the bodies whose Body ID's sha1 is not 0 modulo 5);
docs/quality.md gives the figures on both sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..extract.lexicon import load_lexicon
from ..lang import relation_words, text_language
from ..lang.relation_words import RelationWords, words_of
from ..model import Reading, Relation, RelationKind, Strength
from . import words as w
from .frame import Frame, proposition_frame

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|$)")
# The least share of the proposition's words that one sentence, or the whole text, must have.
SENTENCE_COVER = 0.3
DOCUMENT_COVER = 0.5
# The opening, where a report says what it makes of its story.
OPENING_SENTENCES = 3
DEBUNKS = 5
OWN_COVER = 0.5
OWN_DISTANCE = 1


def relate_document(proposition: str | Frame, reading: Reading) -> Relation:
    """The document's relation to ``proposition`` (see the module docstring)."""
    wanted = proposition if isinstance(proposition, Frame) else proposition_frame(proposition)
    text = reading.document.text if reading.document is not None else ""
    language, asked = text_language(text), text_language(wanted.text)
    if language != asked:
        reason = "in another language than the proposition: no shared words (statements compare by meaning)"
        return Relation("unrelated", None, reason, 0.0, "document-other-language")
    if language != "en":
        return _relate_by_words(wanted.text, reading, text, relation_words(language))
    contents = [(s.content.text, False) for s in reading.statements]
    contents += [(sentence, True) for sentence in _own_sentences(reading, text)]
    best, best_cover, own = "", 0.0, False
    for content, outlets in contents:
        cover = _cover(wanted, content)
        if cover > best_cover:
            best, best_cover, own = content, cover, outlets
    document_cover = _cover(wanted, text)
    if best_cover < SENTENCE_COVER and document_cover < DOCUMENT_COVER:
        reason = (
            f"no sentence states it (best {best_cover:.2f}); the text has {document_cover:.0%} of its words"
        )
        return Relation("unrelated", None, reason, best_cover, "document-unrelated")
    said = w.shorten(best) if best_cover >= SENTENCE_COVER else ""
    relation, reason, rule = _side(wanted, _voice(text), said, own and best_cover >= OWN_COVER)
    strength: Strength | None = "probable" if relation in ("supports", "refutes") else None
    return Relation(relation, strength, reason, max(best_cover, document_cover), rule)


def _side(proposition: Frame, voice: Voice, said: str, in_own_voice: bool) -> tuple[RelationKind, str, str]:
    """The relation of a document that is about the proposition, its reason and its rule.

    ``in_own_voice``: the sentence that states the proposition best is the outlet's own, not a statement.
    """
    calls_false = bool(_debunks(proposition.text)) or proposition.negated or proposition.verdict == "false"
    return _side_of(voice, said, in_own_voice, calls_false, _hedged(proposition.text))


def _side_of(
    voice: Voice, said: str, in_own_voice: bool, calls_false: bool, hedged: bool
) -> tuple[RelationKind, str, str]:
    """``_side`` once the proposition is read: whether it calls something false, whether it is hedged."""
    if calls_false:
        if voice.debunks:
            reason = f"it calls a story false, and so does the document ({voice.debunk_words})"
            return "supports", reason, "document-debunks-too"
        return "discusses", "it calls a story false; the document does not", "document-no-debunk"
    if voice.debunks >= DEBUNKS or (voice.opening_debunks and voice.debunks >= 2):
        return "refutes", f"the document calls the story false ({voice.debunk_words})", "document-debunks"
    if hedged:
        return (
            "discusses",
            "the proposition is itself hedged, attributed or asked",
            "document-hedged-proposition",
        )
    if not voice.opening_distance:
        reason = "the document states the story as fact" + (f" ('{said}')" if said else "")
        return "supports", reason, "document-states"
    if in_own_voice and voice.opening_distance <= OWN_DISTANCE:
        return "supports", f"the document states it in its own voice ('{said}')", "document-own-voice"
    return "discusses", f"the document keeps its distance ({voice.distance_words})", "document-distance"


@dataclass(frozen=True, slots=True)
class Voice:
    """How often a text keeps its distance and calls a story false, in all and in its opening."""

    debunks: int
    opening_debunks: int
    opening_distance: int
    debunk_words: str  # the first few, for the reason
    distance_words: str


@lru_cache(maxsize=4096)
def _voice(text: str) -> Voice:
    debunks = _debunks(text)
    opening = _opening(text)
    return Voice(
        debunks=len(debunks),
        opening_debunks=len(_debunks(opening)),
        opening_distance=len(_distance(opening)),
        debunk_words=_listed(debunks),
        distance_words=_listed(_distance(text)),
    )


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """One pattern per kind of ``voice.tsv``, longest phrase first; ``*`` matches the rest of a word."""
    phrases: dict[str, list[str]] = {}
    for row in load_lexicon("voice", w.LEXICONS):
        parts = [
            re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "")
            for word in row["phrase"].split()
        ]
        phrases.setdefault(row["kind"], []).append(r"\s+".join(parts))
    return {
        kind: re.compile(r"\b(?:" + "|".join(sorted(found, key=len, reverse=True)) + r")\b", re.IGNORECASE)
        for kind, found in phrases.items()
    }


def _hedged(text: str) -> bool:
    """The text keeps its distance, names who claims it ("X says") or asks."""
    return bool(_distance(text) or _patterns()["attribution"].search(text) or "?" in text)


def _debunks(text: str) -> list[str]:
    return _patterns()["debunk"].findall(text)


def _distance(text: str) -> list[str]:
    return _patterns()["distance"].findall(text)


def _cover(proposition: Frame, text: str) -> float:
    """The share of the proposition's words that ``text`` has (``match``'s coverage, from words alone)."""
    return len(proposition.stems & _stems(text)) / len(proposition.stems) if proposition.stems else 0.0


@lru_cache(maxsize=65_536)
def _stems(text: str) -> frozenset[str]:
    """The content-word stems of a text, as ``frame`` finds them (without its lexicon phrases)."""
    return frozenset(w.stem(t) for t in w.tokens(text) if w.number_value(t) is None and w.is_content_word(t))


def _opening(text: str) -> str:
    """The text up to the end of its ``OPENING_SENTENCES``-th sentence (of 12 characters or more)."""
    ends = [found.end() for found in _SENTENCE.finditer(text) if len(found.group().strip()) >= 12]
    return text[: ends[OPENING_SENTENCES - 1]] if len(ends) >= OPENING_SENTENCES else text


def _listed(found: list[str], most: int = 3) -> str:
    distinct = list(dict.fromkeys(f.casefold() for f in found))
    return ", ".join(f"'{f}'" for f in distinct[:most]) or "none"


def _own_sentences(reading: Reading, text: str) -> list[str]:
    """The document's sentences that no statement covers: the outlet's own assertions."""
    covered = [(min(s.content.start, s.cue.start), max(s.content.end, s.cue.end)) for s in reading.statements]
    sentences = []
    for found in _SENTENCE.finditer(text):
        start, end = found.span()
        sentence = found.group().strip()
        if len(sentence) >= 12 and not any(a < end and start < b for a, b in covered):
            sentences.append(sentence)
    return sentences


def _relate_by_words(proposition: str, reading: Reading, text: str, words: RelationWords) -> Relation:
    """``relate_document`` for a proposition and a document in one language other than English."""
    wanted = words.content_stems(proposition)

    def cover(part: str) -> float:
        return len(wanted & words.content_stems(part)) / len(wanted) if wanted else 0.0

    contents = [(s.content.text, False) for s in reading.statements]
    contents += [(sentence, True) for sentence in _own_sentences(reading, text)]
    best, best_cover, own = max(
        ((c, cover(c), o) for c, o in contents), key=lambda f: f[1], default=("", 0.0, False)
    )
    document_cover = cover(text)
    if best_cover < SENTENCE_COVER and document_cover < DOCUMENT_COVER:
        reason = (
            f"no sentence states it (best {best_cover:.2f}); the text has {document_cover:.0%} of its words"
        )
        return Relation("unrelated", None, reason, best_cover, "document-unrelated")
    said = w.shorten(best) if best_cover >= SENTENCE_COVER else ""
    debunks = _found(words, "debunk", text)
    opening = _opening(text)
    voice = Voice(
        debunks=len(debunks),
        opening_debunks=len(_found(words, "debunk", opening)),
        opening_distance=len(_found(words, "distance", opening)),
        debunk_words=_listed(debunks),
        distance_words=_listed(_found(words, "distance", text)),
    )
    calls_false = bool(_found(words, "debunk", proposition)) or words.negations(proposition) % 2 == 1
    hedged = bool(_found(words, "distance", proposition) or words.has("attribution", proposition))
    relation, reason, rule = _side_of(
        voice, said, own and best_cover >= OWN_COVER, calls_false, hedged or "?" in proposition
    )
    strength: Strength | None = "probable" if relation in ("supports", "refutes") else None
    return Relation(relation, strength, reason, max(best_cover, document_cover), rule)


def _found(words: RelationWords, kind: str, text: str) -> list[str]:
    """The words of every ``kind`` phrase in ``text``, as they are written there."""
    lowered = words_of(text)
    return [" ".join(lowered[a:b]) for a, b in words.found_in(kind, lowered)]
