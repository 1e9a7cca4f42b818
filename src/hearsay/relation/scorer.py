"""The seam where a stronger relation scorer plugs in (an NLI model a user installs, an LLM back-end).

A scorer is any object with ``relate_claims(proposition, claims, text) -> list[Relation]``. The
rules of this package are the default; ``HEARSAY_RELATION_SCORER=package.module:factory`` names a
callable returning another scorer, loaded from what is installed (nothing is downloaded).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from ..errors import ConfigError
from ..model import Relation
from .claim import Claim
from .context import relate_claims
from .frame import Frame

ENVIRONMENT = "HEARSAY_RELATION_SCORER"


class RelationScorer(Protocol):
    def relate_claims(
        self, proposition: str | Frame, claims: Sequence[Claim], text: str | None = None
    ) -> list[Relation]: ...


class RuleScorer:
    """hearsay's own rules: parse, factuality, lexicons (``hearsay.relation.context``)."""

    name = "rules"

    def relate_claims(
        self, proposition: str | Frame, claims: Sequence[Claim], text: str | None = None
    ) -> list[Relation]:
        return relate_claims(proposition, claims, text)


@cache
def default_scorer() -> RelationScorer:
    """The rules, or the scorer ``$HEARSAY_RELATION_SCORER`` names."""
    spec = os.environ.get(ENVIRONMENT, "").strip()
    if not spec or spec == "rules":
        return RuleScorer()
    module_name, _, attribute = spec.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attribute or "scorer")
    except (ImportError, AttributeError) as error:
        raise ConfigError(f"cannot load the relation scorer {spec!r}: {error}", where=ENVIRONMENT) from error
    return factory()
