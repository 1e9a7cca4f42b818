"""`hearsay correct`: an analyst's decisions about statements, kept apart and replayed on re-reads."""

from __future__ import annotations

from typing import Any

import click

from ..model import CERTAINTIES, POLARITIES, RELATIONS, STANCES
from . import output
from .link import WRITE_EPILOG, open_writable
from .query import db_option, json_option, open_existing
from .who import WHO_HELP
from .who import who_decides as _who


def _field_options(function: Any) -> Any:
    options = [
        click.option(
            "--source", help="The source: an entity of the document (id, name, alias) or a span START:END."
        ),
        click.option("--stance", type=click.Choice(STANCES)),
        click.option("--certainty", type=click.Choice(CERTAINTIES)),
        click.option("--polarity", type=click.Choice(POLARITIES)),
        click.option("--addressee", help="Whom it was said to, as a span START:END; '' removes it."),
        click.option(
            "--medium", help="The channel (a statement, X, a briefing), as a span START:END; '' removes it."
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _show(correction: Any, as_json: bool, verb: str) -> None:
    if as_json:
        output.json_line(correction.to_dict())
        return
    fields, document = ", ".join(correction.fields), correction.document_id[:12]
    output.note(
        f"correction {correction.id}: {verb} statement {correction.statement_id} of {document} "
        f"({fields}); kept and replayed on re-reads"
    )


@click.group("correct")
def correct_group() -> None:
    """Correct what hearsay read: change, reject or add statements; decisions are kept and replayed.

    Every decision is stored with who made it, when, and the statement before and after. Re-reading
    a document (`hearsay correct reread`), `hearsay link --rebuild` and re-ingesting keep them; a
    decision whose statement the extractor no longer reads is reported as orphaned, never dropped.
    """


@correct_group.command("statement", epilog=WRITE_EPILOG)
@click.argument("document")
@click.argument("statement_id", metavar="STATEMENT")
@_field_options
@click.option("--cue", help="Move the cue to the span START:END.")
@click.option("--content", help="Move the content to the span START:END.")
@click.option("--by", "who", help=WHO_HELP)
@click.option("--note", default="", help="Why (kept with the decision).")
@db_option
@json_option
def correct_statement(
    document: str, statement_id: str, who: str | None, note: str, db: str, as_json: bool, **fields: Any
) -> None:
    """Change fields of STATEMENT (e.g. s3) of DOCUMENT (id or prefix)."""
    from ..corrections import Change, correct

    with open_writable(db) as store:
        correction = correct(store, document, statement_id, Change(**fields), who=_who(who), note=note)
    _show(correction, as_json, "changed")


@correct_group.command("reject", epilog=WRITE_EPILOG)
@click.argument("document")
@click.argument("statement_id", metavar="STATEMENT")
@click.option("--by", "who", help=WHO_HELP)
@click.option("--note", default="", help="Why (kept with the decision).")
@db_option
@json_option
def reject_statement(
    document: str, statement_id: str, who: str | None, note: str, db: str, as_json: bool
) -> None:
    """Reject STATEMENT of DOCUMENT: it is not a statement."""
    from ..corrections import reject

    with open_writable(db) as store:
        correction = reject(store, document, statement_id, who=_who(who), note=note)
    _show(correction, as_json, "rejected")


@correct_group.command("add", epilog=WRITE_EPILOG)
@click.argument("document")
@click.option(
    "--source", required=True, help="An entity of the document (id, name, alias) or a span START:END."
)
@click.option("--cue", required=True, help="The cue's span START:END (e.g. the offsets of 'said').")
@click.option("--content", required=True, help="The content's span START:END.")
@click.option("--stance", type=click.Choice(STANCES))
@click.option("--certainty", type=click.Choice(CERTAINTIES))
@click.option("--polarity", type=click.Choice(POLARITIES))
@click.option("--addressee", help="Whom it was said to, as a span START:END.")
@click.option(
    "--kind", type=click.Choice(("direct", "indirect", "mixed")), default="indirect", show_default=True
)
@click.option("--by", "who", help=WHO_HELP)
@click.option("--note", default="", help="Why (kept with the decision).")
@db_option
@json_option
def add_statement(
    document: str,
    source: str,
    cue: str,
    content: str,
    kind: str,
    who: str | None,
    note: str,
    db: str,
    as_json: bool,
    **fields: Any,
) -> None:
    """Add a statement hearsay missed in DOCUMENT, from its spans (offsets in the document's text)."""
    from ..corrections import Change, add

    with open_writable(db) as store:
        correction = add(
            store,
            document,
            source=source,
            cue=cue,
            content=content,
            change=Change(**fields),
            kind=kind,
            who=_who(who),
            note=note,
        )
    _show(correction, as_json, "added")


@correct_group.command("relation", epilog=WRITE_EPILOG)
@click.argument("document")
@click.argument("statement_id", metavar="STATEMENT")
@click.argument("relation", type=click.Choice(RELATIONS))
@click.option("--proposition", help="The proposition, in the words given to `hearsay evidence`.")
@click.option("--cluster", "cluster_id", help="Or a claim cluster: its proposition.")
@click.option("--by", "who", help=WHO_HELP)
@click.option("--note", default="", help="Why (kept with the decision and shown as the reason).")
@db_option
@json_option
def relation_decision(
    document: str,
    statement_id: str,
    relation: str,
    proposition: str | None,
    cluster_id: str | None,
    who: str | None,
    note: str,
    db: str,
    as_json: bool,
) -> None:
    """Decide that STATEMENT of DOCUMENT supports, refutes, discusses or is unrelated to a proposition.

    `hearsay evidence` and the claim pages then show the decision (and who made it) instead of
    hearsay's own reading; `unrelated` takes the statement off the evidence.
    """
    from ..corrections import relate
    from ..corrections.service import cluster_proposition
    from ..errors import ConfigError

    with open_writable(db) as store:
        if cluster_id is not None:
            proposition = cluster_proposition(store, cluster_id)
        if not proposition:
            raise ConfigError("give the proposition (--proposition TEXT) or a claim cluster (--cluster ID)")
        kept = relate(
            store,
            document,
            statement_id,
            proposition=proposition,
            relation=relation,
            who=_who(who),
            note=note,
        )
    _show(kept, as_json, f"decided '{relation}' for")


@correct_group.command("list")
@click.argument("document", required=False)
@db_option
@json_option
def list_corrections(document: str | None, db: str, as_json: bool) -> None:
    """The kept decisions (of DOCUMENT, or all), in the order they were made; orphaned ones say why."""
    from ..corrections import corrections

    with open_existing(db) as store:
        found = corrections(store, document)
    if as_json:
        for correction in found:
            output.json_line(correction.to_dict())
        return
    rows = [
        (
            c.id,
            c.document_id[:12],
            c.statement_id or "",
            c.action,
            ", ".join(c.fields),
            c.who,
            c.at,
            c.status + (f": {c.note}" if c.status == "orphaned" and c.note else ""),
        )
        for c in found
    ]
    columns = ("#", "document", "statement", "action", "fields", "who", "when", "status")
    output.console().print(output.table(columns, rows, title=f"{len(rows)} corrections"))


@correct_group.command("reread", epilog=WRITE_EPILOG)
@click.argument("documents", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every stored document (default: those with corrections).")
@db_option
@json_option
def reread(documents: tuple[str, ...], every: bool, db: str, as_json: bool) -> None:
    """Read stored DOCUMENTs again with this extractor and replay their corrections.

    Without DOCUMENTs: the documents that have corrections (--all: every document). Orphaned
    decisions are listed. Run `hearsay link --rebuild` afterwards to re-cluster the new readings.
    """
    from ..corrections import reread as reread_documents
    from ..extract.pipeline import extract, load_pipeline
    from ..store.corrections import CorrectionTable

    with open_writable(db) as store:
        if documents:
            ids = [store.resolve(d) for d in documents]
        elif every:
            ids = [d.id for d in store.documents()]
        else:
            ids = CorrectionTable(store).documents()
        nlp = load_pipeline()
        report = reread_documents(store, ids, lambda document: extract(document, nlp))
    if as_json:
        output.json_line(
            {"documents": report.documents, "applied": report.applied, "orphaned": report.orphaned}
        )
        return
    output.note(f"read {report.documents} documents again; {report.applied} corrections replayed")
    for line in report.orphaned:
        output.error(f"orphaned: {line}")
