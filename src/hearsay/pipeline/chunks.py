"""The pure reading function every engine maps: a chunk of documents to readings or failures.

``read_chunk`` reads the chunk as one spaCy batch; if the batch fails or runs past the time
limit, each document is read again alone, so only the documents at fault fail. No database,
no I/O: it runs the same in this process, in a worker process or on a Dask worker.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import ModelError
from ..model import Document, Reading
from .budget import OverBudget, budget, overran
from .outcomes import Failure, Written, describe, where

Result = Reading | Failure | Written


def read_chunk(batch: Sequence[Document], time_limit: float | None = None) -> list[Reading | Failure]:
    """One result per document of ``batch``, in order; ModelError (no model at all) is raised."""
    from ..extract import pipeline as extraction  # looked up at call time: tests may replace it

    if not batch:
        return []
    extraction.load_pipeline()  # once per process, before any clock starts
    readings: list[Reading] | None
    try:
        with budget(time_limit):
            readings = list(extraction.extract_many(batch, batch_size=len(batch)))
    except ModelError:
        raise
    except (Exception, OverBudget):  # noqa: BLE001 - find the document that broke the batch
        readings = None
    if readings is not None and len(readings) == len(batch):
        return list(readings)
    return [read_one(document, time_limit) for document in batch]


def read_one(document: Document, time_limit: float | None = None) -> Reading | Failure:
    """The reading of one document, or its failure."""
    from ..extract import pipeline as extraction

    try:
        with budget(time_limit):
            return extraction.extract(document)
    except ModelError:
        raise
    except OverBudget:
        return overran(document, time_limit or 0.0)
    except Exception as err:  # noqa: BLE001 - this document's failure alone
        return describe(err, where(document))
