"""Spherical k-means in numpy: the coarse quantiser of the inverted-file index.

Rows are L2-normalised embeddings, so "nearest centroid" is the largest dot product and a centroid is
the normalised mean of its members. Seeded, so the same vectors give the same centroids.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

FloatMatrix = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]

ASSIGN_CHUNK = 16_384  # rows per matrix product when assigning: bounds the temporary (chunk x nlist)


def _normalise(m: FloatMatrix) -> FloatMatrix:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: FloatMatrix = (m / norms).astype(np.float32, copy=False)
    return out


def assign(vectors: FloatMatrix, centroids: FloatMatrix) -> IntArray:
    """Index of the nearest centroid (largest dot product) of each row."""
    out = np.empty(vectors.shape[0], dtype=np.int64)
    for start in range(0, vectors.shape[0], ASSIGN_CHUNK):
        block = vectors[start : start + ASSIGN_CHUNK] @ centroids.T
        out[start : start + block.shape[0]] = np.argmax(block, axis=1)
    return out


def spherical_kmeans(
    vectors: FloatMatrix, n_clusters: int, *, iterations: int = 10, seed: int = 0
) -> FloatMatrix:
    """``n_clusters`` unit centroids for ``vectors`` (rows), seeded by distinct random rows.

    An emptied cluster is re-seeded with the row worst served by its centroid, so every list of the
    index gets members.
    """
    n = vectors.shape[0]
    if n == 0:
        raise ValueError("k-means needs at least one vector")
    n_clusters = min(n_clusters, n)
    rng = np.random.default_rng(seed)
    centroids = vectors[rng.choice(n, size=n_clusters, replace=False)].copy()
    for _ in range(iterations):
        labels = np.empty(n, dtype=np.int64)
        best = np.empty(n, dtype=np.float32)
        for start in range(0, n, ASSIGN_CHUNK):
            block = vectors[start : start + ASSIGN_CHUNK] @ centroids.T
            labels[start : start + block.shape[0]] = np.argmax(block, axis=1)
            best[start : start + block.shape[0]] = block.max(axis=1)
        members = sp.csr_matrix((np.ones(n, dtype=np.float32), (labels, np.arange(n))), shape=(n_clusters, n))
        sums = np.asarray(members @ vectors, dtype=np.float32)
        counts = np.bincount(labels, minlength=n_clusters)
        empty = np.flatnonzero(counts == 0)
        if empty.size:
            worst = np.argsort(best, kind="stable")[: empty.size]
            sums[empty] = vectors[worst]
        centroids = _normalise(sums)
    return centroids
