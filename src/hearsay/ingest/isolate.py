"""One input's surprise stays that input's: an unexpected exception becomes its InputError.

Readers call ``read_one`` for each line, post or item, so that a bug or an odd value in one of
them (a number too long to convert, a value a library refuses) fails that part alone and the
rest of the file is still read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import InputError

T = TypeVar("T")


def unexpected(error: BaseException, where: str) -> InputError:
    """The InputError for an exception nobody expected while reading ``where``."""
    detail = " ".join(f"{type(error).__name__}: {error}".split())
    return InputError(f"could not be read ({detail}); please report this with the file", where=where)


def read_one(where: str, read: Callable[..., T], /, *args: Any, **kwargs: Any) -> T | InputError:
    """``read(*args, **kwargs)``, or the InputError naming ``where`` when it raises."""
    try:
        return read(*args, **kwargs)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001 - the point: one part's surprise is its own
        return unexpected(error, where)
