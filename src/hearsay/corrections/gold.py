"""A team's corrections as a test set: written as JSON Lines, scored against any extractor.

One line per corrected document (``FORMAT``): the document, the statements an analyst verified
(changed or added: their fields after every decision), the statements an analyst rejected (where
hearsay read one and should not), and the decisions themselves. Statements nobody looked at are
not in the gold, so the score says how the extractor agrees with the analysts' decisions, not a
recall over the whole text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document, Reading, Statement
from .apply import find, span_overlap
from .records import Anchor, Correction

FORMAT = "hearsay-corrections-1"
FILE_NAME = "corrections.jsonl"
# The fields compared on each verified statement that the extractor finds again.
SCORED = ("source", "stance", "certainty", "polarity", "addressee", "medium", "cue", "content")
# A content span agrees when it overlaps the verified one this much (characters, intersection/union).
CONTENT_AGREES = 0.8


def gold_lines(reading: Reading, decisions: list[Correction]) -> dict[str, Any]:
    """The gold line of one corrected document from its stored (corrected) reading."""
    applied = [c for c in decisions if c.status == "applied"]
    verified_ids = {c.statement_id for c in applied if c.action in ("change", "add")}
    rejected = [c.anchor.to_dict() for c in applied if c.action == "reject"]
    verified = [s.to_dict() for s in reading.statements if s.id in verified_ids]
    document = reading.document.to_dict() if reading.document is not None else {"id": reading.document_id}
    return {
        "format": FORMAT,
        "document": document,
        "verified": verified,
        "rejected": rejected,
        "decisions": [c.to_dict() for c in decisions],
    }


def export_corrections(store: Any, out_dir: Path) -> list[Path]:
    """``corrections.jsonl`` in ``out_dir``: one gold line per document with decisions."""
    from ..export.files import replaced
    from ..store.corrections import CorrectionTable

    table = CorrectionTable(store)
    path = out_dir / FILE_NAME
    with replaced([path]) as (out,):
        for document_id in table.documents():
            line = gold_lines(store.reading(document_id), table.of_document(document_id))
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return [path]


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    """The gold lines of a corrections file; a malformed line is an InputError naming it."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot read corrections: {err.strerror}", where=str(path)) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
                if line.get("format") != FORMAT or "text" not in line["document"]:
                    raise ValueError(f"not a {FORMAT} line")
            except (ValueError, KeyError, TypeError, AttributeError) as err:
                raise InputError(f"line {number}: {err}", where=str(path)) from None
            yield line


def _agrees(name: str, found: Statement, gold: dict[str, Any]) -> bool:
    if name == "source":
        want, got = gold["source"], found.source
        if want.get("start") is not None and got.start is not None:
            return span_overlap((got.start, got.end or got.start), (want["start"], want["end"])) > 0
        return (got.text or "").casefold() == (want.get("text") or "").casefold()
    if name in ("addressee", "medium"):
        wanted, got_addressee = gold.get(name), getattr(found, name)
        if wanted is None or got_addressee is None:
            return wanted is None and got_addressee is None
        return span_overlap((got_addressee.start, got_addressee.end), (wanted["start"], wanted["end"])) > 0
    if name == "cue":
        return (found.cue.start, found.cue.end) == (gold["cue"]["start"], gold["cue"]["end"])
    if name == "content":
        span = (gold["content"]["start"], gold["content"]["end"])
        return span_overlap((found.content.start, found.content.end), span) >= CONTENT_AGREES
    return bool(getattr(found, name) == gold[name])


def score(lines: Iterable[dict[str, Any]], read: Callable[[Document], Reading]) -> dict[str, Any]:
    """How an extractor (``read``) agrees with the analysts: verified statements found again and
    each field right; rejected statements no longer read."""
    documents = verified = found = rejected = still_read = 0
    right = dict.fromkeys(SCORED, 0)
    wrong: list[dict[str, Any]] = []
    for line in lines:
        document = Document.from_dict(line["document"])
        reading = read(document)
        documents += 1
        for gold in line["verified"]:
            verified += 1
            cue, content = gold["cue"], gold["content"]
            anchor = Anchor(cue["start"], cue["end"], cue["text"], content["start"], content["end"])
            statement = find(reading, anchor)
            if statement is None:
                wrong.append({"document_id": document.id, "cue": cue["text"], "missed": True})
                continue
            found += 1
            for name in SCORED:
                if _agrees(name, statement, gold):
                    right[name] += 1
                else:
                    wrong.append({"document_id": document.id, "cue": cue["text"], "field": name})
        for anchor_data in line["rejected"]:
            rejected += 1
            if find(reading, Anchor.from_dict(anchor_data)) is not None:
                still_read += 1
                wrong.append(
                    {"document_id": document.id, "cue": anchor_data["cue"][2], "rejected_but_read": True}
                )
    return {
        "documents": documents,
        "verified": verified,
        "found": found,
        "found_share": round(found / verified, 3) if verified else None,
        "fields": {name: round(right[name] / found, 3) if found else None for name in SCORED},
        "rejected": rejected,
        "rejected_still_read": still_read,
        "errors": wrong,
    }
