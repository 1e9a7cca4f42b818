"""Who a Russian statement is attributed to: the source phrase and the entity it names."""

from __future__ import annotations

from .drafts import StatementDraft
from .lexicon import words
from .names import PRONOUNS, EntityDraft, pronoun_entity
from .parse import Parsed
from .spans import char_span, trimmed

# A source phrase stops before these dependents: a relative or participial clause is not the name.
CUT_RELS = ("acl:relcl", "parataxis", "conj", "cc", "punct")


class SourceFinder:
    """Attaches sources to drafts, resolving them to the document's entities."""

    def __init__(self, parsed: Parsed, entities: list[EntityDraft]) -> None:
        self.parsed = parsed
        self.entities = entities
        self.last_speaker: EntityDraft | None = None  # "он" after a quoted person is that person

    def attach(self, draft: StatementDraft, head: int | None, within: list[int] | None = None) -> None:
        """Set the draft's source to the phrase headed by ``head`` (kept ``within`` those tokens)."""
        if head is None:
            return
        parsed = self.parsed
        indices = within if within is not None else self._phrase(head)
        edges = trimmed(parsed, indices)
        if edges is None:
            return
        draft.source = self._named_person(char_span(parsed, *edges)) or char_span(parsed, *edges)
        if parsed.tokens[head].lemma in words("source_nouns"):
            return  # "источник, близкий к следствию": unnamed
        draft.source_entity = self._entity(head, draft.source)
        speaker = next((e for e in self.entities if e.id == draft.source_entity), None)
        if speaker is not None and speaker.type == "PERSON":
            self.last_speaker = speaker

    def _named_person(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The person's name in "министр обороны Сергей Шойгу": the source, as in English; the words
        before it are the person's role (names.py keeps them with the entity)."""
        names = [m for e in self.entities if e.type == "PERSON" for m in e.mentions]
        inside = [m for m in names if span[0] <= m.start and m.end == span[1]]
        return (inside[0].start, inside[0].end) if inside else None

    def _phrase(self, head: int) -> list[int]:
        parsed = self.parsed
        keep = [head]
        for child in parsed.children(head):
            if parsed.tokens[child].rel in CUT_RELS and not self._inside_name(child):
                if parsed.tokens[child].rel != "punct":
                    continue
                if parsed.tokens[child].text in (",", "—", "(", ")", ":"):
                    continue
            keep += parsed.subtree(child)
        if parsed.tokens[head].lemma in words("source_nouns"):
            keep = parsed.subtree(head)  # keep "близкий к следствию" with the unnamed source
        return _contiguous_around(sorted(keep), head)

    def _inside_name(self, i: int) -> bool:
        start = self.parsed.tokens[i].start
        return any(m.start <= start < m.end for e in self.entities for m in e.mentions)

    def _entity(self, head: int, span: tuple[int, int]) -> str | None:
        inside = [
            (m, e) for e in self.entities for m in e.mentions if span[0] <= m.start and m.end <= span[1]
        ]
        persons = [(m, e) for m, e in inside if e.type == "PERSON"]
        head_token = self.parsed.tokens[head]
        for m, e in persons or inside:
            if m.start <= head_token.start < m.end:
                return e.id
        if persons:
            return persons[-1][1].id
        if inside and head_token.lemma not in words("role_nouns"):  # "глава КНБ" is not the KNB
            return inside[-1][1].id
        gender = PRONOUNS.get(head_token.text.lower())
        last = self.last_speaker
        if gender is not None and last is not None and last.gender in (gender, None):
            return last.id
        pronoun = pronoun_entity(self.parsed, head, self.entities)
        return pronoun.id if pronoun else None


def _contiguous_around(indices: list[int], head: int) -> list[int]:
    position = indices.index(head)
    first = last = position
    while first > 0 and indices[first - 1] == indices[first] - 1:
        first -= 1
    while last + 1 < len(indices) and indices[last + 1] == indices[last] + 1:
        last += 1
    return indices[first : last + 1]
