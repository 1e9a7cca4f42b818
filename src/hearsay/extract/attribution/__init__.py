"""Attribution: who said (or thought, denied, asked) what, to whom, found in stages.

The stages run in the order the data flows:

1. ``cues``: reporting verbs, phrases, nouns and adjectives (tables in ``lexicon``);
2. ``content``: what each cue introduces, by the cue's frame;
3. ``sources``: who holds it, and the entity that resolves to (``addressees``: to whom);
4. ``quotations`` and ``labels``: quotations around a cue, quotations with no cue, "Name: ..." lines;
5. ``filters``: statements nested in others and kinds that are mostly not attributions.

``statements`` puts one cue's statement together; ``find_statements`` runs the whole.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..drafts import StatementDraft
from .context import DocContext
from .filters import without_nested, without_noise, without_reports_inside_reports
from .labels import colon_statements
from .quotations import floating_quotes
from .statements import statements_of


def find_statements(doc: Doc) -> list[StatementDraft]:
    """Every attributed statement of a parsed document, in text order."""
    ctx = DocContext(doc)
    drafts: list[StatementDraft] = []
    for cue in ctx.cues:
        drafts.extend(statements_of(ctx, cue))
    drafts.extend(colon_statements(ctx, drafts))
    drafts.extend(floating_quotes(ctx, drafts))
    drafts = without_nested(ctx, drafts)
    drafts = without_reports_inside_reports(ctx, drafts)
    drafts = without_noise(ctx, drafts)
    drafts.sort(key=lambda d: (d.cue.start_char, d.content.start_char))
    return drafts
