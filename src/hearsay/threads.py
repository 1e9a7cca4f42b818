"""How many threads numpy's BLAS may use for hearsay's small matrix products (one, by default).

natasha's taggers and parser, the multilingual encoder and the cosines of content vectors multiply
small matrices with numpy, whose OpenBLAS starts a thread per core for each product. On a 2-core
machine that made Russian reading several times slower than with one thread, and far slower again
when other processes share the cores (benchmarks/russian_speed.py: 599 vs 4,692 natasha tokens/s). hearsay uses the cores through
processes (``--workers``) instead. ``HEARSAY_BLAS_THREADS`` sets another number; 0 leaves BLAS alone.
"""

from __future__ import annotations

import os
from functools import cache

DEFAULT_BLAS_THREADS = 1


@cache
def limit_blas_threads() -> int | None:
    """Limit numpy's BLAS threads for this process (once); the limit set, or None if left alone."""
    import numpy  # noqa: F401  (threadpoolctl limits only the BLAS libraries already loaded)
    from threadpoolctl import threadpool_limits

    from .errors import ConfigError

    raw = os.environ.get("HEARSAY_BLAS_THREADS", str(DEFAULT_BLAS_THREADS))
    try:
        threads = int(raw)
    except ValueError:
        raise ConfigError(f"HEARSAY_BLAS_THREADS must be a whole number, not {raw!r}") from None
    if threads <= 0:
        return None
    threadpool_limits(limits=threads, user_api="blas")
    return threads
