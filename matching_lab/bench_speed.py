"""Speed benchmark: build time, memory and query latency of the engine beside BM25 alone.

``run_speed_bench(sizes, make_profiles, needs=..., embedder=...)`` builds one engine per size from
``make_profiles(n)`` (an iterable of batches of ``SupplierProfile``; the Django side feeds it from the
demo generator) and times, for ``queries`` distinct needs:

* ``engine``: one need's top 10 with explanations, end to end from its text: analysis, query
  embedding (the need's sentences are dropped from the caches first), candidates, scoring,
  explanations;
* ``warm``: the same for a need that is already indexed (its terms and vector are reused);
* ``bm25``: analysis plus exhaustive BM25 top 10 over the same supplier index.

Memory is the process's resident size after the build and its peak so far (``ru_maxrss``): run the
sizes in increasing order so each peak belongs to its size.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

from matching.embedding.base import Embedder, FloatMatrix, Kind
from matching.engine.engine import MatchEngine
from matching.engine.explain import Names
from matching.engine.profiles import NeedProfile, SupplierProfile
from matching.vectors import recall_at_k

MakeProfiles = Callable[[int], Iterable[Sequence[SupplierProfile]]]


class TimedEmbedder:
    """Wraps an embedder to count the texts it encodes and the seconds it spends."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.seconds = 0.0
        self.texts = 0

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self.inner.dim

    def encode(self, texts: list[str], *, kind: Kind) -> FloatMatrix:
        start = time.perf_counter()
        out = self.inner.encode(texts, kind=kind)
        self.seconds += time.perf_counter() - start
        self.texts += len(texts)
        return out


@dataclass(frozen=True)
class SpeedResult:
    suppliers: int
    build_seconds: float
    embed_seconds: float
    embedded_texts: int
    rss_mb: float
    peak_mb: float
    engine_ms: tuple[float, float]  # p50, p95
    warm_ms: tuple[float, float]
    bm25_ms: tuple[float, float]
    approximate: bool
    recall_at_10: float  # of the vector index against exact search, need vectors as queries

    def line(self) -> str:
        def pair(p: tuple[float, float]) -> str:
            return f"p50={p[0]:.1f}ms p95={p[1]:.1f}ms"

        mode = f"ivf recall@10={self.recall_at_10:.3f}" if self.approximate else "exact"
        return (
            f"suppliers={self.suppliers} build={self.build_seconds:.1f}s "
            f"(embedding {self.embed_seconds:.1f}s for {self.embedded_texts} sentences) "
            f"rss={self.rss_mb:,.0f}MB peak={self.peak_mb:,.0f}MB vectors={mode} | "
            f"engine {pair(self.engine_ms)} | warm {pair(self.warm_ms)} | bm25 {pair(self.bm25_ms)}"
        )


def _rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _percentiles(samples: list[float]) -> tuple[float, float]:
    a = np.asarray(samples) * 1000
    return float(np.percentile(a, 50)), float(np.percentile(a, 95))


def _take(batches: Iterable[Sequence[SupplierProfile]], n: int) -> Iterator[SupplierProfile]:
    count = 0
    for batch in batches:
        for profile in batch:
            if count >= n:
                return
            yield profile
            count += 1


def measure_size(
    n: int,
    make_profiles: MakeProfiles,
    needs: Sequence[NeedProfile],
    embedder: Embedder,
    *,
    queries: int = 100,
    k: int = 10,
    names: Names | None = None,
) -> SpeedResult:
    timed = TimedEmbedder(embedder)
    gc.collect()
    start = time.perf_counter()
    engine = MatchEngine(timed, names=names).index(_take(make_profiles(n), n), needs)
    build = time.perf_counter() - start
    embed_seconds, embedded = timed.seconds, timed.texts
    rss, peak = _rss_mb(), _peak_mb()
    sample = list(needs[:queries])
    cold: list[float] = []
    warm: list[float] = []
    bm25: list[float] = []
    featurizer = engine.featurizer_
    lexical = engine.suppliers_.lexical_
    for need in sample:
        fresh = NeedProfile(f"{need.id}#query", need.text, need.required_capabilities, need.ksic_code,
                            need.region_code, need.lat, need.lon, need.hub, need.linked_hubs,
                            need.budget_min, need.budget_max, need.company_employees)  # fmt: skip
        featurizer.forget(need.text)  # a need text never seen: analysis and embedding included
        t0 = time.perf_counter()
        engine.suppliers_for_need(fresh, k=k)
        t1 = time.perf_counter()
        engine.suppliers_for_need(need, k=k)
        t2 = time.perf_counter()
        featurizer.forget(need.text)
        lexical.top(featurizer.terms(need.text), k)
        t3 = time.perf_counter()
        cold.append(t1 - t0)
        warm.append(t2 - t1)
        bm25.append(t3 - t2)
    need_vectors = engine.needs_.vectors_.all_items()[1][:queries]
    recall = recall_at_k(engine.suppliers_.vectors_, need_vectors, 10)
    return SpeedResult(
        suppliers=len(engine.suppliers_),
        build_seconds=build,
        embed_seconds=embed_seconds,
        embedded_texts=embedded,
        rss_mb=rss,
        peak_mb=peak,
        engine_ms=_percentiles(cold),
        warm_ms=_percentiles(warm),
        bm25_ms=_percentiles(bm25),
        approximate=engine.suppliers_.vectors_.approximate,
        recall_at_10=recall,
    )


def run_speed_bench(
    sizes: Sequence[int],
    make_profiles: MakeProfiles,
    *,
    needs: Sequence[NeedProfile],
    embedder: Embedder,
    queries: int = 100,
    names: Names | None = None,
    out: TextIO = sys.stdout,
) -> list[SpeedResult]:
    """Build and time the engine at each size (increasing), printing one line per size."""
    results = []
    for n in sorted(sizes):
        result = measure_size(n, make_profiles, needs, embedder, queries=queries, names=names)
        print(result.line(), file=out, flush=True)
        results.append(result)
    return results
