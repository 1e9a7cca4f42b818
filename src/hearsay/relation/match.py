"""How much of a proposition a content states, and whether their arguments disagree."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import words as w
from .frame import Frame

# Share of the proposition's words a content must have to state it (with the core, see ``states``).
# Tuned on the sample article's evidence gold and FNC-1 train; a restatement has 0.4-1.0, another
# claim of the same story 0.1-0.35.
STATES = 0.3
# A proposition that names no subject ("It can make it through the year without aid") is anchored by
# nothing but its words: a content must share half of them to state it. (Read off wrong sides on the
# sample corpus's Wikinews claims: a third let unrelated quotes sharing "make" and "year" state it.)
STATES_UNANCHORED = 0.5
# Below this share, a content is not about the proposition at all.
TOPICAL = 0.15


@dataclass(frozen=True, slots=True)
class Match:
    """A content against a proposition."""

    coverage: float  # share of the proposition's words found in the content
    shared: frozenset[str]
    subject: bool  # the proposition's subject is in the content (True when it has none)
    core: bool  # its verb is (or, when it has none, one of its objects)
    objects: bool  # one of its core words, the verb or an object ("the bribe allegations")
    extras: bool  # one of its other arguments is
    conflict: str | None  # why the two are about different events, in words

    anchored: bool = True  # the proposition names a subject
    # what it says the subject did it to is in the content: "Apple releases Macbook" does not state "Apple
    # releases iPhone SDK" (True when the proposition has no object or further argument)
    thing: bool = True

    @property
    def states(self) -> bool:
        """The content states the proposition (or its negation)."""
        needed = STATES if self.anchored else STATES_UNANCHORED
        return self.conflict is None and self.subject and self.core and self.thing and self.coverage >= needed

    @property
    def states_loosely(self) -> bool:
        """States it by its objects without its verb: enough for a verdict to bear on it
        ("the bribe allegations against her are false")."""
        needed = STATES if self.anchored else STATES_UNANCHORED
        return self.conflict is None and self.subject and self.objects and self.coverage >= needed

    @property
    def about(self) -> bool:
        """The content is about what the proposition is about (its subject and one more argument)."""
        return (
            self.conflict is None
            and self.subject
            and (self.core or self.extras)
            and (self.coverage >= TOPICAL)
        )

    @property
    def topical(self) -> bool:
        return self.conflict is None and self.coverage >= TOPICAL


def match(proposition: Frame, content: Frame) -> Match:
    stems = proposition.stems
    shared = stems & content.stems
    coverage = len(shared) / len(stems) if stems else 0.0
    parsed = bool(proposition.subject or proposition.core)
    # The subject's own words: "Apple Corps sued Apple Computer" is not stated by a content that names only
    # Apple Computer.
    subject = (proposition.subject - proposition.core) or proposition.subject
    return Match(
        coverage=coverage,
        shared=frozenset(shared),
        subject=not subject or bool(subject & content.stems),
        core=_has_core(proposition, content) if parsed else coverage >= STATES,
        objects=bool(proposition.core & content.stems) if parsed else coverage >= STATES,
        extras=bool(proposition.extras & content.stems),
        conflict=conflict(proposition, content),
        anchored=bool(subject),
        thing=_has_thing(proposition, content) if parsed else True,
    )


_UNIVERSAL = frozenset({"any", "anyone", "anybody", "anything", "no", "none", "nobody", "nothing", "every"})


def _has_thing(proposition: Frame, content: Frame) -> bool:
    """What the proposition says its subject did something to is in the content: one of its objects or of
    its named arguments ("from Castellan Rail"). Read off the sample corpus's Wikinews claims, where a quarter
    of a random sample of supports shared only the subject and the verb ("Apple released a new lineup of
    MacBook Air laptops" for "Apple released their Media Center device")."""
    objects = proposition.core - proposition.predicate
    things = objects | (proposition.extras & proposition.names)
    if not things or things & content.stems:
        return True
    # A proposition with only a named argument ("died in the Korvel dam collapse") is stated by a content
    # that names no other ("fourteen people had died"), not by one naming another ("provided to Ford").
    if not objects and not content.names - proposition.names:
        return True
    return _universal(content.text)  # "it never paid any politician" covers the one named


@lru_cache(maxsize=20_000)
def _universal(text: str) -> bool:
    return bool(_UNIVERSAL & set(w.lowered_tokens(text)))


def _has_core(proposition: Frame, content: Frame) -> bool:
    """The content has the proposition's verb (or a synonym), or, when it has none, one of its objects:
    "the Arlen fire was started by a Nimbus heater" names the recalled heaters but does not recall them."""
    if proposition.predicate:
        return bool(proposition.predicate & content.stems)
    # Two of its words when it has two ("responsible" alone is enough for "Israel was responsible").
    return len(proposition.core & content.stems) >= min(2, len(proposition.core))


def conflict(proposition: Frame, content: Frame) -> str | None:
    """Different years or different figures: another incident, or another claim."""
    if proposition.years and content.years and not proposition.years & content.years:
        return (
            f"another time: the content names {_listed(content.years)}, "
            f"the proposition {_listed(proposition.years)}"
        )
    if proposition.numbers and content.numbers and not proposition.numbers & content.numbers:
        return (
            f"different figures: {_listed(content.numbers)} in the content, "
            f"{_listed(proposition.numbers)} in the proposition"
        )
    for name, noun, words in sorted(proposition.named):
        if name in content.stems:
            continue
        other = sorted(t for n, h, t in content.named if h == noun and n != name)
        if other:
            return f"another one: the content names the {other[0]}, the proposition the {words}"
    return None


def _listed(values: frozenset[str]) -> str:
    return ", ".join(sorted(values))
