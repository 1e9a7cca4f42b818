"""Shared fixtures for extraction tests: the spaCy model is loaded once per session."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from hearsay.extract.pipeline import load_pipeline
from hearsay.settings import MODEL_CANDIDATES, load_settings


def _base_model() -> Language:
    names = [load_settings().model] if load_settings().model else list(MODEL_CANDIDATES)
    for name in names[:-1]:
        try:
            return spacy.load(name)
        except OSError:
            continue
    return spacy.load(names[-1])


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full hearsay pipeline, as ``extract`` uses it."""
    return load_pipeline()


@pytest.fixture(scope="session")
def base_nlp() -> Language:
    """spaCy's English model with only hearsay's entity and role components."""
    import hearsay.extract.components.entities  # noqa: F401  (registers the components)
    import hearsay.extract.components.roles  # noqa: F401

    model = _base_model()
    model.add_pipe("hearsay_entities")
    model.add_pipe("hearsay_roles")
    return model


@pytest.fixture(scope="session")
def bare_nlp() -> Language:
    """spaCy's English model alone, with hearsay's ``Doc._`` extensions declared.

    For tests of one component on hand-built drafts, independent of the other components.
    """
    from hearsay.extract.drafts import register_extensions

    register_extensions()
    return _base_model()
