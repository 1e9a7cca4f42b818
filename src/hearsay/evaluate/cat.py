"""CAT XML documents (the format of MEANTIME): tokens, event and entity mentions, relations.

CAT gives tokens without character offsets, so the text is rebuilt from them: tokens are joined
by single spaces, except before closing punctuation and after opening brackets, and sentences by a
blank line (the title and the dateline are sentences of their own). Each token keeps its
character range in the rebuilt text, so every mention has character offsets like hearsay's.

Read here: ``EVENT_MENTION`` (certainty, polarity, pred), ``ENTITY_MENTION``, the ``EVENT``
instances with their class (``SPEECH_COGNITIVE`` for reporting events) joined to mentions by
``REFERS_TO``, and ``HAS_PARTICIPANT`` with its semantic role (``Arg0`` = the speaker).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from ..errors import InputError
from .xml_files import xml_root

_NO_SPACE_BEFORE = frozenset(
    {
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "n't",
        "'",
        "''",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "US$", "#"})


@dataclass(frozen=True, slots=True)
class Token:
    id: str
    sentence: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    kind: str  # EVENT_MENTION or ENTITY_MENTION
    tokens: tuple[str, ...]  # token ids
    start: int  # character offsets of the first and last token in the rebuilt text
    end: int
    sentence: int
    attributes: dict[str, str]


@dataclass(frozen=True, slots=True)
class CatDocument:
    name: str
    path: Path
    text: str
    tokens: dict[str, Token]
    mentions: dict[str, Mention]
    instance_class: dict[str, str]  # mention id -> class of the EVENT instance it refers to
    participants: tuple[tuple[str, str, str], ...]  # (event mention id, participant mention id, role)

    def events(self) -> list[Mention]:
        return [m for m in self.mentions.values() if m.kind == "EVENT_MENTION"]

    def span_text(self, mention: Mention) -> str:
        return self.text[mention.start : mention.end]


def _spaced(previous: str | None, token: str) -> bool:
    if previous is None:
        return False
    return token not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER


def _rebuild(elements: list[ElementTree.Element]) -> tuple[str, dict[str, Token]]:
    parts: list[str] = []
    tokens: dict[str, Token] = {}
    length, previous, sentence = 0, None, None
    for element in elements:
        word = element.text or ""
        number = int(element.get("sentence", "0"))
        if sentence is not None and number != sentence:
            parts.append("\n\n")
            length, previous = length + 2, None
        elif _spaced(previous, word):
            parts.append(" ")
            length += 1
        tokens[element.get("t_id", "")] = Token(
            element.get("t_id", ""), number, word, length, length + len(word)
        )
        parts.append(word)
        length += len(word)
        previous, sentence = word, number
    return "".join(parts), tokens


def read_cat(path: str | Path, sentences: int | None = None) -> CatDocument:
    """One CAT XML file (its first ``sentences`` sentences when given), or InputError naming it."""
    path = Path(path)
    root = xml_root(path, "CAT XML")
    elements = root.findall("token")
    try:
        if sentences is not None:
            elements = [e for e in elements if int(e.get("sentence", "0")) < sentences]
        text, tokens = _rebuild(elements)
    except ValueError as error:
        raise InputError(f"has a token with a bad sentence number: {error}", where=str(path)) from None
    if not tokens:
        raise InputError("has no <token> elements; is it a CAT XML file?", where=str(path))
    mentions: dict[str, Mention] = {}
    markables = root.find("Markables")
    instances: dict[str, str] = {}
    for element in markables if markables is not None else ():
        if element.tag in ("EVENT_MENTION", "ENTITY_MENTION"):
            ids = tuple(a.get("t_id", "") for a in element.findall("token_anchor") if a.get("t_id") in tokens)
            if not ids:
                continue
            first, last = min(ids, key=lambda t: tokens[t].start), max(ids, key=lambda t: tokens[t].end)
            mentions[element.get("m_id", "")] = Mention(
                element.get("m_id", ""),
                element.tag,
                ids,
                tokens[first].start,
                tokens[last].end,
                tokens[first].sentence,
                dict(element.attrib),
            )
        elif element.tag == "EVENT":
            instances[element.get("m_id", "")] = element.get("class", "")
    instance_class: dict[str, str] = {}
    participants = []
    relations = root.find("Relations")
    for relation in relations if relations is not None else ():
        source = relation.find("source")
        targets = [t.get("m_id", "") for t in relation.findall("target")]
        if source is None:
            continue
        if relation.tag == "REFERS_TO":
            for target in targets:
                if target in instances:
                    instance_class[source.get("m_id", "")] = instances[target]
        elif relation.tag == "HAS_PARTICIPANT":
            role = relation.get("sem_role", "")
            participants += [(source.get("m_id", ""), t, role) for t in targets]
    return CatDocument(path.stem, path, text, tokens, mentions, instance_class, tuple(participants))
