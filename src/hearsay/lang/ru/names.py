"""Named entities of a Russian text: natasha's names in their base form, grouped into entities.

"МИД" followed by "Казахстана" becomes one organisation, "МИД Казахстана"; a lone surname joins the
person whose full name ends with it (Смадияров → Айбек Смадияров); listed outlets are OUTLETs.
natasha's PER/ORG/LOC become hearsay's PERSON/ORG/GPE, the labels the English pipeline gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import outlet_names, words
from .parse import Name, Parsed

LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
PRONOUNS = {"он": "Masc", "она": "Fem", "его": "Masc", "её": "Fem", "ее": "Fem"}


@dataclass(slots=True)
class NameMention:
    start: int
    end: int
    text: str
    normal: str
    type: str
    tokens: tuple[int, ...]


@dataclass(slots=True)
class EntityDraft:
    id: str
    name: str
    type: str
    mentions: list[NameMention] = field(default_factory=list)
    roles: list[tuple[int, int, str]] = field(default_factory=list)
    gender: str | None = None


def find_entities(parsed: Parsed) -> list[EntityDraft]:
    """The document's entities, in order of first mention, with ids e1, e2, ..."""
    mentions = [
        m for name in parsed.names for part in _parts(parsed, name) if (m := _mention(part)) is not None
    ]
    mentions = _merge_organisations(parsed, [_institution_of(parsed, m) for m in mentions])
    mentions += _listed_outlets(parsed, mentions)
    mentions.sort(key=lambda m: m.start)
    entities: list[EntityDraft] = []
    for mention in mentions:
        entity = _same_entity(entities, mention) or _new_entity(entities, mention)
        entity.mentions.append(mention)
        if len(mention.normal) > len(entity.name) and mention.type == entity.type:
            entity.name = mention.normal
    for entity in entities:
        entity.gender = _gender(parsed, entity)
        entity.roles = [r for m in entity.mentions if (r := _role(parsed, m)) is not None]
    return entities


def _parts(parsed: Parsed, name: Name) -> list[Name]:
    """A name with its original spelling in brackets ("Ши Тао (Shi Tao)") is two mentions; edge
    punctuation is not part of a name."""
    groups: list[list[int]] = [[]]
    for i in name.tokens:
        if parsed.tokens[i].text in "()[]":
            groups.append([])
        else:
            groups[-1].append(i)
    parts = []
    normals = [n.strip() for n in name.normal.replace(")", "(").split("(")]
    for number, group in enumerate(g for g in groups if g):
        while group and parsed.tokens[group[-1]].pos == "PUNCT" and parsed.tokens[group[-1]].text != ".":
            group.pop()
        if not group:
            continue
        start, end = parsed.tokens[group[0]].start, parsed.tokens[group[-1]].end
        text = parsed.text[start:end]
        normal = normals[number] if len(groups) > 1 and number < len(normals) and normals[number] else text
        parts.append(
            Name(start, end, name.type, text, normal if len(groups) > 1 else name.normal, tuple(group))
        )
    return parts


def _mention(name: Name) -> NameMention | None:
    if name.text in words("not_names"):
        return None
    outlet = outlet_names().get(name.text.lower()) or outlet_names().get(name.normal.lower())
    if outlet:
        return NameMention(name.start, name.end, name.text, outlet, "OUTLET", name.tokens)
    kind = LABELS[name.type]
    if kind == "GPE" and name.normal.lower() in words("bloc_names"):
        kind = "ORG"
    return NameMention(name.start, name.end, name.text, name.normal, kind, name.tokens)


def _institution_of(parsed: Parsed, mention: NameMention) -> NameMention:
    """ "мэрии Москвы", "правительство Китая": a place in the genitive after an institution noun."""
    first = mention.tokens[0]
    head = parsed.tokens[first].head
    if mention.type != "GPE" or head is None or head != first - 1:
        return mention
    noun = parsed.tokens[head]
    if noun.pos != "NOUN" or noun.lemma not in words("institution_nouns"):
        return mention
    if parsed.tokens[first].feats.get("Case") not in ("Gen", None):
        return mention
    word = noun.text if noun.text.isupper() else noun.lemma
    return NameMention(
        noun.start,
        mention.end,
        parsed.text[noun.start : mention.end],
        word + parsed.text[noun.end : mention.start] + mention.text,
        "ORG",
        (head, *mention.tokens),
    )


