"""The ECB+ corpus read into documents with entity mentions and their coreference chains.

Layout: ``DIR/ECB+/<topic>/<topic>_<n>ecb.xml`` and ``..._<n>ecbplus.xml`` (the two sub-topics of
a topic), plus ``DIR/ECBplus_coreference_sentences.csv``, the sentences whose annotation was
completed (Topic, File, Sentence Number). Each XML file has ``token`` elements (``t_id``,
``sentence``), markables anchored to tokens (``HUMAN_PART_PER m_id=...``), and relations:
``CROSS_DOC_COREF`` (``note`` = the instance id shared by every document's mentions of the
entity) and ``INTRA_DOC_COREF`` (a chain within one document).

The text hearsay reads is rebuilt from the tokens: one sentence per line, words joined by
spaces except before closing punctuation and after opening marks (``Reid 's`` -> ``Reid's``),
the ECB+ address line without spaces. Every token keeps its character offsets.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .gate import files_sha256
from .xml_files import xml_root

# Markable types that name an entity: human and non-human participants and locations. Times
# (TIME_*) are left out, since hearsay does not extract them as entities, and so are actions.
ENTITY_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")
SENTENCES_FILE = "ECBplus_coreference_sentences.csv"

_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'s", "’s", "n't", "'", "’", "”"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$", "“", "#"})
_QUOTES = {"``": '"', "''": '"'}
_FILE = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


@dataclass(frozen=True, slots=True)
class Token:
    id: str
    sentence: int
    start: int  # character offsets into the rebuilt text
    end: int


@dataclass(frozen=True, slots=True)
class GoldMention:
    id: str  # "<document>#<m_id>"
    type: str  # the markable tag: HUMAN_PART_PER, LOC_GEO, ...
    tokens: tuple[int, ...]  # positions in the document's token list
    chain: str  # instance id for a cross-document chain, "<document>#intra<r_id>", or the mention id


@dataclass(frozen=True, slots=True)
class EcbDocument:
    name: str  # "1_1ecb"
    topic: int
    text: str
    tokens: tuple[Token, ...]
    mentions: tuple[GoldMention, ...]  # entity mentions in the annotated sentences
    sentences: frozenset[int]  # the annotated sentences' numbers
    path: Path


def documents_folder(data_dir: str | Path) -> Path:
    folder = Path(data_dir) / "ECB+"
    if not folder.is_dir():
        raise InputError("has no ECB+ folder; is it the ECB+ data folder?", where=str(data_dir))
    return folder


def annotated_sentences(data_dir: str | Path) -> dict[str, set[int]]:
    """Sentence numbers with completed annotation, by document name ("1_10ecbplus")."""
    path = Path(data_dir) / SENTENCES_FILE
    if not path.exists():
        raise InputError(f"has no {SENTENCES_FILE}", where=str(data_dir))
    selected: dict[str, set[int]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = f"{int(row['Topic'])}_{row['File']}"
                selected.setdefault(name, set()).add(int(row["Sentence Number"]))
    except (KeyError, ValueError) as error:
        raise InputError(f"is not a Topic,File,Sentence Number table ({error})", where=str(path)) from None
    return selected


def topic_files(data_dir: str | Path, topics: Iterable[int]) -> dict[int, list[Path]]:
    """The XML files of each wanted topic that is present, both sub-topics, in a fixed order."""
    folder = documents_folder(data_dir)
    found: dict[int, list[Path]] = {}
    for topic in sorted(set(topics)):
        paths = [p for p in (folder / str(topic)).glob("*.xml") if _FILE.match(p.name)]
        if paths:
            found[topic] = sorted(paths, key=_file_order)
    if not found:
        raise InputError(f"has no ECB+ documents for topics {_ranges(topics)}", where=str(folder))
    return found


def _file_order(path: Path) -> tuple[int, int, str]:
    topic, number, kind = _FILE.match(path.name).groups()  # type: ignore[union-attr]
    return (int(topic), kind == "ecbplus", f"{int(number):04d}")


def _ranges(topics: Iterable[int]) -> str:
    values = sorted(set(topics))
    return f"{values[0]}-{values[-1]}" if values else "(none)"


def read_document(path: Path, selected: set[int]) -> EcbDocument:
    """One ECB+ XML file: its rebuilt text and the entity mentions of its annotated sentences."""
    root = xml_root(path, "ECB+ XML")
    name = path.name.removesuffix(".xml")
    text, tokens = rebuild_text(root.iter("token"))
    position = {token.id: i for i, token in enumerate(tokens)}
    chains = _chains(root, name)
    mentions = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        anchors = tuple(
            position[t_id] for a in markable.iter("token_anchor") if (t_id := a.get("t_id", "")) in position
        )
        if not anchors or not markable.tag.startswith(ENTITY_PREFIXES):
            continue
        if tokens[anchors[0]].sentence not in selected:
            continue
        m_id = markable.get("m_id", "")
        mention_id = f"{name}#{m_id}"
        mentions.append(GoldMention(mention_id, markable.tag, anchors, chains.get(m_id, mention_id)))
    return EcbDocument(
        name, int(name.split("_")[0]), text, tuple(tokens), tuple(mentions), frozenset(selected), path
    )


def _chains(root: ET.Element, name: str) -> dict[str, str]:
    """m_id -> chain id: the instance id of a cross-document chain, else a within-document chain."""
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    if relations is None:
        return chains
    for relation in relations:
        if relation.tag == "CROSS_DOC_COREF":
            chain = relation.get("note") or f"{name}#cross{relation.get('r_id')}"
        elif relation.tag == "INTRA_DOC_COREF":
            chain = f"{name}#intra{relation.get('r_id')}"
        else:
            continue
        for member in relation.iter("source"):
            chains.setdefault(member.get("m_id", ""), chain)
    return chains


def rebuild_text(elements: Iterable[ET.Element]) -> tuple[str, list[Token]]:
    """Readable text from the token elements, one sentence a line, and each token's offsets."""
    parts: list[str] = []
    tokens: list[Token] = []
    length = 0
    previous: tuple[int, str] | None = None
    address = quoted = False
    for element in elements:
        raw = element.text or ""
        sentence = int(element.get("sentence") or 0)
        if previous is None or previous[0] != sentence:
            gap = "" if previous is None else "\n"
            address, quoted = raw.startswith("http"), False
        elif address or _joined(previous[1], raw, quoted):
            gap = ""
        else:
            gap = " "
        if raw == '"':
            raw, quoted = ("``" if not quoted else "''"), not quoted
        word = _QUOTES.get(raw, raw)
        parts.append(gap)
        length += len(gap)
        tokens.append(Token(element.get("t_id") or "", sentence, length, length + len(word)))
        parts.append(word)
        length += len(word)
        previous = (sentence, raw)
    return "".join(parts), tokens


def _joined(before: str, word: str, quoted: bool) -> bool:
    """Whether ``word`` follows ``before`` without a space: "Reid 's", "Lohan ’ s", "( AP"."""
    if word == '"':
        return quoted  # a closing quote
    if word in _NO_SPACE_BEFORE or before in _NO_SPACE_AFTER or word.startswith("'"):
        return True
    return word == "s" and before in ("'", "’")


def digest(paths: Iterable[Path], data_dir: str | Path) -> str:
    """sha256 over the sentence table and the names and bytes of the files scored."""
    return files_sha256(paths, first=(Path(data_dir) / SENTENCES_FILE).read_bytes())
