"""Stage 5: filters: drop statements nested in others and the kinds that are mostly not attributions."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..drafts import StatementDraft
from ..lexicon import load_lexicon
from ..quotes import quote_containing
from .context import DocContext
from .lexicon import RELEASE_VERBS, frame_of, noun_cues, verb_cues
from .sources import (
    has_passive_auxiliary,
    is_impersonal_infinitive,
    is_passive_or_impersonal,
    is_passive_participle,
    issuer_of,
)
from .spans import holds

# Inside a quotation these are the quoted speaker (or their hearer): "I think" adds no new source.
SPEAKER_PRONOUNS = {"i", "we", "you"}
# "released a statement", "posted a message": nouns that only hold words (``RELEASE_VERBS`` put them
# out; "published the video", "noted the comments" name what was said or shown: those stay).
WORDS_ONLY = frozenset(["statement", "message", "comment", "remark", "post", "tweet"])
# "speak" and "talk" report only with a topic after one of these: "spoke about the plan".
TALK_VERBS = {"speak", "talk"}
TOPIC_MARKERS = {"about", "of", "up", "against"}


def without_nested(ctx: DocContext, drafts: list[StatementDraft]) -> list[StatementDraft]:
    """Drop a speaker's own "I think" inside the quotation that already attributes it to them."""
    kept = []
    for draft in drafts:
        inside = any(
            _in_words_of(ctx, outer, draft)
            and outer.content != draft.content
            and not holds(draft.content, outer.cue)
            and not _names_only_a_channel(ctx, outer)
            for outer in drafts
        )
        if inside and not _reports_someone_else(ctx, draft):
            continue
        kept.append(draft)
    return kept


def _in_words_of(ctx: DocContext, outer: StatementDraft, draft: StatementDraft) -> bool:
    """Whether the draft's cue lies inside what ``outer`` reports.

    A quotation continued after its cue ('"...," Ann said, referring to the bridge. "..."') spans
    its own cue; a participle of that cue between the quotations, outside the marks, is the text's,
    not Ann's words.
    """
    if not holds(outer.content, draft.cue):
        return False
    if not holds(outer.content, outer.cue) or outer.kind == "indirect":
        return True
    if quote_containing(ctx.quotes, draft.cue.start_char, draft.cue.end_char) is not None:
        return True
    return not _participle_of(ctx, draft, outer)


def _participle_of(ctx: DocContext, draft: StatementDraft, outer: StatementDraft) -> bool:
    """ "Ann said, referring to the bridge": an -ing form hung on the outer cue itself."""
    cue, outer_cue = ctx.by_start.get(draft.cue.start_char), ctx.by_start.get(outer.cue.start_char)
    if cue is None or outer_cue is None:
        return False
    return cue.head.tag_ == "VBG" and cue.head.head.i == outer_cue.head.i


def without_reports_inside_reports(ctx: DocContext, drafts: list[StatementDraft]) -> list[StatementDraft]:
    """Drop an indirect statement whose cue lies inside another statement's reported words.

    "Ann said the mayor, defending the plan, ..." reports what Ann said; the participle inside
    it is part of her report, not a second attribution. A named third party's speech inside a
    report ("Ann said Bob announced that ...") stays: that is a report of a report.
    """
    kept = []
    for draft in drafts:
        if draft.kind == "indirect":
            outer = next(
                (
                    o
                    for o in drafts
                    if o is not draft
                    and _in_words_of(ctx, o, draft)
                    and not holds(draft.content, o.cue)
                    and not _names_only_a_channel(ctx, o)
                ),
                None,
            )
            if outer is not None and not _third_party_speech(ctx, draft, outer):
                continue
        kept.append(draft)
    return kept


def without_noise(ctx: DocContext, drafts: list[StatementDraft]) -> list[StatementDraft]:
    """Drop the kinds of statement that are mostly not attributions at all (see each test)."""
    return [
        draft
        for draft in drafts
        if not (
            _is_loose_quotation(draft)
            or _lacks_a_speaker(ctx, draft)
            or _is_report_inside_quotation(ctx, draft)
            or _is_talk_without_topic(ctx, draft)
            or _describes_a_noun(ctx, draft)
            or _refuses_an_act(ctx, draft)
            or _declines_no_speech(ctx, draft)
            or _does_not_say(ctx, draft)
            or _names_only_a_channel(ctx, draft)
        )
    ]


