"""Candidate name mentions in a document, each with the evidence for its type.

Candidates come from spaCy's named entities, the outlet list, web addresses, "X-based"
premodifiers and outlet cues ("told X"). They are token-aligned and never overlap; "the" and
a possessive "'s" are never part of one. Each carries votes ``(type, source)``:

    ner       the model's label                         noun/strong/weak/hint  outlet cues
    list      a listed outlet ("exact" entries)         listctx   a listed outlet that is also a word
    domain    a web address (webcom: a ".com" one)      based     "X-based": a place
    role      a role noun before it or in apposition    (person evidence)
    platform  a listed social network ("Twitter"): an organisation whatever the model says
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import entity_rules as rules
from .doc_text import text_of
from .token_index import capitalised_proper_nouns

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
# Labels a role noun before a one-word name may overrule ("spokesperson X"): the model often
# calls an unfamiliar surname an organisation or a building; "NATO member Poland" stays a place.
PERSONABLE = frozenset({None, "PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


@dataclass(slots=True)
class Candidate:
    start: int  # token offsets into the Doc
    end: int
    ner: str | None = None
    votes: list[tuple[str, str]] = field(default_factory=list)
    outlet: str | None = None  # the outlet list's name, when the text is a listed outlet

    def sources(self) -> set[str]:
        return {source for _, source in self.votes}


def name_key(span: Span) -> str:
    """The text that makes two mentions the same name: case, apostrophes and spacing aside."""
    return " ".join(span.text.split()).casefold().replace("’", "'")


def tidy(span: Span) -> Span | None:
    """The name in an entity span: no leading "the", no trailing "'s" or "-based"."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and _leading_noise(doc[start]):
        start += 1
    while end > start:
        last = doc[end - 1]
        if last.lower_ == "based" and end - 2 > start and doc[end - 2].text == "-":
            end -= 2
        elif last.text in rules.POSSESSIVES or (_blank(last) and last.text != ")"):
            end -= 1
        else:
            break
    return doc[start:end] if start < end else None


def _blank(token: Token) -> bool:
    return token.is_punct or token.is_space


def _leading_noise(token: Token) -> bool:
    """ "the", punctuation, an honorific ("Mr Howard" -> "Howard"), or a role noun the model took
    into the name ("Farmer Tomas Horak"; but "General Motors", where "General" is a proper noun)."""
    if token.lower_ in rules.DETERMINERS or _blank(token):
        return True
    kind = rules.role_kind(token)
    return kind == "honorific" or (kind is not None and token.pos_ == "NOUN")


def collect(doc: Doc) -> list[Candidate]:
    """All candidate mentions, in document order, with their votes."""
    found = _split_possessives(doc, _from_ner(doc))
    owner: list[Candidate | None] = [None] * len(doc)
    for candidate in found:
        _own(owner, candidate)
    for candidate in sorted(_from_rules(doc), key=lambda c: c.start - c.end):
        _merge(owner, candidate)
    _from_cues(doc, owner)
    result = sorted({id(c): c for c in owner if c is not None}.values(), key=lambda c: c.start)
    for candidate in result:
        _add_context_votes(doc, candidate)
    return result


def _from_ner(doc: Doc) -> list[Candidate]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = tidy(ent)
        if span is not None:
            found.append(Candidate(span.start, span.end, ent.label_, [(ent.label_, "ner")]))
    return found


