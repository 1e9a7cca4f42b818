"""Where a store lives: a SQLite file path, or a PostgreSQL URL (``postgresql://user@host/db``).

The URL's password never reaches a message: ``shown()`` replaces it with ``***``.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SCHEMES = ("postgresql", "postgres")


def is_postgres(location: str | Path) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(location, str) and location.split("://", 1)[0].lower() in SCHEMES and "://" in location


_PASSWORD = re.compile(r"(://[^:/@\s\"]*:)[^@\s\"]*@")


def without_passwords(text: str) -> str:
    """``text`` (a driver's message, say) with the password of any URL in it replaced by ``***``."""
    return _PASSWORD.sub(r"\1***@", text)


def shown(url: str) -> str:
    """The URL as it may be printed: any password replaced by ``***``."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        user = parts.username or ""
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        port = f":{parts.port}" if parts.port else ""
        return urlunsplit((parts.scheme, f"{user}:***@{host}{port}", parts.path, parts.query, parts.fragment))
    except ValueError:
        return url.split("://", 1)[0] + "://***"  # unparseable: show nothing of what follows
