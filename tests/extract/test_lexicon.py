"""The lexicon loader and the lexicon files it serves."""

from __future__ import annotations

import pytest

from hearsay.errors import ConfigError
from hearsay.extract.lexicon import available_lexicons, lexicon_sources, load_lexicon


@pytest.mark.parametrize("name", available_lexicons())
def test_lexicon_names_its_source_and_has_rows(name):
    assert lexicon_sources(name), f"lexicons/{name}.tsv has no '# source:' line"
    rows = load_lexicon(name)
    assert rows and all(all(key for key in row) for row in rows)


def test_lexicon_rows_are_keyed_by_header():
    row = next(r for r in load_lexicon("hedges") if r["pattern"] == "allegedly")
    assert row == {"pattern": "allegedly", "tags": "", "certainty": "possible", "polarity": ""}


def test_lexicon_returns_fresh_rows():
    load_lexicon("negators")[0]["word"] = "changed"
    assert load_lexicon("negators")[0]["word"] != "changed"


def test_lexicon_unknown_name_lists_known_ones():
    with pytest.raises(ConfigError, match="hedges"):
        load_lexicon("no_such_list")
