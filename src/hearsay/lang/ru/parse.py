"""A Russian text through natasha: sentences, tokens with lemmas, UD syntax and named spans.

natasha's own records become the small typed ``Parsed`` here, with every token and name as
character offsets into the text and heads as token indices, so the rules never touch natasha.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import natasha
from natasha.doc import DocSent, DocSpan, DocToken

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
        found, todo = {i}, [i]
        while todo:
            for child in self.children(todo.pop()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return sorted(found)

    def sentence_of(self, i: int) -> range:
        return self.sentences[self.tokens[i].sent]


def parse(text: str, models: Models | None = None) -> Parsed:
    """natasha's full pipeline over ``text``: segmentation, morphology, lemmas, syntax, NER.

    Sentences never cross a line break: a headline has no full stop, and natasha's sentence
    splitter would run it into the next sentence. The whole text stays one natasha Doc, so its
    taggers see all sentences in one batch (as fast as natasha's own pipeline).
    """
    models = models or load_models()
    doc = natasha.Doc(text)
    doc.tokens, doc.sents, doc.spans = [], [], []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for start, stop, words in models.segmenter.sentenize(line):
                doc.sents.append(DocSent(offset + start, offset + stop, words))
            for start, stop, word in models.segmenter.tokenize(line):
                doc.tokens.append(DocToken(offset + start, offset + stop, word))
            # NER line by line: on the factRuEval devset it finds organisations better so (ORG F1
            # 0.801 against 0.796 over the whole text)
            for start, stop, kind in models.ner_tagger(line).spans:
                doc.spans.append(DocSpan(offset + start, offset + stop, kind, line[start:stop]))
        offset += len(line) + 1
    doc.envelop_sent_tokens()
    doc.sents = [sent for sent in doc.sents if sent.tokens]
    parsed = Parsed(text=text, tokens=[], sentences=[], names=[])
    if doc.sents:
        doc.tag_morph(models.morph_tagger)
        doc.parse_syntax(models.syntax_parser)
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()
        _add(parsed, doc, models, 0)
    return parsed


def _add(parsed: Parsed, doc: natasha.Doc, models: Models, offset: int) -> None:
    tokens, sentences = parsed.tokens, parsed.sentences
    line_first = len(tokens)
    for sent in doc.sents:
        first = len(tokens)
        ids = {t.id: first + k for k, t in enumerate(sent.tokens)}
        for k, t in enumerate(sent.tokens):
            t.lemmatize(models.morph_vocab)
            tokens.append(
                Token(
                    i=first + k,
                    start=offset + t.start,
                    end=offset + t.stop,
                    text=t.text,
                    lemma=t.lemma or t.text.lower(),
                    pos=t.pos or "X",
                    feats=t.feats or {},
                    head=ids.get(t.head_id),
                    rel=t.rel or "dep",
                    sent=len(sentences),
                )
            )
        sentences.append(range(first, len(tokens)))
        _break_cycles(tokens, range(first, len(tokens)))
    starts = {t.start: t.i for t in tokens[line_first:]}
    ends = {t.end: t.i for t in tokens[line_first:]}
    for span in doc.spans:
        span.normalize(models.morph_vocab)
        start, end = offset + span.start, offset + span.stop
        if start in starts and end in ends:
            covered = tuple(range(starts[start], ends[end] + 1))
            parsed.names.append(Name(start, end, span.type, span.text, span.normal or span.text, covered))


def _break_cycles(tokens: list[Token], sentence: range) -> None:
    """The parser's heads can loop (a → b → a); the token that closes a loop becomes a root."""
    for i in sentence:
        path: list[int] = []
        j: int | None = i
        while j is not None and j not in path:
            path.append(j)
            j = tokens[j].head
        if j is not None:
            tokens[path[-1]].head = None
            tokens[path[-1]].rel = "root"
