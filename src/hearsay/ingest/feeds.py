"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one Document per item or entry.

The XML is parsed without entity expansion, DTDs or network access, so a hostile feed can
neither read local files nor blow up memory ("billion laughs"). An item's text is its full
content when the feed carries it (``content:encoded``, Atom ``content``), else its summary;
HTML inside is reduced to plain text. An item without text becomes an InputError naming the
feed and the item (``feed.xml:item 3``), and the other items go on. A feed that is not well-formed
XML is read item by item: an item that is not well-formed fails alone, and the items around it are
read.
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

_PARSER = lxml.etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)
# For a feed that is not well-formed: its root's start tag, each whole item, an item's start.
_ROOT_START = re.compile(r"<((?:[\w.-]+:)?(?:rss|RDF|feed))\b[^>]*>")
_CHANNEL_START = re.compile(r"<((?:[\w.-]+:)?channel)\b[^>]*>")
_ITEM_START = re.compile(r"<(?:[\w.-]+:)?(?:item|entry)\b")
_ITEM = re.compile(
    rf"<((?:[\w.-]+:)?(?:item|entry))\b[^>]*>(?:(?!{_ITEM_START.pattern}).)*?</\1\s*>", re.DOTALL
)


def read_feed(text: str, where: str) -> Iterator[Document | InputError]:
    """Yield one Document (or InputError) per item of an RSS or Atom feed."""
    text = xml_safe(text)  # characters and references lxml refuses, which no feed means
    root, problem = _parse(text)
    if root is None:
        yield from _read_item_by_item(text, where, problem)
        return
    found = _entries(root)
    if found is None:
        yield InputError(NOT_A_FEED, where=where)
        return
    entries, outlet, read_entry = found
    for number, entry in enumerate(entries, start=1):
        here = f"{where}:item {number}"
        yield read_one(here, read_entry, entry, outlet=clean_str(outlet), where=here)
    if not entries:
        yield InputError("is a feed with no items", where=where)


def _entries(
    root: lxml.etree._Element,
) -> tuple[list[lxml.etree._Element], str | None, Callable[..., Document | InputError]] | None:
    """The items of a feed's root element, the feed's title, and the reader of one item."""
    if root.tag == f"{ATOM}feed":
        return list(root.iter(f"{ATOM}entry")), _text(root.find(f"{ATOM}title")), _atom_entry
    if _local(root.tag) not in ("rss", "RDF"):
        return None
    channel = root.find("channel")
    if channel is None:
        channel = root.find(f"{RSS1}channel")
    outlet = None
    if channel is not None:
        outlet = _text(channel.find("title")) or _text(channel.find(f"{RSS1}title"))
    return [e for e in root.iter() if _local(e.tag) == "item"], outlet, _rss_item


def _read_item_by_item(text: str, where: str, problem: str) -> Iterator[Document | InputError]:
    """A feed that is not well-formed XML, read one item at a time so that a broken item fails alone.

    Each ``<item>``/``<entry>`` is parsed on its own inside a copy of the root's start tag (its
    namespaces); the feed's title comes from what precedes the first item.
    """
    root_tag = _ROOT_START.search(text)
    starts = list(_ITEM_START.finditer(text))
    if root_tag is None or not starts:
        yield InputError(f"is not well-formed XML ({problem}); give a valid RSS or Atom feed", where=where)
        return
    closing = f"</{root_tag.group(1)}>"
    header, header_problem = _parse(
        text[: starts[0].start()] + "".join(f"</{n}>" for n in _open_tags(text, root_tag, starts[0]))
    )
    found = _entries(header) if header is not None else None
    outlet = found[1] if found else None
    failed = header is None
    if header is None:
        yield InputError(
            f"is not well-formed XML before its first item ({header_problem}); "
            "its items are read without the feed's title",
            where=where,
        )
    for number, start in enumerate(starts, start=1):
        here = f"{where}:item {number}"
        chunk = _ITEM.match(text, start.start())
        if chunk is None:
            failed = True
            yield InputError(
                "has no end tag before the next item or the end; fix or remove this item", where=here
            )
            continue
        item_root, item_problem = _parse(root_tag.group(0) + chunk.group(0) + closing)
        found = _entries(item_root) if item_root is not None else None
        if found is None or len(found[0]) != 1:
            failed = True
            yield InputError(f"is not well-formed XML ({item_problem}); fix or remove this item", where=here)
            continue
        entries, _, read_entry = found
        yield read_one(here, read_entry, entries[0], outlet=clean_str(outlet), where=here)
    if not failed:
        yield InputError(
            f"is not well-formed XML after its items ({problem}); its items were read", where=where
        )


def _open_tags(text: str, root_tag: re.Match[str], first_item: re.Match[str]) -> list[str]:
    """The elements still open where the first item starts (to close the header for parsing)."""
    names = [root_tag.group(1)]
    channel = _CHANNEL_START.search(text, root_tag.end(), first_item.start())
    if channel is not None:
        names.insert(0, channel.group(1))
    return names


def _parse(xml: str) -> tuple[lxml.etree._Element | None, str]:
    """The root element of ``xml``, or None and what is wrong with it."""
    try:
        return lxml.etree.fromstring(xml.encode("utf-8"), parser=_PARSER), ""
    except lxml.etree.XMLSyntaxError as err:
        return None, err.msg


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