def _refuses_an_act(ctx: DocContext, draft: StatementDraft) -> bool:
    """ "refused to recognise the claims", "refused to accept the result": a refusal to accept, not
    a refusal to comment; the refused verb is a cue of cognition.

    Refusals of speech ("declined to comment", "refused to confirm") are statements, and so are
    refusals of other acts ("refused to cooperate"), which PolNeAR annotates as attributions.
    """
    cue = ctx.by_start.get(draft.cue.start_char)
    if cue is None or cue.entry.cls != "refusal":
        return False
    act = next((c for c in cue.head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    entry = verb_cues().get(act.lemma_.lower()) if act is not None else None
    return entry is not None and entry.cls == "cognition"


# Objects whose refusal is a refusal to speak: "declined comment", "refused a question about X".
SPEECH_OBJECTS = frozenset(["comment", "question", "request", "interview", "answer", "statement", "remark"])


def _declines_no_speech(ctx: DocContext, draft: StatementDraft) -> bool:
    """ "their sales declined 8%", "declined the offer", "refused the iPhone": no refusal to speak.

    A refusal verb reports a refusal only with the refused act ("declined to comment", "refrained
    from saying") or an object of speech ("declined comment", "refused requests for an interview");
    without either "decline" is a fall and "refuse" a rejection of a thing.
    """
    cue = ctx.by_start.get(draft.cue.start_char)
    if cue is None or cue.entry.cls != "refusal" or cue.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = cue.head
    if verb.lemma_.lower() == "refrain":  # "refraining from confirm or deny": always an act
        return False
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") or (child.dep_ == "prep" and _names_an_act(child)):
            return False
        if child.dep_ == "dobj" and child.lemma_.lower() in SPEECH_OBJECTS | set(noun_cues()):
            return False
    return True


def _names_an_act(prep: Token) -> bool:
    """ "from criticising the plan", "from confirm or deny"; not "from the rival club"."""
    return prep.lower_ == "from" and any(
        c.dep_ == "pcomp" or c.pos_ == "VERB" or c.tag_ == "VBG" for c in prep.children
    )


def _does_not_say(ctx: DocContext, draft: StatementDraft) -> bool:
    """ "posted an emoji", "showed support for the players": an object that is shown, not said."""
    cue = ctx.by_start.get(draft.cue.start_char)
    if cue is None or draft.kind != "indirect":
        return False
    nouns = not_speech_objects().get(cue.head.lemma_.lower(), frozenset())
    content = draft.content
    has_clause = any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "relcl", "acl") for t in content)
    return content.root.lemma_.lower() in nouns and not has_clause


def _names_only_a_channel(ctx: DocContext, draft: StatementDraft) -> bool:
    """ "released a statement", "posted a lengthy message": the object is the channel, not what was
    said; the words (a quotation after a colon, a "saying ..." beside it) make their own statement."""
    cue = ctx.by_start.get(draft.cue.start_char)
    if cue is None or cue.head.lemma_.lower() not in RELEASE_VERBS:
        return False
    root = draft.content.root
    if root.dep_ != "dobj" or root.lemma_.lower() not in WORDS_ONLY:
        return False
    if _participle_cue(ctx, cue.head, root):
        return True  # "issued a statement saying ...": "saying" reports it, for the one who issued it
    return draft.kind == "indirect" and not any(t.pos_ in ("VERB", "AUX") for t in draft.content)


def _participle_cue(ctx: DocContext, verb: Token, noun: Token) -> bool:
    """ "a statement saying ...", "issued a statement on Monday saying ...": a cue's "-ing" form on the
    noun, or on the verb after the noun."""
    participles = [c for c in noun.children if c.dep_ == "acl"]
    participles += [c for c in verb.children if c.dep_ == "advcl" and c.i > noun.i]
    return any(p.tag_ == "VBG" and p.i in ctx.by_head for p in participles)


@cache
def not_speech_objects() -> dict[str, frozenset[str]]:
    """The objects with which a cue verb is no statement (``lexicons/not_speech.tsv``), by verb."""
    table: dict[str, set[str]] = {}
    for row in load_lexicon("not_speech"):
        table.setdefault(row["verb"], set()).add(row["noun"])
    return {verb: frozenset(nouns) for verb, nouns in table.items()}


