"""Pages of unlinked readings, each document with what its linking needs of its text alone.

``Prepared``: the document's MinHash signature and bands (``duplicates``), its acronym pairs
(``acronyms``), where it names countries (``institutions``), its contents' text hashes and the
cached vectors of its contents (a vector depends on its text alone, and a cached one never
changes); nothing in them depends on the rest of the link tables.

When the corpus fills more than one page, a second process (``_serve``) reads the next page
from its own connection and prepares it while this one links the page before, so a second core
takes that share of the work. It sends the page's rows and what it prepared, with the frames
and content words of the page's contents it has not sent before (``framed``), and this process
decodes the rows (unpickling readings costs more than decoding them). The pages and their order
are the ones read here: the helper walks the same keyset, and a document another process linked
meanwhile is dropped by the linker inside its transaction, as before
(``LinkTables.still_unlinked``). The helper stays one page ahead, sending when asked; when it
fails or dies, the pages go on from here where it stopped; when this process stops (or is
killed), the helper's pipe breaks and it exits.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model import Reading
from ..store import link_unlinked
from ..store.links import LinkTables
from .acronyms import acronym_partners
from .claims import content_words
from .duplicates import bands, signature
from .embeddings import text_hash
from .framed import Clause, Framed, Framer, remember
from .institutions import DocumentCountries

if TYPE_CHECKING:
    from ..store.sqlite import SQLiteStore

JOIN_SECONDS = 5.0


class Prepared(NamedTuple):
    signature: bytes  # 64 uint32 values
    bands: list[tuple[int, int]]
    partners: dict[str, list[str]]  # local entity id -> names of its acronym or expansion
    places: tuple[tuple[int, str], ...]  # ``DocumentCountries`` without the text
    dateline: str | None
    vectors: dict[str, bytes]  # text hash -> cached vector of its contents, as far as the helper found them
    hashes: dict[str, tuple[str, str]]  # ``content_hashes``

    def countries(self, reading: Reading) -> DocumentCountries:
        return DocumentCountries(_text(reading), self.places, self.dateline)


def prepare(
    reading: Reading,
    vectors: dict[str, bytes] | None = None,
    hashes: dict[str, tuple[str, str]] | None = None,
) -> Prepared:
    sig = signature(_text(reading))
    countries = DocumentCountries.of(reading)
    return Prepared(
        sig.tobytes(),
        bands(sig),
        acronym_partners(reading),
        countries.places,
        countries.dateline,
        vectors or {},
        content_hashes(reading) if hashes is None else hashes,
    )


def _text(reading: Reading) -> str:
    return reading.document.text if reading.document is not None else ""


def content_hashes(reading: Reading) -> dict[str, tuple[str, str]]:
    """Statement id -> (text hash, content) of each statement whose content is embedded."""
    result = {}
    for statement in reading.statements:
        text = statement.content.text
        if content_words(text) or text.strip():
            result[statement.id] = (text_hash(text), text)
    return result


def _prepare_page(tables: LinkTables, readings: list[Reading]) -> list[Prepared]:
    """``prepare`` each reading, with the vectors of its contents cached before (the linker embeds
    the others, or reads them if they were cached since)."""
    hashes = [content_hashes(reading) for reading in readings]
    keys = [{key for key, _text in per.values()} for per in hashes]
    cached = tables.cached_vectors(sorted(set().union(*keys)))
    return [
        prepare(reading, {key: cached[key] for key in wanted if key in cached}, per)
        for reading, wanted, per in zip(readings, keys, hashes, strict=True)
    ]


Page = list[tuple[Reading, Prepared]]


class PreparedPages:
    """The unlinked pages of ``store`` in ingest order (a context manager: leaving it stops the helper).

    ``aside``: prepare in a second process (True), here (False), or in one when the machine has
    several cores, the store is a file or server, and the first page is full (None).
    """

    def __init__(self, store: SQLiteStore, page_size: int, *, aside: bool | None = None) -> None:
        self.store = store
        self.page_size = page_size
        self.aside = aside
        self.aside_pages = 0  # pages the helper prepared
        self._helper: _Helper | None = None

    def __enter__(self) -> PreparedPages:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._helper is not None:
            self._helper.stop()
            self._helper = None

    def __iter__(self) -> Iterator[Page]:
        rows = link_unlinked.unlinked_rows(self.store._conn, link_unlinked.START, self.page_size)
        if len(rows) == self.page_size and self._wanted():
            self._helper = _Helper.start(_location(self.store), link_unlinked.keyset(rows), self.page_size)
        prepared: list[Prepared] | None = None
        while rows:
            readings = link_unlinked.readings_of(rows)
            yield list(zip(readings, prepared or [prepare(r) for r in readings], strict=True))
            if len(rows) < self.page_size:
                return
            rows, prepared = self._next(link_unlinked.keyset(rows))

    def _next(self, after: link_unlinked.Keyset) -> tuple[list[dict[str, Any]], list[Prepared] | None]:
        """The page after ``after``: from the helper (rows, prepared), else read here (rows, None)."""
        if self._helper is not None:
            answer = self._helper.next_page()
            if answer is not None:
                rows, prepared, (framed, clauses) = answer
                self.aside_pages += bool(rows)
                remember(framed, clauses)
                return rows, prepared
            self.close()  # it failed or died: go on here
        return link_unlinked.unlinked_rows(self.store._conn, after, self.page_size), None

    def _wanted(self) -> bool:
        if self.aside is not None:
            return self.aside
        return (os.cpu_count() or 1) > 1 and self.store.path not in ("", ":memory:")


def _location(store: SQLiteStore) -> str:
    """What opens the same database in another process (a PostgreSQL store's path hides its password)."""
    url: str | None = getattr(store, "_url", None)
    return url if url is not None else os.path.abspath(store.path)  # (a forkserver's folder may differ)


class _Helper:
    """The second process and this end of its pipe."""

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn

    @classmethod
    def start(cls, location: str, after: link_unlinked.Keyset, page_size: int) -> _Helper:
        from ..pipeline.workers import start_context  # (the pipeline package imports the linker)

        context = start_context()
        here, there = context.Pipe()
        process = context.Process(target=_serve, args=(location, after, page_size, there, here), daemon=True)
        process.start()
        there.close()  # the pipe breaks when either process ends
        return cls(process, here)

    def next_page(
        self,
    ) -> tuple[list[dict[str, Any]], list[Prepared], tuple[list[Framed], list[Clause]]] | None:
        """The next page (an empty one at the end), or None when the helper failed or died."""
        try:
            self.conn.send("next")
            message = self.conn.recv()
        except (EOFError, OSError):
            return None
        if message[0] != "page":
            return None
        return message[1], message[2], message[3]

    def stop(self) -> None:
        self.conn.close()
        self.process.join(JOIN_SECONDS)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(JOIN_SECONDS)


def _serve(
    location: str, after: link_unlinked.Keyset, page_size: int, conn: Connection, other_end: Connection
) -> None:
    """The helper: prepare the page after ``after``, send it when asked, prepare the next; ("page", [], [])
    after the last full page. It ends when the linker closes its end (or dies)."""
    other_end.close()  # (a forked helper holds the linker's end too: the pipe must break with the linker)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the linker, which stops this
    from ..store.sqlite import SQLiteStore

    try:
        with SQLiteStore(location, read_only=True) as store:
            tables = LinkTables(store)
            framer = Framer()
            while True:
                rows = link_unlinked.unlinked_rows(store._conn, after, page_size)
                readings = link_unlinked.readings_of(rows)
                page = ("page", rows, _prepare_page(tables, readings), framer.page(readings))
                conn.recv()  # one page ahead of the linker, no more
                conn.send(page)
                if len(rows) < page_size:
                    return
                after = link_unlinked.keyset(rows)
    except (EOFError, OSError):
        return  # the linker stopped
    except Exception as err:  # noqa: BLE001 - the linker goes on without the helper
        with contextlib.suppress(OSError, EOFError):
            conn.recv()
            conn.send(("error", f"{type(err).__name__}: {err}"))
