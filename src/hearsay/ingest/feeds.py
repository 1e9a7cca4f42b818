"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one Document per item or entry.

The XML is parsed without entity expansion, DTDs or network access, so a hostile feed can
neither read local files nor blow up memory ("billion laughs"). An item's text is its full
content when the feed carries it (``content:encoded``, Atom ``content``), else its summary;
HTML inside is reduced to plain text. An item without text becomes an InputError naming the
feed and the item (``feed.xml:item 3``), and the other items go on. A feed that is not well-formed
XML is parsed again in lxml's recovering mode: an item holding one of the XML errors fails alone
with the error, and the items around it are read.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Callable, Iterator

import lxml.etree
import lxml.html

from ..errors import InputError
from ..model import Document
from .fields import clean_str, http_url, parse_date
from .identity import make_document
from .isolate import read_one
from .markup import xml_safe

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}"
NOT_A_FEED = "is XML but not an RSS or Atom feed; give a feed, HTML, text or JSON Lines"

_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
_PARSER = lxml.etree.XMLParser(remove_comments=True, **_SAFE)


def read_feed(text: str, where: str) -> Iterator[Document | InputError]:
    """Yield one Document (or InputError) per item of an RSS or Atom feed."""
    broken: list[tuple[int, str]] = []  # (line, message) of each XML error, when recovered
    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), parser=_PARSER)
    except lxml.etree.XMLSyntaxError as err:
        recovered = _recover(text)
        if recovered is None:
            yield InputError(
                f"is not well-formed XML ({err.msg}); give a valid RSS or Atom feed", where=where
            )
            return
        root, broken = recovered
    if root.tag == f"{ATOM}feed":
        entries, outlet = list(root.iter(f"{ATOM}entry")), _text(root.find(f"{ATOM}title"))
        read_entry: Callable[..., Document | InputError] = _atom_entry
    elif _local(root.tag) in ("rss", "RDF"):
        channel = root.find("channel")
        if channel is None:
            channel = root.find(f"{RSS1}channel")
        outlet = None
        if channel is not None:
            outlet = _text(channel.find("title")) or _text(channel.find(f"{RSS1}title"))
        entries = [e for e in root.iter() if _local(e.tag) == "item"]
        read_entry = _rss_item
    else:
        yield InputError(NOT_A_FEED, where=where)
        return
    spans = [(entry.sourceline or 0, _last_line(entry)) for entry in entries]
    if entries and len(re.findall(rf"</(?:[\w.-]+:)?{_local(entries[-1].tag)}\s*>", text)) < len(entries):
        spans[-1] = (spans[-1][0], len(text))  # the last item was cut off: the errors after it are its own
    errors = _blame(broken, spans)
    blamed = {number: message for number, message in errors.items() if number >= 0}
    outside = errors.get(-1)
    if outside is not None and not blamed:
        yield InputError(
            f"is not well-formed XML ({outside}) outside its items; its items were read", where=where
        )
    for number, entry in enumerate(entries, start=1):
        here = f"{where}:item {number}"
        if number - 1 in blamed:
            message = blamed[number - 1]
            yield InputError(f"is not well-formed XML ({message}); fix or remove this item", where=here)
            continue
        yield read_one(here, read_entry, entry, outlet=clean_str(outlet), where=here)
    if not entries:
        yield InputError("is a feed with no items", where=where)


def _recover(text: str) -> tuple[lxml.etree._Element, list[tuple[int, str]]] | None:
    """The feed parsed in recovering mode with its errors' lines, or None if nothing is left."""
    parser = lxml.etree.XMLParser(recover=True, remove_comments=True, **_SAFE)
    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), parser=parser)
    except lxml.etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    return root, [(error.line, error.message) for error in parser.error_log]


def _last_line(element: lxml.etree._Element) -> int:
    """The last line an element's own markup starts on (lxml keeps no end lines)."""
    return max((e.sourceline or 0 for e in element.iter()), default=element.sourceline or 0)


def _blame(broken: list[tuple[int, str]], spans: list[tuple[int, int]]) -> dict[int, str]:
    """Each XML error's item (its index; -1 for none), the first message per item."""
    found: dict[int, str] = {}
    for line, message in broken:
        index = next((i for i, (first, last) in enumerate(spans) if first <= line <= last), -1)
        found.setdefault(index, message)
    return found


def _rss_item(item: lxml.etree._Element, *, outlet: str | None, where: str) -> Document | InputError:
    """One RSS 2.0 or RSS 1.0 item."""

    def child(*names: str) -> str | None:
        for name in names:
            found = item.find(name)
            if found is not None and _text(found):
                return _text(found)
        return None

    body = child(CONTENT_ENCODED, "description", f"{RSS1}description")
    date = _rfc822(child("pubDate")) or parse_date(child(f"{DC}date"))
    return _document(
        body,
        title=child("title", f"{RSS1}title"),
        url=child("link", f"{RSS1}link"),
        published=date,
        author=child("author", f"{DC}creator"),
        outlet=outlet,
        where=where,
    )


def _atom_entry(entry: lxml.etree._Element, *, outlet: str | None, where: str) -> Document | InputError:
    """One Atom entry; its link is the ``alternate`` one (or the first with no rel)."""
    content = entry.find(f"{ATOM}content")
    summary = entry.find(f"{ATOM}summary")
    body = _text(content) or _text(summary)
    link = next(
        (
            e.get("href")
            for e in entry.iter(f"{ATOM}link")
            if e.get("rel", "alternate") == "alternate" and e.get("href")
        ),
        None,
    )
    author = entry.find(f"{ATOM}author/{ATOM}name")
    date = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
    return _document(
        body,
        title=_text(entry.find(f"{ATOM}title")),
        url=link,
        published=parse_date(date),
        author=_text(author),
        outlet=outlet,
        where=where,
    )


def _document(
    body: str | None, *, title, url, published, author, outlet, where: str
) -> Document | InputError:
    text = _plain(body) if body else ""
    if not text.strip():
        return InputError("has no text (no content, description or summary)", where=where)
    return make_document(
        text,
        title=clean_str(_plain(title)) if title else None,
        url=http_url(url),
        published=published,
        author=clean_str(author),
        outlet=outlet,
        source_path=where,
        format="feed",
    )


def _plain(value: str) -> str:
    """Text of a value that may hold escaped HTML; paragraphs become lines."""
    if "<" not in value:
        return value.strip()
    try:
        fragment = lxml.html.fragment_fromstring(xml_safe(value), create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return value.strip()
    for bad in fragment.xpath(".//script|.//style"):
        bad.drop_tree()
    for block in fragment.xpath(".//p|.//br|.//div|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in fragment.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _text(element: lxml.etree._Element | None) -> str | None:
    if element is None:
        return None
    if element.get("type") == "xhtml":  # Atom inline XHTML: its markup is the content
        inner = "".join(lxml.etree.tostring(c, encoding="unicode") for c in element)
        return (element.text or "") + inner
    value = "".join(element.itertext()).strip()
    return value or None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _rfc822(value: str | None) -> dt.date | None:
    """The date of an RSS ``pubDate`` ("Mon, 02 Jun 2025 10:00:00 +0000"), or None."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return parse_date(value)
