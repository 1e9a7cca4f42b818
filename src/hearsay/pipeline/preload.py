"""What linking needs, loaded on a thread of its own while the documents to link are read.

``hearsay ingest`` reads its documents, then links them. The linker's modules and the MiniLM
embedder (about a second to load) do not depend on the readings, so ``LinkPreload.start`` loads
them beside the reading (spaCy loads on another thread, and onnxruntime builds its session
without holding the GIL); linking then finds them loaded. Nothing is loaded until a document is
about to be read, so an ingest of stored documents alone loads nothing; and only when the reading is
in this process (``run.ingest_documents``): a worker pool may fork again, which wants no other thread.
"""

from __future__ import annotations

import contextlib
import threading


class LinkPreload:
    """Starts the load once; ``wait`` joins it (before the process may exit)."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=_load_quietly, name="hearsay-link-load", daemon=True)
            self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()


def _load_quietly() -> None:
    with contextlib.suppress(Exception):  # linking loads them again and reports the error
        from ..link import linker  # noqa: F401 - imported for its modules
        from ..link.embeddings import load_embedder

        load_embedder()
