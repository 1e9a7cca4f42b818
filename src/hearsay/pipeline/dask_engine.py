"""Reading on a Dask cluster: the pure reading function mapped over chunks, one writer here (or,
on PostgreSQL, every task a writer: ``hearsay.pipeline.writing``).

The client (this process) skips documents already stored, sends chunks of the rest to the
cluster as tasks of ``read_chunk``, and hands the results back in order to the one writer.
Then nothing is stored on the cluster, so a worker killed mid-task only costs its task, which
the scheduler runs again elsewhere; a client killed mid-run keeps every document it committed,
and a re-run reads only the rest. On PostgreSQL, tasks of ``read_and_store_chunk`` store their
documents themselves, each in its own transaction: a task run again finds the ones it already
committed stored and counts them as such. See docs/distributed.md.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from ..errors import ConfigError, HearsayError
from ..model import Document
from .chunks import Result, read_chunk
from .ordering import CHUNK_SIZE
from .outcomes import Failure, where
from .writing import read_and_store_chunk


class DaskEngine:
    """An engine on a Dask scheduler at ``scheduler`` (an address), or on a local cluster of ``workers``.

    ``time_limit`` is each document's limit inside its task (a soft one: Dask runs tasks on
    threads, which cannot be killed); ``client`` uses an existing ``distributed.Client``. With
    ``database`` (a PostgreSQL URL the workers can reach) each task stores its readings there
    itself and sends back only what it wrote.
    """

    def __init__(
        self,
        scheduler: str | None = None,
        *,
        workers: int = 1,
        time_limit: float | None = None,
        chunk_size: int = CHUNK_SIZE,
        client: Any = None,
        database: str | None = None,
    ) -> None:
        self.database = database
        self.scheduler = scheduler
        self.workers = workers
        self.time_limit = time_limit
        self.chunk_size = chunk_size
        self._client = client
        self._owned: list[Any] = []

    def __enter__(self) -> DaskEngine:
        self.connect()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def connect(self) -> Any:
        """The client, connected (or the local cluster started) on first use."""
        if self._client is not None:
            return self._client
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError(
                "--engine dask needs the dask and distributed packages (scripts/install)"
            ) from None
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="30s")
            else:
                # One worker: threads in this process, no network at all; more: processes on loopback.
                network = {"host": "127.0.0.1"} if self.workers > 1 else {}
                cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=self.workers > 1,
                    dashboard_address=None,
                    **network,
                )
                self._owned.append(cluster)
                self._client = Client(cluster)
        except OSError as err:
            raise ConfigError(f"cannot reach the Dask scheduler {self.scheduler}: {err}") from None
        self._owned.insert(0, self._client)
        return self._client

    def close(self) -> None:
        for owned in self._owned:
            owned.close()
        self._owned.clear()
        self._client = None

    def _slots(self, client: Any) -> int:
        threads = sum(client.nthreads().values()) or 1
        return 2 * threads

    def map(self, chunks: Iterator[list[Document]]) -> Iterator[list[Result]]:
        """Results per chunk, in order, with twice as many chunks in flight as the cluster has threads."""
        client = self.connect()
        in_flight: deque[tuple[list[Document], Any]] = deque()
        slots = self._slots(client)
        for chunk in chunks:
            in_flight.append((chunk, self._submit(client, chunk)))
            while len(in_flight) >= slots:
                yield self._result(client, *in_flight.popleft())
        while in_flight:
            yield self._result(client, *in_flight.popleft())

    def _submit(self, client: Any, chunk: list[Document]) -> Any:
        if not chunk:
            return None
        if self.database:
            return client.submit(read_and_store_chunk, chunk, self.time_limit, self.database, pure=False)
        return client.submit(read_chunk, chunk, self.time_limit, pure=False)

    def _result(self, client: Any, chunk: list[Document], future: Any) -> list[Result]:
        if future is None:
            return []
        try:
            return list(future.result())
        except HearsayError:
            raise  # no model on the workers: stop with one line
        except Exception as err:  # noqa: BLE001 - e.g. KilledWorker: find the document at fault
            if len(chunk) == 1:
                kind = type(err).__name__
                return [
                    Failure(f"[{HearsayError.code}] {where(chunk[0])}: its Dask task failed ({kind}: {err})")
                ]
        futures = [self._submit(client, [document]) for document in chunk]
        return [
            self._result(client, [document], future)[0]
            for document, future in zip(chunk, futures, strict=True)
        ]
