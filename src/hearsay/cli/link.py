"""`hearsay link`, `entity`, `entities merge|split`, `stories`, `clusters`, `evidence`, `provenance`,
`timeline`.

Each wraps a function of ``hearsay.link`` that returns data; ``--json`` prints that data as one
JSON object (or one object per line for lists), the default a table whose cells are literal text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.text import Text

from ..errors import LinkError, StoreError
from . import output
from .query import EPILOG, db_option, json_option, open_existing
from .query import entities as list_entities
from .who import WHO_HELP, who_decides

WRITE_EPILOG = (
    "Exit codes: 0 done; 2 usage error; 3 the database cannot be opened or written, or a name is unknown."
)


CORRECTED_NOTE = "✎ corrected by an analyst (hearsay correct list DOCUMENT says what and who)"


def open_writable(db: str):
    from ..store import Store

    if "://" not in db and not Path(db).exists():
        raise StoreError(f"no database at {db}; create one with: hearsay ingest PATH... --db {db}")
    return Store(db)


def _lines(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        output.json_line(row)


def link_summary(counts: dict) -> list[tuple[str, str]]:
    labels = (
        ("documents", "documents linked now"),
        ("already", "documents linked before"),
        ("embedded", "contents embedded now"),
        ("entities", "entities in all"),
        ("clusters", "claim clusters in all"),
        ("new_clusters", "clusters founded now"),
        ("seconds", "seconds"),
    )
    return [
        (label, f"{counts[key]:,}" if isinstance(counts[key], int) else str(counts[key]))
        for key, label in labels
    ]


@click.command(epilog=WRITE_EPILOG)
@db_option
@click.option(
    "--rebuild",
    is_flag=True,
    help="Drop the derived links and link every document again (keeps merges/splits).",
)
@json_option
def link(db: str, rebuild: bool, as_json: bool) -> None:
    """Link documents across the corpus: entities, claim clusters, provenance (only new documents)."""
    from ..link import link_corpus
    from ..link.decisions import unmatched_line

    with open_writable(db) as store:
        counts = link_corpus(store, rebuild=rebuild)
    for message in counts["failures"]:
        output.error(str(LinkError(f"linking failed for {message}; re-run `hearsay link` to retry it")))
    for decision in counts.get("unmatched_decisions", []):
        output.note(unmatched_line(decision) + " (kept: it applies again when such a name is linked)")
    if as_json:
        output.json_line(counts)
    else:
        output.console().print(output.table(("linking", "count"), link_summary(counts)))
    if counts["failures"]:
        raise SystemExit(1 if counts["documents"] else 3)


@click.command(epilog=EPILOG)
@click.argument("name")
@db_option
@json_option
def entity(name: str, db: str, as_json: bool) -> None:
    """Show one entity across documents: spellings, roles with their documents and dates, what it said."""
    from ..corrections.marks import mark_rows
    from ..link import entity_detail

    with open_existing(db) as store:
        detail = entity_detail(store, name)
        if detail is not None:
            mark_rows(store, [*detail["said"], *detail["said_about"]])
    if detail is None:
        raise StoreError(
            f"no linked entity is called {name!r}; see `hearsay entities`, or run `hearsay link`"
        )
    if as_json:
        output.json_line(detail)
        return
    out = output.console()
    header = Text(output.one_line(detail["name"]), style="bold")
    header.append(f"  {detail['type']}  {detail['id']}  in {len(detail['documents'])} documents")
    out.print(header, soft_wrap=True)
    out.print(
        Text("also written: " + ", ".join(v for v in detail["variants"] if v != detail["name"])),
        soft_wrap=True,
    )
    if detail["roles"]:
        rows = [
            (r["text"], len(r["documents"]), r["first"] or "-", r["last"] or "-") for r in detail["roles"]
        ]
        out.print(output.table(("role", "documents", "first", "last"), rows))
    _statements_table(detail["said"], "said")
    _statements_table(detail["said_about"], "said about it")
    if any(r["corrected"] for r in (*detail["said"], *detail["said_about"])):
        out.print(Text(CORRECTED_NOTE))


def _statements_table(rows: list[dict], title: str) -> None:
    if not rows:
        return
    cells = [
        output.statement_row(
            (r["published"] or "-") + " " + r["document_id"][:8] + (" ✎" if r.get("corrected") else ""),
            r["source"],
            r["cue"],
            r["content"],
            r,
        )
        for r in rows
    ]
    output.console().print(output.table(("when, document", *output.STATEMENT_COLUMNS), cells, title=title))


@click.group(name="entities", invoke_without_command=True, epilog=EPILOG)
@db_option
@click.option("--type", "entity_type", metavar="TYPE", help="Only entities of this type: PERSON, ORG, GPE...")
@json_option
@click.pass_context
def entities_group(ctx: click.Context, db: str, entity_type: str | None, as_json: bool) -> None:
    """List stored entities with their types and aliases; `merge` and `split` correct the linking."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_entities, db=db, entity_type=entity_type, as_json=as_json)


