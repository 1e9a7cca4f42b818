"""Reading the annotated datasets' XML files (TimeML, CAT, ECB+) with one error for an unreadable file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import InputError


def xml_root(path: Path, what: str) -> ET.Element:
    """The root element of the XML file at ``path``, or an InputError naming the file and ``what`` it
    should have been ("TimeML XML")."""
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise InputError(f"is not readable {what} ({error})", where=str(path)) from None
