"""What every request handler shares: the database and the write policy."""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass

from fastapi import HTTPException, Request

from .database import Database

WRITE_HEADER = "X-Hearsay-Write"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(slots=True)
class ServerState:
    """The app's shared state, at ``app.state.hearsay``.

    Writes need the token when one was given. Without a token they are allowed only on a
    loopback address, and then only with the ``X-Hearsay-Write`` header, which a page from
    another site cannot send without a CORS preflight this server never grants.
    """

    db: Database
    token: str | None
    writes_open: bool

    def check_write(self, request: Request) -> None:
        if self.token is not None:
            given = request.headers.get("authorization", "")
            scheme, _, value = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode(), self.token.encode()):
                raise HTTPException(
                    401, "this server needs its token for writes: send Authorization: Bearer TOKEN"
                )
            return
        if not self.writes_open:
            raise HTTPException(
                403,
                "writes are off: the server is bound beyond 127.0.0.1 without --token (or $HEARSAY_TOKEN)",
            )
        if request.headers.get(WRITE_HEADER) != "1":
            raise HTTPException(403, f"writes need the header {WRITE_HEADER}: 1 (the upload page sends it)")


def state(request: Request) -> ServerState:
    return request.app.state.hearsay