@entities_group.command(epilog=WRITE_EPILOG)
@click.argument("first")
@click.argument("second")
@click.option("--by", "who", help=WHO_HELP)
@db_option
@json_option
def merge(first: str, second: str, who: str | None, db: str, as_json: bool) -> None:
    """Make SECOND part of FIRST (ids or names); the decision survives `hearsay link --rebuild`."""
    from ..link import merge as merge_entities

    with open_writable(db) as store:
        result = merge_entities(store, first, second, who=who_decides(who))
    if as_json:
        output.json_line(result)
    else:
        output.note(f"merged {result['merged']} into {result['id']} ({result['name']})")


@entities_group.command(epilog=WRITE_EPILOG)
@click.argument("entity_name", metavar="ENTITY")
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
@click.option("--by", "who", help=WHO_HELP)
@db_option
@json_option
def split(entity_name: str, names: tuple[str, ...], who: str | None, db: str, as_json: bool) -> None:
    """Move the members of ENTITY written as NAME into an entity of their own (kept on re-linking)."""
    from ..link import split as split_entity

    with open_writable(db) as store:
        result = split_entity(store, entity_name, list(names), who=who_decides(who))
    if as_json:
        output.json_line(result)
    else:
        split_off = ", ".join(result["names"])
        output.note(f"split {split_off} off {result['id']} ({result['name']}) as {result['split_off']}")


@click.command(epilog=EPILOG)
@db_option
@click.option("--query", help="Only clusters with every one of these words (title, wording or a member).")
@click.option("--story", "story_id", metavar="STORY", help="Only the propositions of this story.")
@click.option("--limit", type=click.IntRange(min=1), default=30, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@json_option
def clusters(
    db: str, query: str | None, story_id: str | None, limit: int, offset: int, as_json: bool
) -> None:
    """List claim clusters (propositions), largest first: title, verdict, sources, first appearance."""
    from ..link import cluster_list

    with open_existing(db) as store:
        found = cluster_list(store, query=query, story=story_id, limit=limit, offset=offset)
    if as_json:
        _lines([p.to_dict() for p in found])
        return
    if not found:
        output.note("no clusters; run `hearsay link` first" if not (query or story_id) else "nothing matches")
        return
    _propositions_table(found, f"{len(found)} clusters")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _propositions_table(found: list, title: str) -> None:
    cells = [
        (
            p.id,
            output.cell(p.title, 120),
            p.verdict,
            p.size,
            p.sources,
            p.independent_sources,
            (p.first_appearance or {}).get("published") or "-",
        )
        for p in found
    ]
    columns = ("cluster", "proposition", "verdict", "statements", "sources", "independent", "first")
    output.console().print(output.table(columns, cells, title=title))


@click.command(epilog=EPILOG)
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@json_option
def stories(db: str, limit: int, offset: int, as_json: bool) -> None:
    """List stories (the propositions about one incident), most statements first, with their propositions."""
    from ..link import story_detail, story_list

    with open_existing(db) as store:
        details = [story_detail(store, s.id) for s in story_list(store, limit=limit, offset=offset)]
    found = [detail for detail in details if detail is not None]
    if as_json:
        _lines([{**story.to_dict(), "clusters": [p.to_dict() for p in props]} for story, props in found])
        return
    if not found:
        output.note(
            "no stories; run `hearsay link` first (or `hearsay link --rebuild` for a store linked before)"
        )
        return
    out = output.console()
    for story, props in found:
        dates = (
            " to ".join(dict.fromkeys(filter(None, (story.first_published, story.last_published))))
            or "undated"
        )
        header = Text(output.one_line(story.title), style="bold")
        header.append(
            f"  {story.id}  {dates}, {_count(story.documents, 'document')}, "
            f"{_count(story.propositions, 'proposition')}"
        )
        out.print(header, soft_wrap=True)
        _propositions_table(props, "")


@click.command(epilog=EPILOG)
@click.argument("proposition", required=False)
@click.option(
    "--cluster", "cluster_id", metavar="CLUSTER", help="The evidence of a stored cluster's proposition."
)
@db_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=100, show_default=True, help="Statements listed per side."
)
@json_option
def evidence(proposition: str | None, cluster_id: str | None, db: str, limit: int, as_json: bool) -> None:
    """Which statements support PROPOSITION, which refute it and which only discuss it, each with why.

    Each side lists its statements in time order, with the number of independent sources (a
    syndicated copy, or one spokesperson quoted by five outlets, counts once) and its first
    appearance. The verdict line says whether the proposition is contested.
    """
    from ..corrections.marks import mark_evidence, marks_for
    from ..link import evidence as find_evidence

    if not proposition and not cluster_id:
        raise click.UsageError("give a PROPOSITION in quotes, or --cluster CLUSTER")
    with open_existing(db) as store:
        result = find_evidence(store, cluster_id=cluster_id, proposition=proposition, limit=limit)
        if as_json:
            output.json_line(mark_evidence(store, result.to_dict()))
            return
        listed = [item.statement for side in result.sides for item in side.items]
        marks = marks_for(store, (st.document_id for st in listed))
    corrected = {(st.document_id, st.statement_id) for st in listed} & marks.keys()
    out = output.console()
    out.print(Text(f"evidence for: {output.one_line(result.proposition)}", style="bold"), soft_wrap=True)
    counts = ", ".join(
        f"{side.relation} {side.count} ({side.independent_sources} independent)" for side in result.sides
    )
    out.print(Text(f"verdict: {result.verdict} ({counts})"), soft_wrap=True)
    out.print(Text(f"  {result.verdict}: {result.verdict_definition}", style="dim"), soft_wrap=True)
    if result.verdict == "no evidence":
        output.note("no statement in the database bears on that; run `hearsay link` if it was never linked")
        return
    for side in result.sides:
        if not side.count:
            continue
        first = side.first.statement if side.first else None
        where = ""
        if first is not None:
            where = f"first: {first.published or 'undated'} {first.outlet or first.document_id[:8]}"
        cells = [
            (
                f"{i.statement.published or '-'} {i.statement.document_id[:8]} "
                f"{i.statement.content_start}-{i.statement.content_end}"
                + (" ✎" if (i.statement.document_id, i.statement.statement_id) in corrected else ""),
                Text(output.one_line(i.statement.source or "(unattributed)")),
                Text(output.one_line(i.statement.cue)),
                Text(output.one_line(i.statement.content)),
                Text(f"{i.relation.strength or '-'}: {i.relation.reason}"),
            )
            for i in side.items
        ]
        sources = f"{side.independent_sources} independent sources"
        title = f"{side.relation}: {side.count} statements, {sources}; {where}"
        columns = ("when, document, offsets", "source", "cue", "content", "why")
        out.print(output.table(columns, cells, title=title))
    if corrected:
        out.print(Text(CORRECTED_NOTE))


