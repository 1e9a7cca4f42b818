"""A Doc's text, joined once: spaCy's ``Doc.text`` joins every token anew on each access."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "hearsay.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` after the first read (with the token count it was read
    at, so a Doc that copied another's user data reads its own)."""
    kept = doc.user_data.get(_KEY)
    if kept is not None and kept[0] == len(doc):
        text: str = kept[1]
        return text
    text = doc.text
    doc.user_data[_KEY] = (len(doc), text)
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Let ``text_of`` answer ``text``, the text ``doc`` was made from (spaCy's tokens give it back
    whole, so ``doc.text`` is the same string), without joining the tokens."""
    doc.user_data[_KEY] = (len(doc), text)
