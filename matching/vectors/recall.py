"""Recall of the approximate index against exact search on the same vectors."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from matching.vectors.index import VectorIndex


def recall_at_k(
    index: VectorIndex, queries: npt.ArrayLike, k: int = 10, *, nprobe: int | None = None
) -> float:
    """Mean share of the exact top ``k`` that the index's default (approximate) search also returns."""
    q = np.asarray(queries, dtype=np.float32).reshape(-1, index.dim)
    if q.shape[0] == 0 or len(index) == 0:
        return 1.0
    hits = 0
    total = 0
    for row in q:
        truth, _ = index.search(row, k, exact=True)
        got, _ = index.search(row, k, nprobe=nprobe)
        hits += len(set(truth.tolist()) & set(got.tolist()))
        total += truth.shape[0]
    return hits / total if total else 1.0


def measure_recall(
    vectors: npt.ArrayLike,
    *,
    k: int = 10,
    n_queries: int = 200,
    seed: int = 0,
    **index_params: int,
) -> float:
    """Recall@k of the approximate mode on ``vectors``.

    ``n_queries`` rows are held out as queries; the rest are indexed with the inverted file forced on
    (``exact_threshold=0``) and every query is searched both ways.
    """
    v = np.asarray(vectors, dtype=np.float32)
    rng = np.random.default_rng(seed)
    order = rng.permutation(v.shape[0])
    n_q = min(n_queries, v.shape[0] // 2)
    queries, rest = v[order[:n_q]], v[order[n_q:]]
    index = VectorIndex(v.shape[1], exact_threshold=0, seed=seed, **index_params)
    index.add(np.arange(rest.shape[0]), rest)
    return recall_at_k(index, queries, k)