@click.command(epilog=EPILOG)
@click.argument("cluster_id", metavar="CLUSTER")
@db_option
@json_option
def provenance(cluster_id: str, db: str, as_json: bool) -> None:
    """Who reported a cluster's claim, citing whom, and who reported it first."""
    from ..corrections.marks import mark_provenance
    from ..link import provenance as find_provenance

    with open_existing(db) as store:
        result = mark_provenance(store, find_provenance(store, cluster_id).to_dict())
    if as_json:
        output.json_line(result)
        return
    if not result["edges"]:
        raise StoreError(f"no linked cluster has the id {cluster_id!r}; see `hearsay clusters`")
    labels = {n["id"]: f"{n['label']} ({n['kind']})" for n in result["nodes"]}
    cells = [
        (
            labels[e["from"]],
            e["cue"],
            labels[e["to"]],
            e["document_id"][:8] + (" ✎" if e.get("corrected") else ""),
        )
        for e in result["edges"]
    ]
    out = output.console()
    out.print(output.table(("who", "cue", "cites or reports", "document"), cells))
    first = result["first_reported_by"]
    if first:
        out.print(
            Text(
                f"first reported {first['published'] or '(undated)'} in {first['outlet'] or first['title']}"
                f" by {first['source'] or 'the outlet itself'} ({first['cue']})"
                + (" ✎" if first.get("corrected") else "")
            ),
            soft_wrap=True,
        )
    if any(e.get("corrected") for e in result["edges"]) or (first and first.get("corrected")):
        out.print(Text(CORRECTED_NOTE))


@click.command(epilog=EPILOG)
@click.argument("name", required=False)
@click.option(
    "--cluster", "cluster_id", metavar="CLUSTER", help="The timeline of a cluster instead of an entity."
)
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@json_option
def timeline(name: str | None, cluster_id: str | None, db: str, limit: int, as_json: bool) -> None:
    """The dated documents, statements and times of an entity (NAME) or a cluster, in order."""
    from ..link import timeline as find_timeline

    if not name and not cluster_id:
        raise click.UsageError("give an entity NAME, or --cluster CLUSTER")
    from ..corrections.marks import mark_rows

    with open_existing(db) as store:
        events = [e.to_dict() for e in find_timeline(store, entity=name, cluster_id=cluster_id, limit=limit)]
        mark_rows(store, [event for event in events if event.get("statement_id")])
    if as_json:
        _lines(events)
        return
    if not events:
        raise StoreError(
            f"nothing linked for {name or cluster_id!r}; see `hearsay entities` or `hearsay clusters`"
        )
    cells = [
        (
            e["date"] or "-",
            e["value"] or "",
            e["kind"],
            output.cell(e["label"], 60),
            output.cell(e["text"], 120),
            e["document_id"][:8] + (" ✎" if e.get("corrected") else ""),
        )
        for e in events
    ]
    out = output.console()
    out.print(output.table(("date", "value", "kind", "label", "text", "document"), cells))
    if any(e.get("corrected") for e in events):
        out.print(Text(CORRECTED_NOTE))
