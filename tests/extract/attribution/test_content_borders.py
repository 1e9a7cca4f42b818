"""Content borders (issue 15, seventh part): where what was said begins and ends, read off the parse."""

from __future__ import annotations

import pytest

import hearsay


def content_of(text: str, cue: str) -> str:
    [statement] = [s for s in hearsay.read(text).statements if s.cue.text == cue]
    return statement.content.text


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The board refused to punish the schools.", "refused", "to punish the schools"),
        ("The mayor declined to renew the contract.", "declined", "to renew the contract"),
    ],
)
def test_a_refused_act_outside_the_cue_is_the_content(text, cue, content):
    assert content_of(text, cue) == content


def test_a_moved_border_is_named_in_the_trace():
    [statement] = hearsay.read("The board refused to punish the schools.").statements
    assert "content.refused_act" in statement.rules


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The mayor pledged to rebuild the bridge if she wins the vote.",
            "pledged",
            "to rebuild the bridge if she wins the vote",
        ),
        (
            "The union threatened to strike unless the company raises wages.",
            "threatened",
            "to strike unless the company raises wages",
        ),
    ],
)
def test_a_condition_after_the_content_joins_it(text, cue, content):
    assert content_of(text, cue) == content


def test_a_time_clause_after_the_content_stays_out():
    assert content_of("The union threatened a strike after the talks failed.", "threatened") == "a strike"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor promised a new bridge when she visited the town.", "promised", "a new bridge"),
        ("Ann Lee asked the voters if they would attend.", "asked", "if they would attend"),
    ],
)
def test_a_when_clause_after_an_object_tells_when(text, cue, content):
    assert content_of(text, cue) == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The fight she expects to last into the spring has begun.",
            "expects",
            "The fight she expects to last into the spring",
        ),
        ("The mayor gave the speech voters wanted to hear.", "wanted", "the speech voters wanted to hear"),
        ("The day she hopes to win is near.", "hopes", "to win"),
    ],
)
def test_a_bare_relative_clause_reports_about_its_noun(text, cue, content):
    assert content_of(text, cue) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('In a statement, the ministry said, "The port is open."', '"The port is open."'),
        ("Pressed on the budget, the minister said, the cuts would stay.", "the cuts would stay"),
        # other fronted adverbials are the speaker's
        (
            "In his state, the governor said, prisons are full.",
            "In his state, the governor said, prisons are full",
        ),
    ],
)
def test_a_fronted_channel_or_participle_frames_a_parenthetical_report(text, content):
    assert content_of(text, "said") == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "He said he would be honored to serve should the opportunity present itself.",
            "said",
            "he would be honored to serve should the opportunity present itself",
        ),
        (
            "Lee argued that dropping the plan once it became clear it would fail was a sign of strength.",
            "argued",
            "that dropping the plan once it became clear it would fail was a sign of strength",
        ),
    ],
)
def test_a_reported_clause_the_parse_split_in_two_stays_whole(text, cue, content):
    assert content_of(text, cue) == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Young voters backed her candidacy in large numbers.", "backed", "her candidacy in large numbers"),
        (
            "The governor supported stem cell research in the Senate.",
            "supported",
            "stem cell research in the Senate",
        ),
        # a place, a setting or a channel stays out
        ("The mayor insulted the council in a heated debate.", "insulted", "the council"),
        ("The senator praised the farmers in Ohio.", "praised", "the farmers"),
    ],
)
def test_in_with_what_was_backed_stays_in_the_content(text, cue, content):
    assert content_of(text, cue) == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # what the verb governs after its object belongs to it
        (
            "The mayor proposed new funds to help towns repair their roads.",
            "proposed",
            "new funds to help towns repair their roads",
        ),
        # a bare time, or a time clause with a gerund, tells when
        ("The senator endorsed Ann Lee last week.", "endorsed", "Ann Lee"),
        ("The mayor discussed the plan before leaving the city.", "discussed", "the plan"),
    ],
)
def test_a_verb_phrase_content_runs_to_what_the_verb_governs_but_not_to_when(text, cue, content):
    assert content_of(text, cue) == content


def test_a_platform_hung_on_the_verb_stays_out():
    assert content_of("The senator touted his endorsement on Facebook.", "touted") == "his endorsement"


def test_a_quoted_title_in_the_speaker_tag_does_not_continue_the_quotation():
    [statement] = hearsay.read('"We won the vote," Ann Lee said on the show "Morning Talk."').statements
    assert statement.content.text == '"We won the vote,"'
    assert "quote.continued" not in statement.rules


