"""The cue tables: every cue's frame is a row of cue_frames.tsv; a bad line names its file and line."""

from __future__ import annotations

import pytest

from hearsay.errors import ConfigError
from hearsay.extract.attribution.content import CONTENT_RULES
from hearsay.extract.attribution.lexicon import (
    check_cue_lexicons,
    frames,
    noun_topics,
    read_cue_table,
    read_frames,
    read_noun_topics,
    verb_cues,
)

HEADER = "# source: written for this test\n"


@pytest.fixture
def lexicons(tmp_path, monkeypatch, request):
    """A package of lexicon files written by the test: ``write(name, text)`` gives the package's name.

    Each test gets a package of its own name, as the loader keeps what it read by name.
    """
    name = "lexicons_" + "".join(ch if ch.isalnum() else "_" for ch in request.node.name)
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))

    def write(lexicon: str, text: str) -> str:
        (folder / f"{lexicon}.tsv").write_text(HEADER + text, encoding="utf-8")
        return name

    return write


def test_cue_lexicon_shipped_tables_load():
    check_cue_lexicons()
    assert verb_cues()["say"].frame == "clause"
    assert set(frames()) >= {"clause", "np", "both", "vp", "act", "raising", "quote", "prep", "adverb"}


def test_cue_lexicon_every_frame_rule_is_a_content_rule():
    for frame in frames().values():
        assert set(frame.content_rules) <= set(CONTENT_RULES)


def test_cue_lexicon_every_content_rule_is_used_by_a_frame():
    used = {rule for frame in frames().values() for rule in frame.content_rules}
    assert used == set(CONTENT_RULES)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("mutter\tmumble\tspeech", "unknown frame 'mumble'"),
        ("mutter\tclause\tgossip", "unknown class 'gossip'"),
        ("\tclause\tspeech", "empty"),
    ],
)
def test_cue_lexicon_bad_cue_line_names_file_and_line(lexicons, row, message):
    package = lexicons("cue_verbs", f"lemma\tframe\tclass\nsay\tclause\tspeech\n{row}\n")
    with pytest.raises(ConfigError, match=message) as caught:
        read_cue_table("cue_verbs", "lemma", "frame", package=package)
    assert "lexicons/cue_verbs.tsv line 4" in str(caught.value)


def test_cue_lexicon_repeated_cue_is_an_error(lexicons):
    package = lexicons("cue_verbs", "lemma\tframe\tclass\nsay\tclause\tspeech\nsay\tnp\tspeech\n")
    with pytest.raises(ConfigError, match="'say' is listed twice"):
        read_cue_table("cue_verbs", "lemma", "frame", package=package)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("odd\tsomewhere\tyes\tclause", "source 'somewhere'"),
        ("odd\tsubject\tmaybe\tclause", "trim_relative must be yes or no"),
        ("odd\tsubject\tyes\tclause guesswork", "unknown content rule"),
    ],
)
def test_cue_lexicon_bad_frame_line_names_file_and_line(lexicons, row, message):
    package = lexicons("cue_frames", f"frame\tsource\ttrim_relative\tcontent\n{row}\n")
    with pytest.raises(ConfigError, match=message) as caught:
        read_frames(package)
    assert "lexicons/cue_frames.tsv line 3" in str(caught.value)


def test_cue_lexicon_new_cue_is_one_line(lexicons):
    """A reporting verb added as a line becomes a cue with the frame's content rules."""
    package = lexicons("cue_verbs", "lemma\tframe\tclass\nharrumph\tclause\tspeech\n")
    (entry,) = read_cue_table("cue_verbs", "lemma", "frame", package=package)
    assert (entry.lemma, entry.frame, entry.cls) == ("harrumph", "clause", "speech")
    assert frames()[entry.frame].content_rules[-1] == "topic_of_speech"


def test_cue_lexicon_noun_topics_come_from_the_table():
    """ "her support for X" is no cue of its own; "his criticism of the plan" takes "of" as its topic."""
    assert noun_topics()["support"] == ()
    assert "of" in noun_topics()["criticism"]
    assert "of" not in noun_topics()["claim"] and "for" in noun_topics()["claim"]


def test_cue_lexicon_bad_noun_topic_names_file_and_line(lexicons):
    package = lexicons("cue_nouns", "lemma\tclass\ttopic\nclaim\tspeech\tyes\nhunch\tcognition\tmaybe\n")
    with pytest.raises(ConfigError, match="topic must be one of yes, of, no, not 'maybe'") as caught:
        read_noun_topics(package)
    assert "lexicons/cue_nouns.tsv line 4" in str(caught.value)
