"""What the clusterer reads of a page's contents, computed ahead by the process that prepares the page.

The join test (``claims.same_proposition``) compares a content and a candidate cluster's wording
through their frames (``hearsay.relation``'s and ``propositions.frame``), and a content's keys
are its content words: all pure functions of the text. ``Framer`` (in the helper process of
``prepared_pages``) computes them for the contents of the next page, and the titles they make,
that it has not sent before; ``remember`` (in the linker) hands them to those functions, which
answer them as they would have computed them. Which process computes a frame changes no link.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Reading
from ..relation.frame import FRAMES_KEPT, Frame, frame
from ..relation.frame import remember as remember_frames
from . import propositions
from .claims import content_words, remember_stems
from .titles import as_clause, title_of


class Framed(NamedTuple):
    """One text's frames, and its content words when it is a content (not a title)."""

    text: str
    frame: Frame
    proposition: propositions.Frame
    stems: tuple[str, ...] | None


class Framer:
    """Frames each text once per run (as many texts as the linker keeps frames of)."""

    def __init__(self) -> None:
        self.sent: set[str] = set()

    def page(self, readings: list[Reading]) -> list[Framed]:
        framed: list[Framed] = []
        for reading in readings:
            for statement in reading.statements:
                text = statement.content.text
                if not text.strip():
                    continue
                title = title_of(as_clause(text, statement.source.text, statement.cue.text))
                for wording, stems in ((text, True), (title, False)):
                    if wording in self.sent:
                        continue
                    if len(self.sent) >= FRAMES_KEPT:
                        self.sent.clear()
                    self.sent.add(wording)
                    framed.append(
                        Framed(
                            wording,
                            frame(wording),
                            propositions.frame(wording),
                            tuple(content_words(wording)) if stems else None,
                        )
                    )
        return framed


def remember(framed: list[Framed]) -> None:
    """Hand frames computed by another process to the functions that would compute them here."""
    remember_frames([f.frame for f in framed])
    propositions.remember([(f.text, f.proposition) for f in framed])
    remember_stems([(f.text, f.stems) for f in framed if f.stems is not None])
