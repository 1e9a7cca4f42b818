"""The per-document lookups every attribution stage reads: the text, its quotations, cues and entities."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..doc_text import text_of
from ..drafts import EntityDraft
from ..quotes import CLOSING_MARKS, OPENING_MARKS, char_span, quote_ranges
from .cues import find_cues


class DocContext:
    """One document's text, quotation ranges, cues (by head and by start) and entities."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: list[EntityDraft] = doc._.hs_entities if doc._.hs_entities is not None else []
        doc._.hs_entities = self.entities
        self.text = text_of(doc)
        self.quotes = quote_ranges(self.text)
        self.cues = [cue for sentence in doc.sents for cue in find_cues(sentence)]
        self.by_head = {cue.head.i: cue for cue in self.cues}
        self.cue_heads = set(self.by_head)
        self.by_start = {cue.span.start_char: cue for cue in self.cues}
        self._quotations: dict[tuple[int, int], Span | None] = {}

    def entity_at(self, token: Token) -> tuple[EntityDraft | None, Span | None]:
        """The entity (not a NORP or a date) with a mention covering ``token``, and that mention."""
        for entity in self.entities:
            for mention in entity.mentions:
                if mention.start <= token.i < mention.end and entity.type not in ("NORP", "DATE"):
                    return entity, mention
        return None, None

    def opening_mark_start(self, start: int) -> int:
        """Where the opening marks of the quotation whose words start at ``start`` begin."""
        while start > 0 and self.text[start - 1] in OPENING_MARKS:
            start -= 1
        return start

    def quotation(self, start: int, end: int) -> Span | None:
        """The quotation with its marks, as the reader sees it (cut once per document and range)."""
        key = start, end
        if key in self._quotations:
            return self._quotations[key]
        text = self.text
        start = self.opening_mark_start(start)
        while end < len(text) and text[end] in CLOSING_MARKS:
            end += 1
        self._quotations[key] = quotation = char_span(self.doc, start, end)
        return quotation
