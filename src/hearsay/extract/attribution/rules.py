"""What each rule name in a statement's trace (``Statement.rules``) means, in one line.

``hearsay show --why`` prints these; ``hearsay eval ... --errors`` counts errors and wins by name.
Content rules (``content.*``) are described by their own docstrings in ``content.py`` and ``borders.py``.
"""

from __future__ import annotations

from .borders import BORDER_RULES
from .content import CONTENT_RULES

RULES: dict[str, str] = {
    # Stage 1: cues (cues.FINDERS, in the order they are tried)
    "cue.phrase": "a multi-word cue of cue_phrases.tsv ('according to', 'expressed doubt')",
    "cue.verb": "a reporting verb of cue_verbs.tsv ('said', 'denied', 'did not rule out')",
    "cue.evidence": "'In a poll, ...', '... led in a new poll': a finding of evidence_nouns.tsv sources it",
    "cue.adverb": "an adverb of cue_adverbs.tsv that marks its clause as reported ('reportedly')",
    "cue.noun": "a reporting noun with a that-clause ('the claim that') or owned, with 'to' ('her plan to')",
    "cue.noun_topic": "a reporting noun with an owner and a topic ('her criticism of the plan')",
    "cue.clause_verb": "a verb outside the lexicon whose subject holds a that-clause ('Ann bemoaned that')",
    "cue.adjective": "'be' with an attitude adjective of cue_adjectives.tsv ('was critical of')",
    "cue.stance_noun": "'be' with a noun of stance of cue_stance_nouns.tsv ('is a vocal critic of')",
    "cue.light_verb": "a light verb with a noun of speech ('took a swipe at', 'made the case that')",
    "cue.citing_a_reason": "'citing' with a reason, not a source, as its object: read as 'cite'",
    # Stage 2: content around quotations
    "content.quotation_before": "the quotation closing just before the cue is its content",
    "content.adjacent_quotation": "a quotation next to the cue that the parse left out of its clause",
    "content.snapped_to_quotation": "a content ending or starting inside a quotation takes all of it",
    "content.without_lead_in": (
        "'Neither was impressed - \"...,\" one said': a colon or dash lead-in is the writer's"
    ),
    "content.relative_antecedent": "'the blast, which X says killed ...': from the noun 'which' stands for",
    "kind.report_inside_quotation": "the cue stands inside someone's quotation: a nested, indirect report",
    # Stage 3: sources
    "source.subject": "the cue's subject",
    "source.agent": "the agent of a passive cue ('was questioned by X')",
    "source.owner": "the owner of a reporting noun ('her claim', 'a report by X')",
    "source.object": "the object of a source phrase ('according to X')",
    "source.none_by_frame": "the cue's frame has no source ('seems', 'reportedly')",
    "source.asked_participle": "'Asked about X, ...': whoever asked is not in the text",
    "source.inherited": "a participle or conjunct takes the speaker of the clause it hangs on",
    "source.channel_writer": "'issued a statement saying', 'in a letter stating': who wrote it speaks",
    "source.past_an_instrument": "'used the speech to refute X': the thing used does not speak; its user",
    "source.doer_of_object": "'the union ran ads criticizing X': a thing the subject made speaks for it",
    "source.name_before": "the name just before a verb the parse gave no subject",
    "source.name_after": "the speaker named right after an inverted cue ('said the woman')",
    "source.reflexive": "'allowed herself to say': the subject the reflexive stands for speaks",
    "source.misplaced_subject": "the parsed subject is in a quotation or dateline; the speaker is elsewhere",
    "source.conjuncts": "'X and Y said': one statement per named conjunct",
    "source.entity": "the source phrase names an entity",
    "source.phrase": "the source is a phrase no entity stands for ('officials', 'the woman')",
    "source.pronoun": "a pronoun resolved to the nearest person named before it",
    "source.pronoun_unresolved": "a pronoun with no person named before it: left unresolved",
    "source.relative": "'the union, which claimed', 'Ann Lee, who added': the noun the pronoun stands for",
    "source.relative_unresolved": "a relative pronoun whose noun names no entity: left unresolved",
    "source.it": "'It said': the organisation named just before (this or the two sentences before)",
    "source.it_unresolved": "'It said' with no organisation named just before: left unresolved",
    "source.description": "'the group', 'the newspaper': the organisation or outlet named just before",
    "source.description_unresolved": "'the group' with no organisation named just before: left unresolved",
    "entity.named_an_outlet": "an organisation the text calls a newspaper, broadcaster, ...: an outlet",
    "source.previous_speaker": "no speaker in the sentence: the last speaker before the quotation",
    "source.label_words": "a label's words name an entity ('Okafor:' for Ada Okafor)",
    "source.label_unresolved": "a speaker label no entity stands for (a transcript's 'MORGAN:')",
    # Stage 4: quotations and labels
    "quote.floating": "a quotation with no cue of its own, given to the last speaker",
    "quote.signed": "a quotation signed with a dash and a name ('\"...\" ― Ann Lee')",
    "quote.introduced_by_verb": "a quotation introduced by the verb just before it ('Ann tells voters, ...')",
    "quote.introduced_by_label": "a quotation after a colon with a speaker label before it",
    "quote.continued": "a quotation right after the statement continues its content",
    # Addressee and medium (addressees.py)
    "addressee.object": "the hearer is the cue's object ('told reporters')",
    "addressee.to": "the hearer follows 'to' or 'with' ('said to DW')",
    "addressee.of_medium": "the hearer of the medium ('in an interview with DW')",
    "medium.channel": "a medium noun of medium_nouns.tsv ('in a statement', 'during a briefing')",
    "medium.platform": "a platform of platforms.tsv ('posted on X', 'in a post on Telegram')",
    "medium.relay": "the outlet that relayed the statement ('a statement carried by Al Jazeera')",
    "delivery.inherited": "addressee or medium taken from the cue this one hangs on ('told DW, noting ...')",
    "label.colon": "a name opening a line, a colon, and what the name says ('Mayor Lee: ...')",
}


def describe(rule: str) -> str:
    """The one-line meaning of a rule name; content rules are read from their docstrings."""
    if rule in RULES:
        return RULES[rule]
    stage, _, name = rule.partition(".")
    if stage == "content" and (name in CONTENT_RULES or name in BORDER_RULES):
        described = CONTENT_RULES.get(name) or BORDER_RULES[name]
        doc = (described.__doc__ or "").strip().splitlines()
        return doc[0] if doc else name
    return "(no description)"