def _split_possessives(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Kazakhstan's National Security Committee" -> "Kazakhstan" + "National Security Committee",
    when the possessor is itself a name elsewhere in the document."""
    keys = {name_key(doc[c.start : c.end]) for c in found}
    result = []
    for candidate in found:
        cut = next(
            (i for i in range(candidate.start + 1, candidate.end - 1) if doc[i].text in rules.POSSESSIVES),
            None,
        )
        if cut is None or name_key(doc[candidate.start : cut]) not in keys:
            result.append(candidate)
            continue
        result.append(Candidate(candidate.start, cut))
        result.append(Candidate(cut + 1, candidate.end, candidate.ner, list(candidate.votes)))
    return result


def _from_rules(doc: Doc) -> list[Candidate]:
    found = []
    text = text_of(doc)
    for match in rules.outlet_matches(doc, text):
        source = "list" if match.mode == "exact" else "listctx"
        found.append(Candidate(match.span.start, match.span.end, None, [("OUTLET", source)], match.name))
    for token, kind in rules.web_addresses(doc, text):
        found.append(Candidate(token.i, token.i + 1, None, [("OUTLET", kind)]))
    for span in rules.platform_matches(doc):
        found.append(Candidate(span.start, span.end, None, [("ORG", "platform")]))
    for place in rules.based_places(doc, text):
        found.append(Candidate(place.start, place.end, None, [("GPE", "based")]))
    return found


def _own(owner: list[Candidate | None], candidate: Candidate) -> None:
    for i in range(candidate.start, candidate.end):
        owner[i] = candidate


def _merge(owner: list[Candidate | None], rule: Candidate) -> None:
    """Fit a rule-found candidate among the model's, keeping the better-founded span."""
    overlapping = {id(c): c for c in owner[rule.start : rule.end] if c is not None}
    if not overlapping:
        _own(owner, rule)
        return
    for other in overlapping.values():
        if (other.start, other.end) == (rule.start, rule.end):
            other.votes.extend(rule.votes)
            other.outlet = other.outlet or rule.outlet
            return
        if other.start <= rule.start and rule.end <= other.end:
            _merge_inside(other, rule, owner)
            return
    for other in overlapping.values():
        for i in range(other.start, other.end):
            owner[i] = None
    _own(owner, rule)


def _merge_inside(outer: Candidate, rule: Candidate, owner: list[Candidate | None]) -> None:
    sources = rule.sources()
    if sources & {"domain", "webcom", "based"} and outer.ner is not None:
        for i in range(outer.start, outer.end):
            owner[i] = None
        _own(owner, rule)
    elif outer.ner == "ORG" and rule.start == outer.start and "list" in sources:
        outer.votes.append(("OUTLET", "hint"))  # "BBC Radio 4"; "Michael Bloomberg" stays a person


def _capitalised_run(doc: Doc, start: int, owner: list[Candidate | None]) -> int:
    """The end of the run of capitalised proper-noun tokens starting at ``start``."""
    end = start
    while end < len(doc) and owner[end] is None:
        token = doc[end]
        name_word = token.pos_ == "PROPN" and (token.is_title or token.is_upper)
        inner_hyphen = token.text == "-" and start < end < len(doc) - 1 and doc[end + 1].is_title
        if not (name_word or inner_hyphen):
            break
        end += 1
    return end


def _from_cues(doc: Doc, owner: list[Candidate | None]) -> None:
    """Names the model missed, in an outlet's place: "told Zakon", "the newspaper Vremya"."""
    after = 1  # the next token a name may start at
    for i in capitalised_proper_nouns(doc):
        if i < after or owner[i] is not None:
            continue
        end = _capitalised_run(doc, i, owner)
        if end > i and not doc[i].is_sent_start:
            strength = rules.outlet_cue(doc, i, end)
            if strength in ("noun", "strong", "weak"):
                _own(owner, Candidate(i, end))
        after = max(end, i + 1)


def _add_context_votes(doc: Doc, candidate: Candidate) -> None:
    start, end = candidate.start, candidate.end
    strength = rules.outlet_cue(doc, start, end)
    if strength is not None:
        candidate.votes.append(("OUTLET", strength))
    if not all(t.is_title or t.is_upper or not t.is_alpha for t in doc[start:end]):
        return
    kind = rules.role_before(doc, start, end)
    several = sum(t.is_alpha for t in doc[start:end]) > 1
    if kind is not None and (candidate.ner in PERSONABLE or several):
        # "party member X" names a person only if the model saw one too
        if kind != "membership" or candidate.ner in (None, "PERSON"):
            candidate.votes.append(("PERSON", "role"))
    elif rules.role_in_apposition(doc, start, end) and candidate.ner in PERSONABLE:
        candidate.votes.append(("PERSON", "role"))
