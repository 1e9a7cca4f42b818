"""Quotations in Russian text: «ёлочки», „лапки“ (closed by “ or ”) and straight "double quotes".

A quotation may hold another one of the other kind («... „...“ ...»); only the outermost ones are
returned. Quotations of one or two words are names or scare quotes («Орда»), not speech.
"""

from __future__ import annotations

from dataclasses import dataclass

PAIRS = {"«": "»", "„": "“”", '"': '"', "“": "”"}
MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int  # the opening mark
    end: int  # just after the closing mark

    def inside(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def find_quotations(text: str) -> list[Quotation]:
    """The outermost quotations of at least ``MIN_WORDS`` words, in text order."""
    found = []
    i = 0
    while i < len(text):
        closers = PAIRS.get(text[i])
        if closers is None:
            i += 1
            continue
        end = _closing(text, i, closers)
        if end is None:
            i += 1
            continue
        if len(text[i + 1 : end].split()) >= MIN_WORDS:
            found.append(Quotation(i, end + 1))
        i = end + 1
    return found


def _closing(text: str, opening: int, closers: str) -> int | None:
    """Where the quotation opened at ``opening`` closes; nested «» pairs are skipped."""
    depth = 0
    for j in range(opening + 1, min(len(text), opening + 5000)):
        ch = text[j]
        if ch == text[opening] and closers != text[opening]:
            depth += 1
        elif ch in closers:
            if depth == 0:
                return j
            depth -= 1
        elif ch == "\n" and text[j + 1 : j + 2] == "\n":
            return None  # a quotation does not run across paragraphs
    return None
