"""Real ``model.Evidence`` records built from invented statements, for the page tests."""

from __future__ import annotations

from hearsay.model import SIDES, Evidence, EvidenceItem, EvidenceSide, LinkedStatement, Relation, verdict_of

STANCE_OF = {"supports": "assert", "refutes": "deny", "discusses": "question"}


def item(
    relation: str,
    number: int,
    *,
    source: str | None = None,
    content: str | None = None,
    reason: str | None = None,
    strength: str | None = "probable",
    document_id: str = "doc-harbour",
    published: str | None = "2031-03-04",
    outlet: str | None = "Valmora Gazette",
    group: str | None = None,
) -> EvidenceItem:
    """The ``number``-th invented statement on side ``relation``."""
    content = content or f"the ferry left the harbour at dawn ({relation} {number})"
    statement = LinkedStatement(
        document_id=document_id,
        statement_id=f"s{number}",
        content=content,
        content_start=0,
        content_end=len(content),
        cue="said",
        cue_start=0,
        cue_end=4,
        stance=STANCE_OF[relation],
        certainty="probable",
        polarity="neg" if relation == "refutes" else "pos",
        source=source or f"Harbour pilot {relation} {number}",
        entity_id=None,
        title="Ferry schedule in question",
        outlet=outlet,
        published=published,
    )
    return EvidenceItem(
        statement=statement,
        relation=Relation(
            relation,
            None if relation == "discusses" else strength,
            reason or f"the content {relation} the proposition",
        ),
        independent_group=group or f"g-{relation}-{number}",
        origin=f"e:{relation}-{number}",
    )


def record(proposition: str = "the ferry left the harbour at dawn", **sides: list[EvidenceItem]) -> Evidence:
    """An Evidence record with the given items on each side (first = earliest, as hearsay.link gives)."""
    built = []
    for relation in SIDES:
        items = tuple(sides.get(relation, ()))
        built.append(
            EvidenceSide(
                relation=relation,
                items=items,
                independent_sources=len({i.independent_group for i in items}),
                first=items[0] if items else None,
            )
        )
    verdict = verdict_of(*(side.independent_sources for side in built))
    return Evidence(proposition=proposition, verdict=verdict, sides=tuple(built), clusters=("c-ferry",))


def many(relation: str, count: int, **options) -> list[EvidenceItem]:
    return [item(relation, n, **options) for n in range(1, count + 1)]