def test_a_quotation_after_the_tag_sentence_still_continues_it():
    [statement] = hearsay.read('"We won the vote," Ann Lee said. "Now the real work starts."').statements
    assert "quote.continued" in statement.rules


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator said his attacks on the mayor have given his campaign momentum and said that the"
            " mayor did not represent the party.",
            "said",
            "his attacks on the mayor have given his campaign momentum",
        ),
        (
            "Ann Lee says the plan has worked well and tells the crowd it will go on.",
            "says",
            "the plan has worked well",
        ),
        # a question or a denial is the speaker's next report too
        (
            "Ann Lee said she earns $30,000 a year and questioned how the plan would help her.",
            "said",
            "she earns $30,000 a year",
        ),
        # a verb in the reported clause's own tense stays in it
        (
            "Ann Lee said she supports a higher wage but supports cities that go further.",
            "said",
            "she supports a higher wage but supports cities that go further",
        ),
    ],
)
def test_the_speakers_next_report_ends_the_content(text, cue, content):
    [statement] = [s for s in hearsay.read(text).statements if s.cue.text == cue and s.content.start < 60]
    assert statement.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor agreed with the analysis.", "agreed", "the analysis"),
        ("The council pressed for a vote on the budget.", "pressed", "a vote on the budget"),
        # a passive keeps its reason; a pronoun keeps its preposition
        (
            "The senator was criticized for lying about the vote.",
            "was criticized",
            "for lying about the vote",
        ),
        ("The mayor agreed with him.", "agreed", "with him"),
    ],
)
def test_a_preposition_right_after_the_verb_goes_with_the_cue(text, cue, content):
    assert content_of(text, cue) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Sales rose in May and profits fell by half, according to the report.",
            "Sales rose in May and profits fell by half",
        ),
        # a first clause that reports on its own keeps its statement
        ("The mayor praised the plan, and costs fell, according to the report.", "costs fell"),
    ],
)
def test_a_trailing_according_to_covers_both_coordinated_clauses(text, content):
    assert content_of(text, "according to") == content


def test_a_quotation_that_opens_with_an_aside_of_its_own_still_continues_it():
    """'"So the advice, I think, confuses people."': the aside's content starts at the opening mark,
    which is inside the quotation as the reader sees it; the quotation continues the speaker's words."""
    text = "“It is up to the members,” Lee said of the vote. “So the advice, I think, just confuses people.”"
    [statement] = [s for s in hearsay.read(text).statements if s.cue.text == "said"]
    assert "quote.continued" in statement.rules
    assert statement.content.text.endswith("confuses people.”")


@pytest.mark.parametrize(
    "text",
    ["That is what the mayor said on Monday.", "On Tuesday the council spoke."],
)
def test_a_time_is_no_topic_of_speech(text):
    """ "said on Monday", "On Tuesday ... spoke": a day tells when, not what was said about."""
    assert not [s for s in hearsay.read(text).statements if s.content.text in ("Monday", "Tuesday")]


def test_a_topic_after_the_verb_is_still_what_was_spoken_about():
    assert content_of("The mayor has not commented on the allegations.", "not commented") == "the allegations"


def test_a_content_that_is_only_a_time_makes_no_statement():
    """ "The plan will be talked about today": what is talked about is not "today"."""
    assert not [
        s
        for s in hearsay.read("The plan will be talked about today.").statements
        if s.content.text == "today"
    ]


def test_a_word_in_scare_quotes_is_not_what_was_said():
    """'The mayor called them "rebels"': a term in quotation marks after a cue with no content of its own."""
    assert not hearsay.read('The movement continues, "Never Lee."').statements
    assert not hearsay.read('She wrote "unacceptable."').statements


def test_a_short_quotation_before_the_cue_is_still_what_was_said():
    [statement] = hearsay.read('"Total chaos," said the mayor.').statements
    assert statement.content.text == '"Total chaos,"'


def test_about_names_the_topic_before_on_does():
    """ "complained on the campaign trail about the budget": "on" tells where, "about" what."""
    text = "The mayor complained on the campaign trail about the new budget."
    assert content_of(text, "complained") == "the new budget"


def test_a_quotation_after_the_cues_sentence_continues_the_statement_before():
    """'"...," she said, speaking from Nice. "..."': the participle does not introduce the quotation in
    the next sentence; it goes on with what she said."""
    text = (
        '"I saw people running away," the nurse said, speaking by phone from Nice. '
        '"It was clear that the driver did it on purpose."'
    )
    [statement] = [s for s in hearsay.read(text).statements if s.cue.text == "said"]
    assert statement.content.text.endswith('"It was clear that the driver did it on purpose."')
    assert not [s for s in hearsay.read(text).statements if s.cue.text == "speaking"]


