"""Loads the spaCy pipeline once per process and runs hearsay's components on documents.

``extract(document) -> Reading`` is a pure function of the text and its publication date:
no database, no I/O, no globals beyond the loaded model.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, groupby

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError, ModelError
from ..model import Document, Reading
from ..settings import MODEL_CANDIDATES, load_settings
from .components.attribute_ruler import use_array_rules
from .doc_text import keep_text
from .drafts import register_extensions
from .pieces import is_long, parse_in_pieces

# Our components, in order. Each module registers its factory with spaCy on import and
# declares what it requires and assigns on the Doc.
COMPONENTS = (
    ("hearsay_paragraphs", "paragraphs"),
    ("hearsay_entities", "entities"),
    ("hearsay_roles", "roles"),
    ("hearsay_timex", "timex"),
    ("hearsay_attribution", "attribution"),
    ("hearsay_factuality", "factuality"),
    ("hearsay_verdicts", "verdicts"),
)

# What our components read: the dependency parse, lemmas, part-of-speech tags and named entities.
REQUIRED_BASE = ("parser", "ner", "lemmatizer", "tagger")

_lock = threading.Lock()


def _import_components() -> None:
    for _, module in COMPONENTS:
        importlib.import_module(f"{__package__}.components.{module}")


def _load_base(name: str | None) -> Language:
    candidates = (name,) if name else MODEL_CANDIDATES
    errors = []
    for candidate in candidates:
        try:
            return spacy.load(candidate, exclude=[])
        except OSError as error:  # spaCy raises OSError [E050] for a missing package
            errors.append(f"{candidate}: {str(error).splitlines()[0]}")
    hint = "run scripts/install, or set HEARSAY_MODEL to an installed spaCy pipeline"
    raise ModelError(f"no spaCy pipeline could be loaded ({'; '.join(errors)}); {hint}")


@lru_cache(maxsize=4)
def _load(name: str | None) -> Language:
    register_extensions()
    _import_components()
    nlp = _load_base(name)
    use_array_rules(nlp)  # spaCy's attribute ruler, same patterns and result, without its Matcher
    missing = [pipe for pipe in REQUIRED_BASE if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"the spaCy pipeline {nlp.meta.get('lang')}_{nlp.meta.get('name')} lacks {', '.join(missing)}; "
            "hearsay needs a trained pipeline with a parser, tagger, lemmatizer and NER, like en_core_web_sm"
        )
    for factory, _ in COMPONENTS:
        if factory == "hearsay_paragraphs":
            nlp.add_pipe(factory, name=factory, before="parser")
        else:
            nlp.add_pipe(factory, name=factory, last=True)
    return nlp


def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline with hearsay's components; loaded once per process and name."""
    with _lock:
        return _load(name or load_settings().model)


def pipeline_loaded() -> bool:
    """Whether this process has loaded a pipeline already."""
    return _load.cache_info().currsize > 0


def extractor_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"hearsay-{_version()}/{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def _version() -> str:
    from .. import __version__

    return __version__


def extract(document: Document, nlp: Language | None = None) -> Reading:
    """The reading of one document."""
    return next(extract_many([document], nlp=nlp))


def extract_many(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Reading]:
    """Readings of many documents, in order, each read by the pipeline of its language.

    Consecutive documents of one language stream through that language's package together
    (``hearsay.lang``); a given spaCy ``nlp`` reads every document as English.
    """
    if nlp is not None:
        yield from extract_english(documents, nlp=nlp, batch_size=batch_size)
        return
    from ..lang import language_package

    for language, group in groupby(documents, key=lambda document: document.language):
        run = iter(group)
        first = next(run)
        package = language_package(language, where=first.source_path or first.id[:12])
        yield from package.extract_many(chain([first], run), batch_size=batch_size)


def extract_english(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Reading]:
    """Readings of English documents, in order, streaming through ``nlp.pipe``.

    A document over ``pieces.LONG_TEXT_CHARS`` is read alone, in bounded pieces (``pieces``).
    """
    from .reading import to_reading

    nlp = nlp or load_pipeline()
    name = extractor_name(nlp)
    batch: list[Document] = []
    for document in documents:
        _check_length(nlp, document)
        if is_long(document.text):
            yield from _read_batch(nlp, batch, name, batch_size)
            batch = []
            yield to_reading(_read_long(nlp, document), document, extractor=name)
            continue
        batch.append(document)
        if len(batch) >= batch_size:
            yield from _read_batch(nlp, batch, name, batch_size)
            batch = []
    yield from _read_batch(nlp, batch, name, batch_size)


def _check_length(nlp: Language, document: Document) -> None:
    if len(document.text) > nlp.max_length:
        where = document.source_path or document.id[:12]
        raise InputError(
            f"has {len(document.text):,} characters, over the model's limit of {nlp.max_length:,}; "
            "split it into articles",
            where=where,
        )


def _read_batch(nlp: Language, batch: list[Document], name: str, batch_size: int) -> Iterator[Reading]:
    from .reading import to_reading

    def docs() -> Iterator[Doc]:
        for document in batch:
            doc = nlp.make_doc(document.text)
            doc._.hs_published = document.published
            keep_text(doc, document.text)
            yield doc

    for document, doc in zip(batch, nlp.pipe(docs(), batch_size=batch_size), strict=True):
        yield to_reading(doc, document, extractor=name)


def _read_long(nlp: Language, document: Document) -> Doc:
    """The Doc of a long document: parsed in pieces, joined, then given hearsay's components."""
    doc, rest = parse_in_pieces(nlp, document.text)
    doc._.hs_published = document.published
    for _, component in rest:
        doc = component(doc)
    return doc
