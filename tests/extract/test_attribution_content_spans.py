"""Where a content span starts and ends, as PolNeAR marks it: invented sentences, one case each."""

from __future__ import annotations

import pytest

import hearsay
from hearsay.model import Statement


def statement(text: str, cue: str) -> Statement:
    reading = hearsay.read(text)
    matches = [s for s in reading.statements if s.cue.text == cue]
    assert matches, f"no statement with cue {cue!r}: {[s.cue.text for s in reading.statements]}"
    return matches[0]


# (text, cue, content)
CASES = [
    # A relative clause set off by a comma comments on the praised noun phrase; it is not praised.
    pytest.param(
        "The governor praised the new bridge, which opened to traffic on Monday.",
        "praised",
        "the new bridge",
        id="comma-relative-clause-left-out",
    ),
    # A restrictive relative clause stays: it says which plan was criticised.
    pytest.param(
        "The mayor criticised the plan that the council approved.",
        "criticised",
        "the plan that the council approved",
        id="restrictive-relative-clause-kept",
    ),
    # An object and its infinitive are what was urged, even when the parser hangs the infinitive
    # on the verb as an adverbial clause.
    pytest.param(
        "The farmers pushed the ministry to lower the fuel tax.",
        "pushed",
        "the ministry to lower the fuel tax",
        id="object-and-infinitive",
    ),
    # A tensed verb coordinated with an attitude verb starts a new predicate, not more content.
    pytest.param(
        "The senator supports the mayor but is not campaigning for him.",
        "supports",
        "the mayor",
        id="tensed-conjunct-left-out",
    ),
    # A because-clause the parser hung on "said" is the reason inside what was said.
    pytest.param(
        "The lawyers said that claim smacked of hypocrisy, because the firm had done the same thing.",
        "said",
        "that claim smacked of hypocrisy, because the firm had done the same thing",
        id="reason-clause-kept",
    ),
    # The comma before a relative clause may stand inside the closing quotation mark.
    pytest.param(
        'Critics would denounce "austerity," which the minister calls prudence.',
        "denounce",
        '"austerity,"',
        id="relative-clause-after-quoted-comma",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), CASES)
def test_content_span(text: str, cue: str, content: str) -> None:
    assert statement(text, cue).content.text == content


def test_quotation_after_the_tag_continues_despite_a_you_know_inside_it() -> None:
    """A "you know" inside the second quotation is the speaker's own filler: the quotation still
    continues the statement of the first one."""
    text = '"It can be done," Lee told reporters on Friday. "Will it happen? You know, nobody can tell yet."'
    told = statement(text, "told")
    assert told.kind == "direct"
    assert told.content.text.endswith('nobody can tell yet."')
