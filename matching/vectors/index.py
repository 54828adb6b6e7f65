"""A vector index for unit vectors (dot product = cosine): exact when small, inverted-file above.

Below ``exact_threshold`` vectors every search is a full matrix product (exact). Past it the index
trains a spherical k-means quantiser (``nlist`` centroids, about 1.5 x sqrt(n)) and keeps one list per
centroid; a search scores the query against the centroids and scans the ``nprobe`` nearest lists.
It retrains itself when it has grown ``retrain_growth`` times since the last training.
docs/decisions/0004-engine.md says why this is numpy and not hnswlib or faiss.

Keys are non-negative integers (the engine uses dense row numbers); each key's list and position
are kept in arrays indexed by key, so ``remove`` and ``get`` are O(1) per key (a removed vector's
slot is filled with its list's last vector).
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from pathlib import Path

import numpy as np
import numpy.typing as npt

from matching.vectors.kmeans import assign, spherical_kmeans
from matching.vectors.ops import single_thread_blas, top_k_keys

FloatMatrix = npt.NDArray[np.float32]
FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
Allowed = Collection[int] | BoolArray | None

FORMAT_VERSION = 1
SCAN_BUDGET = 48_000  # vectors a default search scans at most (about 15 ms at 384 dims here)


class _List:
    """One inverted list: vectors and keys in arrays with spare capacity."""

    __slots__ = ("keys", "n", "vecs")

    def __init__(self, dim: int, capacity: int = 0) -> None:
        self.vecs: FloatMatrix = np.empty((capacity, dim), dtype=np.float32)
        self.keys: IntArray = np.empty(capacity, dtype=np.int64)
        self.n = 0

    def reserve(self, extra: int) -> None:
        need = self.n + extra
        if need <= self.keys.shape[0]:
            return
        cap = max(need, int(self.keys.shape[0] * 1.5) + 16)
        vecs = np.empty((cap, self.vecs.shape[1]), dtype=np.float32)
        keys = np.empty(cap, dtype=np.int64)
        vecs[: self.n] = self.vecs[: self.n]
        keys[: self.n] = self.keys[: self.n]
        self.vecs, self.keys = vecs, keys


class VectorIndex:
    """Inner-product search over unit vectors: ``add``, ``remove``, ``search``, ``save``/``load``.

    Parameters
    ----------
    dim : vector length.
    exact_threshold : below this many vectors the index stays exact (one list, full scan).
    nlist : number of lists once approximate; default ``1.5 * sqrt(n)`` at training time.
    nprobe : lists scanned per search; default a tenth of the lists, at most ``SCAN_BUDGET`` vectors
        (and at least 16 lists).
    """

    def __init__(
        self,
        dim: int,
        *,
        exact_threshold: int = 20_000,
        nlist: int | None = None,
        nprobe: int | None = None,
        kmeans_iterations: int = 10,
        retrain_growth: float = 4.0,
        seed: int = 0,
    ) -> None:
        self.dim = dim
        self.exact_threshold = exact_threshold
        self.nlist = nlist
        self.nprobe = nprobe
        self.kmeans_iterations = kmeans_iterations
        self.retrain_growth = retrain_growth
        self.seed = seed

    def _ready(self) -> None:
        if not hasattr(self, "n_"):
            self._reset()

    def _reset(self) -> None:
        self.centroids_: FloatMatrix | None = None
        self.trained_size_ = 0
        self.lists_: list[_List] = [_List(self.dim)]
        self._where_list: npt.NDArray[np.int32] = np.full(0, -1, dtype=np.int32)
        self._where_pos: npt.NDArray[np.int64] = np.full(0, -1, dtype=np.int64)
        self.n_ = 0

    # -- state ----------------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.n_ if hasattr(self, "n_") else 0

    @property
    def approximate(self) -> bool:
        return self.centroids_ is not None

    def __contains__(self, key: object) -> bool:
        self._ready()
        return (
            isinstance(key, int | np.integer)
            and 0 <= key < self._where_list.shape[0]
            and (self._where_list[int(key)] >= 0)
        )

    def default_nprobe(self) -> int:
        if self.nprobe is not None:
            return self.nprobe
        nlist = len(self.lists_)
        per_list = max(1.0, self.n_ / nlist) if hasattr(self, "n_") else 1.0
        return max(16, min(nlist // 10, math.ceil(SCAN_BUDGET / per_list)))

    def _grow_where(self, max_key: int) -> None:
        size = self._where_list.shape[0]
        if max_key < size:
            return
        new = max(max_key + 1, int(size * 1.5) + 1024)
        self._where_list = np.concatenate([self._where_list, np.full(new - size, -1, dtype=np.int32)])
        self._where_pos = np.concatenate([self._where_pos, np.full(new - size, -1, dtype=np.int64)])

    # -- writing --------------------------------------------------------------------------------
    def add(self, ids: npt.ArrayLike, vectors: npt.ArrayLike, *, defer_training: bool = False) -> None:
        """Add (or replace) vectors under integer ``ids``; rows should be L2-normalised.

        ``defer_training`` skips the automatic (re)training, for bulk loads that call ``train`` once."""
        self._ready()
        keys = np.asarray(ids, dtype=np.int64).reshape(-1)
        vecs = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if keys.shape[0] != vecs.shape[0]:
            raise ValueError("ids and vectors differ in length")
        if keys.size == 0:
            return
        if keys.min() < 0:
            raise ValueError("keys must be non-negative integers")
        if np.unique(keys).size != keys.size:
            raise ValueError("duplicate ids in one add")
        self.remove(keys[self._present(keys)])
        self._grow_where(int(keys.max()))
        if self.centroids_ is None:
            self._append(0, keys, vecs)
            if self.n_ > self.exact_threshold and not defer_training:
                self.train()
            return
        labels = assign(vecs, self.centroids_)
        order = np.argsort(labels, kind="stable")
        labels, keys, vecs = labels[order], keys[order], vecs[order]
        starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]])
        ends = np.r_[starts[1:], labels.size]
        for s, e in zip(starts, ends, strict=True):
            self._append(int(labels[s]), keys[s:e], vecs[s:e])
        if self.n_ > self.retrain_growth * self.trained_size_ and not defer_training:
            self.train()

    def needs_training(self) -> bool:
        """Past the exact threshold without a quantiser, or grown ``retrain_growth`` times since."""
        if self.centroids_ is None:
            return len(self) > self.exact_threshold
        return len(self) > self.retrain_growth * self.trained_size_

    def _present(self, keys: IntArray) -> BoolArray:
        inside = keys < self._where_list.shape[0]
        present = np.zeros(keys.shape[0], dtype=bool)
        present[inside] = self._where_list[keys[inside]] >= 0
        return present

    def _append(self, list_no: int, keys: IntArray, vecs: FloatMatrix) -> None:
        lst = self.lists_[list_no]
        lst.reserve(keys.shape[0])
        start = lst.n
        lst.vecs[start : start + keys.shape[0]] = vecs
        lst.keys[start : start + keys.shape[0]] = keys
        lst.n += keys.shape[0]
        self._where_list[keys] = list_no
        self._where_pos[keys] = np.arange(start, lst.n)
        self.n_ += keys.shape[0]

    def remove(self, ids: npt.ArrayLike) -> int:
        """Remove vectors by id; unknown ids are ignored. Returns how many were removed."""
        self._ready()
        removed = 0
        for key in np.asarray(ids, dtype=np.int64).reshape(-1).tolist():
            if key >= self._where_list.shape[0] or self._where_list[key] < 0:
                continue
            lst = self.lists_[int(self._where_list[key])]
            pos, last = int(self._where_pos[key]), lst.n - 1
            if pos != last:
                moved = int(lst.keys[last])
                lst.vecs[pos] = lst.vecs[last]
                lst.keys[pos] = moved
                self._where_pos[moved] = pos
            lst.n -= 1
            self._where_list[key] = -1
            self._where_pos[key] = -1
            self.n_ -= 1
            removed += 1
        return removed

    def all_items(self) -> tuple[IntArray, FloatMatrix]:
        """Every (key, vector), list by list."""
        self._ready()
        keys = np.concatenate([lst.keys[: lst.n] for lst in self.lists_])
        vecs = np.concatenate([lst.vecs[: lst.n] for lst in self.lists_])
        return keys, vecs.reshape(-1, self.dim)

    def train(self) -> None:
        """(Re)build the quantiser from the vectors held now, and redistribute them."""
        keys, vecs = self.all_items()
        n = keys.shape[0]
        if n == 0:
            return
        self.lists_ = []  # the copies above hold the data: free the old lists before redistributing
        nlist = self.nlist or max(16, min(8192, round(1.5 * math.sqrt(n))))
        rng = np.random.default_rng(self.seed)
        sample_size = min(n, max(nlist * 40, 20_000))
        sample = vecs[np.sort(rng.choice(n, size=sample_size, replace=False))]
        self.centroids_ = spherical_kmeans(sample, nlist, iterations=self.kmeans_iterations, seed=self.seed)
        self._distribute(keys, vecs, assign(vecs, self.centroids_))
        self.trained_size_ = n

    def _distribute(self, keys: IntArray, vecs: FloatMatrix, labels: IntArray) -> None:
        nlist = 1 if self.centroids_ is None else self.centroids_.shape[0]
        order = np.argsort(labels, kind="stable")
        counts = np.bincount(labels, minlength=nlist)
        bounds = np.r_[0, np.cumsum(counts)]
        self.lists_ = [_List(self.dim, int(c)) for c in counts]
        self.n_ = 0
        self._where_list[:] = -1
        self._where_pos[:] = -1
        for i in range(nlist):
            rows = order[bounds[i] : bounds[i + 1]]
            if rows.size:
                self._append(i, keys[rows], vecs[rows])

    # -- reading --------------------------------------------------------------------------------
    def get(self, ids: npt.ArrayLike) -> FloatMatrix:
        """Vectors of ``ids`` (rows of zeros for unknown ids)."""
        self._ready()
        keys = np.asarray(ids, dtype=np.int64).reshape(-1)
        out = np.zeros((keys.shape[0], self.dim), dtype=np.float32)
        present = self._present(keys)
        for i in np.flatnonzero(present).tolist():
            key = int(keys[i])
            out[i] = self.lists_[int(self._where_list[key])].vecs[int(self._where_pos[key])]
        return out

    def _mask(self, allowed: Allowed) -> BoolArray | None:
        if allowed is None:
            return None
        size = self._where_list.shape[0]
        if isinstance(allowed, np.ndarray):
            mask = np.zeros(size, dtype=bool)
            m = min(size, allowed.shape[0])
            mask[:m] = allowed[:m]
            return mask
        mask = np.zeros(size, dtype=bool)
        keys = np.fromiter((int(a) for a in allowed), dtype=np.int64)
        mask[keys[(keys >= 0) & (keys < size)]] = True
        return mask

    def search(
        self,
        query: npt.ArrayLike,
        k: int = 10,
        allowed: Allowed = None,
        *,
        nprobe: int | None = None,
        exact: bool = False,
    ) -> tuple[IntArray, FloatArray]:
        """The ``k`` nearest keys by dot product, best first (ties by lower key): (keys, scores).

        ``allowed`` is a set of keys or a boolean mask indexed by key; only those are returned.
        When the probed lists hold fewer than ``k`` allowed vectors, more lists are scanned.
        """
        self._ready()
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        mask = self._mask(allowed)
        if self.centroids_ is None or exact:
            order = list(range(len(self.lists_)))
            probe = len(order)
        else:
            order = np.argsort(-(self.centroids_ @ q), kind="stable").tolist()
            probe = nprobe or self.default_nprobe()
        found_keys: list[IntArray] = []
        found_scores: list[FloatArray] = []
        found, done = 0, 0
        with single_thread_blas():
            while done < len(order) and (done < probe or found < k):
                lst = self.lists_[order[done]]
                done += 1
                if lst.n == 0:
                    continue
                keys = lst.keys[: lst.n]
                scores = lst.vecs[: lst.n] @ q
                if mask is not None:
                    sel = mask[keys]
                    keys, scores = keys[sel], scores[sel]
                found_keys.append(keys)
                found_scores.append(scores)
                found += keys.shape[0]
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        all_keys = np.concatenate(found_keys)
        all_scores = np.concatenate(found_scores)
        return top_k_keys(all_keys, all_scores, k)

    # -- persistence ----------------------------------------------------------------------------
    def save(self, directory: str | Path) -> None:
        """Write ``vectors.json`` and ``vectors.npz`` (plain arrays, no pickle)."""
        self._ready()
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        keys, vecs = self.all_items()
        sizes = np.asarray([lst.n for lst in self.lists_], dtype=np.int64)
        meta = {
            "format": FORMAT_VERSION,
            "dim": self.dim,
            "exact_threshold": self.exact_threshold,
            "nlist": self.nlist,
            "nprobe": self.nprobe,
            "kmeans_iterations": self.kmeans_iterations,
            "retrain_growth": self.retrain_growth,
            "seed": self.seed,
            "trained_size": self.trained_size_,
        }
        (path / "vectors.json").write_text(json.dumps(meta), encoding="utf-8")
        centroids = self.centroids_ if self.centroids_ is not None else np.zeros((0, self.dim), np.float32)
        np.savez(path / "vectors.npz", keys=keys, vectors=vecs, sizes=sizes, centroids=centroids)

    @classmethod
    def load(cls, directory: str | Path) -> VectorIndex:
        path = Path(directory)
        meta = json.loads((path / "vectors.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"unknown vector index format {meta.get('format')!r}")
        self = cls(
            int(meta["dim"]),
            exact_threshold=int(meta["exact_threshold"]),
            nlist=meta["nlist"],
            nprobe=meta["nprobe"],
            kmeans_iterations=int(meta["kmeans_iterations"]),
            retrain_growth=float(meta["retrain_growth"]),
            seed=int(meta["seed"]),
        )
        self._reset()
        with np.load(path / "vectors.npz", allow_pickle=False) as z:
            keys, vecs, sizes, centroids = z["keys"], z["vectors"], z["sizes"], z["centroids"]
        self.centroids_ = centroids if centroids.shape[0] else None
        self.trained_size_ = int(meta["trained_size"])
        if keys.size:
            self._grow_where(int(keys.max()))
        labels = np.repeat(np.arange(sizes.shape[0]), sizes)
        self._distribute(keys, vecs, labels)
        return self
