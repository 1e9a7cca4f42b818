"""TimeML documents (TempEval-3, TimeBank): the TEXT, its creation date and its TIMEX3 spans.

A ``.tml`` file is XML. Its ``<TEXT>`` element holds the article with EVENT, TIMEX3 and SIGNAL
tags inline; the text a system reads is that element's characters with the tags removed, and
each TIMEX3 becomes a character span into it. The creation time is the ``<DCT>`` TIMEX3
(``functionInDocument="CREATION_TIME"``); it sits outside the TEXT and is never scored.
TIMEX3 elements with no text of their own (empty, non-consuming) have no extent and are skipped.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .xml_files import xml_root


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    name: str
    text: str
    created: dt.date | None
    timexes: tuple[GoldTimex, ...]
    path: Path


def read_timeml(path: str | Path) -> TimemlDocument:
    """One TimeML file; InputError naming the file when it is not well-formed TimeML."""
    path = Path(path)
    root = xml_root(path, "TimeML XML")
    text_element = root.find("TEXT")
    if text_element is None:
        raise InputError("has no <TEXT> element; is it a TimeML file?", where=str(path))
    pieces: list[str] = []
    timexes: list[GoldTimex] = []
    _walk(text_element, pieces, timexes)
    return TimemlDocument(
        name=path.stem,
        text="".join(pieces),
        created=_creation_date(root, path),
        timexes=tuple(timexes),
        path=path,
    )


def _walk(element: ET.Element, pieces: list[str], timexes: list[GoldTimex]) -> None:
    """Append the element's characters to ``pieces``, recording each TIMEX3 inside it."""
    start = sum(len(p) for p in pieces)
    pieces.append(element.text or "")
    for child in element:
        _walk(child, pieces, timexes)
        pieces.append(child.tail or "")
    if element.tag != "TIMEX3" or element.get("functionInDocument") == "CREATION_TIME":
        return
    covered = "".join(pieces)[start:]
    end = start + len(covered.rstrip())
    start += len(covered) - len(covered.lstrip())
    if end > start:
        timexes.append(
            GoldTimex(
                start=start,
                end=end,
                text=covered.strip(),
                type=element.get("type", ""),
                value=element.get("value", ""),
            )
        )


def _creation_date(root: ET.Element, path: Path) -> dt.date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                return dt.date.fromisoformat((timex.get("value") or "")[:10])
            except ValueError:
                raise InputError(
                    f"has a creation time that is not a date: {timex.get('value')!r}", where=str(path)
                ) from None
    return None


def timeml_files(folder: str | Path) -> list[Path]:
    """The ``.tml`` files under ``folder`` (any depth), sorted by their path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("is not a folder of TimeML files", where=str(folder))
    files = sorted(folder.rglob("*.tml"))
    if not files:
        raise InputError("has no .tml files; is it a TempEval-3 data folder?", where=str(folder))
    return files
