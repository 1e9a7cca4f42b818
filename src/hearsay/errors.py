"""hearsay's exceptions: one base class to catch, each error naming its input.

    HearsayError
    ├── InputError      a file or record that cannot be read (binary, empty, too big, malformed)
    │   └── TimeLimitError  a document whose reading ran past its time limit
    ├── StoreError      the database cannot be opened, migrated or written
    ├── ConfigError     a setting or argument is invalid
    └── ModelError      the language model cannot be loaded

The CLI prints ``str(error)`` as one line and never a traceback. Messages say what
failed, where, and (when there is one) the fix, with a code users can search for.
"""

from __future__ import annotations


class HearsayError(Exception):
    """Base of every error hearsay raises on purpose."""

    code = "H000"

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(self.__str__())

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"[{self.code}] {prefix}{self.message}"


class InputError(HearsayError):
    """An input that cannot become a document."""

    code = "H100"


class StoreError(HearsayError):
    """The store cannot be opened, migrated or written."""

    code = "H200"


class ConfigError(HearsayError):
    """A setting or an argument is invalid."""

    code = "H300"


class ModelError(HearsayError):
    """The spaCy pipeline cannot be loaded."""

    code = "H400"


class TimeLimitError(InputError):
    """A document whose reading took longer than its time limit (``--doc-timeout``)."""

    code = "H150"