def test_a_quotation_after_a_colon_is_still_introduced_by_the_cue():
    text = 'The nurse said, speaking by phone: "It was clear that the driver did it."'
    [statement] = hearsay.read(text).statements
    assert statement.content.text == '"It was clear that the driver did it."'


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a clause as the topic
        (
            "The mayor has often complained about not getting enough credit for the bridge.",
            "complained",
            "not getting enough credit for the bridge",
        ),
        # the topic hung on the hearer
        ("A reporter asked the mayor about the budget cuts.", "asked", "the budget cuts"),
        (
            "The senator has been talking to his aides about launching a new group.",
            "talking",
            "launching a new group",
        ),
    ],
)
def test_the_topic_of_speech_is_a_clause_or_hangs_on_the_hearer(text, cue, content):
    assert content_of(text, cue) == content


def test_the_hearer_alone_is_no_topic():
    assert not hearsay.read("The senator has been talking to his aides.").statements


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Many voters see their own party as insufficiently committed to its principles.",
            "see",
            "their own party as insufficiently committed to its principles",
        ),
        (
            "She is seen by other leaders of the party as uniquely credible.",
            "is seen",
            "She is seen by other leaders of the party as uniquely credible",
        ),
        ("Many experts viewed the challenge as a long shot.", "viewed", "the challenge as a long shot"),
    ],
)
def test_what_is_seen_as_something_holds_its_as_clause(text, cue, content):
    assert content_of(text, cue) == content


def test_a_coordinated_report_in_the_same_tense_ends_the_content():
    """ "said she regretted her remarks and promised ...": "promised" is the judge's next report, even though
    "regretted" has its tense too."""
    statements = hearsay.read(
        "The judge said she regretted her remarks and promised to stay out of the case."
    ).statements
    contents = {s.cue.text: s.content.text for s in statements}
    assert contents == {"said": "she regretted her remarks", "promised": "to stay out of the case"}


def test_a_coordinated_verb_that_reports_nothing_stays_in_the_content():
    text = "The mayor said the plan failed and cost the city a lot."
    assert content_of(text, "said") == "the plan failed and cost the city a lot"


def test_a_question_word_that_ends_the_clause_is_the_content():
    """ "did not say when.": the question word stands for the question; with a clause it is that clause."""
    assert (
        content_of("Cook said Carter stopped the practice, but Cook did not say when.", "did not say")
        == "when"
    )
    assert content_of("Ann Lee did not say when she would return.", "did not say") == "when she would return"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Last week, according to the report, the firm lost most of its clients.",
            "according to",
            "Last week, according to the report, the firm lost most of its clients",
        ),
        (
            "According to the report, the firm lost most of its clients.",
            "According to",
            "the firm lost most of its clients",
        ),
        (
            "While most of the files were marked secret, according to an official, "
            "two were marked top secret.",
            "according to",
            "two were marked top secret",
        ),
    ],
)
def test_words_of_the_clause_before_a_fronted_source_phrase_open_the_content(text, cue, content):
    assert content_of(text, cue) == content


def test_a_lead_in_ended_by_a_dash_or_colon_before_the_quotation_is_the_writers():
    text = (
        'Neither man was impressed by the senator - "Born with a silver spoon in her mouth," '
        "one of them said."
    )
    [statement] = hearsay.read(text).statements
    assert statement.content.text == '"Born with a silver spoon in her mouth,"'
    assert "content.without_lead_in" in statement.rules


def test_words_before_a_quotation_after_a_comma_stay_in_the_content():
    text = 'Many Americans saw the party as "a party of big government," the former president said.'
    [statement] = hearsay.read(text).statements
    assert statement.content.text == 'Many Americans saw the party as "a party of big government,"'


def test_an_aside_after_one_dash_at_the_end_of_the_content_is_the_writers():
    [statement] = hearsay.read("The mayor said the vote would be close — a prediction few shared.").statements
    assert statement.content.text == "the vote would be close"
    assert "content.dash_aside" in statement.rules


@pytest.mark.parametrize(
    "text",
    [
        # a pair of dashes around an aside inside the content
        "The mayor said the vote — a close one — would be held on Friday.",
        # a quotation after the dash is what was said
        'The mayor said the vote would be close - "a real nail-biter."',
        # a hyphen inside a word
        "The mayor said the vote would be a nail-biter.",
    ],
)
def test_a_dash_inside_the_content_or_before_a_quotation_stays(text):
    [statement] = hearsay.read(text).statements
    assert "content.dash_aside" not in statement.rules


def test_what_follows_a_colon_after_the_content_spells_it_out():
    text = "Ann Lee praised the plan: it was bold and cheap. She left early."
    statement = next(s for s in hearsay.read(text).statements if s.cue.text == "praised")
    assert statement.content.text == "the plan: it was bold and cheap"
    assert "content.colon_elaboration" in statement.rules


def test_a_quotation_after_the_colon_is_left_to_the_quotation_rules():
    statement = next(
        s
        for s in hearsay.read('Ann Lee praised the plan: "It is bold."').statements
        if s.cue.text == "praised"
    )
    assert "content.colon_elaboration" not in statement.rules
