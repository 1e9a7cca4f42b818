"""A Russian text through natasha: sentences, tokens with lemmas, UD syntax and named spans.

natasha's own records become the small typed ``Parsed`` here, with every token and name as
character offsets into the text and heads as token indices, so the rules never touch natasha.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import natasha

from .models import Models, load_models


@dataclass(slots=True)
class Token:
    i: int  # index in the text's token list
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    feats: dict[str, str]
    head: int | None  # index of the head token; None for a sentence's root
    rel: str
    sent: int


@dataclass(frozen=True, slots=True)
class Name:
    """A named entity as natasha's NER finds it: PER, LOC or ORG, with its base form."""

    start: int
    end: int
    type: str
    text: str
    normal: str
    tokens: tuple[int, ...]


@dataclass(slots=True)
class Parsed:
    text: str
    tokens: list[Token]
    sentences: list[range]  # token indices of each sentence
    names: list[Name]
    _children: dict[int, list[int]] = field(default_factory=dict)

    def children(self, i: int) -> list[int]:
        if not self._children and self.tokens:
            for token in self.tokens:
                if token.head is not None:
                    self._children.setdefault(token.head, []).append(token.i)
        return self._children.get(i, [])

    def subtree(self, i: int) -> list[int]:
        """``i`` and every token below it, in text order."""
        found, todo = [], [i]
        while todo:
            j = todo.pop()
            found.append(j)
            todo.extend(self.children(j))
        return sorted(found)

    def sentence_of(self, i: int) -> range:
        return self.sentences[self.tokens[i].sent]


def parse(text: str, models: Models | None = None) -> Parsed:
    """natasha's full pipeline over ``text``: segmentation, morphology, lemmas, syntax, NER."""
    models = models or load_models()
    doc = natasha.Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    return _parsed(doc, models)


def _parsed(doc: natasha.Doc, models: Models) -> Parsed:
    tokens: list[Token] = []
    sentences: list[range] = []
    for number, sent in enumerate(doc.sents):
        first = len(tokens)
        ids = {t.id: first + k for k, t in enumerate(sent.tokens)}
        for k, t in enumerate(sent.tokens):
            t.lemmatize(models.morph_vocab)
            tokens.append(
                Token(
                    i=first + k,
                    start=t.start,
                    end=t.stop,
                    text=t.text,
                    lemma=t.lemma or t.text.lower(),
                    pos=t.pos or "X",
                    feats=t.feats or {},
                    head=ids.get(t.head_id),
                    rel=t.rel or "dep",
                    sent=number,
                )
            )
        sentences.append(range(first, len(tokens)))
    starts = {t.start: t.i for t in tokens}
    ends = {t.end: t.i for t in tokens}
    names = []
    for span in doc.spans:
        span.normalize(models.morph_vocab)
        if span.start in starts and span.stop in ends:
            covered = tuple(range(starts[span.start], ends[span.stop] + 1))
            names.append(Name(span.start, span.stop, span.type, span.text, span.normal or span.text, covered))
    return Parsed(text=doc.text, tokens=tokens, sentences=sentences, names=names)
