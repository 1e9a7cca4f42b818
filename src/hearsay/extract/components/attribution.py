"""``hearsay_attribution``: attributed statements (source, cue, content, addressee, kind)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..cues import Cue, evidence_nouns, find_cues, repair_lemmas, source_nouns, verb_cues
from ..drafts import EntityDraft, StatementDraft
from ..quotes import CLOSING_MARKS, OPENING_MARKS, char_span, kind_of, quote_containing, quote_ranges
from ..spans import (
    addressee_for,
    content_for,
    is_passive_or_impersonal,
    noun_phrase,
    source_heads,
)
from ..spans import (
    trim as trim_span,
)

PERSONAL_PRONOUNS = {"he", "she", "him", "her"}
# Inside a quotation these are the quoted speaker (or their hearer): "I think" adds no new source.
SPEAKER_PRONOUNS = {"i", "we", "you"}

# How far back (in characters) a pronoun or a floating quote looks for its speaker.
LOOKBACK_CHARS = 600
# Words other than its own cue and source that may stand between a statement and a quotation
# that continues it.
MAX_STRAY_WORDS = 4
# A speaker label before a colon: at most this many tokens of these kinds.
LABEL_TOKENS = 8
# A name standing before a subject-less verb: how far back, and what may stand between.
NAME_REACH = 14
APPOSITION_POS = {"NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "CCONJ", "PART", "PUNCT"}
# How many tokens before 'X, "..."' the introducing verb may stand.
COMMA_REACH = 15
ARTICLES = {"a", "an", "the"}
# A headline's speaker label ("Lee: ..."): at most this many words.
HEADLINE_NAME_WORDS = 3
# A quotation this far before its cue is never adjacent (at most 12 words may stand between);
# without the bound each cue scanned the text after every earlier quotation, cubic in length.
ADJACENT_GAP_CHARS = 400
LABEL_POS = {"PROPN", "NOUN", "DET", "ADJ", "PART", "CCONJ", "NUM", "ADP"}
WORD = re.compile(r"\w+")
# "speak" and "talk" report only with a topic after one of these: "spoke about the plan".
TALK_VERBS = {"speak", "talk"}
TOPIC_MARKERS = {"about", "of", "up", "against"}
# A dash and a name on the same line right after a quotation: '"..." ― Ann Lee'.
SIGNATURE = re.compile(r"[ \t\u00a0]*([―—])[ \t\u00a0]*([A-Z][\w.\-’']*(?:[ \t\u00a0]+[A-Z][\w.\-’']*){0,4})")
PARAGRAPH_BREAK = re.compile(r"\n\s*")
# A dateline ends with a dash within its first few tokens: 'LEEDS, May 2 (AP) -- ...'.
DASHES = {"-", "--", "—", "–", "―"}
DATELINE_TOKENS = 10
NOUN_PHRASE_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}


@Language.component(
    "hearsay_attribution",
    requires=["token.dep", "token.lemma", "token.pos", "token.tag", "doc._.hs_entities"],
    assigns=["doc._.hs_statements"],
)
def hearsay_attribution(doc: Doc) -> Doc:
    repair_lemmas(doc)
    doc._.hs_statements = Attributor(doc).statements()
    return doc


class Attributor:
    """Finds the statements of one document; holds the per-document lookups."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: list[EntityDraft] = doc._.hs_entities if doc._.hs_entities is not None else []
        doc._.hs_entities = self.entities
        # Doc.text joins every token anew on each access: read it once.
        self.text = doc.text
        self.quotes = quote_ranges(self.text)
        self.cues = [cue for sentence in doc.sents for cue in find_cues(sentence)]
        self.by_head = {cue.head.i: cue for cue in self.cues}
        self.cue_heads = set(self.by_head)
        self.by_start = {cue.span.start_char: cue for cue in self.cues}

    def statements(self) -> list[StatementDraft]:
        drafts: list[StatementDraft] = []
        for cue in self.cues:
            drafts.extend(self._statements_of(cue))
        drafts.extend(self._colon_statements(drafts))
        drafts.extend(self._floating_quotes(drafts))
        drafts = self._without_nested(drafts)
        drafts = self._without_reports_inside_reports(drafts)
        drafts = self._without_noise(drafts)
        drafts.sort(key=lambda d: (d.cue.start_char, d.content.start_char))
        return drafts

    def _without_nested(self, drafts: list[StatementDraft]) -> list[StatementDraft]:
        """Drop a speaker's own "I think" inside the quotation that already attributes it to them."""
        kept = []
        for draft in drafts:
            inside = any(
                _holds(outer.content, draft.cue)
                and outer.content != draft.content
                and not _holds(draft.content, outer.cue)
                for outer in drafts
            )
            if inside and not self._reports_someone_else(draft):
                continue
            kept.append(draft)
        return kept

    def _without_reports_inside_reports(self, drafts: list[StatementDraft]) -> list[StatementDraft]:
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
                        and _holds(o.content, draft.cue)
                        and not _holds(draft.content, o.cue)
                    ),
                    None,
                )
                if outer is not None and not self._third_party_speech(draft, outer):
                    continue
            kept.append(draft)
        return kept

    def _without_noise(self, drafts: list[StatementDraft]) -> list[StatementDraft]:
        """Drop the kinds of statement that are mostly not attributions at all (see each test)."""
        return [
            draft
            for draft in drafts
            if not (
                self._is_loose_quotation(draft)
                or self._lacks_a_speaker(draft)
                or self._is_report_inside_quotation(draft)
                or self._is_talk_without_topic(draft)
                or self._describes_a_noun(draft)
            )
        ]

    @staticmethod
    def _is_loose_quotation(draft: StatementDraft) -> bool:
        """A quotation with no cue at all, only its own marks, handed to the last speaker.

        'Ann spoke first. Later, on the stage: "Nothing changes."' guesses at a speaker and shows a
        quotation mark as the cue; such a guess is mostly wrong (a title, a slogan, another speaker).
        """
        # The verb "quote" has the same lemma: the loose quotation's cue is its marks alone.
        return draft.cue_lemma == "quote" and not any(ch.isalnum() for ch in draft.cue.text)

    def _lacks_a_speaker(self, draft: StatementDraft) -> bool:
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
        cue = self.by_start.get(draft.cue.start_char)
        if cue is None:
            return False
        head = cue.head
        return not (
            cue.entry.frame in ("raising", "adverb")
            or is_passive_or_impersonal(cue)
            or _has_passive_auxiliary(head)
            or (_is_passive_participle(head) and head.dep_ == "advcl")
            or _is_impersonal_infinitive(head)
        )

    def _is_report_inside_quotation(self, draft: StatementDraft) -> bool:
        """'"We will win, I think, and Bob told us so," Ann said': words inside the quotation.

        A cue inside a quotation is part of the quoted speaker's words; the report it makes
        ("I think", "Bob told us so") is not the text's own attribution, even when it names
        a third party: the quotation is Ann's statement, and it already holds Bob's words.
        """
        inside = quote_containing(self.quotes, draft.cue.start_char, draft.cue.end_char) is not None
        return draft.kind == "indirect" and inside

    def _is_talk_without_topic(self, draft: StatementDraft) -> bool:
        """ "Ann spoke on Tuesday", "who spoke on condition of anonymity": talk with no topic given.

        "speak" and "talk" report something only when what was said follows "about" or "of"
        ("Ann spoke warmly about her mother"); otherwise their content is a time, a place or a manner.
        """
        if draft.cue_lemma not in TALK_VERBS or draft.content.start == 0:
            return False
        return self.doc[draft.content.start - 1].lower_ not in TOPIC_MARKERS

    def _describes_a_noun(self, draft: StatementDraft) -> bool:
        """ "her plan to challenge the rule", "groups urging a recount": an act naming a thing or group.

        An infinitive or an "-ing" form of an act verb that modifies a noun describes the thing
        (a plan, a letter, a group) rather than reporting what someone said.
        """
        cue = self.by_start.get(draft.cue.start_char)
        if cue is None or cue.head.dep_ != "acl":
            return False
        return cue.head.tag_ == "VB" or (cue.head.tag_ == "VBG" and cue.entry.frame == "vp")

    def _third_party_speech(self, draft: StatementDraft, outer: StatementDraft) -> bool:
        """ "Ann said Bob announced that ...": Bob's speech, not Ann's own words."""
        cue = self.by_start.get(draft.cue.start_char)
        return (
            cue is not None
            and cue.entry.cls == "speech"
            and cue.entry.frame in ("clause", "both")
            and draft.source_entity is not None
            and draft.source_entity != outer.source_entity
        )

    def _statements_of(self, cue: Cue) -> list[StatementDraft]:
        if cue.lemma == "citing" and not all(self._names_a_source(h) for h in self._source_heads(cue)):
            # "..., citing higher energy prices": a reason the speaker cites, not a source
            cue = Cue(cue.head, cue.tokens, verb_cues()["cite"])
        content = content_for(cue, self.cue_heads)
        if cue.entry.cls in ("speech", "question"):
            before = self._quotation_before(cue)
            if before is not None and (content is None or not _overlaps(before, content)):
                # '"...," Ann said before adding: "..."': the quotation just before is Ann's words.
                content = before
        if content is None and cue.entry.cls in ("speech", "question"):
            content = self._adjacent_quotation(cue)
        if content is None or _is_trivial(content):
            return []
        if _is_as_clause(cue.head) and quote_containing(self.quotes, cue.span.start_char, cue.span.end_char):
            return []  # '"... not as rich as he says he is"': a figure of speech inside a quotation
        content = self._snapped_to_quotes(content, cue)
        kind = kind_of(self.quotes, content, self.text)
        if kind == "direct":
            quote = quote_containing(self.quotes, content.start_char, content.end_char, self.text)
            if (
                quote is None
                or quote_containing(self.quotes, cue.span.start_char, cue.span.end_char) == quote
            ):
                # A cue inside someone's quotation: a nested report, not the quotation itself.
                kind = "indirect"
            else:
                content = self._quotation(*quote) or content
        addressee = self._addressee(cue)
        heads = self._source_heads(cue, content)
        drafts = []
        holders: list[Token | None] = [*heads] or [None]
        for head in holders:
            source, entity = self._resolve(head)
            drafts.append(
                StatementDraft(
                    cue=cue.span,
                    content=content,
                    kind=kind,
                    source=source,
                    source_entity=entity.id if entity else None,
                    addressee=addressee,
                    cue_lemma=cue.lemma,
                )
            )
        return drafts

    # -- sources ---------------------------------------------------------------------------------

    def _source_heads(self, cue: Cue, content: Span | None = None) -> list[Token]:
        """Who holds the statement; ``content`` (when known) tells a subject misplaced inside it."""
        if cue.entry.frame in ("raising", "adverb"):
            return []  # "the race seems to tighten", "is reportedly spending": nobody holds the view
        heads = source_heads(cue)
        if not heads and _is_passive_participle(cue.head):
            return []  # "Asked about the plan, Ann said ...": whoever asked is not in the text
        if not heads and cue.head.pos_ != "NOUN" and not is_passive_or_impersonal(cue):
            heads = self._inherited_heads(cue.head, set())
            if not heads and cue.head.pos_ in ("VERB", "AUX"):
                first = cue.head
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                name = self._name_before(first)
                if name is None and content is not None and content.end_char <= cue.span.start_char:
                    name = self._name_after(cue)  # '"...," said the woman'
                heads = [name] if name is not None else []
        heads = [_antecedent_of_reflexive(_antecedent_of_that(head)) for head in heads]
        if content is not None and len(heads) == 1 and self._is_misplaced(heads[0], cue, content):
            speaker = self._speaker_outside(cue, content, heads[0])
            if speaker is not None:
                heads = [speaker]
        return [split for head in heads for split in self._conjuncts(head)]

    def _is_misplaced(self, head: Token, cue: Cue, content: Span) -> bool:
        """A subject the parser took from the quotation, the reported words or the dateline:
        '"Total chaos," said Ann', 'Nothing will change, the mayor said', 'LEEDS - ...'."""
        if quote_containing(self.quotes, head.idx, head.idx + len(head.text)) is not None:
            return True
        if content.start <= head.i < content.end and not _holds(content, cue.span):
            return True
        return self._dateline_end(head) is not None

    def _dateline_end(self, head: Token) -> int | None:
        """The index of the dash that ends a dateline holding ``head``: 'LEEDS, May 2 (AP) - ...'."""
        sentence = head.sent
        opening = self.doc[sentence.start]
        for token in sentence[:DATELINE_TOKENS]:
            if token.pos_ in ("VERB", "AUX"):
                break
            spaced = token.i > sentence.start and bool(self.doc[token.i - 1].whitespace_)
            if token.text in DASHES and spaced and token.i > head.i:
                place = opening.is_upper and len(opening.text) > 2
                return token.i if place or "(" in sentence[: token.i - sentence.start].text else None
        if head.is_upper and len(head.text) > 2 and head.i == sentence.start:
            return head.i
        return None

    def _speaker_outside(self, cue: Cue, content: Span, misplaced: Token) -> Token | None:
        """The real speaker when the parse took the subject from the content or the dateline.

        Another subject of the cue ('"We won," Ann said'), the words between the content and the
        cue ('Nothing will change, the mayor said'), the name after the cue ('"...," said Ann Lee')
        or the name after the dateline ('LEEDS (AP) - Ann Lee on Monday called for ...').
        """
        for child in cue.head.children:
            subject = child.dep_ in ("nsubj", "csubj") and child != misplaced
            if subject and not self._is_misplaced(child, cue, content):
                return child
        if content.end <= cue.span.start:
            between = self._speaker_in(self.doc[content.end : cue.span.start])
            if between is not None:
                return between
            after = self._name_after(cue)
            if after is not None:
                return after
        dash = self._dateline_end(misplaced)
        if dash is not None and dash != misplaced.i:
            return self._speaker_in(self.doc[dash + 1 : cue.span.start], first=True)
        if dash is not None:
            return self._name_after(cue) if content.end <= cue.span.start else None
        return None

    def _speaker_in(self, words: Span, first: bool = False) -> Token | None:
        """The person or group a short run of words names: 'the Florida senator' -> senator.

        With ``first``, the first name in a longer run ('Ann Lee on Monday hit the trail')."""
        if first:
            return next((s for s in map(self._speaker_at, words) if s is not None), None)
        if len(words) > LABEL_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON") and _names_someone(t)]
        if not nouns:
            return None
        return self._speaker_at(nouns[-1]) or nouns[-1]

    def _name_after(self, cue: Cue) -> Token | None:
        """The speaker named right after an inverted cue: 'said Ann Lee, a consultant', 'said the woman'."""
        index = cue.span.end
        while index < len(self.doc) and self.doc[index].pos_ in ("ADV", "PART"):
            index += 1
        if index >= len(self.doc):
            return None
        speaker = self._speaker_at(self.doc[index])
        if speaker is not None:
            return speaker
        end = index
        while end < len(self.doc) and self.doc[end].pos_ in NOUN_PHRASE_POS and not self.doc[end].is_punct:
            end += 1
        nouns = [t for t in self.doc[index:end] if t.pos_ in ("NOUN", "PROPN") and _names_someone(t)]
        return nouns[-1] if nouns else None

    def _speaker_at(self, token: Token) -> Token | None:
        """The head of the person, organisation or outlet mention covering ``token``, if any."""
        entity, mention = self._entity_at(token)
        if entity is None or entity.type not in ("PERSON", "ORG", "OUTLET") or mention is None:
            return None
        return mention.root

    def _name_before(self, verb: Token) -> Token | None:
        """A subject the parser hung elsewhere: the name just before a verb that has none.

        'In Leeds, 58-year-old Ann Lee also spoke against ...' (the parse makes Ann Lee the object
        of "in"); '"...," Ann Lee, a nurse, said' (the parse makes her part of the quotation).
        """
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
            return None
        sentence_start = verb.sent.start
        index = verb.i - 1
        while index >= sentence_start and self.doc[index].pos_ in ("ADV", "PART", "AUX"):
            index -= 1
        if index < sentence_start:
            return None
        token = self.doc[index]
        if token.text == ",":
            # a trailing apposition: ', a top adviser,' between the name and the verb
            index -= 1
            while index >= sentence_start and verb.i - index <= NAME_REACH:
                candidate = self.doc[index]
                if candidate.text == "," and index > sentence_start:
                    token = self.doc[index - 1]
                    break
                if candidate.pos_ not in APPOSITION_POS:
                    return None
                index -= 1
            else:
                return None
        return self._speaker_at(token)

    def _conjuncts(self, head: Token) -> list[Token]:
        """ "by both X and Y": two sources when every conjunct is a name."""
        conjuncts = [head, *(c for c in head.children if c.dep_ == "conj")]
        if len(conjuncts) > 1 and all(
            t.pos_ == "PROPN" or self._entity_at(t)[0] is not None for t in conjuncts
        ):
            return conjuncts
        return [head]

    def _inherited_heads(self, token: Token, seen: set[int]) -> list[Token]:
        """A participle ("..., noting X") or a conjunct takes the speaker of the clause it hangs on."""
        while token.head.i != token.i and token.i not in seen:
            seen.add(token.i)
            parent = token.head
            controller = _object_controller(token)
            if controller is not None:
                return [controller]
            if parent.i in self.by_head:
                parent_cue = self.by_head[parent.i]
                heads = source_heads(parent_cue)
                if heads or is_passive_or_impersonal(parent_cue):
                    return heads
                if _describes(token):
                    return [parent]
                return self._inherited_heads(parent, seen)
            if _describes(token):
                return [parent]
            inside_content = parent.dep_ in ("ccomp", "xcomp") and parent.head.i in self.by_head
            subject = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and not inside_content:
                if subject.lower_ == "it" and parent.lemma_ == "be":
                    return []  # "it is hard to know where ...": nobody in the text knows it
                return [subject]
            token = parent
        return []

    def _resolve(self, head: Token | None) -> tuple[Span | None, EntityDraft | None]:
        """The source's span and entity: a name in the source phrase, or a pronoun's antecedent."""
        if head is None:
            return None, None
        if head.lower_ in PERSONAL_PRONOUNS:
            entity = self._antecedent(head)
            pronoun = self.doc[head.i : head.i + 1]
            if entity is not None:
                entity.mentions.append(pronoun)
            return pronoun, entity
        for candidate in _name_tokens(head):
            entity, mention = self._entity_at(candidate)
            if entity is not None:
                return mention, entity
        return noun_phrase(head), None

    def _names_a_source(self, head: Token) -> bool:
        """ "citing officials" names a source; "citing higher energy prices" gives a reason."""
        entity, _ = self._entity_at(head)
        if entity is not None:
            return entity.type in ("PERSON", "ORG", "OUTLET")
        return head.lemma_.lower() in source_nouns()

    def _entity_at(self, token: Token) -> tuple[EntityDraft | None, Span | None]:
        for entity in self.entities:
            for mention in entity.mentions:
                if mention.start <= token.i < mention.end and entity.type not in ("NORP", "DATE"):
                    return entity, mention
        return None, None

    def _antecedent(self, pronoun: Token) -> EntityDraft | None:
        """The nearest person named before the pronoun, within a few sentences."""
        best: tuple[int, EntityDraft] | None = None
        floor = pronoun.idx - LOOKBACK_CHARS
        for entity in self.entities:
            if entity.type != "PERSON":
                continue
            for mention in entity.mentions:
                named = mention.text.lower() not in PERSONAL_PRONOUNS
                later = best is None or mention.end_char > best[0]
                if named and later and floor <= mention.end_char <= pronoun.idx:
                    best = (mention.end_char, entity)
        return best[1] if best else None

    def _addressee(self, cue: Cue) -> Span | None:
        token = cue.head
        while True:
            found = addressee_for(self.by_head[token.i]) if token.i in self.by_head else None
            if (
                found is not None
                or token.head.i == token.i
                or token.dep_ not in ("advcl", "conj", "xcomp", "ccomp")
            ):
                return found
            token = token.head

    def _colon_statements(self, drafts: list[StatementDraft]) -> list[StatementDraft]:
        """ "Mayor Lee: 'We will rebuild'": a name opening a line, a colon, and what the name says."""
        found = []
        for sentence in self.doc.sents:
            colon = next((t for t in sentence[: LABEL_TOKENS + 1] if t.text == ":"), None)
            if colon is None or colon.i == sentence.start:
                continue
            label = self.doc[sentence.start : colon.i]
            named = _is_name_label(label)
            headline = not named and _is_headline_label(label)
            if not (named or headline) or any(d.cue.start <= colon.i < d.cue.end for d in drafts):
                continue
            end = sentence.end
            while end < len(self.doc) and "\n" not in self.doc[end - 1].text_with_ws:
                end += 1  # the line goes on over sentence breaks the parser made
            content = trim_span(self.doc[colon.i + 1 : end])
            if content is None or sum(t.is_alpha for t in content) < 3:
                continue
            bare_name = self._is_headline_speaker(label)
            has_verb = any(t.pos_ in ("VERB", "AUX") for t in content)
            titled = _title_cased(content) or bare_name
            if not has_verb and (content[0].lower_ in ARTICLES or not titled):
                continue  # "Ann Lee: a life in politics" is a title, not a statement
            source, entity = self._resolve(label.root)
            if entity is None:
                entity = self._entity_named(label)
            if entity is not None and entity.type not in ("PERSON", "ORG", "OUTLET"):
                continue
            if entity is None and not (
                bare_name or (_is_source_word(label) if headline else _is_speaker_tag(label))
            ):
                continue
            found.append(
                StatementDraft(
                    cue=self.doc[colon.i : colon.i + 1],
                    content=content,
                    kind=kind_of(self.quotes, content, self.text),
                    source=source,
                    source_entity=entity.id if entity else None,
                    cue_lemma=":",
                )
            )
        return found

    def _is_headline_speaker(self, label: Span) -> bool:
        """ "Lee: No new taxes this year" as a headline: a bare name before the colon is the speaker.

        Only on the document's first line, and only for a name of one to three proper nouns (not
        "The Latest:" or an all-capitals "EXCLUSIVE:"), where headlines put whoever is quoted.
        """
        if "\n" in self.text[: label.start_char]:
            return False
        words = _label_words(label)
        return words is not None and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper for t in words
        )

    def _entity_named(self, label: Span) -> EntityDraft | None:
        """The person or organisation a headline label names by its words ("Okafor" for Ada Okafor)."""
        words = {t.lower_ for t in label if t.is_alpha and len(t.text) > 1}
        for entity in self.entities:
            if entity.type not in ("PERSON", "ORG", "OUTLET"):
                continue
            names = {w.lower() for alias in (entity.name, *entity.aliases) for w in WORD.findall(alias)}
            if words and words <= names:
                return entity
        return None

    def _adjacent_quotation(self, cue: Cue) -> Span | None:
        """A quotation the parser left out of the cue's clause: '"Who pays?" Ann asked.', 'said, "No."'."""
        text = self.text
        own = {t.i for t in cue.head.subtree}
        for start, end in self.quotes:
            quotation = self._quotation(start, end)
            if quotation is None:
                continue
            if quotation.start_char >= cue.span.end_char:
                between = self.doc.char_span(cue.span.end_char, quotation.start_char, alignment_mode="expand")
                gap = [t for t in between or () if not t.is_punct and not t.is_space]
                hearer = ("dative", "pobj", "prep")
                if between is not None and all(t.i in own and t.dep_ in hearer for t in gap):
                    return quotation
                return None
            if quotation.end_char <= cue.span.start_char:
                if cue.span.start_char - quotation.end_char > ADJACENT_GAP_CHARS:
                    continue
                between_text = text[quotation.end_char : cue.span.start_char]
                words = WORD.findall(between_text)
                gap_span = self.doc.char_span(
                    quotation.end_char, cue.span.start_char, alignment_mode="expand"
                )
                if (
                    gap_span is not None
                    and len(words) <= 12
                    and "\n" not in between_text
                    and all(t.i in own or t.is_punct or t.is_space for t in gap_span)
                ):
                    return quotation
        return None

    def _snapped_to_quotes(self, content: Span, cue: Cue) -> Span:
        """A content that ends (or starts) inside a quotation takes the whole quotation: the parser
        often stops at a sentence break inside the quoted words."""
        start, end = content.start_char, content.end_char
        cue_start, cue_end = cue.span.start_char, cue.span.end_char
        for q_start, q_end in self.quotes:
            quotation = self._quotation(q_start, q_end)
            if quotation is None:
                continue
            inside_cue = q_start <= cue_start and cue_end <= q_end
            if inside_cue:
                continue
            if start <= q_start < end < q_end and not (end <= cue_start < q_end):
                end = quotation.end_char
            elif q_start < start < q_end <= end and cue_end <= q_start:
                start = quotation.start_char
        if (start, end) == (content.start_char, content.end_char):
            return content
        return char_span(self.doc, start, end) or content

    def _quotation_before(self, cue: Cue) -> Span | None:
        """A quotation closing right before the cue, with only the cue's own words between."""
        if cue.head.pos_ not in ("VERB", "AUX"):
            return None
        earlier = [(s, e) for s, e in self.quotes if e <= cue.span.start_char]
        if not earlier:
            return None
        start, end = earlier[-1]
        quotation = self._quotation(start, end)
        if quotation is None or quotation.end_char > cue.span.start_char:
            return None
        text = self.text
        between = text[quotation.end_char : cue.span.start_char]
        if "\n" in between or len(WORD.findall(between)) > 12:
            return None
        # '"We won," she said': the quotation is a sentence of its own, cut off by a comma, ? or !.
        closing = (text[start:end].rstrip() or " ")[-1] + between.lstrip()[:1]
        opening = text[: quotation.start_char].rstrip()[-1:]
        if not any(mark in closing for mark in ",?!") or opening not in ("", ".", ":", "?", "!", "\n"):
            return None
        gap = self.doc.char_span(quotation.end_char, cue.span.start_char, alignment_mode="expand")
        own = {t.i for t in cue.head.subtree}
        if gap is None or not all(
            t.i in own and t.dep_ not in ("dobj", "ccomp", "xcomp") or t.is_punct or t.is_space for t in gap
        ):
            return None
        if not any(t.dep_ in ("nsubj", "nsubjpass") or t.i in own for t in gap if not t.is_punct):
            return None
        return quotation

    def _reports_someone_else(self, draft: StatementDraft) -> bool:
        """ "Ms Lee said she would run," he said: a named third party's speech, worth its own statement."""
        if draft.cue_lemma == ":":
            return draft.source is not None  # a transcript's "MORGAN: ..." inside "as follows:"
        cue = self.by_start.get(draft.cue.start_char)
        return (
            cue is not None
            and cue.entry.cls in ("speech", "denial")
            and draft.source_entity is not None
            and draft.source is not None
            and draft.source.text.lower() not in SPEAKER_PRONOUNS
        )

    def _opening_mark_start(self, start: int) -> int:
        """Where the opening marks of the quotation whose words start at ``start`` begin."""
        while start > 0 and self.text[start - 1] in OPENING_MARKS:
            start -= 1
        return start

    def _quotation(self, start: int, end: int) -> Span | None:
        """The quotation with its marks, as the reader sees it."""
        text = self.text
        start = self._opening_mark_start(start)
        while end < len(text) and text[end] in CLOSING_MARKS:
            end += 1
        return char_span(self.doc, start, end)

    # -- floating quotes -------------------------------------------------------------------------

    def _floating_quotes(self, drafts: list[StatementDraft]) -> list[StatementDraft]:
        """A quotation with no cue of its own continues the statement just before it.

        '"We won," she said. "Now the work starts."' is one statement, and so is a quotation that
        opens the next paragraph. A quotation further away belongs to the last speaker on its own.
        """
        found: list[StatementDraft] = []
        for start, end in self.quotes:
            marked = self._quotation(start, end)
            outer = (marked.start_char, marked.end_char) if marked is not None else (start, end)
            if any(
                d.content.start_char < end and start < d.content.end_char and not _within(d, *outer)
                for d in drafts + found
            ):
                continue
            content = char_span(self.doc, start, end)
            if content is None or any(
                start <= d.cue.start_char < end and not start <= d.content.start_char < end for d in drafts
            ):
                continue
            signed = self._signed_quotation(start, end, content)
            if signed is not None:
                found.append(signed)
                continue
            previous = self._previous_statement(drafts, start)
            if previous is not None and self._continues(previous, start):
                self._extend(drafts, previous, end)
                continue
            if not _is_clause(content):
                continue
            introduced = self._introduced_quotation(drafts, start, content)
            if introduced is not None:
                found.append(introduced)
                continue
            speaker = self._previous_speaker(drafts, start)
            if speaker is None:
                continue
            mark_start = self._opening_mark_start(start)
            mark = char_span(self.doc, mark_start, start)
            if mark is None:
                continue
            found.append(
                StatementDraft(
                    cue=mark,
                    content=content,
                    kind="direct",
                    source=speaker.source,
                    source_entity=speaker.source_entity,
                    addressee=speaker.addressee,
                    cue_lemma="quote",
                )
            )
        return found

    def _signed_quotation(self, start: int, end: int, content: Span) -> StatementDraft | None:
        """'"We deserve better." ― Ann Lee': a quotation signed with a dash and a name after it."""
        quotation = self._quotation(start, end)
        if quotation is None:
            return None
        signature = SIGNATURE.match(self.text, quotation.end_char)
        if signature is None:
            return None
        dash = self.doc.char_span(*signature.span(1))
        name = self.doc.char_span(signature.start(2), signature.end(2), alignment_mode="expand")
        if dash is None or name is None or not any(t.pos_ == "PROPN" for t in name):
            return None
        source, entity = self._resolve(name.root)
        return StatementDraft(
            cue=dash,
            content=content,
            kind="direct",
            source=source if entity is not None else name,
            source_entity=entity.id if entity else None,
            cue_lemma="―",
        )

    def _introduced_quotation(
        self, drafts: list[StatementDraft], start: int, content: Span
    ) -> StatementDraft | None:
        """A quotation introduced by the words just before it: 'Ann released a statement: "..."',
        'Ann tells voters, "..."', 'Lee: "..."'. The introducing verb (or the colon) is the cue."""
        mark_start = self._opening_mark_start(start)
        before = self.doc.char_span(0, mark_start, alignment_mode="contract")
        if before is None or len(before) == 0:
            return None
        last = before[-1]
        while last.is_space and last.i > 0:
            last = self.doc[last.i - 1]
        verb: Token | None = None
        colon: Token | None = None
        if last.text == ":":
            colon = last
            window = [t for t in last.sent if t.i < last.i]
            verbs = [t for t in window if t.pos_ == "VERB"]
            verb = verbs[-1] if verbs else None
        elif last.text == ",":
            # 'As Ann put it in a statement, "..."', 'who joked of the museum, "..."'
            window = [t for t in last.sent if last.i - COMMA_REACH <= t.i < last.i]
            verbs = [t for t in window if t.pos_ == "VERB" and (t.lemma_ in verb_cues() or t.lemma_ == "put")]
            verb = verbs[-1] if verbs else None
        elif last.pos_ == "VERB":
            verb = last
        if verb is not None:
            cue_tokens = [verb, *(c for c in verb.children if c.dep_ in ("neg", "prt", "auxpass"))]
            cue = self.doc[min(t.i for t in cue_tokens) : max(t.i for t in cue_tokens) + 1]
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        elif colon is not None:
            cue = self.doc[colon.i : colon.i + 1]
            label = self.doc[colon.sent.start : colon.i]
            subject = label.root if len(label) and _is_name_label(label) else None
        else:
            return None
        if subject is not None:
            source, entity = self._resolve(subject)
            source_entity = entity.id if entity else None
        else:
            speaker = self._previous_speaker(drafts, start)
            if speaker is None:
                return None
            source, source_entity = speaker.source, speaker.source_entity
        return StatementDraft(
            cue=cue,
            content=content,
            kind="direct",
            source=source,
            source_entity=source_entity,
            cue_lemma=verb.lemma_.lower() if verb is not None else ":",
        )

    def _previous_statement(self, drafts: list[StatementDraft], start: int) -> StatementDraft | None:
        earlier = [d for d in drafts if start - LOOKBACK_CHARS <= d.content.end_char <= start]
        if not earlier:
            return None
        latest = max(earlier, key=lambda d: d.content.end_char)
        # '"...," said Ann Lee, who has been challenging X. "..."': the quotation goes on Ann's
        # words, not the statement inside her speaker tag.
        quoted = [d for d in earlier if d.kind == "direct" and d.cue.sent == latest.cue.sent]
        if latest.kind != "direct" and quoted:
            return max(quoted, key=lambda d: d.content.end_char)
        return latest

    def _continues(self, previous: StatementDraft, start: int) -> bool:
        """Only the statement's own cue sentence (and at most one paragraph break) lie between."""
        text = self.text
        start = self._opening_mark_start(start)
        gap_start = previous.content.end_char
        breaks = len(PARAGRAPH_BREAK.findall(text, gap_start, start))
        if breaks > 1 or (breaks == 1 and previous.kind != "direct"):
            return False
        # The whole sentence of the cue: '"...," said Ann Lee, a nurse who works nights. "..."'.
        own = [previous.cue.sent]
        stray = 0
        for word in WORD.finditer(text, gap_start, start):
            if not any(s.start_char <= word.start() < s.end_char for s in own):
                stray += 1
        return stray <= MAX_STRAY_WORDS

    def _extend(self, drafts: list[StatementDraft], previous: StatementDraft, end: int) -> None:
        quotation = self._quotation(end, end)
        stop = quotation.end_char if quotation is not None else end
        old = previous.content
        extended = char_span(self.doc, old.start_char, stop)
        if extended is None:
            return
        for draft in drafts:
            if draft.content == old:
                draft.content = extended
                if draft.kind != "direct":
                    draft.kind = "mixed"

    def _previous_speaker(self, drafts: list[StatementDraft], start: int) -> StatementDraft | None:
        earlier = [
            d
            for d in drafts
            if d.source is not None and start - LOOKBACK_CHARS <= d.content.end_char <= start
        ]
        return max(earlier, key=lambda d: d.content.end_char) if earlier else None


