"""What every request handler shares: the database and the access policy."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from fastapi import HTTPException, Request

from .access import WRITE_HEADER, AccessPolicy, presented_token
from .database import Database

__all__ = ["WRITE_HEADER", "ServerState", "is_loopback", "is_wildcard", "state"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """Whether ``host`` means every address of the machine (``0.0.0.0``, ``::``)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


@dataclass(slots=True)
class ServerState:
    """The app's shared state, at ``app.state.hearsay``.

    The request guard (``guard.RequestGuard``) applies ``policy`` before any handler runs;
    ``check_write`` applies its write rule again in the write routes, so a route mounted
    without the guard is never open.
    """

    db: Database
    policy: AccessPolicy

    @property
    def token(self) -> str | None:
        return self.policy.token

    @property
    def writes_open(self) -> bool:
        return self.policy.writes_open

    @property
    def needs_token(self) -> bool:
        """Whether writes need a token: the shared one (``--token``) or an analyst's (``--analyst``)."""
        return self.policy.needs_token

    def analyst(self, request: Request, form_token: str | None = None) -> str | None:
        """The name of the analyst whose own token the request (or its form's token field) carries."""
        given = form_token or presented_token(request.headers.get("authorization", ""))
        return self.policy.holder(given)

    def decided_by(
        self, request: Request, named: str | None, default: str, form_token: str | None = None
    ) -> str:
        """Who a correction is recorded as made by: an analyst's own token names its holder; otherwise
        the name the request gives (a form field, a header), else ``default``."""
        return self.analyst(request, form_token) or (named or "").strip()[:100] or default

    def check_write(self, request: Request) -> None:
        given = presented_token(request.headers.get("authorization", ""))
        refusal = self.policy.write_refusal(given, {k.lower(): v for k, v in request.headers.items()})
        if refusal is not None:
            raise HTTPException(refusal.status, refusal.message, headers=dict(refusal.headers) or None)


def state(request: Request) -> ServerState:
    return request.app.state.hearsay
