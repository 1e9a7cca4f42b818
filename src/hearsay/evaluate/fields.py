"""Field accuracy: on statements matched to a reference, which fields are right, and which rules were wrong.

Analysts filter on a statement's fields (who, stance, certainty, polarity, addressee, medium), so a
found statement with a wrong field is still an error. ``FieldTally`` counts, per field, the matched
statements that have it right, and counts each wrong field (and each extra statement) against the
rules that produced the statement (``Statement.rules``, a list of rule names, when the extractor
records them).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Statement

FACTUALITY_FIELDS = ("stance", "certainty", "polarity")
_WORD = re.compile(r"\w+")


def rules_of(statement: Any) -> tuple[str, ...]:
    """The names of the rules that produced ``statement`` (none when the extractor records none)."""
    return tuple(getattr(statement, "rules", None) or ())


def text_of(value: Any) -> str | None:
    """A field's text: ``None``, a string, or a record with ``text`` (an addressee, a medium)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value or None
    return getattr(value, "text", None) or None


def same_words(gold: str | None, predicted: str | None) -> bool:
    """Both absent, or both present with at least half of each side's words in the other.

    "reporters" matches "reporters"; "reporters on Tuesday" (a time inside the addressee) does not.
    """
    if gold is None or predicted is None:
        return gold is None and predicted is None
    a = [w.lower() for w in _WORD.findall(gold)]
    b = [w.lower() for w in _WORD.findall(predicted)]
    if not a or not b:
        return a == b
    return sum(w in b for w in a) * 2 >= len(a) and sum(w in a for w in b) * 2 >= len(b)


def gold_fields(gold: dict[str, Any]) -> tuple[str, ...]:
    """The fields a reference reading is scored on: medium only when its statements give one."""
    names: tuple[str, ...] = ("source_entity", *FACTUALITY_FIELDS, "addressee")
    if any("medium" in item for item in gold.get("statements", [])):
        names += ("medium",)
    return names


@dataclass
class FieldTally:
    """Right and wrong fields over matched statements, with the rules behind each wrong one."""

    fields: tuple[str, ...]
    right: Counter = field(default_factory=Counter)
    matched: int = 0
    all_right: int = 0
    rule_errors: Counter = field(default_factory=Counter)
    rule_wins: Counter = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, item: dict[str, Any], statement: Statement, source_right: bool) -> None:
        """Score one reference statement ``item`` against the statement matched to it."""
        predicted = {
            "source_entity": statement.source.text,
            **{name: getattr(statement, name) for name in FACTUALITY_FIELDS},
            "addressee": text_of(statement.addressee),
            "medium": text_of(getattr(statement, "medium", None)),
        }
        verdicts = {
            "source_entity": source_right,
            **{name: predicted[name] == item[name] for name in FACTUALITY_FIELDS if name in item},
            "addressee": same_words(item.get("addressee"), predicted["addressee"]),
            "medium": same_words(item.get("medium"), predicted["medium"]),
        }
        self.matched += 1
        wrong = [name for name in self.fields if name in verdicts and not verdicts[name]]
        self.right.update(name for name in self.fields if name in verdicts and verdicts[name])
        self.all_right += not wrong
        rules = rules_of(statement)
        (self.rule_errors if wrong else self.rule_wins).update(rules)
        for name in wrong:
            gold_value = item.get("source") if name == "source_entity" else item.get(name)
            self.errors.append(
                {
                    "error": "wrong_field",
                    "field": name,
                    "gold": gold_value,
                    "predicted": predicted[name],
                    "statement": _line(statement),
                    "rules": list(rules),
                }
            )

    def extra(self, statement: Statement) -> None:
        """A statement that matches no reference statement counts against its rules."""
        self.rule_errors.update(rules_of(statement))

    def by_field(self) -> dict[str, int]:
        """Wrong fields, by name."""
        return {name: self.matched - self.right[name] for name in self.fields}

    def to_dict(self) -> dict[str, Any]:
        def share(right: int) -> dict[str, Any]:
            return {
                "right": right,
                "of": self.matched,
                "accuracy": round(right / self.matched, 4) if self.matched else 0.0,
            }

        rules = sorted(set(self.rule_errors) | set(self.rule_wins))
        return {
            **{name: share(self.right[name]) for name in self.fields},
            "all_right": share(self.all_right),
            "errors_by_field": self.by_field(),
            "by_rule": {r: {"right": self.rule_wins[r], "errors": self.rule_errors[r]} for r in rules},
        }


def _line(statement: Statement) -> str:
    return f"{statement.source.text} | {statement.cue.text} | {statement.content.text}"
