"""hearsay's public API is exactly ``hearsay.__all__``, and every name in it resolves."""

from __future__ import annotations

import hearsay

EXPECTED = {
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
}


def test_exported_members_are_the_expected_set():
    assert set(hearsay.__all__) == EXPECTED
    assert len(hearsay.__all__) == len(EXPECTED), "a name is listed twice"


def test_exported_members_resolve():
    for name in hearsay.__all__:
        assert getattr(hearsay, name) is not None, name


def test_exported_members_errors_share_one_base():
    for name in ("ConfigError", "InputError", "ModelError", "StoreError"):
        assert issubclass(getattr(hearsay, name), hearsay.HearsayError)


def test_exported_members_store_is_the_store():
    from hearsay.store import Store

    assert hearsay.Store is Store
