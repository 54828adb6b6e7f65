"""Small numeric helpers of the vector index: a deterministic top-k and single-threaded BLAS."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


@cache
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # optional: without it searches still work, slower on a busy machine
        return None
    return ThreadpoolController()


@contextmanager
def single_thread_blas() -> Iterator[None]:
    """Run the enclosed BLAS calls on one thread.

    A search makes many small matrix-vector products; OpenBLAS hands each to its thread pool, and
    on a busy 2-core machine waiting for the pool costs ten times the product itself (measured:
    41 ms against 5 ms for one query over 300k vectors).
    """
    controller = _blas_controller()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


def top_k_keys(keys: IntArray, scores: FloatArray, k: int) -> tuple[IntArray, FloatArray]:
    """The ``k`` best (key, score) pairs, best first, ties broken by lower key."""
    n = scores.shape[0]
    if k <= 0 or n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    if k < n:
        part = np.argpartition(-scores, k - 1)[:k]
        # argpartition may split a tie at the k-th score arbitrarily: take every tied row, then cut
        cutoff = scores[part].min()
        part = np.flatnonzero(scores >= cutoff)
    else:
        part = np.arange(n)
    order = np.lexsort((keys[part], -scores[part]))[:k]
    rows = part[order]
    return keys[rows].astype(np.int64, copy=False), scores[rows].astype(np.float32, copy=False)
