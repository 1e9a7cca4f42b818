"""Who may read and who may write, decided from the request's headers alone.

Two kinds of token: write tokens let their holder upload and correct, and read everything;
read tokens (``--read-token``), when any are given, are needed for every other request, pages
and static files included. A write token is either the server's shared one (``--token``) or an
analyst's own (``--analyst NAME=TOKEN``), whose corrections are recorded as made by NAME. A
token travels as ``Authorization: Bearer TOKEN``, or as the password of HTTP Basic
authentication (any user name), which is what a browser sends after it asks for one. Without a
write token, writes are open only on a loopback address, and then only with the
``X-Hearsay-Write: 1`` header that a page from another site cannot send without a CORS
preflight this server never grants.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

WRITE_HEADER = "X-Hearsay-Write"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# What a 401 offers: Basic makes a browser ask for the read token, Bearer is for API clients.
READ_CHALLENGE = 'Basic realm="hearsay", charset="UTF-8"'
WRITE_CHALLENGE = 'Bearer realm="hearsay"'
WRITES_OFF = "writes are off: the server is bound beyond 127.0.0.1 without --token (or $HEARSAY_TOKEN)"


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request is refused: its status, a one-line message and any headers to send."""

    status: int
    message: str
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class AccessPolicy:
    """The server's tokens and whether writes are open without one (a loopback address)."""

    token: str | None = None
    read_tokens: tuple[str, ...] = ()
    writes_open: bool = False
    analysts: tuple[tuple[str, str], ...] = ()  # (name, token): write tokens that name their holder

    @property
    def needs_token(self) -> bool:
        """Whether writes need a token (the shared one or an analyst's)."""
        return self.token is not None or bool(self.analysts)

    def holder(self, given: str | None) -> str | None:
        """The name of the analyst whose token ``given`` is, or None (no token, or the shared one)."""
        if given is None or not self.analysts:
            return None
        # Compare with every token, so the time taken does not tell which one nearly matched.
        matches = [name for name, token in self.analysts if _same(given, token)]
        return matches[0] if matches else None

    def writes_with(self, given: str | None) -> bool:
        """Whether ``given`` is a write token of this server."""
        if given is None:
            return False
        tokens = (*((self.token,) if self.token else ()), *(token for _name, token in self.analysts))
        return any([_same(given, token) for token in tokens])  # noqa: C419 - no short-circuit on purpose

    def refusal(self, method: str, headers: Mapping[str, str]) -> Refusal | None:
        """The refusal of a request with this method and these (lower-case) headers, or None."""
        given = presented_token(headers.get("authorization", ""))
        if self.read_tokens and not self._reads(given):
            return Refusal(
                401,
                "this server needs a read token: send Authorization: Bearer TOKEN",
                (("www-authenticate", READ_CHALLENGE),),
            )
        if method.upper() in SAFE_METHODS:
            return None
        return self.write_refusal(given, headers)

    def write_refusal(self, given: str | None, headers: Mapping[str, str]) -> Refusal | None:
        """The refusal of a write carrying the token ``given`` (or None when it may go ahead)."""
        if self.needs_token:
            if not self.writes_with(given):
                return Refusal(
                    401,
                    "this server needs its token for writes: send Authorization: Bearer TOKEN",
                    (("www-authenticate", WRITE_CHALLENGE),),
                )
            return None
        if not self.writes_open:
            return Refusal(
                403,
                "writes are off: the server is bound beyond 127.0.0.1 without --token (or $HEARSAY_TOKEN)",
            )
        if headers.get(WRITE_HEADER.lower()) != "1":
            return Refusal(403, f"writes need the header {WRITE_HEADER}: 1 (the upload page sends it)")
        return None

    def _reads(self, given: str | None) -> bool:
        if given is None:
            return False
        tokens: Sequence[str] = (*self.read_tokens, *((self.token,) if self.token else ()))
        # Compare with every token, so the time taken does not tell which one nearly matched.
        readers = any([_same(given, token) for token in tokens])  # noqa: C419 - no short-circuit on purpose
        return self.writes_with(given) or readers


def presented_token(authorization: str) -> str | None:
    """The token in an Authorization header: a Bearer token, or a Basic password; None otherwise."""
    scheme, _, value = authorization.strip().partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer" and value:
        return value
    if scheme.lower() == "basic" and value:
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        _user, colon, password = decoded.partition(":")
        return password if colon and password else None
    return None


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(
        given.encode("utf-8", "surrogateescape"), token.encode("utf-8", "surrogateescape")
    )


def analyst_token(text: str) -> tuple[str, str]:
    """``NAME=TOKEN`` as (name, token); ValueError with a one-line reason when it is not that."""
    name, equals, token = text.partition("=")
    name = name.strip()
    if not equals or not name or not token:
        raise ValueError(f"an analyst token is NAME=TOKEN, got {text[:20]!r}...")
    if len(name) > 100 or not name.isprintable():
        raise ValueError("an analyst's name is at most 100 printable characters")
    return name, token
