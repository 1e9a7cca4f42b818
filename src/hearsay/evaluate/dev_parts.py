"""The parts of MEANTIME and the factuality splits hearsay may be measured on; held-out parts are never read.

``../shared/data/README.md``: MEANTIME is here for the topics airbus, apple and gm; its fourth topic
(stock) is kept apart for independent checks. The factuality splits (Jiang and de Marneffe's JSONL)
are here as train and dev; their MEANTIME files mix sentences of all four topics, so a MEANTIME
sentence is scored only when it is a sentence of a dev-topic CAT file (same words, punctuation and
case aside). Sentences of any other topic are dropped unread by hearsay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

from ..errors import ConfigError, InputError

DEV_TOPICS = ("airbus", "apple", "gm")
TOPIC_PREFIX = "corpus_"  # MEANTIME's topic folders: corpus_airbus, ...
FACTUALITY_SPLITS = ("train", "dev")
_NOT_WORD = re.compile(r"[\W_]+")


def topic_of(path: Path) -> str:
    """The MEANTIME topic of a CAT file: its folder's name without ``corpus_``."""
    return path.parent.name.removeprefix(TOPIC_PREFIX)


def dev_topic_files(files: Iterable[Path]) -> list[Path]:
    """The CAT files of the dev topics; files of any other topic are left out."""
    return [
        path for path in files if path.parent.name.startswith(TOPIC_PREFIX) and topic_of(path) in DEV_TOPICS
    ]


def sentence_key(words: Iterable[str]) -> str:
    """A sentence's words, lower-cased, without spaces or punctuation: the same across tokenisations."""
    return _NOT_WORD.sub("", "".join(words).lower())


def dev_topic_sentences(meantime_dir: Path) -> frozenset[str]:
    """The keys of every sentence of the dev topics' CAT files under ``meantime_dir``."""
    files = dev_topic_files(meantime_dir.rglob("*.xml"))
    if not files:
        raise InputError(
            f"has no CAT files of the dev topics ({', '.join(DEV_TOPICS)}) in corpus_TOPIC folders; "
            "MEANTIME's factuality sentences are scored only when they are found there",
            where=str(meantime_dir),
        )
    keys: set[str] = set()
    for path in files:
        sentences: dict[str, list[str]] = {}
        for token in ElementTree.parse(path).getroot().iter("token"):
            sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
        keys.update(sentence_key(words) for words in sentences.values())
    return frozenset(keys)


def check_split(split: str) -> None:
    """Only the train and dev splits are read: a test split is held out."""
    if split not in FACTUALITY_SPLITS:
        raise ConfigError(
            f"--split {split}: only {' and '.join(FACTUALITY_SPLITS)} are scored (the rest is held out)"
        )
