"""Nearest-neighbour search over unit vectors: exact when small, an inverted file (numpy) when large.

index = VectorIndex(dim=384)
index.add(ids, vectors)          # ids: non-negative ints; rows L2-normalised
keys, scores = index.search(query_vector, k=10, allowed={1, 2, 3})
index.save(path); VectorIndex.load(path)
measure_recall(vectors)          # recall@10 of the approximate mode against exact
VectorStore                      # the protocol of an external store (pgvector, in the Django adapter)
"""

from __future__ import annotations

from matching.vectors.index import VectorIndex
from matching.vectors.ops import single_thread_blas, top_k_keys
from matching.vectors.recall import measure_recall, recall_at_k
from matching.vectors.store import VectorQuery, VectorStore

__all__ = [
    "VectorIndex",
    "VectorQuery",
    "VectorStore",
    "measure_recall",
    "recall_at_k",
    "single_thread_blas",
    "top_k_keys",
]
