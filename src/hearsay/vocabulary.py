"""One vocabulary for every front end: stored values -> the plain words a journalist reads.

The web pages, the CLI's tables and the exports show ``label(field, value)``; the technical value
stays in the data (the HTTP API, ``--json``, the exports' value columns) and on hover in the pages.
docs/vocabulary.md lists every word; tests/test_vocabulary.py checks the two stay in step.

    label("stance", "assert")              # 'asserts'
    label("certainty", "underspecified")   # 'not stated'
    label("entity_type", "GPE")            # 'country or city'
"""

from __future__ import annotations

from typing import Any

LABELS: dict[str, dict[str, str]] = {
    # What the statement does with its content (model.STANCES).
    "stance": {
        "assert": "asserts",
        "report": "reports",
        "question": "questions",
        "deny": "denies",
        "refuse_to_comment": "refuses to comment",
    },
    # How sure the source is (FactBank certainty).
    "certainty": {
        "certain": "certain",
        "probable": "probable",
        "possible": "possible",
        "underspecified": "not stated",
    },
    # Whether the content says something is or is not so.
    "polarity": {
        "pos": "affirmative",
        "neg": "negative",
        "underspecified": "not stated",
    },
    # How the words are given.
    "kind": {
        "direct": "quoted",
        "indirect": "paraphrased",
        "mixed": "partly quoted",
    },
    # A statement's relation to a claim (model.RELATIONS).
    "relation": {
        "supports": "supports",
        "refutes": "refutes",
        "discusses": "discusses",
        "unrelated": "unrelated",
    },
    "strength": {
        "certain": "certainly",
        "probable": "probably",
        "possible": "possibly",
    },
    # Entity types (spaCy's OntoNotes labels plus OUTLET).
    "entity_type": {
        "PERSON": "person",
        "ORG": "organisation",
        "OUTLET": "news outlet",
        "GPE": "country or city",
        "NORP": "group",
        "LOC": "place",
        "FAC": "building or site",
        "EVENT": "event",
        "PRODUCT": "product",
        "LAW": "law",
        "WORK_OF_ART": "work",
        "LANGUAGE": "language",
    },
    # Nodes of a provenance graph.
    "node_kind": {
        "document": "article",
        "outlet": "news outlet",
        "agency": "news agency",
        "channel": "channel",
        "person": "person",
        "organisation": "organisation",
    },
    # What an analyst decided about a statement (hearsay correct; the ``corrected`` field of views
    # and exports): the words of the correction form.
    "corrected": {
        "source": "source",
        "stance": "stance",
        "certainty": "certainty",
        "polarity": "polarity",
        "addressee": "said to",
        "medium": "went out on",
        "cue": "cue",
        "content": "what was said",
        "add": "added by an analyst",
        "relation": "relation to the claim",
    },
}

# The name of each field as a reader sees it.
FIELD_NAMES = {
    "stance": "what the source does",
    "certainty": "certainty",
    "polarity": "polarity",
    "kind": "wording",
    "relation": "against the claim",
    "strength": "strength",
    "entity_type": "type",
    "node_kind": "kind",
    "corrected": "corrected by an analyst",
}


def label(field: str, value: Any) -> str:
    """The plain word for ``value`` of ``field``; a value without one is shown as it is stored."""
    if value is None:
        return "not stated"
    return LABELS.get(field, {}).get(str(value), str(value).replace("_", " "))


def labels(field: str) -> dict[str, str]:
    """Every value of ``field`` with its plain word, in the documented order."""
    return dict(LABELS[field])


def factuality_words(row: Any, sep: str = ", ") -> str:
    """A statement's stance, certainty and polarity in plain words: "denies, certain, negative"."""
    get = row.get if isinstance(row, dict) else lambda key: getattr(row, key)
    parts = [label("stance", get("stance"))]
    parts.append(f"certainty {label('certainty', get('certainty'))}")
    parts.append(f"polarity {label('polarity', get('polarity'))}")
    return sep.join(parts)
