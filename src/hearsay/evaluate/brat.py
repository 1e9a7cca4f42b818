"""Reads attribution relations from brat standoff files (``*.ann``) as PolNeAR writes them.

``T`` lines are text-bound spans, ``T12<TAB>Content 100 120;130 140<TAB>text``, whose ranges may
be discontinuous (joined by ``;``); ``E`` lines join them into one attribution:
``E3<TAB>Attribution:T5 Source:T6 Cue:T7 Content:T8`` (``Attribution-no-source`` as the trigger
when there is no source; a second content piece as ``Content2``). Offsets are characters of the
article's text file as it is on disk. The text field of a ``T`` line may run over several lines;
only the offsets are used, so continuation lines are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

ROLES = ("source", "cue", "content")

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
_ARGUMENT = re.compile(r"^([A-Za-z-]+?)\d*:(T\d+)$")

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Part:
    """One role of an attribution: character ranges (sorted, possibly several) and their text."""

    ranges: Ranges
    text: str

    @property
    def start(self) -> int:
        return self.ranges[0][0]

    @property
    def end(self) -> int:
        return self.ranges[-1][1]

    def to_dict(self) -> dict:
        return {"text": self.text, "ranges": [list(r) for r in self.ranges]}


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution relation: any of its roles may be missing (``None``)."""

    id: str
    source: Part | None
    cue: Part | None
    content: Part | None

    def part(self, role: str) -> Part | None:
        return getattr(self, role)

    def to_dict(self) -> dict:
        return {"id": self.id, **{role: (p.to_dict() if (p := self.part(role)) else None) for role in ROLES}}


def make_part(text: str, ranges: list[tuple[int, int]]) -> Part:
    """A part over ``ranges`` of ``text``; overlapping or touching ranges are merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return Part(tuple(merged), " … ".join(text[s:e] for s, e in merged))


def read_attributions(path: Path, text: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file over ``text``, in file order.

    Events with neither a cue nor a content (an empty ``Attribution-no-source``) are left out.
    Offsets outside the text raise InputError naming the file and line.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if match := _TEXT_BOUND.match(line):
            ranges = [_range(r) for r in match.group(3).split(";")]
            for start, end in ranges:
                if not 0 <= start <= end <= len(text):
                    raise InputError(
                        f"line {number}: span {start}-{end} is outside the text", where=str(path)
                    )
            spans[match.group(1)] = ranges
        elif match := _EVENT.match(line):
            found = [_argument(a) for a in match.group(2).split()]
            events.append((match.group(1), [a for a in found if a is not None]))
    result = []
    for event_id, arguments in events:
        by_role: dict[str, list[tuple[int, int]]] = {}
        for role, span_id in arguments:
            if role in ROLES and span_id in spans:
                by_role.setdefault(role, []).extend(spans[span_id])
        if "cue" not in by_role and "content" not in by_role:
            continue
        parts = {role: make_part(text, by_role[role]) if role in by_role else None for role in ROLES}
        result.append(Attribution(id=event_id, **parts))
    return result


def _range(text: str) -> tuple[int, int]:
    """A text-bound annotation's "START END" offsets."""
    start, end = text.split()
    return int(start), int(end)


def _argument(text: str) -> tuple[str, str] | None:
    match = _ARGUMENT.match(text)
    return (match.group(1).lower(), match.group(2)) if match else None
