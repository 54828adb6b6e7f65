"""Ranking metrics over ranked id lists and sets of relevant ids (binary relevance)."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence


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
    dcg = sum(1.0 / math.log2(i + 2) for i, doc in enumerate(ranked[:k]) if doc in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


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
