"""hearsay_verdicts: statements that call a claim false or true, and the claim they point at.

Runs after hearsay_factuality. A statement whose content is a verdict ("the report was false",
"called the accusations lies", "is not responsible") becomes a denial (stance deny, polarity
neg) or a confirmation (stance assert, polarity pos) of the claim it points at, keeping the
certainty its hedges left; the verdict words join its factuality cues. Every verdict, and every
denial or confirmation whose content only names a claim ("denied the allegations", "confirmed
the report"), gets ``target``: the claim, resolved by ``hearsay.extract.targets``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..drafts import StatementDraft
from ..factuality_rules import assess
from ..targets import target_of
from ..verdict_rules import FALSE, judges_claims, pointer_of, read_verdict

# Stances a verdict overrides: the cue only said that the source spoke.
OVERRIDDEN = ("assert", "report")


@Language.component(
    "hearsay_verdicts",
    requires=["doc._.hs_statements", "token.dep", "token.lemma"],
    assigns=["doc._.hs_statements"],
)
def hearsay_verdicts(doc: Doc) -> Doc:
    """Set the stance of verdict statements and the target of statements that point at a claim."""
    drafts = doc._.hs_statements or []
    for draft in drafts:
        judge(draft, drafts)
    return doc


def judge(draft: StatementDraft, drafts: Sequence[StatementDraft]) -> StatementDraft:
    """Read one statement as a verdict (or a pointer to a claim) and set its stance and target."""
    verdict = read_verdict(draft.cue, draft.content)
    if verdict is None:
        pointer = pointer_of(draft.content)
        if pointer is not None and (draft.stance == "deny" or judges_claims(draft.cue)):
            draft.target = target_of(draft, drafts, pointer)
        return draft
    if draft.stance in OVERRIDDEN:
        denies = verdict.verdict == FALSE
        draft.stance = "deny" if denies else "assert"
        draft.polarity = "neg" if denies else "pos"
        # Hedges on the claim's own words ("the alleged plot was invented") are not the verdict's.
        reading = assess(draft.cue, _past_pointer(draft.content, verdict.pointer))
        draft.certainty = reading.certainty
        cues = [c for c in reading.cues if c != verdict.words]
        draft.factuality_cues = sorted([*cues, verdict.words], key=lambda c: c.start)
    draft.target = target_of(draft, drafts, verdict.pointer, verdict.clause, verdict.words)
    return draft


def _past_pointer(content: Span, pointer: Token | None) -> Span:
    """The content after the words that name the judged claim ("the rumours [were groundless]")."""
    if pointer is None or not content.start <= pointer.i < content.end:
        return content
    end = pointer.right_edge.i + 1
    return content.doc[end : content.end] if end < content.end else content
