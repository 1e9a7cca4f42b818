"""``links.graphml``: the provenance and entity graph in GraphML, for Gephi, yEd or networkx.

Nodes are documents, outlets, agencies, channels, people and organisations that report or are
cited, and every linked entity (``kind`` says which). Edges are ``cites`` (who reports or cites
whom, with the cue, the document and the statement, and ``corrected``: the fields an analyst
decided of that statement, when any) and ``mentions`` (a document mentions an
entity). Both are streamed from the link tables, so memory does not grow with the store.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..corrections.marks import every_mark
from ..store import link_reads
from .files import replaced

FILE_NAME = "links.graphml"
# Characters XML 1.0 cannot hold even escaped; article text may carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="all" attr.name="label" attr.type="string"/>
  <key id="kind" for="all" attr.name="kind" attr.type="string"/>
  <key id="document" for="edge" attr.name="document_id" attr.type="string"/>
  <key id="statement" for="edge" attr.name="statement_id" attr.type="string"/>
  <key id="corrected" for="edge" attr.name="corrected" attr.type="string"/>
  <graph id="hearsay" edgedefault="directed">
"""
_FOOTER = "  </graph>\n</graphml>\n"


def _text(value) -> str:
    return escape(_NOT_XML.sub("", "" if value is None else str(value)))


def _attr(value) -> str:
    return quoteattr(_NOT_XML.sub("", "" if value is None else str(value)))


def export_graphml(store, out_dir: Path) -> list[Path]:
    path = out_dir / FILE_NAME
    conn = store._conn
    marks = every_mark(store)
    with replaced([path]) as (out,):
        out.write(_HEADER)
        if link_reads.has_link_tables(conn):
            for node in link_reads.graph_nodes(conn):
                out.write(
                    f'    <node id={_attr(node["node"])}><data key="label">{_text(node["label"])}</data>'
                    f'<data key="kind">{_text(node["kind"])}</data></node>\n'
                )
            for number, edge in enumerate(link_reads.graph_edges(conn)):
                corrected = marks.get((edge["document_id"], edge["statement_id"]))
                out.write(
                    f'    <edge id="x{number}" source={_attr(edge["source"])} target={_attr(edge["target"])}>'
                    f'<data key="label">{_text(edge["label"])}</data>'
                    f'<data key="kind">{_text(edge["kind"])}</data>'
                    f'<data key="document">{_text(edge["document_id"])}</data>'
                    f'<data key="statement">{_text(edge["statement_id"])}</data>'
                    + (f'<data key="corrected">{_text(", ".join(corrected))}</data>' if corrected else "")
                    + "</edge>\n"
                )
        out.write(_FOOTER)
    return [path]
