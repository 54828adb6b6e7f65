"""The vector index: exact below its threshold, an inverted file above, recall measured against exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from matching.vectors import VectorIndex, measure_recall, recall_at_k, top_k_keys


def clustered(
    n: int, dim: int = 48, clusters: int = 40, seed: int = 0, spread: float = 0.6
) -> npt.NDArray[np.float32]:
    """Unit vectors around ``clusters`` random centres (like topic groups of profiles), not uniform."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, dim))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    sizes = rng.zipf(1.6, clusters).clip(1, 50).astype(float)  # uneven cluster sizes
    labels = rng.choice(clusters, size=n, p=sizes / sizes.sum())
    v = centres[labels] + spread * rng.standard_normal((n, dim)) / np.sqrt(dim)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    out: npt.NDArray[np.float32] = v.astype(np.float32)
    return out


def brute(v: npt.NDArray[np.float32], q: npt.NDArray[np.float32], k: int) -> list[int]:
    order: list[int] = np.lexsort((np.arange(v.shape[0]), -(v @ q)))[:k].tolist()
    return order


def test_approximate_recall_at_10_against_exact() -> None:
    v = clustered(6000)
    assert measure_recall(v, k=10, n_queries=200) >= 0.95


def test_exact_mode_equals_brute_force() -> None:
    v = clustered(500)
    index = VectorIndex(v.shape[1])
    index.add(np.arange(500), v)
    assert not index.approximate
    for q in v[:20]:
        keys, scores = index.search(q, 10)
        assert keys.tolist() == brute(v, q, 10)
        np.testing.assert_allclose(scores, np.sort(v @ q)[::-1][:10], rtol=1e-5)


def test_switches_to_inverted_file_past_the_threshold_and_keeps_recall() -> None:
    v = clustered(3000, seed=1)
    index = VectorIndex(v.shape[1], exact_threshold=1000)
    for start in range(0, 3000, 500):  # grows by batches, trains on the way
        index.add(np.arange(start, start + 500), v[start : start + 500])
    assert index.approximate and len(index) == 3000
    assert recall_at_k(index, clustered(100, seed=1), 10) >= 0.95


def test_remove_get_and_replace() -> None:
    v = clustered(2000, seed=2)
    index = VectorIndex(v.shape[1], exact_threshold=500)
    index.add(np.arange(2000), v)
    index.remove([5, 6, 7, 99999])
    assert len(index) == 1997 and 5 not in index and 8 in index
    keys, _ = index.search(v[5], 20, exact=True)
    assert 5 not in keys.tolist()
    np.testing.assert_array_equal(index.get([8, 5]), np.vstack([v[8], np.zeros_like(v[8])]))
    index.add([8], v[9:10])  # replace key 8's vector
    np.testing.assert_array_equal(index.get([8])[0], v[9])
    assert len(index) == 1997


@pytest.mark.parametrize("exact_threshold", [10_000, 100])
def test_allowed_keys_are_respected_even_when_few(exact_threshold: int) -> None:
    v = clustered(1500, seed=3)
    index = VectorIndex(v.shape[1], exact_threshold=exact_threshold)
    index.add(np.arange(1500), v)
    allowed = {3, 700, 1499, 42, 1000}
    keys, _ = index.search(v[0], 10, allowed=allowed)
    assert set(keys.tolist()) == allowed  # fewer than k allowed: all of them, found by probing further
    mask = np.zeros(1500, dtype=bool)
    mask[::3] = True
    keys, _ = index.search(v[1], 10, allowed=mask)
    assert len(keys) == 10 and all(k % 3 == 0 for k in keys.tolist())


def test_save_load_gives_identical_results(tmp_path: Path) -> None:
    v = clustered(1200, seed=4)
    index = VectorIndex(v.shape[1], exact_threshold=300)
    index.add(np.arange(1200), v)
    index.remove([10, 11])
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path)
    assert loaded.approximate and len(loaded) == len(index)
    for q in v[:30]:
        a, sa = index.search(q, 10)
        b, sb = loaded.search(q, 10)
        assert a.tolist() == b.tolist()
        np.testing.assert_array_equal(sa, sb)


def test_top_k_breaks_ties_by_lower_key() -> None:
    keys = np.asarray([9, 3, 7, 1], dtype=np.int64)
    scores = np.asarray([0.5, 0.5, 0.9, 0.5], dtype=np.float32)
    assert top_k_keys(keys, scores, 3)[0].tolist() == [7, 1, 3]
