"""hearsay: a source-attributed, certainty-aware ledger of claims from news reports.

>>> import hearsay
>>> reading = hearsay.read("The minister said on Monday that talks may resume.")
>>> [s.cue.text for s in reading.statements]
['said']
"""

from __future__ import annotations

import datetime as dt

from .errors import ConfigError, HearsayError, InputError, ModelError, StoreError
from .model import (
    Addressee,
    Document,
    Entity,
    Medium,
    Mention,
    Reading,
    Role,
    Source,
    Span,
    Statement,
    TimeExpression,
)

__version__ = "0.1.0"

__all__ = [
    "Addressee",
    "Medium",
    "ConfigError",
    "Document",
    "Entity",
    "HearsayError",
    "InputError",
    "Mention",
    "ModelError",
    "Reading",
    "Role",
    "Source",
    "Span",
    "Statement",
    "Store",
    "StoreError",
    "TimeExpression",
    "__version__",
    "read",
]


def read(text: str, published: dt.date | str | None = None) -> Reading:
    """Extract the reading of one text; ``published`` anchors relative dates."""
    from .extract.pipeline import extract
    from .ingest.identity import check_language, make_document

    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise ConfigError(f"published must be an ISO date (YYYY-MM-DD), got {published!r}") from None
    document = make_document(text, published=published)
    check_language(document.language, where="text")
    return extract(document)


def __getattr__(name: str):
    # The store pulls in SQL code only when used.
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'hearsay' has no attribute {name!r}")
