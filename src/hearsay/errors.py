"""hearsay's exceptions: one base class to catch, each error naming its input.

    HearsayError
    ├── InputError      a file or record that cannot be read (binary, empty, too big, malformed)
    │   └── TimeLimitError  a document whose reading ran past its time limit
    ├── StoreError      the database cannot be opened, migrated or written
    │   └── LinkError   one document's cross-document linking failed (it stays stored)
    ├── ConfigError     a setting or argument is invalid
    ├── ModelError      the language model cannot be loaded
    └── UnexpectedError an exception hearsay did not expect (a bug to report), with its input

The CLI prints ``str(error)`` as one line and never a traceback. Messages say what
failed, where, and (when there is one) the fix, with a code users can search for. Control
characters in a message (a file named with ESC or BEL) are shown escaped, never sent raw to a
terminal.
"""

from __future__ import annotations

import re

# C0 and C1 controls, lone surrogates (from undecodable file names), and the bidirectional
# overrides that can make a name read backwards on a terminal.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
# A code as str(HearsayError) writes it: "[H100]".
CODE = re.compile(r"\[H\d{3}\]")


def printable(text: str) -> str:
    """``text`` with every control character, lone surrogate and bidi override escaped (``\\x1b``)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    number = ord(match.group())
    return f"\\x{number:02x}" if number < 0x100 else f"\\u{number:04x}"


class HearsayError(Exception):
    """Base of every error hearsay raises on purpose."""

    code = "H000"

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(self.__str__())

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return printable(f"[{self.code}] {prefix}{self.message}")


class InputError(HearsayError):
    """An input that cannot become a document."""

    code = "H100"


class StoreError(HearsayError):
    """The store cannot be opened, migrated or written."""

    code = "H200"


class LinkError(StoreError):
    """One document's linking failed; it is stored, and the next ``hearsay link`` retries it."""

    code = "H210"


class ConfigError(HearsayError):
    """A setting or an argument is invalid."""

    code = "H300"


class ModelError(HearsayError):
    """The spaCy pipeline cannot be loaded."""

    code = "H400"


class TimeLimitError(InputError):
    """A document whose reading took longer than its time limit (``--doc-timeout``)."""

    code = "H150"


class UnexpectedError(HearsayError):
    """An exception hearsay did not expect, named with its type and the input it happened on."""

    code = "H900"

    @classmethod
    def wrap(cls, error: BaseException, where: str | None = None) -> HearsayError:
        """``error`` itself when it is hearsay's own, else an UnexpectedError describing it."""
        if isinstance(error, HearsayError):
            return error
        detail = " ".join(f"{type(error).__name__}: {error}".split())
        return cls(f"unexpected {detail} (please report this as a hearsay bug)", where=where)


def coded(message: str, code: str = UnexpectedError.code) -> str:
    """``message`` as an error line: escaped, and with ``code`` in front unless it carries one."""
    message = printable(message)
    return message if CODE.search(message) else f"[{code}] {message}"
