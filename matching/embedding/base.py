"""The embedder protocol and the plumbing shared by every implementation.

An embedder turns texts into L2-normalised float32 rows, so that a dot product is a cosine.
Models load lazily, once per process (the first ``encode`` pays for it), and ``encode`` may be
called from several threads: each implementation serialises calls into its model with a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Kind = Literal["query", "passage"]
FloatMatrix = npt.NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Dense sentence embeddings. ``kind`` tells short queries from indexed passages.

    For symmetric similarity (two sentences of the same sort) embed both sides as ``"query"``.
    Rows are L2-normalised; a row is all zeros only when the model gives nothing for the text.
    """

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: list[str], *, kind: Kind) -> FloatMatrix: ...


def l2_normalise(matrix: npt.ArrayLike) -> FloatMatrix:
    """Rows scaled to unit length, as float32; all-zero rows stay zero."""
    m = np.asarray(matrix, dtype=np.float32)
    if m.ndim == 1:
        m = m.reshape(1, -1)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: FloatMatrix = (m / norms).astype(np.float32, copy=False)
    return out


class LazyModel[M]:
    """Holds one model per process, built on first use under a lock (double-checked)."""

    def __init__(self, build: Callable[[], M]) -> None:
        self._build = build
        self._model: M | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def get(self) -> M:
        model = self._model
        if model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._build()
                model = self._model
        return model


def encode_in_batches(
    texts: Sequence[str],
    encode_batch: Callable[[list[str]], npt.ArrayLike],
    *,
    dim: int,
    batch_size: int,
    lock: threading.Lock,
) -> FloatMatrix:
    """Runs ``encode_batch`` over slices of ``texts`` (one slice at a time under ``lock``)."""
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    parts: list[FloatMatrix] = []
    for start in range(0, len(texts), batch_size):
        chunk = [t if isinstance(t, str) else "" for t in texts[start : start + batch_size]]
        with lock:
            raw = encode_batch(chunk)
        part = l2_normalise(raw)
        if part.shape != (len(chunk), dim):
            raise ValueError(f"embedder returned shape {part.shape}, expected {(len(chunk), dim)}")
        parts.append(part)
    return np.vstack(parts) if len(parts) > 1 else parts[0]
