"""An ``Evidence`` record prepared for a page: the three sides, each paginated on its own.

Each side's page is a query parameter (``supports_page=2``), so its links work without
JavaScript and keep the other sides where they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..corrections.marks import Marks, marks_for
from ..link import cluster_detail, evidence
from ..model import SIDES, Evidence, EvidenceItem, EvidenceSide, RelationKind
from . import urls

PER_PAGE = 10
SIDE_LABELS = {"supports": "Supports", "refutes": "Refutes", "discusses": "Discusses"}
SIDE_HELP = {
    "supports": "statements that state the claim",
    "refutes": "statements that deny it or state the opposite",
    "discusses": "statements that raise, ask about or report it without taking a side",
}
# The most statements a page asks for (per side, where hearsay.link caps each side); each side's
# listed statements are then paginated here, and its counts cover all of them.
EVIDENCE_LIMIT = 500


def page_parameter(relation: str) -> str:
    return f"{relation}_page"


@dataclass(frozen=True, slots=True)
class SidePage:
    """One side of the evidence, and the page of its statements shown."""

    side: EvidenceSide
    page: int
    pages: int
    items: tuple[EvidenceItem, ...]
    previous_href: str | None
    next_href: str | None

    @property
    def relation(self) -> str:
        return self.side.relation

    @property
    def label(self) -> str:
        return SIDE_LABELS[self.side.relation]

    @property
    def help(self) -> str:
        return SIDE_HELP[self.side.relation]

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def listed(self) -> int:
        """How many of the side's statements the record lists (its count may be more)."""
        return len(self.side.items)


def side_pages(found: Evidence, requested: dict[str, int], path: str, params: dict) -> list[SidePage]:
    """The sides in the order supports, refutes, discusses, each at its requested page (clamped)."""
    pages = {r: _clamp(requested.get(r, 1), len(found.side(r).items)) for r in SIDES}
    result = []
    for relation in SIDES:
        side = found.side(relation)
        here = pages[relation]
        start = (here - 1) * PER_PAGE

        def href(page: int, relation: RelationKind = relation) -> str:
            chosen = {**pages, relation: page}
            kept = {page_parameter(r): p for r, p in chosen.items() if p > 1}
            return urls.with_query(path, **params, **kept) + f"#side-{relation}"

        count = _page_count(len(side.items))
        result.append(
            SidePage(
                side=side,
                page=here,
                pages=count,
                items=side.items[start : start + PER_PAGE],
                previous_href=href(here - 1) if here > 1 else None,
                next_href=href(here + 1) if here < count else None,
            )
        )
    return result


def shown_marks(store, sides: list[SidePage]) -> Marks:
    """Which statements the sides' shown pages list were corrected by an analyst (one query)."""
    return marks_for(store, (item.statement.document_id for side in sides for item in side.items))


def _page_count(items: int) -> int:
    return max(1, -(-items // PER_PAGE))


def _clamp(page: int, items: int) -> int:
    return min(max(page, 1), _page_count(items))


def by_statement(found: Evidence | None, document_id: str) -> dict[str, EvidenceItem]:
    """The evidence items of one document by statement id (for reading it against a claim)."""
    if found is None:
        return {}
    return {
        item.statement.statement_id: item
        for side in found.sides
        for item in side.items
        if item.statement.document_id == document_id
    }


@dataclass(frozen=True, slots=True)
class Claim:
    """The claim a page is read against: its evidence, where its page is, and how links keep it."""

    evidence: Evidence
    href: str
    params: dict[str, str]


def claim_of(store, *, cluster_id: str | None = None, proposition: str | None = None) -> Claim | None:
    """The evidence of a cluster's claim or of a free-text proposition; None for neither (or no cluster)."""
    if cluster_id:
        if cluster_detail(store, cluster_id) is None:
            return None
        found = evidence(store, cluster_id=cluster_id, limit=EVIDENCE_LIMIT)
        return Claim(found, urls.cluster(cluster_id), {"cluster": cluster_id})
    if proposition and proposition.strip():
        found = evidence(store, proposition=proposition, limit=EVIDENCE_LIMIT)
        return Claim(found, urls.evidence(proposition), {"proposition": proposition})
    return None
