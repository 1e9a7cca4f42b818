"""HTML reader: the article's main text and metadata via trafilatura, as plain text only.

trafilatura returns text content, never markup: ``<script>``/``<style>`` bodies, attributes
(``onerror=``) and link targets (``javascript:``) are dropped. Escaped markup that a reader
of the page sees as text (``&lt;b&gt;`` shows as ``<b>``) stays in the text as those characters,
so anything that displays a Document must escape it, as it must any other text.
"""

from __future__ import annotations

from collections.abc import Iterator

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document as TrafilaturaDocument

from ..errors import InputError
from ..model import Document
from .fields import clean_str, http_url, parse_date
from .identity import make_document
from .markup import xml_safe

NO_TEXT = "no article text found in this HTML; give the article's own page, or its text as a .txt file"
# Only the page's own metadata, not dates guessed from the body text ("extensive" search),
# and the original publication date rather than the last update.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(text: str, where: str) -> Iterator[Document | InputError]:
    """Yield the Document for one HTML page, or an InputError when it holds no article text."""
    yield extract_html(text, where)


def extract_html(text: str, where: str) -> Document | InputError:
    """Extract the main text and metadata of one HTML page."""
    tree = parse_html(text)
    if tree is None:
        return InputError(NO_TEXT, where=where)
    result = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params=DATE_PARAMS,
    )
    if not isinstance(result, TrafilaturaDocument) or not result.text or not result.text.strip():
        return _baseline(text, where)
    return _document(result.text, result, where)


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """Parse ``text`` leniently into a whole document (html/head/body), or None when it has no elements.

    We parse ourselves because trafilatura's own loader refuses fragments such as a lone
    ``<p>``; the text is already decoded, so the parser must ignore any declared charset.
    """
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(xml_safe(text).encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def _baseline(text: str, where: str) -> Document | InputError:
    """Fall back on trafilatura's plain paragraph collector when the main extractor finds nothing."""
    tree = parse_html(text)  # a fresh tree: the first pass may have pruned it
    body = trafilatura.baseline(tree)[1] if tree is not None else ""
    if not body.strip():
        return InputError(NO_TEXT, where=where)
    meta = trafilatura.extract_metadata(parse_html(text), date_config=DATE_PARAMS, extensive=False)
    return _document(body, meta, where)


def _document(body: str, meta: TrafilaturaDocument, where: str) -> Document:
    """Build our Document from extracted text and trafilatura's metadata."""
    return make_document(
        body,
        title=clean_str(meta.title),
        author=clean_str(meta.author),
        published=parse_date(meta.date),
        outlet=clean_str(meta.sitename),
        url=http_url(meta.url),
        source_path=where,
        format="html",
    )