def _merge_organisations(parsed: Parsed, mentions: list[NameMention]) -> list[NameMention]:
    """ "МИД" + "Казахстана" (a place in the genitive that depends on it) is one organisation."""
    merged: list[NameMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if previous is not None and previous.type == "ORG" and _genitive_of(parsed, mention, previous):
            gap = parsed.text[previous.end : mention.start]
            merged[-1] = NameMention(
                previous.start,
                mention.end,
                parsed.text[previous.start : mention.end],
                previous.normal + gap + mention.text,
                "ORG",
                previous.tokens + mention.tokens,
            )
            continue
        merged.append(mention)
    return merged


def _genitive_of(parsed: Parsed, place: NameMention, organisation: NameMention) -> bool:
    """A place or organisation right after an organisation, in the genitive and depending on it
    ("МИД Казахстана", "Палаты представителей Конгресса США")."""
    if place.type not in ("GPE", "ORG") or place.tokens[0] != organisation.tokens[-1] + 1:
        return False
    head = parsed.tokens[place.tokens[0]]
    return head.feats.get("Case") == "Gen" and head.head in organisation.tokens


def _listed_outlets(parsed: Parsed, found: list[NameMention]) -> list[NameMention]:
    """Listed outlets the NER missed ("Ulys-Media", "ura.ru"), one token each."""
    taken = {i for m in found for i in m.tokens}
    outlets = outlet_names()
    extra = []
    for token in parsed.tokens:
        if token.i in taken or not token.text[:1].isupper() and "." not in token.text:
            continue
        name = outlets.get(token.text.lower()) or outlets.get(token.lemma.lower())
        if name:
            extra.append(NameMention(token.start, token.end, token.text, name, "OUTLET", (token.i,)))
    return extra


def _same_entity(entities: list[EntityDraft], mention: NameMention) -> EntityDraft | None:
    for entity in entities:
        if entity.type != mention.type and "OUTLET" not in (entity.type, mention.type):
            continue
        if entity.name == mention.normal or mention.normal in (m.normal for m in entity.mentions):
            return entity
        if mention.type == "PERSON" and (
            _surname_of(mention.normal, entity.name) or _surname_of(entity.name, mention.normal)
        ):
            return entity
    return None


def _surname_of(short: str, full: str) -> bool:
    short_words, full_words = short.split(), full.split()
    return len(short_words) < len(full_words) and full_words[-len(short_words) :] == short_words


def _new_entity(entities: list[EntityDraft], mention: NameMention) -> EntityDraft:
    entity = EntityDraft(id=f"e{len(entities) + 1}", name=mention.normal, type=mention.type)
    entities.append(entity)
    return entity


def _gender(parsed: Parsed, entity: EntityDraft) -> str | None:
    if entity.type != "PERSON":
        return None
    for mention in entity.mentions:
        gender = parsed.tokens[mention.tokens[-1]].feats.get("Gender")
        if gender:
            return gender
    return None


def _role(parsed: Parsed, mention: NameMention) -> tuple[int, int, str] | None:
    """The role noun phrase right before a person's name ("официальный представитель МИД Казахстана")."""
    if mention.type != "PERSON":
        return None
    first = mention.tokens[0]
    sentence = parsed.sentence_of(first)
    roles = words("role_nouns")
    for i in range(first - 1, max(sentence.start, first - 8) - 1, -1):
        token = parsed.tokens[i]
        if token.lemma in roles and token.pos == "NOUN":
            span = [j for j in parsed.subtree(i) if j < first and j >= i - 3]
            start = min(span)
            while parsed.tokens[start].pos == "PUNCT" and start < first:
                start += 1
            if any(parsed.tokens[j].pos == "PUNCT" for j in range(start, first)):
                return None
            return (
                parsed.tokens[start].start,
                parsed.tokens[first - 1].end,
                parsed.text[parsed.tokens[start].start : parsed.tokens[first - 1].end],
            )
    return None


def pronoun_entity(parsed: Parsed, i: int, entities: list[EntityDraft]) -> EntityDraft | None:
    """The person "он"/"она" at token ``i`` most likely refers to: the last one named before it."""
    token = parsed.tokens[i]
    gender = PRONOUNS.get(token.text.lower())
    if gender is None:
        return None
    best: tuple[int, EntityDraft] | None = None
    for entity in entities:
        if entity.type != "PERSON" or entity.gender not in (gender, None):
            continue
        before = [m.start for m in entity.mentions if m.start < token.start]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), entity)
    return best[1] if best else None
