"""Who a command-line decision is recorded as made by (corrections, entity merges and splits)."""

from __future__ import annotations

import os

WHO_HELP = "Who decides (kept with the decision); default $HEARSAY_USER, else $USER."


def who_decides(who: str | None) -> str:
    return who or os.environ.get("HEARSAY_USER") or os.environ.get("USER") or "analyst"
