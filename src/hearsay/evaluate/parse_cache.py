"""An evaluation's spaCy parses kept on disk, so that re-running hearsay's rules skips the parser.

Judging an attribution rule means reading the same split again and again; spaCy's tagger, parser and
recogniser take most of that time and do not change between runs. ``read_with_cache`` reads documents
as ``hearsay.extract.pipeline.extract_english`` does, but keeps each Doc as spaCy's components left it
(after ``hearsay_paragraphs``, which sets sentence starts before the parser), one file per document,
and on the next run loads it and runs only hearsay's own components. A file's name is a hash of the
text, the spaCy version, the pipeline's name, version and config, and the code that shapes the parse
(the paragraph breaks and the long-text pieces): any change to those reads the text afresh.

It is an evaluation option only; the product always parses.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Document, Reading

# Raise when the stored form changes.
FORMAT = "1"
SUFFIX = ".doc"


@dataclass(slots=True)
class ParseCache:
    """The folder of stored parses for one pipeline."""

    folder: Path
    nlp: Language
    hits: int = 0
    parsed: int = 0
    _pipeline_key: str = field(default="", init=False)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._pipeline_key = pipeline_key(self.nlp)

    def path(self, text: str) -> Path:
        digest = hashlib.sha256(f"{self._pipeline_key}\n{text}".encode()).hexdigest()
        return self.folder / f"{digest}{SUFFIX}"

    def load(self, text: str) -> Doc | None:
        path = self.path(text)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        doc = Doc(self.nlp.vocab).from_bytes(data)
        if doc.text != text:  # a hash collision or a damaged file: parse again
            return None
        self.hits += 1
        return doc

    def store(self, doc: Doc) -> None:
        self.parsed += 1
        path = self.path(doc.text)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(doc.to_bytes(exclude=["user_data", "tensor"]))
        os.replace(temporary, path)


def pipeline_key(nlp: Language) -> str:
    """What a stored parse depends on besides its text."""
    from ..extract import pieces
    from ..extract.components import attribute_ruler, paragraphs

    meta = nlp.meta
    parts = [
        FORMAT,
        spacy.__version__,
        f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}",
        ",".join(name for name, _ in parsing_components(nlp)),
        nlp.config.to_str(),
        inspect.getsource(paragraphs),
        inspect.getsource(pieces),
        inspect.getsource(attribute_ruler),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def parsing_components(nlp: Language) -> list[tuple[str, Callable[[Doc], Doc]]]:
    """spaCy's components and those of hearsay's that run with them (before the parser)."""
    from ..extract.pieces import PIECEWISE_COMPONENTS

    return [(n, c) for n, c in nlp.pipeline if not n.startswith("hearsay_") or n in PIECEWISE_COMPONENTS]


def rule_components(nlp: Language) -> list[tuple[str, Callable[[Doc], Doc]]]:
    """hearsay's components that read the parse: what runs on a stored Doc."""
    keep = {name for name, _ in parsing_components(nlp)}
    return [(name, component) for name, component in nlp.pipeline if name not in keep]


def read_with_cache(
    documents: Iterable[Document], folder: Path, nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Reading]:
    """Readings of English documents, in order, each parse loaded from ``folder`` or parsed and kept there."""
    from ..extract.pieces import is_long, parse_in_pieces
    from ..extract.pipeline import extractor_name, load_pipeline
    from ..extract.reading import to_reading

    nlp = nlp or load_pipeline()
    cache = ParseCache(Path(folder), nlp)
    name = extractor_name(nlp)
    rules = rule_components(nlp)
    skipped = [n for n, _ in rules]

    def parse(batch: list[Document]) -> list[Doc]:
        docs: list[Doc | None] = [cache.load(d.text) for d in batch]
        missing = [i for i, doc in enumerate(docs) if doc is None]
        short = [i for i in missing if not is_long(batch[i].text)]
        with nlp.select_pipes(disable=skipped):
            fresh = nlp.pipe((batch[i].text for i in short), batch_size=batch_size)
            for i, doc in zip(short, fresh, strict=True):
                docs[i] = doc
        for i in missing:
            if docs[i] is None:
                docs[i], _ = parse_in_pieces(nlp, batch[i].text)
            cache.store(docs[i])  # type: ignore[arg-type]
        return [doc for doc in docs if doc is not None]

    def finish(document: Document, doc: Doc) -> Reading:
        doc._.hs_published = document.published
        for _, component in rules:
            doc = component(doc)
        return to_reading(doc, document, extractor=name)

    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            yield from map(finish, batch, parse(batch))
            batch = []
    yield from map(finish, batch, parse(batch))
