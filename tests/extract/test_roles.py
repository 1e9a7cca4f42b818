"""hearsay_roles: roles from premodifiers and appositions, on the sample article and on
hand-written sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hearsay.extract.entity_rules import role_kind

GOLD = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "kazakhstan-drones.gold.json"


def roles(nlp, text: str) -> dict[str, list[str]]:
    """Role texts by entity name, for the people in the text."""
    return {e.name: [r.text for r in e.roles] for e in nlp(text)._.hs_entities if e.type == "PERSON"}


def test_roles_sample_as_in_gold(nlp):
    if not GOLD.exists():
        pytest.skip(f"no gold reading at {GOLD}")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = (GOLD.parent / gold["document"]).read_text(encoding="utf-8")
    found = roles(nlp, text)
    for entry in gold["entities"]:
        if entry["type"] == "PERSON":
            assert found[entry["canonical"]] == entry.get("roles", []), entry["canonical"]


# (text, person, expected roles)
CASES = [
    pytest.param(
        "Polish Defence Minister Mariusz Blaszczak said the troops would stay.",
        "Mariusz Blaszczak",
        ["Polish Defence Minister"],
        id="premodifier-title",
    ),
    pytest.param(
        "Chancellor Olaf Scholz met Emmanuel Macron in Paris.",
        "Olaf Scholz",
        ["Chancellor"],
        id="bare-title",
    ),
    pytest.param(
        "Bishkek-based economist Azamat Dzhumabaev expects growth to slow.",
        "Azamat Dzhumabaev",
        ["Bishkek-based economist"],
        id="premodifier-x-based",
    ),
    pytest.param(
        "Apple co-founder Steve Wozniak criticised the decision.",
        "Steve Wozniak",
        ["Apple co-founder"],
        id="premodifier-organisation",
    ),
    pytest.param(
        "The company also announced head of finance Daniel Ammann as its new president.",
        "Daniel Ammann",
        ["head of finance"],
        id="premodifier-with-complement",
    ),
    pytest.param(
        "Jan Novak, a spokesman for the Czech interior ministry, said the border would stay open.",
        "Jan Novak",
        ["spokesman for the Czech interior ministry"],
        id="apposition-indefinite",
    ),
    pytest.param(
        "Maria Santos, the head of the Lisbon port authority, said the strike had ended.",
        "Maria Santos",
        ["head of the Lisbon port authority"],
        id="apposition-definite",
    ),
    pytest.param(
        "The ministry's spokesman, Ahmed Saleh, said talks would resume.",
        "Ahmed Saleh",
        ["ministry's spokesman"],
        id="apposition-before",
    ),
    pytest.param(
        "One such analyst, Peter Lund, said prices would rise.",
        "Peter Lund",
        [],
        id="quantified-group-is-no-role",
    ),
    pytest.param(
        "Mr Brown said the vote was fair.",
        "Brown",
        [],
        id="honorific-is-no-role",
    ),
    pytest.param(
        "Ahmed Saleh, who leads the union, said the strike would continue.",
        "Ahmed Saleh",
        [],
        id="relative-clause-is-no-role",
    ),
    pytest.param(
        "Kenyan opposition leader Raila Odinga rejected the result. "
        "Odinga, speaking in Kisumu, called for calm.",
        "Raila Odinga",
        ["Kenyan opposition leader"],
        id="one-role-for-many-mentions",
    ),
]


@pytest.mark.parametrize(("text", "person", "expected"), CASES)
def test_roles(base_nlp, text, person, expected):
    found = roles(base_nlp, text)
    assert person in found, sorted(found)
    assert found[person] == expected


@pytest.mark.parametrize("text", [case.values[0] for case in CASES])
def test_roles_hold_a_role_noun_and_never_the_name(base_nlp, text):
    for entity in base_nlp(text)._.hs_entities:
        for role in entity.roles:
            assert entity.type == "PERSON"
            assert any(role_kind(t) not in (None, "honorific") for t in role)
            assert all(not (m.start < role.end and role.start < m.end) for m in entity.mentions)