def _is_loose_quotation(draft: StatementDraft) -> bool:
    """A quotation with no cue at all, handed to the last speaker.

    'Ann spoke first. Later, on the stage: "Nothing changes."' guesses at a speaker and shows the
    quotation's mark as the cue (with the word glued to it in 'act—"My plan ..."'); such a guess is
    mostly wrong (a title, a slogan, another speaker): on the PolNeAR train split none of 13 was.
    """
    return "quote.floating" in draft.rules


def _lacks_a_speaker(ctx: DocContext, draft: StatementDraft) -> bool:
    """An active cue whose speaker was not found: "a town known for its bakeries".

    A statement needs someone who says or thinks it. Passives ("the plan is expected to
    pass"), impersonal cues ("it is said", "it is hard to know"), raising verbs ("the race
    seems close"), "reportedly" and an opening "Asked about the plan, ..." have none in the
    text, by design;
    any other cue without a speaker is mostly a word used in another sense or a speaker the
    parse lost, and a statement with the wrong speaker (none) misleads more than it helps.
    """
    if draft.source is not None:
        return False
    cue = ctx.by_start.get(draft.cue.start_char)
    if cue is None:
        return False
    head = cue.head
    return not (
        frame_of(cue.entry).source == "none"
        or is_passive_or_impersonal(cue)
        or has_passive_auxiliary(head)
        or (is_passive_participle(head) and head.dep_ == "advcl")
        or is_impersonal_infinitive(head)
    )


def _is_report_inside_quotation(ctx: DocContext, draft: StatementDraft) -> bool:
    """'"We will win, I think, and Bob told us so," Ann said': words inside the quotation.

    A cue inside a quotation is part of the quoted speaker's words; the report it makes
    ("I think", "Bob told us so") is not the text's own attribution, even when it names
    a third party: the quotation is Ann's statement, and it already holds Bob's words.
    """
    inside = quote_containing(ctx.quotes, draft.cue.start_char, draft.cue.end_char) is not None
    return draft.kind == "indirect" and inside


def _is_talk_without_topic(ctx: DocContext, draft: StatementDraft) -> bool:
    """ "Ann spoke on Tuesday", "who spoke on condition of anonymity": talk with no topic given.

    "speak" and "talk" report something only when what was said follows "about" or "of"
    ("Ann spoke warmly about her mother"); otherwise their content is a time, a place or a manner.
    """
    if draft.cue_lemma not in TALK_VERBS or draft.content.start == 0:
        return False
    return ctx.doc[draft.content.start - 1].lower_ not in TOPIC_MARKERS


def _describes_a_noun(ctx: DocContext, draft: StatementDraft) -> bool:
    """ "her plan to challenge the rule", "groups urging a recount": an act naming a thing or group.

    An infinitive or an "-ing" form of an act verb that modifies a noun describes the thing
    (a plan, a letter, a group) rather than reporting what someone said.
    """
    cue = ctx.by_start.get(draft.cue.start_char)
    if cue is None or cue.head.dep_ != "acl" or issuer_of(cue.head.head) is not None:
        return False  # "issued a statement condemning X": the statement's words, for whoever issued it
    return cue.head.tag_ == "VB" or (cue.head.tag_ == "VBG" and cue.entry.frame == "vp")


def _third_party_speech(ctx: DocContext, draft: StatementDraft, outer: StatementDraft) -> bool:
    """ "Ann said Bob announced that ...": Bob's speech, not Ann's own words."""
    cue = ctx.by_start.get(draft.cue.start_char)
    return (
        cue is not None
        and cue.entry.cls == "speech"
        and cue.entry.frame in ("clause", "both")
        and draft.source_entity is not None
        and draft.source_entity != outer.source_entity
    )


def _reports_someone_else(ctx: DocContext, draft: StatementDraft) -> bool:
    """ "Ms Lee said she would run," he said: a named third party's speech, worth its own statement."""
    if draft.cue_lemma == ":":
        return draft.source is not None  # a transcript's "MORGAN: ..." inside "as follows:"
    cue = ctx.by_start.get(draft.cue.start_char)
    return (
        cue is not None
        and cue.entry.cls in ("speech", "denial")
        and draft.source_entity is not None
        and draft.source is not None
        and draft.source.text.lower() not in SPEAKER_PRONOUNS
    )