def _is_name_label(label: Span) -> bool:
    """A short run of names and nouns with no verb: "Sen. Ann Lee (D-Ore.)", "The White House"."""
    if len(label) > LABEL_TOKENS or not any(t.pos_ == "PROPN" for t in label):
        return False
    return all(t.pos_ in LABEL_POS or t.is_punct for t in label)


def _label_words(label: Span) -> list[Token] | None:
    """The words of a headline label short enough to be a name ("Pat Lee:"), or None."""
    words = [t for t in label if not t.is_punct]
    return words if 0 < len(words) <= HEADLINE_NAME_WORDS else None


def _is_headline_label(label: Span) -> bool:
    """A headline's "Okafor:" or "Pat Lee:": one to three capitalised words (often tagged NOUN)."""
    words = _label_words(label)
    return words is not None and all(t.is_alpha and len(t.text) > 1 and t.text[0].isupper() for t in words)


def _is_speaker_tag(label: Span) -> bool:
    """A label no entity stands for that still names who speaks: a transcript's "MORGAN", a "Poll"."""
    words = [t for t in label if t.is_alpha]
    if not words or len(words) > 3:
        return False
    if all(t.is_upper and len(t.text) > 1 for t in words):
        return True
    return _is_source_word(label)


def _title_cased(span: Span) -> bool:
    """A headline in title case, whose verbs the model tags as names ("Voters Abandon Party")."""
    words = [t for t in span if t.is_alpha and len(t.text) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _is_source_word(label: Span) -> bool:
    """A label headed by a word for a source: "Poll", "Report", "Officials"."""
    return label.root.lemma_.lower() in evidence_nouns() | source_nouns()


def _names_someone(token: Token) -> bool:
    """A word that may name a speaker: not a date, a time or a number."""
    return token.is_alpha and token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "PERCENT")


