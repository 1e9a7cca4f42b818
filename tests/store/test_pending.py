"""``store/pending.py``: the additions a page keeps for its end, which entity counts, name counts and the
clusters' growth share."""

from __future__ import annotations

import operator

from hearsay.store.pending import Pending


def test_a_linked_documents_additions_join_the_pages_and_a_failed_ones_are_dropped() -> None:
    pending: Pending[str, int] = Pending(operator.add)
    pending.add("a", 1)
    pending.add("a", 2)
    pending.document_linked()
    pending.add("a", 4)
    pending.add("b", 8)
    assert (pending.get("a"), pending.get("b"), pending.get("c")) == (7, 8, None)
    pending.document_failed()
    assert pending.take(in_document=False) == {"a": 3}
    assert not pending.kept()


def test_the_pages_additions_written_in_a_failing_document_are_kept_again() -> None:
    pending: Pending[str, int] = Pending(operator.add)
    pending.add("a", 1)
    pending.document_linked()
    pending.add("a", 2)
    assert pending.take(in_document=True) == {"a": 3}  # written inside the document's savepoint
    pending.add("b", 4)
    assert pending.take(in_document=True) == {"b": 4}
    pending.document_failed()  # rolled back: the page's 1 is to write again, the document's 2 and 4 are not
    assert pending.take(in_document=False) == {"a": 1}
    pending.add("a", 5)
    pending.document_linked()
    pending.document_failed()  # (a later failure restores nothing written before)
    assert pending.take(in_document=False) == {"a": 5}


def test_merge_gets_the_earlier_addition_first() -> None:
    pending: Pending[str, str] = Pending(operator.add)
    for word in ("one ", "two "):
        pending.add("k", word)
        pending.document_linked()
    pending.add("k", "three")
    assert pending.get("k") == "one two three"
    pending.forget_document()
    assert pending.take(in_document=False) == {"k": "one two "}
    pending.add("k", "four")
    pending.forget()
    assert not pending.kept()
