"""Text that lxml accepts: the characters XML forbids, raw or as character references, taken out.

lxml parses a page holding a form feed or ``&#12;``, but refuses to set such text on an element,
which trafilatura does with its copies of the page: the whole page was lost to one character.
"""

from __future__ import annotations

import re

from .identity import without_surrogates

_XML_SPACE = re.compile(r"[\v\f]")
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
# Numeric character references, whose digits are capped so that a huge number stays cheap.
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def xml_safe(text: str) -> str:
    """``text`` with only the characters lxml accepts in element text: a form feed (HTML whitespace) or
    vertical tab becomes a space, other C0 controls and the non-characters U+FFFE/U+FFFF go, and a
    lone surrogate becomes U+FFFD. lxml parses them, but trafilatura's copies of the text then fail."""
    text = _NOT_XML.sub("", _XML_SPACE.sub(" ", without_surrogates(text)))
    return _CHAR_REFERENCE.sub(_xml_safe_reference, text) if "&#" in text else text


def _xml_safe_reference(match: re.Match[str]) -> str:
    """A numeric character reference to a character lxml refuses (``&#12;``) becomes a space."""
    hex_digits, digits = match.group(1), match.group(2)
    number = int(hex_digits, 16) if hex_digits else int(digits)
    allowed = number in (9, 10, 13) or 32 <= number < 0xD800 or 0xE000 <= number < 0xFFFE
    return match.group() if allowed or 0x10000 <= number <= 0x10FFFF else " "