def _object_controller(verb: Token) -> Token | None:
    """The object that does what an infinitive says: 'led the chairman to declare ...' -> chairman,
    'fined the firm for refusing to ...' -> the firm.

    A reflexive object ('allowed himself to say') is the subject's own doing: no controller."""
    if verb.dep_ == "xcomp":
        governor = verb.head
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "for":
        governor = verb.head.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
    else:
        return None
    obj = next((c for c in governor.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return None if obj is None or _is_reflexive(obj) else obj


def _describes(verb: Token) -> bool:
    """A participle describing the noun before it: 'a sign saying ...', 'a group backing ...'."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON")


def _is_passive_participle(verb: Token) -> bool:
    """ "Asked about X, ...", "the senator, known to be ...": a past participle with no auxiliary."""
    return (
        verb.tag_ in ("VBN", "VBD")  # '..., said Ann, asked about ...': the parser may read a VBD
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "agent") for c in verb.children)
    )


def _has_passive_auxiliary(verb: Token) -> bool:
    """ "was known as", "had been told": a participle with a form of "be" before it."""
    auxiliaries = (c for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return verb.tag_ == "VBN" and any(c.lemma_ == "be" for c in auxiliaries)


def _is_impersonal_infinitive(verb: Token) -> bool:
    """ "It is hard to know ...": an infinitive under a clause whose subject is an empty "it"."""
    return verb.dep_ == "xcomp" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.head.children)


def _antecedent_of_that(head: Token) -> Token:
    """ "a group that says ...": the group is the source, not the relative pronoun "that"."""
    if head.lower_ == "that" and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
        return head.head.head
    return head


def _is_reflexive(token: Token) -> bool:
    return token.lower_.endswith(("self", "selves"))


def _antecedent_of_reflexive(head: Token) -> Token:
    """ "Ann allowed herself to say ...": the subject of the clause above, not "herself"."""
    if not _is_reflexive(head) or head.pos_ != "PRON":
        return head
    verb = head.head
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c != head), None)
        if subject is not None:
            return subject
        if verb.head.i == verb.i:
            return head
        verb = verb.head


def _is_as_clause(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start_char < b.end_char and b.start_char < a.end_char


def _holds(content: Span, cue: Span) -> bool:
    return content.start_char <= cue.start_char and cue.end_char <= content.end_char


def _within(draft: StatementDraft, start: int, end: int) -> bool:
    """A statement nested inside a quotation (marks included): its cue and content both lie within it.

    '"We know," she said' is not nested in its quotation: its cue lies outside.
    """
    cue, content = draft.cue, draft.content
    return start <= min(cue.start_char, content.start_char) and max(cue.end_char, content.end_char) <= end


def _name_tokens(head: Token) -> list[Token]:
    """The head and the names standing in apposition to it ("One such expert, Nate Duatbaev, ...")."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in ("appos", "compound", "flat"):
            tokens.append(child)
    return tokens


def _is_trivial(content: Span) -> bool:
    words = [t for t in content if not t.is_punct and not t.is_space]
    return not words or (len(words) == 1 and words[0].pos_ == "PRON")


def _is_clause(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    return len(words) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in span)
