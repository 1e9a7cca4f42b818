"""What the clusterer reads of a page's contents, computed ahead by the process that prepares the page.

The join test (``claims.same_proposition``) compares a content and a candidate cluster's wording
through their frames (``hearsay.relation``'s and ``propositions.frame``), a content's keys are
its content words, and a statement's title its content as a clause (``titles``): all pure
functions of the text. ``Framer`` (in the helper process of ``prepared_pages``) computes them for
the contents of the next page, and the titles they make, that it has not sent before;
``remember`` (in the linker) hands them to those functions, which answer them as they would have
computed them. Which process computes them changes no link. The frames cross the pipe as tuples
of their fields: unpickling a frozen dataclass reads its fields anew for every object.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, NamedTuple

from ..model import Reading
from ..relation.frame import FRAMES_KEPT, Frame, frame
from ..relation.frame import remember as remember_frames
from . import propositions
from .claims import content_words, remember_stems
from .titles import TITLES_KEPT, as_clause, title_of
from .titles import remember as remember_clauses


class Framed(NamedTuple):
    """One text's frames (as tuples of their fields), and its content words when it is a content."""

    text: str
    frame: tuple[Any, ...]
    proposition: tuple[Any, ...]
    stems: tuple[str, ...] | None


def _fields_of(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_FRAME_FIELDS = _fields_of(Frame)
_PROPOSITION_FIELDS = _fields_of(propositions.Frame)


Clause = tuple[str, str | None, str | None, str, str]  # content, source, cue: its clause and title


class Framer:
    """Frames each text once per run (as many texts as the linker keeps frames of)."""

    def __init__(self) -> None:
        self.sent: set[tuple[str, bool]] = set()
        self.worded: set[tuple[str, str | None, str | None]] = set()

    def page(self, readings: list[Reading]) -> tuple[list[Framed], list[Clause]]:
        framed: list[Framed] = []
        clauses: list[Clause] = []
        for reading in readings:
            for statement in reading.statements:
                text = statement.content.text
                if not text.strip():
                    continue
                said = (text, statement.source.text, statement.cue.text)
                clause = as_clause(*said)
                title = title_of(clause)
                if said not in self.worded:
                    if len(self.worded) >= TITLES_KEPT:
                        self.worded.clear()
                    self.worded.add(said)
                    clauses.append((*said, clause, title))
                for wording, stems in ((text, True), (title, False)):
                    if (wording, stems) in self.sent:
                        continue
                    if len(self.sent) >= FRAMES_KEPT:
                        self.sent.clear()
                    self.sent.add((wording, stems))
                    relation_frame, proposition = frame(wording), propositions.frame(wording)
                    framed.append(
                        Framed(
                            wording,
                            tuple(getattr(relation_frame, name) for name in _FRAME_FIELDS),
                            tuple(getattr(proposition, name) for name in _PROPOSITION_FIELDS),
                            tuple(content_words(wording)) if stems else None,
                        )
                    )
        return framed, clauses


def remember(framed: list[Framed], clauses: list[Clause]) -> None:
    """Hand frames computed by another process to the functions that would compute them here."""
    remember_clauses(clauses)
    remember_frames([Frame(*f.frame) for f in framed])
    propositions.remember([(f.text, propositions.Frame(*f.proposition)) for f in framed])
    remember_stems([(f.text, f.stems) for f in framed if f.stems is not None])
