"""Ranking metrics over ranked id lists and sets of relevant ids (binary relevance), and ``top_k``.

nDCG is the engine's (``matching.engine.learn.dcg``, graded gains ``2^g - 1``) with gains 0 and 1."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.engine.learn import dcg


def recall_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    """Share of the relevant ids found in the first ``k``."""
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def mrr_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    """1 / rank of the first relevant id within the first ``k``, else 0."""
    for i, doc in enumerate(ranked[:k]):
        if doc in relevant:
            return 1.0 / (i + 1)
    return 0.0


def ndcg_at_k(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    """Binary-gain nDCG: DCG of the first ``k`` over the DCG of an ideal ranking."""
    if not relevant:
        return 0.0
    gains = [1.0 if doc in relevant else 0.0 for doc in ranked[:k]]
    return dcg(gains, k) / dcg([1.0] * min(k, len(relevant)), k)


def evaluate(
    rankings: Mapping[str, Sequence[str]], qrels: Mapping[str, Collection[str]], k: int = 10
) -> dict[str, float]:
    """Mean Recall@k, MRR@k and nDCG@k over the queries that have relevant ids."""
    queries = [q for q in qrels if qrels[q]]
    if not queries:
        return {f"recall@{k}": 0.0, f"mrr@{k}": 0.0, f"ndcg@{k}": 0.0}
    n = len(queries)
    return {
        f"recall@{k}": sum(recall_at_k(rankings.get(q, []), qrels[q], k) for q in queries) / n,
        f"mrr@{k}": sum(mrr_at_k(rankings.get(q, []), qrels[q], k) for q in queries) / n,
        f"ndcg@{k}": sum(ndcg_at_k(rankings.get(q, []), qrels[q], k) for q in queries) / n,
    }


def top_k(scores: npt.NDArray[np.floating[Any]], k: int) -> npt.NDArray[np.int64]:
    """Indices of the ``k`` highest scores, best first (ties broken by lower index)."""
    n = scores.shape[0]
    k = min(k, n)
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        # everything at least as high as the k-th best, so that ties at the cut go by position
        kth = scores[np.argpartition(-scores, k - 1)[k - 1]]
        part = np.flatnonzero(scores >= kth)
    else:
        part = np.arange(n)
    order = np.lexsort((part, -scores[part]))[:k]
    return np.asarray(part[order], dtype=np.int64)
