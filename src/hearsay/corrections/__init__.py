"""Analysts' corrections that stick: decisions about statements, kept apart and replayed.

from hearsay.corrections import Change, correct, reject, add, reread
correct(store, "3f2a", "s4", Change(stance="deny"), who="ana")
"""

from __future__ import annotations

from .apply import Outcome, apply_all
from .records import ACTIONS, FIELDS, Anchor, Correction
from .service import (
    Change,
    ReplayReport,
    add,
    correct,
    corrections,
    proposition_key,
    reject,
    relate,
    replay,
    reread,
)

__all__ = [
    "ACTIONS",
    "FIELDS",
    "Anchor",
    "Change",
    "Correction",
    "Outcome",
    "ReplayReport",
    "add",
    "apply_all",
    "correct",
    "corrections",
    "proposition_key",
    "reject",
    "relate",
    "replay",
    "reread",
]
